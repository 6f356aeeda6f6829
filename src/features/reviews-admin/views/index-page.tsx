// The reviews back office: every framework with all its editions (any state), their progress, and
// where to go from there.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { Framework } from '../../reviews/store.ts';
import type { AdminEdition } from '../editions.ts';
import { editionPath, frameworkPath, ratificationsPath } from '../http.ts';
import { EditionName, formatWhen, Notice, StatusBadge, Text } from './common.tsx';

export function EditionsTable({ ctx, editions, caption }: { ctx: PageContext; editions: AdminEdition[]; caption: string }) {
  const { t, locale } = ctx;
  return (
    <table class="data-table reviews-admin-editions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewsAdmin.col.edition')}</th>
          <th scope="col">{t('reviewsAdmin.col.state')}</th>
          <th scope="col">{t('reviewsAdmin.col.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {editions.map((e) => (
          <tr>
            <th scope="row">
              <a href={editionPath(locale, e.id)}>
                <EditionName ctx={ctx} edition={e} />
              </a>
              {e.demo && <span class="reviews-admin-demo-tag"> {t('reviewsAdmin.demo.tag')}</span>}
            </th>
            <td>
              <StatusBadge ctx={ctx} status={e.status} />
              {e.publishedAt && <div class="muted">{t('reviewsAdmin.publishedAt', { when: formatWhen(locale, e.publishedAt) })}</div>}
            </td>
            <td>{t('reviewsAdmin.progress', { countries: e.progress.countries, assessed: e.progress.assessed })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IndexPage(props: { ctx: PageContext; user: User; csrfToken: string | undefined; frameworks: Framework[]; editions: AdminEdition[]; notice?: string | undefined }) {
  const { ctx, user, csrfToken, frameworks, editions, notice } = props;
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('reviewsAdmin.title')} section="reviews">
      <h1>{t('reviewsAdmin.title')}</h1>
      <Notice text={notice} />
      <p>{t('reviewsAdmin.intro')}</p>
      <p>
        <a href={ratificationsPath(locale)}>{t('reviewsAdmin.ratifications.link')}</a>
      </p>
      {frameworks.map((f) => {
        const own = editions.filter((e) => e.frameworkKey === f.key);
        return (
          <section class="reviews-admin-framework" aria-labelledby={`framework-${f.key}`}>
            <h2 id={`framework-${f.key}`}>
              <a href={frameworkPath(locale, f.key)}>
                <Text ctx={ctx} text={f.name} fallback={f.key} />
              </a>
            </h2>
            <p class="muted">
              <code>{f.key}</code> · {t('reviewsAdmin.criteriaCount', { count: f.criteria.length })}
              {f.derived && <> · {t('reviewsAdmin.derived')}</>}
            </p>
            {own.length === 0 ? <p>{t('reviewsAdmin.noEditions')}</p> : <EditionsTable ctx={ctx} editions={own} caption={t('reviewsAdmin.editionsCaption', { count: own.length })} />}
          </section>
        );
      })}
    </AdminLayout>
  );
}
