// The back office: pages under /{locale}/admin and a JSON API under /api/v1/admin. Each feature
// adds its routes to these two guarded routers (see guarded.ts), so every route has its check.
import { sql } from 'kysely';
import type { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { guardedRouter } from './guarded.ts';
import { WORKFLOW_STATES, type WorkflowState } from './workflow.ts';
import { AdminLayout } from './layout.tsx';
import { signInRoutes } from './sign-in.tsx';
import { editorRoutes } from '../editor/routes.tsx';
import { usersRoutes } from '../users/routes.tsx';
import { auditRoutes } from '../audit/routes.tsx';
import { attachmentsRoutes } from '../attachments/routes.tsx';
import { bulkImportRoutes } from '../bulk-import/routes.tsx';
import { reviewsAdminRoutes } from '../reviews-admin/routes.tsx';
import { modelLawAdminRoutes } from '../model-law-admin/routes.tsx';
import { practicesAdminRoutes } from '../practices-admin/routes.tsx';
import { safeguardingAdminRoutes } from '../safeguarding-admin/routes.tsx';


export function mountBackOffice(app: Hono<AppEnv>) {
  const pages = guardedRouter('/:locale/admin');
  const api = guardedRouter('/api/v1/admin');

  signInRoutes(pages);

  pages.get('/', 'backoffice.read', async (c) => {
    const { ctx, db, user, csrfToken } = c.var;
    const { t, locale } = ctx;
    const counts = await sql<{ status: WorkflowState; n: number }>`SELECT status, count(*)::int AS n FROM resources GROUP BY status`.execute(db);
    const byStatus = new Map(counts.rows.map((r) => [r.status, r.n]));
    return c.html(
      <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('admin.nav.dashboard')} section="dashboard">
        <h1>{t('admin.dashboard.title')}</h1>
        <h2>{t('admin.dashboard.resources')}</h2>
        <ul>
          {WORKFLOW_STATES.map((s) => (
            <li>
              <a href={`/${locale}/admin/resources?status=${s}`}>{t(`admin.state.${s}`)}</a>: {byStatus.get(s) ?? 0}
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });

  api.get('/me', 'account.self', (c) => {
    const user = c.var.user!;
    return c.json({ id: user.id, email: user.email, name: user.name, role: user.role, locales: user.locales, csrfToken: c.var.csrfToken });
  });

  for (const feature of [editorRoutes, usersRoutes, auditRoutes, attachmentsRoutes, bulkImportRoutes, modelLawAdminRoutes, reviewsAdminRoutes, practicesAdminRoutes, safeguardingAdminRoutes]) feature(pages, api);

  app.route(pages.prefix, pages.app);
  app.route(api.prefix, api.app);
}
