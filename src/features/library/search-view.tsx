// The library's search page: one GET form (words, sort, facets), active filters, results, pages, exports.
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { href } from '../../web/html.ts';
import { ASSETS } from '../../web/assets.ts';
import { formatNumber } from '../../i18n/messages.ts';
import { ResultList } from './components.tsx';
import { facetLabel, type Labels } from './labels.ts';
import { searchQuery } from './params.ts';
import { FACETS, LIMITS, SORTS, type Facet, type SearchParams } from './schema.ts';
import type { FacetCount, SearchResult } from './search.ts';
import { EXPORT_FORMATS } from './export-formats.ts';

const FACET_PARAM: Record<Exclude<Facet, 'year'>, keyof SearchParams & string> = {
  topic: 'topic',
  country: 'country',
  region: 'region',
  publisher: 'publisher',
  type: 'type',
  language: 'language',
};
const VISIBLE_VALUES = 10;

type Props = { ctx: PageContext; params: SearchParams; result: SearchResult; labels: Labels };

function FacetGroup({ ctx, facet, counts, selected, labels }: { ctx: PageContext; facet: Exclude<Facet, 'year'>; counts: FacetCount[]; selected: string[]; labels: Labels }) {
  const { t, locale } = ctx;
  // Selected values stay visible even when no result has them any more.
  const values = [...counts];
  for (const s of selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
  if (values.length === 0) return null;
  const option = (v: FacetCount) => (
    <li>
      <label>
        <input form="library-form" type="checkbox" name={FACET_PARAM[facet]} value={v.value} checked={selected.includes(v.value)} />
        <span>{facetLabel(labels, t, locale, facet, v.value)}</span> <span class="n">({formatNumber(locale, v.count)})</span>
      </label>
    </li>
  );
  const shown = values.filter((v, i) => i < VISIBLE_VALUES || selected.includes(v.value));
  const rest = values.filter((v, i) => i >= VISIBLE_VALUES && !selected.includes(v.value));
  return (
    <fieldset>
      <legend>{t(`library.facet.${facet}`)}</legend>
      <ul>{shown.map(option)}</ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t('library.facet.showMore', { count: values.length })}</summary>
          <ul>{rest.map(option)}</ul>
        </details>
      ) : null}
    </fieldset>
  );
}

function ActiveFilters({ ctx, params, labels }: { ctx: PageContext; params: SearchParams; labels: Labels }) {
  const { t, locale } = ctx;
  const base = `/${locale}/library`;
  const chips: { label: string; link: string }[] = [];
  for (const facet of Object.keys(FACET_PARAM) as (keyof typeof FACET_PARAM)[]) {
    const key = FACET_PARAM[facet] as 'topic';
    for (const value of params[key]) {
      chips.push({
        label: facetLabel(labels, t, locale, facet, value),
        link: href(base, searchQuery(params, { [key]: params[key].filter((v) => v !== value), page: 1 })),
      });
    }
  }
  if (params.yearFrom !== undefined || params.yearTo !== undefined) {
    chips.push({
      label: `${params.yearFrom ?? '…'}–${params.yearTo ?? '…'}`,
      link: href(base, searchQuery(params, { yearFrom: undefined, yearTo: undefined, page: 1 })),
    });
  }
  if (chips.length === 0) return null;
  return (
    <section aria-labelledby="active-filters">
      <h2 id="active-filters" class="muted">{t('library.activeFilters')}</h2>
      <ul class="chips">
        {chips.map((c) => (
          <li>
            <a href={c.link} aria-label={t('library.removeFilter', { label: c.label })}>
              {c.label} ×
            </a>
          </li>
        ))}
        <li>
          <a href={href(base, { q: params.q || undefined })}>{t('library.clearAll')}</a>
        </li>
      </ul>
    </section>
  );
}

function Pager({ ctx, params, total }: { ctx: PageContext; params: SearchParams; total: number }) {
  const { t, locale } = ctx;
  const pages = Math.ceil(total / params.perPage);
  if (pages <= 1) return null;
  const reachable = Math.min(pages, LIMITS.pageMax);
  const base = `/${locale}/library`;
  return (
    <nav class="pager" aria-label={t('library.pagination')}>
      {params.page > 1 ? <a href={href(base, searchQuery(params, { page: params.page - 1 }))} rel="prev">{t('library.previous')}</a> : null}
      <span>{t('library.pageOf', { page: formatNumber(locale, params.page), pages: formatNumber(locale, reachable) })}</span>
      {params.page < reachable ? <a href={href(base, searchQuery(params, { page: params.page + 1 }))} rel="next">{t('library.next')}</a> : null}
      {pages > LIMITS.pageMax && params.page === reachable ? <p>{t('library.pageCap', { pages: LIMITS.pageMax })}</p> : null}
    </nav>
  );
}

function Exports({ ctx, params }: { ctx: PageContext; params: SearchParams }) {
  const { t, locale } = ctx;
  const query = { ...searchQuery(params, { page: 1 }), lang: locale };
  return (
    <section class="exports" aria-labelledby="export-heading">
      <h2 id="export-heading" class="muted">{t('library.export')}</h2>
      {EXPORT_FORMATS.map((f) => (
        <a href={href(`/api/v1/resources/export.${f.extension}`, query)} download>
          {f.label}
        </a>
      ))}
      <a href={href('/api/v1/resources/feed.atom', query)}>{t('library.feed')}</a>
    </section>
  );
}

export function LibraryPage({ ctx, params, result, labels }: Props) {
  const { t, locale } = ctx;
  const base = `/${locale}/library`;
  const feedHref = href('/api/v1/resources/feed.atom', { ...searchQuery(params, { page: 1 }), lang: locale });
  return (
    <Layout ctx={ctx} title={t('library.title')} scripts={[ASSETS.libraryJs.url]} head={<link rel="alternate" type="application/atom+xml" title={t('library.feed')} href={feedHref} />}>
      <h1>{t('library.title')}</h1>
      <form class="search" method="get" action={base} role="search" data-autosubmit id="library-form">
        <div class="q">
          <label for="q">{t('library.searchLabel')}</label>
          <input id="q" type="search" name="q" value={params.q} maxlength={LIMITS.queryMax} placeholder={t('library.searchPlaceholder')} />
        </div>
        <div>
          <label for="sort">{t('library.sortLabel')}</label>{' '}
          <select id="sort" name="sort">
            {SORTS.map((s) => (
              <option value={s} selected={params.sort === s}>
                {t(`library.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('library.searchButton')}</button>
      </form>
      <ActiveFilters ctx={ctx} params={params} labels={labels} />
      <div class="layout">
        <section class="facets" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('library.filters')}</h2>
          {(FACETS.filter((f) => f !== 'year') as Exclude<Facet, 'year'>[]).map((facet) => (
            <FacetGroup ctx={ctx} facet={facet} counts={result.facets[facet]} selected={params[FACET_PARAM[facet]] as string[]} labels={labels} />
          ))}
          <fieldset>
            <legend>{t('library.facet.year')}</legend>
            <div class="years">
              <label>
                {t('library.yearFrom')} <input form="library-form" type="number" name="year_from" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={params.yearFrom ?? ''} />
              </label>
              <label>
                {t('library.yearTo')} <input form="library-form" type="number" name="year_to" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={params.yearTo ?? ''} />
              </label>
            </div>
          </fieldset>
          <button type="submit" form="library-form">{t('library.applyFilters')}</button>
        </section>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('library.resultCount', { count: result.total })} {params.q ? t('library.query', { query: params.q }) : ''}
          </h2>
          {result.corrections.length > 0 ? (
            <p class="notice">{t('library.didYouMean', { words: result.corrections.map((c) => c.suggestion).join(', ') })}</p>
          ) : null}
          {result.total === 0 ? (
            <div class="notice">
              <p>{t('library.empty.title')}</p>
              <p>{t('library.empty.hint')}</p>
              <p>
                <a href={base}>{t('library.empty.clear')}</a>
              </p>
            </div>
          ) : (
            <>
              <ResultList ctx={ctx} items={result.items} labels={labels} />
              <Pager ctx={ctx} params={params} total={result.total} />
              <Exports ctx={ctx} params={params} />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}
