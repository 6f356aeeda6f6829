// The practices directory's search page: one GET form (words, sort), facets, active filters,
// results, pages and exports. The facet, chip and pager pieces are the library's (../search).
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { href } from '../../web/html.ts';
import { ASSETS } from '../../web/assets.ts';
import { facetLabel, type Labels } from '../library/labels.ts';
import { LIMITS } from '../library/schema.ts';
import { ActiveFilters, ExportLinks, FacetGroup, NoResults, Pager, ResultsHeading, SearchForm, YearRange, type Chip } from '../search/components.tsx';
import { actorLabel, PracticeItem } from './components.tsx';
import { practiceQuery } from './params.ts';
import type { PracticeSearchParams, PracticeSearchResult } from './search.ts';
import { PRACTICE_EXPORTS } from './exports.ts';

const FORM = 'practices-form';
type ListFacet = 'topic' | 'country' | 'region' | 'actor';
const LIST_FACETS: ListFacet[] = ['actor', 'topic', 'country', 'region'];

type Props = { ctx: PageContext; params: PracticeSearchParams; result: PracticeSearchResult; labels: Labels };

function valueLabel(ctx: PageContext, labels: Labels, facet: ListFacet, value: string): string {
  return facet === 'actor' ? actorLabel(ctx.t, value) : facetLabel(labels, ctx.t, ctx.locale, facet, value);
}

function legend(ctx: PageContext, facet: ListFacet): string {
  return facet === 'actor' ? ctx.t('practices.facet.actor') : ctx.t(`library.facet.${facet}`);
}

function chips(ctx: PageContext, params: PracticeSearchParams, labels: Labels, base: string): Chip[] {
  const out: Chip[] = [];
  for (const facet of LIST_FACETS) {
    for (const value of params[facet]) {
      out.push({ label: valueLabel(ctx, labels, facet, value), link: href(base, practiceQuery(params, { [facet]: params[facet].filter((v) => v !== value), page: 1 })) });
    }
  }
  if (params.yearFrom !== undefined || params.yearTo !== undefined) {
    out.push({
      label: `${ctx.t('practices.facet.years')}: ${params.yearFrom ?? '…'}–${params.yearTo ?? '…'}`,
      link: href(base, practiceQuery(params, { yearFrom: undefined, yearTo: undefined, page: 1 })),
    });
  }
  return out;
}

export function PracticesPage({ ctx, params, result, labels }: Props) {
  const { t, locale } = ctx;
  const base = `/${locale}/practices`;
  const exportQuery = { ...practiceQuery(params, { page: 1 }), lang: locale };
  return (
    <Layout ctx={ctx} title={t('practices.title')} scripts={[ASSETS.libraryJs.url]} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      <h1>{t('practices.title')}</h1>
      <p>{t('practices.intro')}</p>
      <p>
        <a href={`${base}/submit`}>{t('practices.submitLink')}</a>
      </p>
      <SearchForm ctx={ctx} id={FORM} action={base} label={t('practices.searchLabel')} placeholder={t('practices.searchPlaceholder')} q={params.q} sort={params.sort} />
      <ActiveFilters ctx={ctx} chips={chips(ctx, params, labels, base)} clearLink={href(base, { q: params.q || undefined })} />
      <div class="layout">
        <section class="facets" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('library.filters')}</h2>
          {LIST_FACETS.map((facet) => (
            <FacetGroup ctx={ctx} form={FORM} name={facet} legend={legend(ctx, facet)} counts={result.facets[facet]} selected={params[facet]}
              label={(v) => valueLabel(ctx, labels, facet, v)} />
          ))}
          <YearRange ctx={ctx} form={FORM} legend={t('practices.facet.years')} from={params.yearFrom} to={params.yearTo} />
          <button type="submit" form={FORM}>{t('library.applyFilters')}</button>
        </section>
        <section aria-labelledby="results-heading">
          <ResultsHeading ctx={ctx} count={t('practices.resultCount', { count: result.total })} q={params.q} corrections={result.corrections} />
          {result.total === 0 ? (
            <NoResults ctx={ctx} title={t('practices.empty.title')} clearLink={base}>
              <p>
                {t('practices.empty.submit')} <a href={`${base}/submit`}>{t('practices.submitLink')}</a>
              </p>
            </NoResults>
          ) : (
            <>
              <ul class="results">
                {result.items.map((p) => (
                  <PracticeItem ctx={ctx} p={p} labels={labels} />
                ))}
              </ul>
              <Pager ctx={ctx} page={params.page} perPage={params.perPage} total={result.total} pageMax={LIMITS.pageMax}
                link={(page) => href(base, practiceQuery(params, { page }))} />
              <ExportLinks ctx={ctx} path="/api/v1/practices/export" formats={PRACTICE_EXPORTS} query={exportQuery} />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}
