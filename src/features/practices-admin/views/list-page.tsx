// Every practice whatever its state, with a title search, a state filter and pages; the number of
// public submissions waiting for a decision, for those who moderate them.
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { href } from '../../../web/html.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import { WORKFLOW_STATES } from '../../admin/workflow.ts';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import { formatWhen, StatusBadge } from '../../editor/views/common.tsx';
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
  const pages = Math.max(1, Math.ceil(total / PRACTICE_PAGE_SIZE));
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
        <div class="form-field">
          <label for="q">{t('practicesAdmin.list.search')}</label>
          <input id="q" name="q" type="search" value={f.q} maxlength={200} />
        </div>
        <div class="form-field">
          <label for="status">{t('editor.state.label')}</label>
          <select id="status" name="status">
            <option value="">{t('editor.list.any')}</option>
            {WORKFLOW_STATES.map((s) => (
              <option value={s} selected={f.status === s}>
                {t(`admin.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
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
            {items.map((p) => {
              const title = pickText(p.title, locale);
              return (
                <tr>
                  <td>
                    <a href={practicePath(locale, p.id)} lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
                      {title.text || p.slug}
                    </a>
                    <br />
                    <span class="muted" dir="ltr">
                      {p.slug}
                    </span>
                  </td>
                  <td>{t(`practicesAdmin.actor.${p.actor as Actor}`)}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={p.status} />
                  </td>
                  <td>
                    {formatWhen(locale, p.updated_at)}
                    {p.updated_by_email && (
                      <>
                        <br />
                        <span class="muted">{p.updated_by_email}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={t('editor.list.pages')}>
          {f.page > 1 && (
            <a href={href(base, query(f.page - 1))} rel="prev">
              {t('editor.list.previous')}
            </a>
          )}
          <span>{t('editor.list.pageOf', { page: f.page, pages })}</span>
          {f.page < pages && (
            <a href={href(base, query(f.page + 1))} rel="next">
              {t('editor.list.next')}
            </a>
          )}
        </nav>
      )}
    </AdminLayout>
  );
}
