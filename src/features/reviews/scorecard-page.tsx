// The frameworks index and a framework's scorecard.
import { pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { href } from '../../web/html.ts';
import { DownloadLinks, EditionLine, ReviewLayout, Text, reviewsPath } from './components.tsx';
import type { Sort } from './params.ts';
import type { EditionSummary, RegionInfo } from './queries.ts';
import type { ScorecardRow } from './review-data.ts';
import { ScoreTable, ScorecardForm } from './score-table.tsx';
import type { Framework, ReviewEdition } from './store.ts';

export function FrameworksPage({ ctx, frameworks, newest }: { ctx: PageContext; frameworks: Framework[]; newest: Map<string, EditionSummary> }) {
  const { t, locale } = ctx;
  return (
    <ReviewLayout ctx={ctx} title={t('reviews.title')}>
      <h1>{t('reviews.title')}</h1>
      <p>{t('reviews.intro')}</p>
      {frameworks.length === 0 && <p>{t('reviews.noFrameworks')}</p>}
      <ul class="framework-list">
        {frameworks.map((f) => {
          const edition = newest.get(f.key);
          return (
            <li>
              <h2>
                <a href={reviewsPath(locale, f.key)}>
                  <Text value={f.name} locale={locale} />
                </a>
              </h2>
              {pickText(f.description, locale).text && (
                <p>
                  <Text value={f.description} locale={locale} />
                </p>
              )}
              <p class="meta">
                {t('reviews.criteriaCount', { count: f.criteria.length })}
                {f.derived ? ` · ${t('reviews.derivedNote')}` : ''}
              </p>
              <p class="meta">
                {edition ? t('reviews.newestEdition', { label: edition.label, year: edition.year, count: edition.countries }) : t('reviews.noEdition')}
                {edition?.demo ? (
                  <>
                    {' '}
                    <strong class="demo-tag">{t('reviews.demoTitle')}</strong>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </ReviewLayout>
  );
}

export function NoEditionPage({ ctx, framework, title }: { ctx: PageContext; framework: Framework; title?: string }) {
  const { t, locale } = ctx;
  const name = pickText(framework.name, locale).text;
  return (
    <ReviewLayout ctx={ctx} title={title ?? name} crumbs={[{ label: <Text value={framework.name} locale={locale} /> }]}>
      <h1>
        <Text value={framework.name} locale={locale} />
      </h1>
      <p>
        <Text value={framework.description} locale={locale} />
      </p>
      <p class="notice">{t('reviews.noEdition')}</p>
      <p>
        <a href={reviewsPath(locale)}>{t('reviews.allFrameworks')}</a>
      </p>
    </ReviewLayout>
  );
}

export type ScorecardProps = {
  ctx: PageContext;
  framework: Framework;
  editions: ReviewEdition[];
  edition: ReviewEdition;
  previous: ReviewEdition | undefined;
  regions: RegionInfo[];
  region: RegionInfo | undefined;
  sort: Sort;
  rows: ScorecardRow[];
  assessedCountries: Set<string>;
};

export function ScorecardPage({ ctx, framework, editions, edition, previous, regions, region, sort, rows, assessedCountries }: ScorecardProps) {
  const { t, locale } = ctx;
  const name = pickText(framework.name, locale).text;
  const state = { edition: edition.label, region: region?.code, sort: sort === 'score' ? undefined : sort };
  const base = reviewsPath(locale, framework.key);
  const regionName = region ? pickText(region.names, locale).text : '';
  const caption = region
    ? t('reviews.scorecardRegionCaption', { count: rows.length, region: regionName, label: edition.label })
    : t('reviews.scorecardCaption', { count: rows.length, label: edition.label });
  const withRegions = regions.filter((r) => r.members.some((m) => assessedCountries.has(m)));
  const exportQuery = { edition: edition.label, region: region?.code, sort: state.sort };
  return (
    <ReviewLayout ctx={ctx} title={`${name} · ${t('reviews.scorecardTitle')}`} edition={edition} crumbs={[{ label: <Text value={framework.name} locale={locale} /> }]}>
      <h1>
        <Text value={framework.name} locale={locale} />
      </h1>
      <p class="page-kind">{t('reviews.scorecardTitle')}</p>
      <EditionLine ctx={ctx} edition={edition} />
      <p class="review-description">
        <Text value={framework.description} locale={locale} />
      </p>
      <ScorecardForm ctx={ctx} action={base} editions={editions} edition={edition} regions={regions} region={region} sort={sort}>
        <button type="submit">{t('reviews.show')}</button>
      </ScorecardForm>
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
      <p class="meta">
        {t('reviews.rankNote')} {t('reviews.scoringNote')}
      </p>
      <DownloadLinks ctx={ctx} csv={reviewsPath(locale, framework.key, '/scorecard.csv', exportQuery)} json={reviewsPath(locale, framework.key, '/scorecard.json', exportQuery)} />
      <nav aria-label={t('reviews.more')} class="review-links">
        <ul>
          <li>
            <a href={reviewsPath(locale, framework.key, '/map', { edition: edition.label })}>{t('reviews.mapLink')}</a>
          </li>
          <li>
            <a href={reviewsPath(locale, framework.key, '/index', { edition: edition.label, region: region?.code })}>{t('reviews.indexLink')}</a>
          </li>
          {region && (
            <li>
              <a href={reviewsPath(locale, framework.key, `/regions/${region.code}`, { edition: edition.label })}>{t('reviews.regionTitle', { region: regionName })}</a>
            </li>
          )}
        </ul>
      </nav>
      {withRegions.length > 0 && (
        <section class="regional-links" aria-labelledby="regional-reviews">
          <h2 id="regional-reviews">{t('reviews.regionalReviews')}</h2>
          <p>{t('reviews.regionalReviewsIntro')}</p>
          <ul>
            {withRegions.map((r) => (
              <li>
                <a href={reviewsPath(locale, framework.key, `/regions/${r.code}`, { edition: edition.label })}>
                  <Text value={r.names} locale={locale} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </ReviewLayout>
  );
}
