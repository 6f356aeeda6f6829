// Practices in the back office (list, editor, workflow, moderation of public submissions) and the
// public "submit a practice" form that feeds the moderation queue.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { editorRoutes } from './editor-routes.tsx';
import { moderationRoutes } from './moderation-routes.tsx';
import { submitRoutes } from './submit-routes.tsx';

export function practicesAdminRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  // Before the editor's routes, whose ids are digits only, so that the order does not matter; kept first for reading.
  moderationRoutes(pages, api);
  editorRoutes(pages, api);
}

/** The public "submit a practice" form (mounted before the directory's pages). */
export function submissionPages() {
  const app = new Hono<AppEnv>();
  submitRoutes(app);
  return app;
}
