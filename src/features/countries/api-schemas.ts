// Response schemas of the reviews API (frameworks, editions, assessments, scores) for the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { LOCALES } from '../../i18n/locales.ts';

const Text = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()]))).openapi('ReviewText', {
  description: 'A text in each of the five languages that has it',
});

/** Every answer says whether it rests on demonstration data; a demo answer also says so in words. */
const Demo = {
  demo: z.boolean().openapi({ description: 'True when the answer is built on a demonstration edition: illustrative, not real findings' }),
  notice: z.string().optional().openapi({ description: 'Present when demo is true: says so plainly, in the language asked for' }),
};

export const EditionSchema = z
  .object({
    label: z.string(),
    year: z.number().int(),
    demo: z.boolean(),
    published_at: z.string().nullable(),
    note: Text,
  })
  .openapi('ReviewEdition');

const FrameworkFields = {
  key: z.string(),
  name: z.string(),
  names: Text,
  description: Text,
  derived: z.boolean().openapi({ description: 'True for model-law coverage: one criterion per model-law article' }),
  latest_edition: EditionSchema.nullable().openapi({ description: 'The newest published edition, or null when none is published' }),
};

export const FrameworksResponseSchema = z
  .object({ ...Demo, items: z.array(z.object({ ...FrameworkFields, criteria_count: z.number().int() })) })
  .openapi('Frameworks');

export const FrameworkResponseSchema = z
  .object({
    ...Demo,
    ...FrameworkFields,
    criteria: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        names: Text,
        description: Text,
        weight: z.number(),
        position: z.number().int(),
        model_law_article: z.string().nullable(),
      }),
    ),
  })
  .openapi('Framework');

export const EditionsResponseSchema = z.object({ ...Demo, framework: z.string(), items: z.array(EditionSchema) }).openapi('ReviewEditions');

const EvidenceSchema = z
  .union([
    z.object({
      national_law: z.string(),
      provision: z.string(),
      law_title: z.string().nullable(),
      law_year: z.number().int().nullable(),
      country: z.string().nullable(),
      link: z.string().nullable(),
    }),
    z.object({ citation: z.string(), link: z.string().nullable() }),
  ])
  .openapi('Evidence');

export const STATUSES = ['met', 'partly', 'not_met', 'not_assessed'] as const;
export const CHANGES = ['improved', 'regressed', 'same', 'new', 'none'] as const;

export const AssessmentsResponseSchema = z
  .object({
    ...Demo,
    framework: z.string(),
    edition: EditionSchema,
    items: z.array(
      z.object({
        country: z.string(),
        country_name: z.string(),
        criterion: z.string(),
        status: z.enum(STATUSES),
        evidence: z.array(EvidenceSchema),
        note: Text,
        reviewer: z.string().nullable(),
        assessed_on: z.string().nullable(),
      }),
    ),
  })
  .openapi('Assessments');

export const ScoresResponseSchema = z
  .object({
    ...Demo,
    framework: z.string(),
    edition: EditionSchema,
    items: z.array(
      z.object({
        country: z.string(),
        country_name: z.string(),
        score: z.number().nullable().openapi({ description: '0–100; null when nothing is assessed (never 0 for missing data)' }),
        rank: z.number().int().nullable(),
        change: z.enum(CHANGES).openapi({ description: 'Since the previous published edition' }),
        previous: z.number().nullable().openapi({ description: 'The score in the previous published edition, when there is one' }),
        met: z.number().int(),
        partly: z.number().int(),
        not_met: z.number().int(),
        not_assessed: z.number().int(),
      }),
    ),
  })
  .openapi('Scores');
