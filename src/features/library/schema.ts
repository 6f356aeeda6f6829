// What a resource is, and what a search may ask: zod schemas with the limits in one place.
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';

export const LIMITS = {
  titleMax: 500,
  summaryMax: 5000,
  queryMax: 200,
  filterValuesMax: 20,
  perPageDefault: 20,
  perPageMax: 100,
  /** Deep pages cost the server and help nobody: past this, the page asks the user to refine. */
  pageMax: 50,
  yearMin: 1800,
  yearMax: 2200,
  publishersMax: 20,
  linkMax: 2000,
} as const;

export const RESOURCE_TYPES = [
  'report',
  'white-paper',
  'study',
  'guide',
  'handbook',
  'article',
  'infographic',
  'model-law',
  'guidelines',
  'toolkit',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const SORTS = ['relevance', 'newest', 'title'] as const;
export type Sort = (typeof SORTS)[number];

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const localizedText = (max: number) =>
  z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max).optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodString>>);

/** A resource as importers and editors give it. Names of publishers; slugs of topics; ISO codes. */
export const ResourceInputSchema = z.object({
  slug: z.string().regex(SLUG).max(120).optional(),
  type: z.enum(RESOURCE_TYPES),
  year: z.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax).nullable().default(null),
  link: z.string().url().max(LIMITS.linkMax).refine((u) => /^https?:\/\//i.test(u), 'only http(s) links').nullable().default(null),
  status: z.enum(['draft', 'published']).default('published'),
  title: localizedText(LIMITS.titleMax).refine((t) => Object.values(t).some((v) => v && v.length > 0), 'a title in at least one language'),
  summary: localizedText(LIMITS.summaryMax).default({}),
  publishers: z.array(z.string().trim().min(1).max(200)).max(LIMITS.publishersMax).default([]),
  topics: z.array(z.string().regex(SLUG)).max(50).default([]),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(250).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20).default([]),
});
export type ResourceInput = z.infer<typeof ResourceInputSchema>;

/** Search parameters shared by the library pages, the API and the exports. */
export type SearchParams = {
  q: string;
  topic: string[];
  country: string[];
  region: string[];
  publisher: string[];
  type: string[];
  language: string[];
  yearFrom: number | undefined;
  yearTo: number | undefined;
  sort: Sort;
  page: number;
  perPage: number;
};

export const FACETS = ['topic', 'country', 'region', 'publisher', 'type', 'year', 'language'] as const;
export type Facet = (typeof FACETS)[number];
