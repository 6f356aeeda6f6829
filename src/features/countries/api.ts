// Open-data API for frameworks, editions, assessments and scores (in the OpenAPI document). Only
// published editions are public; every answer built on a demonstration edition says so.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LOCALES, pickText, type Localized } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import { ErrorSchema } from '../api/schemas.ts';
import { getFramework, listAssessments, listFrameworks, listReviewEditions, scoreEdition, type Framework, type ReviewEdition } from '../reviews/store.ts';
import { countryNames, lawsCitedBy } from './data.ts';
import {
  AssessmentsResponseSchema,
  EditionsResponseSchema,
  FrameworkResponseSchema,
  FrameworksResponseSchema,
  ScoresResponseSchema,
} from './api-schemas.ts';

/** A missing framework or edition: its own message, but the same `notFound` code as every other 404. */
class NotFound extends HttpError {
  override get code(): string {
    return 'notFound';
  }
}

const Lang = { lang: z.enum(LOCALES).optional().openapi({ description: 'Language of names and messages (else Accept-Language)' }) };
const FrameworkParam = z.object({ key: z.string().min(1).max(80).openapi({ example: 'csam-legislation' }) });
const EditionParams = FrameworkParam.extend({ label: z.string().min(1).max(40).openapi({ example: '2024' }) });
const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(ErrorSchema, 'A parameter is not valid; the message names it'),
  404: json(ErrorSchema, 'No such framework, or no published edition with this label'),
};

const frameworksRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks',
  summary: 'Review frameworks, with their newest published edition',
  request: { query: z.object(Lang) },
  responses: { 200: json(FrameworksResponseSchema, 'Every framework'), 400: errors[400] },
});

const frameworkRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{key}',
  summary: 'One framework: its criteria with names in every language and their weights',
  request: { params: FrameworkParam, query: z.object(Lang) },
  responses: { 200: json(FrameworkResponseSchema, 'The framework'), ...errors },
});

const editionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{key}/editions',
  summary: 'The published editions of a framework, newest first',
  request: { params: FrameworkParam, query: z.object(Lang) },
  responses: { 200: json(EditionsResponseSchema, 'Published editions'), ...errors },
});

const assessmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{key}/editions/{label}/assessments',
  summary: 'Assessments of a published edition (country x criterion: status, evidence, note)',
  request: {
    params: EditionParams,
    query: z.object({
      ...Lang,
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .optional()
        .openapi({ description: 'ISO 3166-1 alpha-2 code: only this country', example: 'PH' }),
    }),
  },
  responses: { 200: json(AssessmentsResponseSchema, 'The assessments'), ...errors },
});

const scoresRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{key}/editions/{label}/scores',
  summary: 'Scores of a published edition: per country the score (null when not assessed), rank and change since the previous edition',
  request: { params: EditionParams, query: z.object(Lang) },
  responses: { 200: json(ScoresResponseSchema, 'Scores, best first'), ...errors },
});

function demoFields(c: Context<AppEnv>, editions: (ReviewEdition | undefined)[]): { demo: boolean; notice?: string } {
  return editions.some((e) => e?.demo) ? { demo: true, notice: c.var.ctx.t('countries.api.demoNotice') } : { demo: false };
}

function editionJson(e: ReviewEdition) {
  return { label: e.label, year: e.year, demo: e.demo, published_at: e.publishedAt, note: e.note };
}

const textIn = (c: Context<AppEnv>, names: Localized, fallback: string) => pickText(names, c.var.ctx.locale).text || fallback;

async function frameworkOr404(c: Context<AppEnv>, key: string): Promise<Framework> {
  const framework = await getFramework(c.var.db, key);
  if (!framework) throw new NotFound(404, 'countries.api.unknownFramework', { key });
  return framework;
}

async function editionOr404(c: Context<AppEnv>, key: string, label: string): Promise<{ framework: Framework; edition: ReviewEdition }> {
  const framework = await frameworkOr404(c, key);
  const edition = (await listReviewEditions(c.var.db, key)).find((e) => e.label === label);
  if (!edition) throw new NotFound(404, 'countries.api.unknownEdition', { key, label });
  return { framework, edition };
}

export function reviewsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(frameworksRoute, async (c) => {
    const frameworks = await listFrameworks(c.var.db);
    const latest = await Promise.all(frameworks.map(async (f) => (await listReviewEditions(c.var.db, f.key))[0]));
    const items = frameworks.map((f, i) => ({
      key: f.key,
      name: textIn(c, f.name, f.key),
      names: f.name,
      description: f.description,
      derived: f.derived,
      criteria_count: f.criteria.length,
      latest_edition: latest[i] ? editionJson(latest[i]) : null,
    }));
    return c.json({ ...demoFields(c, latest), items }, 200);
  });

  api.openapi(frameworkRoute, async (c) => {
    const f = await frameworkOr404(c, c.req.valid('param').key);
    const latest = (await listReviewEditions(c.var.db, f.key))[0];
    return c.json(
      {
        ...demoFields(c, [latest]),
        key: f.key,
        name: textIn(c, f.name, f.key),
        names: f.name,
        description: f.description,
        derived: f.derived,
        latest_edition: latest ? editionJson(latest) : null,
        criteria: f.criteria.map((k) => ({
          key: k.key,
          name: textIn(c, k.name, k.key),
          names: k.name,
          description: k.description,
          weight: k.weight,
          position: k.position,
          model_law_article: k.modelLawArticle,
        })),
      },
      200,
    );
  });

  api.openapi(editionsRoute, async (c) => {
    const f = await frameworkOr404(c, c.req.valid('param').key);
    const editions = await listReviewEditions(c.var.db, f.key);
    return c.json({ ...demoFields(c, editions), framework: f.key, items: editions.map(editionJson) }, 200);
  });

  api.openapi(assessmentsRoute, async (c) => {
    const { key, label } = c.req.valid('param');
    const { framework, edition } = await editionOr404(c, key, label);
    const names = await countryNames(c.var.db);
    const country = c.req.valid('query').country?.toUpperCase();
    if (country !== undefined && !names.has(country)) throw new HttpError(400, 'error.invalidParameter', { name: 'country', problem: 'error.problem.enum' }, 'country');
    const rows = await listAssessments(c.var.db, edition.id, country);
    const laws = await lawsCitedBy(c.var.db, rows);
    const items = rows.map((a) => ({
      country: a.country,
      country_name: textIn(c, names.get(a.country) ?? {}, a.country),
      criterion: a.criterion,
      status: a.status,
      evidence: a.evidence.map((e) => {
        if ('nationalLaw' in e) {
          const law = laws.get(e.nationalLaw);
          const link = law?.provisions.find((p) => p.ref === e.provision)?.link ?? law?.link ?? null;
          return { national_law: e.nationalLaw, provision: e.provision, law_title: law?.title ?? null, law_year: law?.year ?? null, country: law?.country ?? null, link };
        }
        return { citation: e.citation, link: e.link ?? null };
      }),
      note: a.note,
      reviewer: a.reviewer,
      assessed_on: a.assessedOn,
    }));
    return c.json({ ...demoFields(c, [edition]), framework: framework.key, edition: editionJson(edition), items }, 200);
  });

  api.openapi(scoresRoute, async (c) => {
    const { key, label } = c.req.valid('param');
    const { framework, edition } = await editionOr404(c, key, label);
    const [scores, names] = await Promise.all([scoreEdition(c.var.db, framework, edition), countryNames(c.var.db)]);
    const items = scores.map((s) => ({
      country: s.country,
      country_name: textIn(c, names.get(s.country) ?? {}, s.country),
      score: s.score,
      rank: s.rank,
      change: s.change,
      previous: s.previous ?? null,
      met: s.met,
      partly: s.partly,
      not_met: s.notMet,
      not_assessed: s.notAssessed,
    }));
    return c.json({ ...demoFields(c, [edition]), framework: framework.key, edition: editionJson(edition), items }, 200);
  });
}
