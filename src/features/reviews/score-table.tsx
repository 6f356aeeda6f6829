// The ranked table of countries (scorecard and weighted index) and the GET form that chooses what
// it shows: the same markup serves both, so that the index reads exactly like the scorecard.
import type { Child } from 'hono/jsx';
import { pickText } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { PageContext } from '../../web/context.ts';
import { ChangeLabel, EditionSelect, Score, reviewsPath } from './components.tsx';
import { SORTS, type Sort } from './params.ts';
import type { RegionInfo } from './queries.ts';
import type { ScorecardRow } from './review-data.ts';
import type { Framework, ReviewEdition } from './store.ts';

const SORT_KEYS: Record<Sort, MessageKey> = { score: 'reviews.sort.score', name: 'reviews.sort.name', change: 'reviews.sort.change' };
const KIND_KEYS: Record<RegionInfo['kind'], MessageKey> = {
  continent: 'reviews.kind.continent',
  subregion: 'reviews.kind.subregion',
  organisation: 'reviews.kind.organisation',
};

export function RegionSelect({ ctx, regions, selected, allLabel }: { ctx: PageContext; regions: RegionInfo[]; selected: string | undefined; allLabel: string }) {
  const kinds = ['continent', 'subregion', 'organisation'] as const;
  const collator = new Intl.Collator(ctx.locale);
  return (
    <div class="field">
      <label for="region">{ctx.t('reviews.regionField')}</label>
      <select id="region" name="region">
        <option value="" selected={!selected}>
          {allLabel}
        </option>
        {kinds.map((kind) => (
          <optgroup label={ctx.t(KIND_KEYS[kind])}>
            {regions
              .filter((r) => r.kind === kind)
              .map((r) => ({ code: r.code, name: pickText(r.names, ctx.locale).text }))
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((r) => (
                <option value={r.code} selected={r.code === selected}>
                  {r.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function SortSelect({ ctx, sort }: { ctx: PageContext; sort: Sort }) {
  return (
    <div class="field">
      <label for="sort">{ctx.t('reviews.sortField')}</label>
      <select id="sort" name="sort">
        {SORTS.map((s) => (
          <option value={s} selected={s === sort}>
            {ctx.t(SORT_KEYS[s])}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The scorecard's own form: which edition, which region, in what order. */
export function ScorecardForm({
  ctx,
  action,
  editions,
  edition,
  regions,
  region,
  sort,
  children,
  attrs = {},
}: {
  ctx: PageContext;
  action: string;
  editions: ReviewEdition[];
  edition: ReviewEdition;
  regions: RegionInfo[];
  region: RegionInfo | undefined;
  sort: Sort;
  children?: Child;
  attrs?: Record<string, string>;
}) {
  return (
    <form method="get" action={action} class="review-filters" aria-label={ctx.t('reviews.filters')} {...attrs}>
      <EditionSelect ctx={ctx} editions={editions} edition={edition} />
      <RegionSelect ctx={ctx} regions={regions} selected={region?.code} allLabel={ctx.t('reviews.allCountries')} />
      <SortSelect ctx={ctx} sort={sort} />
      {children}
    </form>
  );
}

export type ScoreTableProps = {
  ctx: PageContext;
  framework: Framework;
  edition: ReviewEdition;
  rows: ScorecardRow[];
  sort: Sort;
  caption: string;
  previousLabel: string | undefined;
  /** The URL of this table sorted another way (every other parameter kept). */
  sortHref: (sort: Sort) => string;
};

export function ScoreTable({ ctx, framework, edition, rows, sort, caption, previousLabel, sortHref }: ScoreTableProps) {
  const { t, locale } = ctx;
  const sortable = (key: Sort, label: string, direction: 'ascending' | 'descending') =>
    sort === key ? (
      <th scope="col" aria-sort={direction}>
        {label}
      </th>
    ) : (
      <th scope="col">
        <a href={sortHref(key)} title={t('reviews.sortByThis')}>
          {label}
        </a>
      </th>
    );
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="review-table scorecard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.col.rank')}</th>
            {sortable('name', t('reviews.col.country'), 'ascending')}
            {sortable('score', t('reviews.col.score'), 'descending')}
            <th scope="col">{t('reviews.status.met')}</th>
            <th scope="col">{t('reviews.status.partly')}</th>
            <th scope="col">{t('reviews.status.not_met')}</th>
            <th scope="col">{t('reviews.status.not_assessed')}</th>
            {sortable('change', previousLabel ? t('reviews.col.change', { label: previousLabel }) : t('reviews.col.changeNone'), 'descending')}
            <th scope="col" class="links-col">{t('reviews.col.links')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="num">{r.rank ?? <span class="muted">{t('reviews.unranked')}</span>}</td>
              <th scope="row">{r.name}</th>
              <td class="num">
                <Score ctx={ctx} score={r.score} />
              </td>
              <td class="num">{r.met}</td>
              <td class="num">{r.partly}</td>
              <td class="num">{r.notMet}</td>
              <td class="num">{r.notAssessed}</td>
              <td>
                <ChangeLabel ctx={ctx} change={r.change} previous={r.previous} />
              </td>
              <td class="links-col">
                <a href={reviewsPath(locale, framework.key, `/gaps/${r.country}`, { edition: edition.label })} aria-label={t('reviews.gapsLinkLabel', { country: r.name })}>
                  {t('reviews.gapsLink')}
                </a>{' '}
                · <a href={`/${locale}/countries/${r.country}`} aria-label={t('reviews.profileLinkLabel', { country: r.name })}>{t('reviews.profileLink')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
