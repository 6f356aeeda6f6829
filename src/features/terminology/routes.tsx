// Public glossary pages and the "check a text" tool (stub).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export function terminologyPages() {
  return new Hono<AppEnv>();
}
