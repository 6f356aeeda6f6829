// Every resource whatever its state, with a text search, filters, a sort by last change and pages.
// A GET form: every list is a URL (the dashboard links to ?status=in_review for reviewers).
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { ListPager, pageCount, SearchField, StateCell, StateFilter, TitleCell, UpdatedCell } from '../../admin/content-editor/list-parts.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import { RESOURCE_TYPES } from '../../library/schema.ts';
import { LIST_PAGE_SIZE, type ListedResource, type ListFilters } from '../queries.ts';
import { editorPath } from './common.tsx';

type Props = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  filters: ListFilters;
  items: ListedResource[];
  total: number;
  choices: { topics: Choice[]; countries: Choice[] };
};

export function listQuery(f: ListFilters, page = f.page) {
  return {
    q: f.q || undefined,
    status: f.status,
    type: f.type,
    topic: f.topic,
    country: f.country,
    sort: f.sort === 'updated_desc' ? undefined : f.sort,
    page: page > 1 ? page : undefined,
  };
}

export function ListPage({ ctx, user, csrfToken, filters: f, items, total, choices }: Props) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin/resources`;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, locale);
  const topics = choices.topics.map((c) => ({ value: c.value, name: pickText(c.names, locale).text || c.value }));
  const countries = choices.countries.map((c) => ({ value: c.value, name: pickText(c.names, locale).text || c.value })).sort(byName);
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('editor.list.title')} section="resources">
      <h1>{t('editor.list.title')}</h1>
      {can(user.role, 'content.edit') && (
        <p>
          <a href={`${base}/new`} class="editor-new">
            {t('editor.list.new')}
          </a>
        </p>
      )}
      <form method="get" action={base} class="editor-filters" role="search">
        <SearchField label={t('editor.list.search')} value={f.q} />
        <StateFilter ctx={ctx} value={f.status} />
        <div class="form-field">
          <label for="type">{t('resource.type')}</label>
          <select id="type" name="type">
            <option value="">{t('editor.list.any')}</option>
            {RESOURCE_TYPES.map((type) => (
              <option value={type} selected={f.type === type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="topic">{t('editor.list.topic')}</label>
          <select id="topic" name="topic">
            <option value="">{t('editor.list.any')}</option>
            {topics.map((c) => (
              <option value={c.value} selected={f.topic === c.value}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="country">{t('editor.list.country')}</label>
          <select id="country" name="country">
            <option value="">{t('editor.list.any')}</option>
            {countries.map((c) => (
              <option value={c.value} selected={f.country === c.value}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="sort">{t('editor.list.sort')}</label>
          <select id="sort" name="sort">
            <option value="updated_desc" selected={f.sort === 'updated_desc'}>
              {t('editor.list.sortNewest')}
            </option>
            <option value="updated_asc" selected={f.sort === 'updated_asc'}>
              {t('editor.list.sortOldest')}
            </option>
          </select>
        </div>
        <button type="submit">{t('editor.list.apply')}</button>
      </form>
      <p role="status">{t('editor.list.count', { count: total })}</p>
      {items.length > 0 && (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('editor.field.title')}</th>
              <th scope="col">{t('resource.type')}</th>
              <th scope="col">{t('editor.state.label')}</th>
              <th scope="col">{t('editor.meta.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <TitleCell locale={locale} link={editorPath(locale, r.id)} title={r.title} slug={r.slug} />
                <td>{t(`type.${r.type as (typeof RESOURCE_TYPES)[number]}`)}</td>
                <StateCell ctx={ctx} status={r.status} />
                <UpdatedCell locale={locale} at={r.updated_at} by={r.updated_by_email} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListPager ctx={ctx} base={base} page={f.page} pages={pageCount(total, LIST_PAGE_SIZE)} query={(page) => listQuery(f, page)} />
    </AdminLayout>
  );
}
