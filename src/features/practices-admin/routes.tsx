// Back office for practices: moderation of public submissions and editing (stub).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';

export function practicesAdminRoutes(_pages: GuardedRouter, _api: GuardedRouter): void {}

/** The public "submit a practice" form. */
export function submissionPages() {
  return new Hono<AppEnv>();
}
