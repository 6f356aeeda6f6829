// The weighted index: the reader sets each criterion's weight (0–5) and the server ranks the
// countries with those weights. Every state is in the URL; a small script only saves the click.
import { pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { ASSETS } from '../../web/assets.ts';
import { href } from '../../web/html.ts';
import { DownloadLinks, EditionLine, ReviewLayout, Text, frameworkCrumb, reviewsPath } from './components.tsx';
import { MAX_WEIGHT, weightParams, type Sort, type Weights } from './params.ts';
import type { RegionInfo } from './queries.ts';
import type { ScorecardRow } from './review-data.ts';
import { ScoreTable, ScorecardForm } from './score-table.tsx';
import type { Framework, ReviewEdition } from './store.ts';

export type WeightedPageProps = {
  ctx: PageContext;
  framework: Framework;
  editions: ReviewEdition[];
  edition: ReviewEdition;
  previous: ReviewEdition | undefined;
  regions: RegionInfo[];
  region: RegionInfo | undefined;
  sort: Sort;
  weights: Weights;
  rows: ScorecardRow[];
};

const CHOICES = Array.from({ length: MAX_WEIGHT + 1 }, (_, i) => i);

export function WeightedPage({ ctx, framework, editions, edition, previous, regions, region, sort, weights, rows }: WeightedPageProps) {
  const { t, locale } = ctx;
  const title = `${pickText(framework.name, locale).text} · ${t('reviews.indexTitle')}`;
  const base = reviewsPath(locale, framework.key, '/index');
  const state = { edition: edition.label, region: region?.code, sort: sort === 'score' ? undefined : sort, ...weightParams(framework, weights) };
  const caption = t('reviews.indexCaption', { count: rows.length, label: edition.label });
  return (
    <ReviewLayout ctx={ctx} title={title} edition={edition} scripts={[ASSETS.reviewsIndexJs.url]} crumbs={[frameworkCrumb(ctx, framework, edition), { label: t('reviews.indexTitle') }]}>
      <h1>{t('reviews.indexTitle')}</h1>
      <p class="page-kind">
        <Text value={framework.name} locale={locale} />
      </p>
      <EditionLine ctx={ctx} edition={edition} />
      <p>{t('reviews.indexIntro')}</p>
      <ScorecardForm ctx={ctx} action={base} editions={editions} edition={edition} regions={regions} region={region} sort={sort} attrs={{ 'data-live-index': '' }}>
        <fieldset class="weights">
          <legend>{t('reviews.weightsLegend')}</legend>
          {framework.criteria.map((c) => {
            const value = weights.values.get(c.key) ?? c.weight;
            const choices = CHOICES.includes(c.weight) ? CHOICES : [...CHOICES, c.weight].sort((a, b) => a - b);
            return (
              <div class="field weight">
                <label for={`w-${c.key}`}>
                  <Text value={c.name} locale={locale} />
                </label>
                <select id={`w-${c.key}`} name={`w.${c.key}`}>
                  {choices.map((n) => (
                    <option value={String(n)} selected={n === value}>
                      {n === c.weight ? t('reviews.defaultWeight', { weight: n }) : String(n)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
        <div class="form-actions">
          <button type="submit">{t('reviews.recompute')}</button>{' '}
          <a href={href(base, { edition: edition.label, region: region?.code })}>{t('reviews.resetWeights')}</a>
        </div>
      </ScorecardForm>
      <p id="index-status" role="status" class="muted" data-updated={t('reviews.tableUpdated')}></p>
      <div id="index-results">
        {weights.custom && <p class="notice">{t('reviews.customWeights')}</p>}
        {rows.length === 0 ? (
          <p class="notice">{region ? t('reviews.noRegionCountries') : t('reviews.noCountries')}</p>
        ) : (
          <ScoreTable
            ctx={ctx}
            framework={framework}
            edition={edition}
            rows={rows}
            sort={sort}
            caption={caption}
            previousLabel={previous?.label}
            sortHref={(s) => href(base, { ...state, sort: s === 'score' ? undefined : s })}
          />
        )}
        <DownloadLinks ctx={ctx} csv={reviewsPath(locale, framework.key, '/scorecard.csv', state)} json={reviewsPath(locale, framework.key, '/scorecard.json', state)} />
      </div>
    </ReviewLayout>
  );
}
