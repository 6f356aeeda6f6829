// Open-data API for practices, in the OpenAPI document (stub).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/env.ts';

export function practicesApi(_api: OpenAPIHono<AppEnv>): void {}
