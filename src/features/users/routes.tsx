// Back office: users. Administrators invite and manage accounts; everyone manages their own password
// and sessions; invitation and reset links are public pages that work once.
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { accountRoutes } from './account-routes.tsx';
import { linkRoutes } from './link-routes.tsx';
import { manageRoutes } from './manage-routes.tsx';
import { listUsers } from '../auth/users.ts';
import { userState } from './store.ts';

export function usersRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  manageRoutes(pages);
  accountRoutes(pages);
  linkRoutes(pages);

  // Never a hash, token or session: only what the list page shows.
  api.get('/users', 'users.manage', async (c: Context<AppEnv>) => {
    const users = await listUsers(c.var.db);
    return c.json({
      users: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, locales: u.locales, state: userState(u), createdAt: u.created_at })),
    });
  });
}
