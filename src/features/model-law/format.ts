// The model-law interchange format ("atlas-model-law/1"): how the shipped sample is written, and
// what `import` accepts besides Akoma Ntoso. One document is one edition of one law.
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Text per locale; English is the source language of the shipped sample. */
export const LocalizedSchema = z.object(
  Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(20_000).optional()])) as Record<
    (typeof LOCALES)[number],
    z.ZodOptional<z.ZodString>
  >,
);

/** A source of an article: a provision of an international instrument, or of a national law. */
export const SourceRefSchema = z.union([
  z.object({ instrument: z.string().regex(KEY), provision: z.string().min(1).max(40), note: LocalizedSchema.optional() }),
  z.object({ nationalLaw: z.string().regex(KEY), provision: z.string().min(1).max(40), note: LocalizedSchema.optional() }),
]);

export const ArticleSchema = z.object({
  key: z.string().regex(KEY).max(80),
  heading: LocalizedSchema,
  paragraphs: z.array(LocalizedSchema).min(1).max(50),
  sources: z.array(SourceRefSchema).max(60).default([]),
});

export const ChapterSchema = z.object({
  key: z.string().regex(KEY).max(80),
  heading: LocalizedSchema,
  articles: z.array(ArticleSchema).min(1).max(200),
});

export const PartSchema = z.object({
  key: z.string().regex(KEY).max(80),
  heading: LocalizedSchema,
  chapters: z.array(ChapterSchema).min(1).max(100),
});

export const ModelLawDocumentSchema = z
  .object({
    format: z.literal('atlas-model-law/1'),
    slug: z.string().regex(KEY).max(80),
    /** True for text written as an illustration, labelled as such on every page. */
    sample: z.boolean().default(false),
    sourceLocale: z.enum(LOCALES).default('en'),
    title: LocalizedSchema,
    edition: z.object({ label: z.string().min(1).max(40), year: z.number().int().min(1900).max(2200), note: LocalizedSchema.optional() }),
    /** Either parts (each with chapters) or chapters directly. */
    parts: z.array(PartSchema).max(50).optional(),
    chapters: z.array(ChapterSchema).max(100).optional(),
  })
  .refine((d) => (d.parts ? 1 : 0) + (d.chapters ? 1 : 0) === 1, 'give either parts or chapters');

export type ModelLawDocument = z.infer<typeof ModelLawDocumentSchema>;

/** An international instrument and the provisions the Atlas cites (src/data/instruments.json). */
export const InstrumentSchema = z.object({
  key: z.string().regex(KEY),
  name: LocalizedSchema,
  shortName: LocalizedSchema,
  adopted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  body: z.string().min(1),
  link: z.string().url(),
  provisions: z.array(z.object({ ref: z.string().min(1).max(40), title: LocalizedSchema })).min(1),
});

/** A national law and the provisions the Atlas cites (src/data/national-laws.json). */
export const NationalLawSchema = z.object({
  key: z.string().regex(KEY),
  country: z.string().regex(/^[A-Z]{2}$/),
  title: z.string().min(1).max(300),
  year: z.number().int().min(1800).max(2200),
  link: z.string().url().optional(),
  provisions: z.array(z.object({ ref: z.string().min(1).max(40), summary: LocalizedSchema, link: z.string().url().optional() })).min(1),
});
