// Response schemas of the practices API, for the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { LOCALES } from '../../i18n/locales.ts';
import { ACTORS } from './schema.ts';

const Localized = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()])));
const Named = z.object({ slug: z.string(), name: z.string() });
const Coded = z.object({ code: z.string(), name: z.string() });
const FacetCounts = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const PracticeSchema = z
  .object({
    slug: z.string(),
    actor: z.object({ slug: z.enum(ACTORS), name: z.string() }),
    year_from: z.number().int().nullable(),
    year_to: z.number().int().nullable().openapi({ description: 'Null while the practice is ongoing' }),
    title: Localized,
    summary: Localized,
    description: Localized,
    outcomes: Localized,
    topics: z.array(Named),
    countries: z.array(Coded),
    regions: z.array(Coded),
    links: z.array(z.object({ url: z.string(), label: z.string() })),
    related_resources: z.array(z.string()).openapi({ description: 'Slugs of library resources' }),
    url: z.string(),
    published_at: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('Practice');

export const PracticeSearchResponseSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    per_page: z.number().int(),
    items: z.array(PracticeSchema),
    facets: z.object({ topic: FacetCounts, country: FacetCounts, region: FacetCounts, actor: FacetCounts }),
    corrections: z.array(z.object({ word: z.string(), suggestion: z.string() })),
  })
  .openapi('PracticeSearchResponse');
