// Open-data API for practices (in the OpenAPI document): the search with facet counts, one
// practice, and exports of any result set (CSV, JSON) or of one practice (JSON).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { SLUG } from '../library/schema.ts';
import { facetLabel } from '../library/labels.ts';
import type { ExportContext } from '../library/exports.ts';
import { ErrorSchema } from '../api/schemas.ts';
import { EXPORT_MAX } from '../api/export-routes.ts';
import { parsePracticeUrl, PracticeQuerySchema, toPracticeParams } from './params.ts';
import { searchPractices } from './search.ts';
import { getPublishedPractice, type Practice } from './store.ts';
import { actorLabel } from './components.tsx';
import { exportPractices, practiceJson, PRACTICE_EXPORTS, type PracticeExportFormat } from './exports.ts';
import { PracticeSchema, PracticeSearchResponseSchema } from './api-schemas.ts';

const Lang = z.object({ lang: z.enum(LOCALES).optional().openapi({ description: 'Language of names and messages (else Accept-Language)' }) });
const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });

const searchRoute = createRoute({
  method: 'get',
  path: '/api/v1/practices',
  summary: 'Search published practices, with facet counts',
  description:
    'The same full-text search as /api/v1/resources. Filters: topic, country, region, actor (values of one are alternatives, ' +
    'different ones all apply) and years active (year_from/year_to: practices active at some time in the range). ' +
    'Facet counts apply every filter but their own.',
  request: { query: PracticeQuerySchema.extend(Lang.shape) },
  responses: { 200: json(PracticeSearchResponseSchema, 'A page of results'), 400: json(ErrorSchema, 'A parameter is not valid; the message names it') },
});

const practiceRoute = createRoute({
  method: 'get',
  path: '/api/v1/practices/{slug}',
  summary: 'One published practice',
  request: { params: z.object({ slug: z.string().regex(SLUG).max(120) }), query: Lang },
  responses: { 200: json(PracticeSchema, 'The practice'), 400: json(ErrorSchema, 'The slug is not valid'), 404: json(ErrorSchema, 'No published practice has this slug') },
});

function exportContext(c: Context<AppEnv>, labels: ExportContext['labels']): ExportContext {
  return { locale: c.var.ctx.locale, labels, t: c.var.ctx.t, baseUrl: c.var.config.publicUrl };
}

function download(c: Context<AppEnv>, format: PracticeExportFormat, items: Practice[], ctx: ExportContext, name: string) {
  const spec = PRACTICE_EXPORTS.find((f) => f.extension === format)!;
  // A byte-order mark lets spreadsheet programs read Arabic, Farsi and Russian CSV as UTF-8.
  const body = (format === 'csv' ? '\uFEFF' : '') + exportPractices(format, items, ctx);
  return c.body(body, 200, { 'Content-Type': spec.mediaType, 'Content-Disposition': `attachment; filename="${name}.${format}"` });
}

export function practicesApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(searchRoute, async (c) => {
    const { db, ctx } = c.var;
    const params = toPracticeParams(c.req.valid('query'));
    const [result, labels] = await Promise.all([searchPractices(db, params, ctx.locale), c.var.labels()]);
    const label = (facet: 'topic' | 'country' | 'region' | 'actor', v: string) => (facet === 'actor' ? actorLabel(ctx.t, v) : facetLabel(labels, ctx.t, ctx.locale, facet, v));
    const counts = (facet: 'topic' | 'country' | 'region' | 'actor') => result.facets[facet].map((v) => ({ ...v, label: label(facet, v.value) }));
    const exportCtx = exportContext(c, labels);
    return c.json(
      {
        total: result.total,
        page: params.page,
        per_page: params.perPage,
        items: result.items.map((p) => practiceJson(p, exportCtx)),
        facets: { topic: counts('topic'), country: counts('country'), region: counts('region'), actor: counts('actor') },
        corrections: result.corrections,
      },
      200,
    );
  });

  // Before /practices/{slug}, whose pattern would otherwise answer these paths with a 400.
  api.get('/api/v1/practices/:file{export\\.(?:csv|json)}', async (c) => {
    const params = parsePracticeUrl(new URL(c.req.url), { perPage: EXPORT_MAX });
    const [result, labels] = await Promise.all([searchPractices(c.var.db, { ...params, page: 1, perPage: EXPORT_MAX }, c.var.ctx.locale), c.var.labels()]);
    c.header('X-Total-Count', String(result.total));
    const format = c.req.param('file').slice('export.'.length) as PracticeExportFormat;
    return download(c, format, result.items, exportContext(c, labels), 'atlas-practices');
  });

  api.get('/api/v1/practices/:slug{[a-z0-9]+(?:-[a-z0-9]+)*}/export.json', async (c) => {
    const practice = await getPublishedPractice(c.var.db, c.req.param('slug'));
    if (!practice) throw notFound();
    return download(c, 'json', [practice], exportContext(c, await c.var.labels()), practice.slug);
  });

  api.openapi(practiceRoute, async (c) => {
    const practice = await getPublishedPractice(c.var.db, c.req.valid('param').slug);
    if (!practice) throw notFound();
    return c.json(practiceJson(practice, exportContext(c, await c.var.labels())), 200);
  });

  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/practices/export.{format}',
    summary: `Export a result set of practices (the same parameters as /api/v1/practices; at most ${EXPORT_MAX} items)`,
    parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: PRACTICE_EXPORTS.map((f) => f.extension) } }],
    responses: { 200: { description: 'The file: CSV or JSON' }, 400: { description: 'A parameter is not valid' } },
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/practices/{slug}/export.json',
    summary: 'Export one practice as JSON',
    parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { 200: { description: 'The file' }, 404: { description: 'No published practice has this slug' } },
  });
}
