// Pieces of a faceted search page shared by the library and the practices directory: the search
// form, a facet's checkboxes, the year range, the removable chips of the active filters, the
// results heading, the empty state, the pager and the export links. Each search page gives its own
// form id, parameter names, labels and link builder; the words are the shared ones.
import type { Child } from 'hono/jsx';
import type { PageContext } from '../../web/context.ts';
import { href } from '../../web/html.ts';
import { formatNumber } from '../../i18n/messages.ts';
import { LIMITS, SORTS, type Sort } from '../library/schema.ts';
import type { FacetCount } from './engine.ts';
import type { Correction } from './words.ts';

const VISIBLE_VALUES = 10;

type SearchFormProps = {
  ctx: PageContext;
  /** The form's id, which the sidebar's filters name to belong to it. */
  id: string;
  action: string;
  label: string;
  placeholder: string;
  q: string;
  sort: Sort;
};

/** The search box and the order of results: a GET form, so that every search is a URL. */
export function SearchForm({ ctx, id, action, label, placeholder, q, sort }: SearchFormProps) {
  const { t } = ctx;
  return (
    <form class="search" method="get" action={action} role="search" data-autosubmit id={id}>
      <div class="q">
        <label for="q">{label}</label>
        <input id="q" type="search" name="q" value={q} maxlength={LIMITS.queryMax} placeholder={placeholder} />
      </div>
      <div>
        <label for="sort">{t('library.sortLabel')}</label>{' '}
        <select id="sort" name="sort">
          {SORTS.map((s) => (
            <option value={s} selected={sort === s}>
              {t(`library.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('library.searchButton')}</button>
    </form>
  );
}

type FacetGroupProps = {
  ctx: PageContext;
  /** The search form the checkboxes belong to (they sit outside it, in the sidebar). */
  form: string;
  name: string;
  legend: string;
  counts: FacetCount[];
  selected: string[];
  label: (value: string) => string;
};

export function FacetGroup({ ctx, form, name, legend, counts, selected, label }: FacetGroupProps) {
  const { t, locale } = ctx;
  // Selected values stay visible even when no result has them any more.
  const values = [...counts];
  for (const s of selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
  if (values.length === 0) return null;
  const option = (v: FacetCount) => (
    <li>
      <label>
        <input form={form} type="checkbox" name={name} value={v.value} checked={selected.includes(v.value)} />
        <span>{label(v.value)}</span> <span class="n">({formatNumber(locale, v.count)})</span>
      </label>
    </li>
  );
  const shown = values.filter((v, i) => i < VISIBLE_VALUES || selected.includes(v.value));
  const rest = values.filter((v, i) => i >= VISIBLE_VALUES && !selected.includes(v.value));
  return (
    <fieldset>
      <legend>{legend}</legend>
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

/** The year_from and year_to fields of the sidebar, in the search form named by `form`. */
export function YearRange({ ctx, form, legend, from, to }: { ctx: PageContext; form: string; legend: string; from: number | undefined; to: number | undefined }) {
  const { t } = ctx;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="years">
        <label>
          {t('library.yearFrom')} <input form={form} type="number" name="year_from" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={from ?? ''} />
        </label>
        <label>
          {t('library.yearTo')} <input form={form} type="number" name="year_to" inputmode="numeric" min={LIMITS.yearMin} max={LIMITS.yearMax} value={to ?? ''} />
        </label>
      </div>
    </fieldset>
  );
}

export type Chip = { label: string; link: string };

/** The active filters, each a link to the same search without it, and a link that clears them all. */
export function ActiveFilters({ ctx, chips, clearLink }: { ctx: PageContext; chips: Chip[]; clearLink: string }) {
  const { t } = ctx;
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
          <a href={clearLink}>{t('library.clearAll')}</a>
        </li>
      </ul>
    </section>
  );
}

/** Previous/next links; past `pageMax` the pages stop and the reader is asked to refine. */
export function Pager({ ctx, page, perPage, total, pageMax, link }: { ctx: PageContext; page: number; perPage: number; total: number; pageMax: number; link: (page: number) => string }) {
  const { t, locale } = ctx;
  const pages = Math.ceil(total / perPage);
  if (pages <= 1) return null;
  const reachable = Math.min(pages, pageMax);
  return (
    <nav class="pager" aria-label={t('library.pagination')}>
      {page > 1 ? <a href={link(page - 1)} rel="prev">{t('library.previous')}</a> : null}
      <span>{t('library.pageOf', { page: formatNumber(locale, page), pages: formatNumber(locale, reachable) })}</span>
      {page < reachable ? <a href={link(page + 1)} rel="next">{t('library.next')}</a> : null}
      {pages > pageMax && page === reachable ? <p>{t('library.pageCap', { pages: pageMax })}</p> : null}
    </nav>
  );
}

/** How many results (`count`, already in words) for which words, and the words also searched for misspelt ones. */
export function ResultsHeading({ ctx, count, q, corrections }: { ctx: PageContext; count: string; q: string; corrections: Correction[] }) {
  const { t } = ctx;
  return (
    <>
      <h2 id="results-heading">
        {count} {q ? t('library.query', { query: q }) : ''}
      </h2>
      {corrections.length > 0 ? <p class="notice">{t('library.didYouMean', { words: corrections.map((c) => c.suggestion).join(', ') })}</p> : null}
    </>
  );
}

/** When nothing matched: the page's own `title`, a hint, a link that clears the search, then `children`. */
export function NoResults({ ctx, title, clearLink, children }: { ctx: PageContext; title: string; clearLink: string; children?: Child }) {
  const { t } = ctx;
  return (
    <div class="notice">
      <p>{title}</p>
      <p>{t('library.empty.hint')}</p>
      <p>
        <a href={clearLink}>{t('library.empty.clear')}</a>
      </p>
      {children}
    </div>
  );
}

type ExportLinksProps = {
  ctx: PageContext;
  /** The export address without its extension (`/api/v1/resources/export`). */
  path: string;
  formats: readonly { extension: string; label: string }[];
  /** The current search's query, so that an export holds exactly the results shown. */
  query: Record<string, string | number | string[] | undefined>;
  children?: Child;
};

/** Downloads of the current results, one link a format, then `children` (a feed, say). */
export function ExportLinks({ ctx, path, formats, query, children }: ExportLinksProps) {
  return (
    <section class="exports" aria-labelledby="export-heading">
      <h2 id="export-heading" class="muted">{ctx.t('library.export')}</h2>
      {formats.map((f) => (
        <a href={href(`${path}.${f.extension}`, query)} download>
          {f.label}
        </a>
      ))}
      {children}
    </section>
  );
}
