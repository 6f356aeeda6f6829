// Every practice whatever its state, with a title search, a state filter and pages; the number of
// public submissions waiting for a decision, for those who moderate them.
import type { PageContext } from '../../../web/context.ts';
import { ListPager, pageCount, SearchField, StateCell, StateFilter, TitleCell, UpdatedCell } from '../../admin/content-editor/list-parts.tsx';
import { AdminLayout } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { Actor } from '../../practices/schema.ts';
import { practicePath, practicesPath, submissionsPath } from '../paths.ts';
import { PRACTICE_PAGE_SIZE, type ListedPractice, type PracticeListFilters } from '../queries.ts';

type Props = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  filters: PracticeListFilters;
  items: ListedPractice[];
  total: number;
  pending: number | undefined;
};

export function PracticeListPage({ ctx, user, csrfToken, filters: f, items, total, pending }: Props) {
  const { t, locale } = ctx;
  const base = practicesPath(locale);
  const query = (page: number) => ({ q: f.q || undefined, status: f.status, page: page > 1 ? page : undefined });
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('practicesAdmin.list.title')} section="practices">
      <h1>{t('practicesAdmin.list.title')}</h1>
      <ul class="practice-admin-links">
        {can(user.role, 'content.edit') && (
          <li>
            <a href={`${base}/new`}>{t('practicesAdmin.list.new')}</a>
          </li>
        )}
        {pending !== undefined && (
          <li>
            <a href={submissionsPath(locale)} id="pending-submissions">
              {t('practicesAdmin.list.pending', { count: pending })}
            </a>
          </li>
        )}
      </ul>
      <form method="get" action={base} class="editor-filters" role="search">
        <SearchField label={t('practicesAdmin.list.search')} value={f.q} />
        <StateFilter ctx={ctx} value={f.status} />
        <button type="submit">{t('editor.list.apply')}</button>
      </form>
      <p role="status">{t('practicesAdmin.list.count', { count: total })}</p>
      {items.length > 0 && (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('practicesAdmin.field.title')}</th>
              <th scope="col">{t('practicesAdmin.field.actor')}</th>
              <th scope="col">{t('editor.state.label')}</th>
              <th scope="col">{t('editor.meta.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr>
                <TitleCell locale={locale} link={practicePath(locale, p.id)} title={p.title} slug={p.slug} />
                <td>{t(`practicesAdmin.actor.${p.actor as Actor}`)}</td>
                <StateCell ctx={ctx} status={p.status} />
                <UpdatedCell locale={locale} at={p.updated_at} by={p.updated_by_email} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListPager ctx={ctx} base={base} page={f.page} pages={pageCount(total, PRACTICE_PAGE_SIZE)} query={query} />
    </AdminLayout>
  );
}
