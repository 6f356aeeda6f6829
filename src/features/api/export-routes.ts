// Downloads: any result set or one resource as CSV, JSON, RIS, BibTeX or CSL-JSON, and an Atom feed
// of new resources for any filter. Same parameters as the search.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { href } from '../../web/html.ts';
import { parseSearchUrl, searchQuery } from '../library/params.ts';
import { searchResources } from '../library/search.ts';
import { getPublishedResource, type Resource } from '../library/store.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../library/export-formats.ts';
import { atomFeed, exportResources, type ExportContext } from '../library/exports.ts';

/** A bigger export would hold a connection for long: past this, narrow the search. */
export const EXPORT_MAX = 5000;
const FEED_SIZE = 50;
// Hono params cover whole path segments: the segment is matched as export.{format} and split.
const FILE_PATTERN = 'export\\.(?:csv|json|ris|bib|csl\\.json)';
const formatOf = (file: string) => file.slice('export.'.length) as ExportFormat;

function exportContext(c: Context<AppEnv>, labels: ExportContext['labels']): ExportContext {
  return { locale: c.var.ctx.locale, labels, t: c.var.ctx.t, baseUrl: c.var.config.publicUrl };
}

function download(c: Context<AppEnv>, format: ExportFormat, items: Resource[], ctx: ExportContext, name: string) {
  const spec = EXPORT_FORMATS.find((f) => f.extension === format);
  if (!spec) throw new HttpError(400, 'error.invalidParameter', { name: 'format', problem: 'error.problem.enum' }, 'format');
  // A byte-order mark lets spreadsheet programs read Arabic, Farsi and Russian CSV as UTF-8.
  const body = (format === 'csv' ? '\uFEFF' : '') + exportResources(format, items, ctx);
  return c.body(body, 200, {
    'Content-Type': spec.mediaType,
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
  });
}

export function exportRoutes(api: OpenAPIHono<AppEnv>) {
  api.get(`/api/v1/resources/:file{${FILE_PATTERN}}`, async (c) => {
    const params = parseSearchUrl(new URL(c.req.url), { perPage: EXPORT_MAX });
    const [result, labels] = await Promise.all([searchResources(c.var.db, { ...params, page: 1, perPage: EXPORT_MAX }, c.var.ctx.locale), c.var.labels()]);
    c.header('X-Total-Count', String(result.total));
    return download(c, formatOf(c.req.param('file')), result.items, exportContext(c, labels), 'atlas-resources');
  });

  api.get(`/api/v1/resources/:id{[0-9]{1,18}}/:file{${FILE_PATTERN}}`, async (c) => {
    const resource = await getPublishedResource(c.var.db, c.req.param('id'));
    if (!resource) throw notFound();
    return download(c, formatOf(c.req.param('file')), [resource], exportContext(c, await c.var.labels()), resource.slug);
  });

  api.get('/api/v1/resources/feed.atom', async (c) => {
    const url = new URL(c.req.url);
    const params = parseSearchUrl(url);
    const newest = { ...params, sort: 'newest' as const, page: 1, perPage: FEED_SIZE };
    const [result, labels] = await Promise.all([searchResources(c.var.db, newest, c.var.ctx.locale), c.var.labels()]);
    const ctx = exportContext(c, labels);
    const query = searchQuery(params, { page: 1 });
    const base = c.var.config.publicUrl;
    const xml = atomFeed(result.items, {
      ctx,
      title: `${ctx.t('site.name')}: ${ctx.t('library.title')}${params.q ? ` (${params.q})` : ''}`,
      selfUrl: base + href('/api/v1/resources/feed.atom', { ...query, lang: ctx.locale }),
      alternateUrl: base + href(`/${ctx.locale}/library`, query),
      id: base + href('/api/v1/resources/feed.atom', query),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  const formats = EXPORT_FORMATS.map((f) => f.extension);
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/resources/export.{format}',
    summary: `Export a result set (the same parameters as /api/v1/resources; at most ${EXPORT_MAX} items)`,
    request: {},
    parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: [...formats] } }],
    responses: { 200: { description: 'The file: CSV, JSON, RIS, BibTeX or CSL-JSON' }, 400: { description: 'A parameter is not valid' } },
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/resources/{id}/export.{format}',
    summary: 'Export or cite one resource',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: [...formats] } },
    ],
    responses: { 200: { description: 'The file' }, 404: { description: 'No published resource has this id' } },
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/resources/feed.atom',
    summary: 'Atom feed of the newest resources matching the same parameters as /api/v1/resources',
    responses: { 200: { description: 'An Atom 1.0 feed' } },
  });
}
