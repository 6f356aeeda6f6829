// The public safeguarding self-audit (stub).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export function safeguardingPages() {
  return new Hono<AppEnv>();
}
