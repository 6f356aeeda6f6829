// Every back-office route is declared through a guarded router, which records the permission it
// needs (ROUTE_ACCESS) and puts the check in front of the handler. The security test enumerates the
// application's routes under the back-office prefixes and fails on any route missing from
// ROUTE_ACCESS, so a route added later without a check cannot pass CI.
import { Hono, type Handler } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { requirePermission } from '../auth/middleware.ts';
import type { Permission } from '../auth/roles.ts';

/** Where back-office routes live: its pages, and its JSON API. */
export const BACK_OFFICE_PREFIXES = ['/:locale/admin', '/api/v1/admin'] as const;
export type BackOfficePrefix = (typeof BACK_OFFICE_PREFIXES)[number];

export type Access = Permission | 'public';

/** "METHOD /full/path" -> what it requires. */
export const ROUTE_ACCESS = new Map<string, Access>();

type Method = 'GET' | 'POST';

export function guardedRouter(prefix: BackOfficePrefix) {
  const app = new Hono<AppEnv>();
  const add = (method: Method) => (path: string, access: Access, handler: Handler<AppEnv>) => {
    ROUTE_ACCESS.set(`${method} ${joinPath(prefix, path)}`, access);
    app.on(method, path, requirePermission(access), handler);
  };
  return { prefix, app, get: add('GET'), post: add('POST') };
}

export type GuardedRouter = ReturnType<typeof guardedRouter>;

export function joinPath(prefix: string, path: string): string {
  return path === '/' ? prefix : `${prefix}${path}`;
}
