// Pieces of a faceted search page shared by the library and the practices directory: a facet's
// checkboxes, the removable chips of the active filters, and the pager. Each search page gives
// its own form id, parameter names, labels and link builder; the words are the shared ones.
import type { PageContext } from '../../web/context.ts';
import { formatNumber } from '../../i18n/messages.ts';
import type { FacetCount } from './engine.ts';

const VISIBLE_VALUES = 10;

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
