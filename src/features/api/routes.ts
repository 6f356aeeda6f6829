// The open-data API (/api/v1) and its OpenAPI 3.1 description (/api/openapi.json).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { pickText } from '../../i18n/locales.ts';
import { invalidParameter, SearchQuerySchema, toSearchParams } from '../library/params.ts';
import { searchResources } from '../library/search.ts';
import { getPublishedResource } from '../library/store.ts';
import { facetLabel } from '../library/labels.ts';
import { FACETS, LIMITS } from '../library/schema.ts';
import { listCountries, listRegions, listTopics } from '../taxonomy/store.ts';
import { resourceJson } from './resource-json.ts';
import { CountriesResponseSchema, ErrorSchema, ResourceSchema, SearchResponseSchema, TopicsResponseSchema } from './schemas.ts';
import { reviewsApi } from '../countries/api.ts';
import { practicesApi } from '../practices/api.ts';
import { terminologyApi } from '../terminology/api.ts';
import { exportRoutes } from './export-routes.ts';
import { apiDocsPage } from './docs-page.ts';

const LangQuery = z.object({ lang: z.enum(['ar', 'en', 'es', 'fa', 'ru']).optional() });
const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

const searchRoute = createRoute({
  method: 'get',
  path: '/api/v1/resources',
  summary: 'Search published resources, with facet counts',
  description:
    'Full-text search (every language, typo-tolerant, the last word also as a prefix) with filters that combine: ' +
    'values of one filter are alternatives (OR), different filters all apply (AND). Facet counts apply every filter but their own.',
  request: { query: SearchQuerySchema.extend(LangQuery.shape) },
  responses: {
    200: { content: { 'application/json': { schema: SearchResponseSchema } }, description: 'A page of results' },
    400: errorResponse('A parameter is not valid; the message names it'),
  },
});

const resourceRoute = createRoute({
  method: 'get',
  path: '/api/v1/resources/{id}',
  summary: 'One published resource',
  request: { params: z.object({ id: z.string().regex(/^\d{1,18}$/) }), query: LangQuery },
  responses: {
    200: { content: { 'application/json': { schema: ResourceSchema } }, description: 'The resource' },
    400: errorResponse('The id is not a number'),
    404: errorResponse('No published resource has this id'),
  },
});

const topicsRoute = createRoute({
  method: 'get',
  path: '/api/v1/topics',
  summary: 'The topic taxonomy, with names in five languages and resource counts',
  request: { query: LangQuery },
  responses: { 200: { content: { 'application/json': { schema: TopicsResponseSchema } }, description: 'All topics' } },
});

const countriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/countries',
  summary: 'ISO 3166 countries with names in five languages, their regions and resource counts',
  request: { query: LangQuery },
  responses: { 200: { content: { 'application/json': { schema: CountriesResponseSchema } }, description: 'All countries' } },
});

export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidParameter(result.error as unknown as z.ZodError);
    },
  });

  api.openapi(searchRoute, async (c) => {
    const { db, ctx, config } = c.var;
    const params = toSearchParams(c.req.valid('query'));
    const [result, labels] = await Promise.all([searchResources(db, params, ctx.locale), c.var.labels()]);
    const facets = Object.fromEntries(
      FACETS.map((f) => [f, result.facets[f].map((v) => ({ ...v, label: facetLabel(labels, ctx.t, ctx.locale, f, v.value) }))]),
    ) as z.infer<typeof SearchResponseSchema>['facets'];
    return c.json(
      {
        total: result.total,
        page: params.page,
        per_page: params.perPage,
        items: result.items.map((r) => resourceJson(r, labels, ctx.locale, config.publicUrl)),
        facets,
        corrections: result.corrections,
      },
      200,
    );
  });

  // Before /resources/{id}: their paths would otherwise be read as ids.
  exportRoutes(api);
  reviewsApi(api);
  practicesApi(api);
  terminologyApi(api);

  api.openapi(resourceRoute, async (c) => {
    const { db, ctx, config } = c.var;
    const resource = await getPublishedResource(db, c.req.valid('param').id);
    if (!resource) throw notFound();
    return c.json(resourceJson(resource, await c.var.labels(), ctx.locale, config.publicUrl), 200);
  });

  api.openapi(topicsRoute, async (c) => {
    const topics = await listTopics(c.var.db);
    const items = topics.map((t) => ({ slug: t.slug, name: pickText(t.names, c.var.ctx.locale).text, names: t.names, count: t.count }));
    return c.json({ items }, 200);
  });

  api.openapi(countriesRoute, async (c) => {
    const { db, ctx } = c.var;
    const [countries, labels, regions] = await Promise.all([listCountries(db), c.var.labels(), listRegions(db)]);
    const regionsOf = new Map<string, string[]>();
    for (const r of regions) for (const code of r.members) regionsOf.set(code, [...(regionsOf.get(code) ?? []), r.code]);
    const items = countries.map((k) => ({
      code: k.code,
      name: pickText(labels.country.get(k.code) ?? k.names, ctx.locale).text,
      names: k.names,
      count: k.count,
      regions: regionsOf.get(k.code) ?? [],
    }));
    return c.json({ items }, 200);
  });

  api.doc31('/api/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Child Protection Atlas open-data API',
      version: '1.0.0',
      description: `Everything on the public site, as data. Results pages hold at most ${LIMITS.perPageMax} items.`,
      license: { name: 'Data: CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: c.var.config.publicUrl }],
  }));
  api.get('/api/docs', (c) => c.html(apiDocsPage(c.var.ctx)));
  return api;
}
