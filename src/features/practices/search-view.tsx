// The practices directory's search page: one GET form (words, sort), facets, active filters,
// results, pages and exports. The facet, chip and pager pieces are the library's (../search).
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { href } from '../../web/html.ts';
import { ASSETS } from '../../web/assets.ts';
import { facetLabel, type Labels } from '../library/labels.ts';
import { LIMITS, SORTS } from '../library/schema.ts';
import { ActiveFilters, FacetGroup, Pager, type Chip } from '../search/components.tsx';
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
      <form class="search" method="get" action={base} role="search" data-autosubmit id={FORM}>
        <div class="q">
          <label for="q">{t('practices.searchLabel')}</label>
          <input id="q" type="search" name="q" value={params.q} maxlength={LIMITS.queryMax} placeholder={t('practices.searchPlaceholder')} />
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
      <ActiveFilters ctx={ctx} chips={chips(ctx, params, labels, base)} clearLink={href(base, { q: params.q || undefined })} />
      <div class="layout">
        <section class="facets" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('library.filters')}</h2>
          {LIST_FACETS.map((facet) => (
            <FacetGroup ctx={ctx} form={FORM} name={facet} legend={legend(ctx, facet)} counts={result.facets[facet]} selected={params[facet]}
              label={(v) => valueLabel(ctx, labels, facet, v)} />
          ))}
          <fieldset>
            <legend>{t('practices.facet.years')}</legend>
            <div class="years">
              <label>
                {t('library.yearFrom')} <input form={FORM} type="number" name="year_from" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={params.yearFrom ?? ''} />
              </label>
              <label>
                {t('library.yearTo')} <input form={FORM} type="number" name="year_to" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={params.yearTo ?? ''} />
              </label>
            </div>
          </fieldset>
          <button type="submit" form={FORM}>{t('library.applyFilters')}</button>
        </section>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('practices.resultCount', { count: result.total })} {params.q ? t('library.query', { query: params.q }) : ''}
          </h2>
          {result.corrections.length > 0 ? (
            <p class="notice">{t('library.didYouMean', { words: result.corrections.map((c) => c.suggestion).join(', ') })}</p>
          ) : null}
          {result.total === 0 ? (
            <div class="notice">
              <p>{t('practices.empty.title')}</p>
              <p>{t('library.empty.hint')}</p>
              <p>
                <a href={base}>{t('library.empty.clear')}</a>
              </p>
              <p>
                {t('practices.empty.submit')} <a href={`${base}/submit`}>{t('practices.submitLink')}</a>
              </p>
            </div>
          ) : (
            <>
              <ul class="results">
                {result.items.map((p) => (
                  <PracticeItem ctx={ctx} p={p} labels={labels} />
                ))}
              </ul>
              <Pager ctx={ctx} page={params.page} perPage={params.perPage} total={result.total} pageMax={LIMITS.pageMax}
                link={(page) => href(base, practiceQuery(params, { page }))} />
              <section class="exports" aria-labelledby="export-heading">
                <h2 id="export-heading" class="muted">{t('library.export')}</h2>
                {PRACTICE_EXPORTS.map((f) => (
                  <a href={href(`/api/v1/practices/export.${f.extension}`, exportQuery)} download>
                    {f.label}
                  </a>
                ))}
              </section>
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}
