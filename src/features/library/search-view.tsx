// The library's search page: one GET form (words, sort, facets), active filters, results, pages, exports.
// The facet, chip and pager pieces are shared with the practices directory (../search/components.tsx).
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { href } from '../../web/html.ts';
import { ASSETS } from '../../web/assets.ts';
import { ResultList } from './components.tsx';
import { facetLabel, type Labels } from './labels.ts';
import { searchQuery } from './params.ts';
import { FACETS, LIMITS, type Facet, type SearchParams } from './schema.ts';
import type { SearchResult } from './search.ts';
import { ActiveFilters, ExportLinks, FacetGroup, NoResults, Pager, ResultsHeading, SearchForm, YearRange, type Chip } from '../search/components.tsx';
import { EXPORT_FORMATS } from './export-formats.ts';

const FACET_PARAM: Record<Exclude<Facet, 'year'>, keyof SearchParams & string> = {
  topic: 'topic',
  country: 'country',
  region: 'region',
  publisher: 'publisher',
  type: 'type',
  language: 'language',
};

type Props = { ctx: PageContext; params: SearchParams; result: SearchResult; labels: Labels };

function activeFilterChips(ctx: PageContext, params: SearchParams, labels: Labels): Chip[] {
  const { t, locale } = ctx;
  const base = `/${locale}/library`;
  const chips: Chip[] = [];
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
  return chips;
}

function Exports({ ctx, params }: { ctx: PageContext; params: SearchParams }) {
  const { t, locale } = ctx;
  const query = { ...searchQuery(params, { page: 1 }), lang: locale };
  return (
    <ExportLinks ctx={ctx} path="/api/v1/resources/export" formats={EXPORT_FORMATS} query={query}>
      <a href={href('/api/v1/resources/feed.atom', query)}>{t('library.feed')}</a>
    </ExportLinks>
  );
}

export function LibraryPage({ ctx, params, result, labels }: Props) {
  const { t, locale } = ctx;
  const base = `/${locale}/library`;
  const feedHref = href('/api/v1/resources/feed.atom', { ...searchQuery(params, { page: 1 }), lang: locale });
  return (
    <Layout ctx={ctx} title={t('library.title')} scripts={[ASSETS.libraryJs.url]} head={<link rel="alternate" type="application/atom+xml" title={t('library.feed')} href={feedHref} />}>
      <h1>{t('library.title')}</h1>
      <SearchForm ctx={ctx} id="library-form" action={base} label={t('library.searchLabel')} placeholder={t('library.searchPlaceholder')} q={params.q} sort={params.sort} />
      <ActiveFilters ctx={ctx} chips={activeFilterChips(ctx, params, labels)} clearLink={href(base, { q: params.q || undefined })} />
      <div class="layout">
        <section class="facets" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('library.filters')}</h2>
          {(FACETS.filter((f) => f !== 'year') as Exclude<Facet, 'year'>[]).map((facet) => (
            <FacetGroup ctx={ctx} form="library-form" name={FACET_PARAM[facet]} legend={t(`library.facet.${facet}`)} counts={result.facets[facet]}
              selected={params[FACET_PARAM[facet]] as string[]} label={(v) => facetLabel(labels, t, locale, facet, v)} />
          ))}
          <YearRange ctx={ctx} form="library-form" legend={t('library.facet.year')} from={params.yearFrom} to={params.yearTo} />
          <button type="submit" form="library-form">{t('library.applyFilters')}</button>
        </section>
        <section aria-labelledby="results-heading">
          <ResultsHeading ctx={ctx} count={t('library.resultCount', { count: result.total })} q={params.q} corrections={result.corrections} />
          {result.total === 0 ? (
            <NoResults ctx={ctx} title={t('library.empty.title')} clearLink={base} />
          ) : (
            <>
              <ResultList ctx={ctx} items={result.items} labels={labels} />
              <Pager ctx={ctx} page={params.page} perPage={params.perPage} total={result.total} pageMax={LIMITS.pageMax}
                link={(page) => href(base, searchQuery(params, { page }))} />
              <Exports ctx={ctx} params={params} />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}
