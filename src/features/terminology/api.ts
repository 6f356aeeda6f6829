// Open-data API for the glossary and the text checker, in the OpenAPI document (stub).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/env.ts';

export function terminologyApi(_api: OpenAPIHono<AppEnv>): void {}
