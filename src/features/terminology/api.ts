// Open-data API for the glossary and the text checker, in the OpenAPI document.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LOCALES, pickText, type Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import { ErrorSchema } from '../api/schemas.ts';
import { listGlossary } from './store.ts';
import { STATUSES, type GlossaryEntry } from './schema.ts';
import { MAX_TEXT_CHARS } from './document.ts';
import { largeCheckWait, runCheck } from './check-service.ts';
import { entryPath } from './components.tsx';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const Localized = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()])));
const Status = z.enum(STATUSES);
const Check = z.enum(['avoid', 'care']);

const TermSchema = z
  .object({
    key: z.string(),
    status: Status,
    term: z.string().openapi({ description: 'The term in the language asked for (or the nearest available)' }),
    terms: Localized,
    variants: z.record(z.string(), z.array(z.string())).openapi({ description: 'Other forms the checker detects, per language' }),
    alternative: z.object({ key: z.string(), term: z.string() }).nullable(),
    explanation: z.string(),
    explanations: Localized,
    source: z.string().nullable(),
    link: z.string().nullable(),
    confirmed: z.boolean().openapi({ description: 'False while the entry awaits an editor’s confirmation' }),
    url: z.string(),
  })
  .openapi('GlossaryTerm');

const FindingSchema = z
  .object({
    start: z.number().int().openapi({ description: 'Offset of the first character, in UTF-16 code units' }),
    end: z.number().int().openapi({ description: 'Offset after the last character, in UTF-16 code units' }),
    line: z.number().int(),
    column: z.number().int().openapi({ description: '1-based, in characters (code points)' }),
    found: z.string(),
    key: z.string(),
    status: Check,
    term: z.string(),
    suggestion: z.object({ key: z.string(), term: z.string() }).nullable(),
    explanation: z.string(),
    source: z.string().nullable(),
    link: z.string().nullable(),
    confirmed: z.boolean(),
  })
  .openapi('TermFinding');

const glossaryRoute = createRoute({
  method: 'get',
  path: '/api/v1/terminology',
  summary: 'The terminology glossary: terms to avoid, to use with care and to prefer, in five languages',
  request: {
    query: z.object({
      lang: z.enum(LOCALES).optional().openapi({ description: 'Language of `term` and `explanation` (else Accept-Language)' }),
      status: Status.optional().openapi({ description: 'Only the terms with this status' }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(TermSchema) }), 'The glossary, in its order'),
    400: json(ErrorSchema, 'A parameter is not valid; the message names it'),
  },
});

const CheckBody = z.object({
  text: z.string().min(1).max(MAX_TEXT_CHARS).openapi({ description: `The text to check, at most ${MAX_TEXT_CHARS} characters` }),
  lang: z.enum([...LOCALES, 'auto']).optional().openapi({ description: 'The language of the text; detected when absent or "auto"' }),
});

const checkRoute = createRoute({
  method: 'post',
  path: '/api/v1/terminology/check',
  summary: 'Find the terms to avoid (and to use with care) in a text, inflected forms included',
  description:
    'Matching goes through the same stemmers as the library search (English, Spanish, Russian, Arabic; Persian by normalised spelling). ' +
    'Suggestions and explanations are in the language of the text. Error messages follow ?lang= or Accept-Language.',
  request: {
    query: z.object({ lang: z.enum(LOCALES).optional().openapi({ description: 'Language of error messages' }) }),
    body: { content: { 'application/json': { schema: CheckBody } }, required: true },
  },
  responses: {
    200: json(
      z.object({
        lang: z.enum(LOCALES),
        detected: z.boolean().openapi({ description: 'True when the language was detected rather than given' }),
        counts: z.object({ avoid: z.number().int(), care: z.number().int() }),
        findings: z.array(FindingSchema),
      }),
      'The findings, in the order of the text',
    ),
    400: json(ErrorSchema, 'The body is not valid; the message names the field'),
    413: json(ErrorSchema, 'The request is larger than the Atlas accepts'),
    429: json(ErrorSchema, 'Too many long texts from this address; see Retry-After'),
  },
});

function termJson(e: GlossaryEntry, byKey: Map<string, GlossaryEntry>, locale: Locale, publicUrl: string) {
  const alternative = e.alternative ? byKey.get(e.alternative) : undefined;
  return {
    key: e.key,
    status: e.status,
    term: pickText(e.term, locale).text,
    terms: e.term,
    variants: e.variants as Record<string, string[]>,
    alternative: alternative ? { key: alternative.key, term: pickText(alternative.term, locale).text } : null,
    explanation: pickText(e.explanation, locale).text,
    explanations: e.explanation,
    source: e.source,
    link: e.link,
    confirmed: e.confirmed,
    url: `${publicUrl}${entryPath(locale, e.key)}`,
  };
}

export function terminologyApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(glossaryRoute, async (c) => {
    const { db, ctx, config } = c.var;
    const { status } = c.req.valid('query');
    const all = await listGlossary(db);
    const byKey = new Map(all.map((e) => [e.key, e]));
    const items = all.filter((e) => !status || e.status === status).map((e) => termJson(e, byKey, ctx.locale, config.publicUrl));
    return c.json({ items }, 200);
  });

  api.openapi(checkRoute, async (c) => {
    const { db, ctx } = c.var;
    const { text, lang } = c.req.valid('json');
    const wait = await largeCheckWait(db, text, !!c.var.user, c.var.clientIp);
    if (wait > 0) {
      c.header('Retry-After', String(wait * 60));
      throw new HttpError(429, 'terminology.check.rateLimited', { minutes: wait });
    }
    const checked = await runCheck(db, text, lang, ctx.locale);
    const avoid = checked.findings.filter((f) => f.status === 'avoid').length;
    return c.json({ ...checked, counts: { avoid, care: checked.findings.length - avoid } }, 200);
  });
}
