// What a practice is: the zod schema shared by the shipped data, the back-office editor, the
// moderation of public submissions and the API, with the limits in one place.
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { SLUG } from '../library/schema.ts';

export const ACTORS = ['civil-society', 'government', 'individual', 'business', 'intergovernmental'] as const;
export type Actor = (typeof ACTORS)[number];

/** Paths under /{locale}/practices that are pages, not practices: never a practice's slug. */
export const RESERVED_PRACTICE_SLUGS: readonly string[] = ['submit'];

export const PRACTICE_LIMITS = {
  titleMax: 300,
  summaryMax: 2000,
  descriptionMax: 20000,
  outcomesMax: 5000,
  linksMax: 10,
  linkMax: 2000,
  relatedMax: 20,
  yearMin: 1800,
  yearMax: 2200,
} as const;

const localizedText = (max: number) =>
  z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max).optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodString>>);

const httpUrl = z
  .string()
  .trim()
  .url()
  .max(PRACTICE_LIMITS.linkMax)
  .refine((u) => /^https?:\/\//i.test(u), 'only http(s) links');

export const PracticeInputSchema = z
  .object({
    slug: z
      .string()
      .regex(SLUG)
      .max(120)
      .refine((s) => !RESERVED_PRACTICE_SLUGS.includes(s), 'a reserved address')
      .optional(),
    actor: z.enum(ACTORS),
    status: z.enum(['draft', 'in_review', 'published', 'archived']).default('draft'),
    title: localizedText(PRACTICE_LIMITS.titleMax).refine((t) => Object.values(t).some((v) => v && v.length > 0), 'a title in at least one language'),
    summary: localizedText(PRACTICE_LIMITS.summaryMax).default({}),
    description: localizedText(PRACTICE_LIMITS.descriptionMax).default({}),
    outcomes: localizedText(PRACTICE_LIMITS.outcomesMax).default({}),
    topics: z.array(z.string().regex(SLUG)).max(50).default([]),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(250).default([]),
    yearFrom: z.number().int().min(PRACTICE_LIMITS.yearMin).max(PRACTICE_LIMITS.yearMax).nullable().default(null),
    /** Null while the practice is ongoing. */
    yearTo: z.number().int().min(PRACTICE_LIMITS.yearMin).max(PRACTICE_LIMITS.yearMax).nullable().default(null),
    links: z.array(z.object({ url: httpUrl, label: z.string().trim().max(200).default('') })).max(PRACTICE_LIMITS.linksMax).default([]),
    /** Slugs of library resources. */
    relatedResources: z.array(z.string().regex(SLUG)).max(PRACTICE_LIMITS.relatedMax).default([]),
  })
  .refine((p) => p.yearFrom === null || p.yearTo === null || p.yearTo >= p.yearFrom, { message: 'the last year is before the first', path: ['yearTo'] });
export type PracticeInput = z.infer<typeof PracticeInputSchema>;
