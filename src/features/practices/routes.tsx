// Public pages of the best-practices directory (stub: the practices helper fills this in).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export function practicePages() {
  const app = new Hono<AppEnv>();
  return app;
}
