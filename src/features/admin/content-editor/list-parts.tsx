// Pieces of the content editors' lists (resources, practices): the search and state filters, an
// item's title, state and last change, and the pager. Every list is a GET form, so every state of
// it is a URL.
import { pickText, type Localized, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { href, type QueryValue } from '../../../web/html.ts';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow.ts';
import { formatWhen, StatusBadge } from './format.tsx';

export function SearchField({ label, value }: { label: string; value: string }) {
  return (
    <div class="form-field">
      <label for="q">{label}</label>
      <input id="q" name="q" type="search" value={value} maxlength={200} />
    </div>
  );
}

export function StateFilter({ ctx, value }: { ctx: PageContext; value: WorkflowState | undefined }) {
  const { t } = ctx;
  return (
    <div class="form-field">
      <label for="status">{t('editor.state.label')}</label>
      <select id="status" name="status">
        <option value="">{t('editor.list.any')}</option>
        {WORKFLOW_STATES.map((s) => (
          <option value={s} selected={value === s}>
            {t(`admin.state.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The title in the reader's language (another one, marked as such, when it has none) and the slug. */
export function TitleCell({ locale, link, title, slug }: { locale: Locale; link: string; title: Localized; slug: string }) {
  const picked = pickText(title, locale);
  return (
    <td>
      <a href={link} lang={picked.fallback ? picked.lang : undefined} dir={picked.fallback ? 'auto' : undefined}>
        {picked.text || slug}
      </a>
      <br />
      <span class="muted" dir="ltr">
        {slug}
      </span>
    </td>
  );
}

export function StateCell({ ctx, status }: { ctx: PageContext; status: WorkflowState }) {
  return (
    <td>
      <StatusBadge ctx={ctx} status={status} />
    </td>
  );
}

export function UpdatedCell({ locale, at, by }: { locale: Locale; at: string; by: string | null }) {
  return (
    <td>
      {formatWhen(locale, at)}
      {by && (
        <>
          <br />
          <span class="muted">{by}</span>
        </>
      )}
    </td>
  );
}

/** Previous and next page, keeping the filters: `query(page)` is the list's query string for a page. */
export function ListPager({ ctx, base, page, pages, query }: { ctx: PageContext; base: string; page: number; pages: number; query: (page: number) => Record<string, QueryValue> }) {
  const { t } = ctx;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('editor.list.pages')}>
      {page > 1 && (
        <a href={href(base, query(page - 1))} rel="prev">
          {t('editor.list.previous')}
        </a>
      )}
      <span>{t('editor.list.pageOf', { page, pages })}</span>
      {page < pages && (
        <a href={href(base, query(page + 1))} rel="next">
          {t('editor.list.next')}
        </a>
      )}
    </nav>
  );
}

/** How many pages a list of `total` items fills (at least one, empty or not). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
