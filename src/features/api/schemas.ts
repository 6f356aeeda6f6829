// Response schemas of the open-data API, for the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { LOCALES } from '../../i18n/locales.ts';

const Localized = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().optional()]))).openapi('LocalizedText');
const Named = z.object({ slug: z.string(), name: z.string() });
const Coded = z.object({ code: z.string(), name: z.string() });

export const ResourceSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    type: z.string(),
    year: z.number().int().nullable(),
    title: Localized,
    summary: Localized,
    publishers: z.array(Named),
    topics: z.array(Named),
    countries: z.array(Coded),
    regions: z.array(Coded),
    languages: z.array(z.string()),
    link: z.string().nullable(),
    url: z.string(),
    published_at: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('Resource');

const FacetCounts = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const SearchResponseSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    per_page: z.number().int(),
    items: z.array(ResourceSchema),
    facets: z.object({
      topic: FacetCounts,
      country: FacetCounts,
      region: FacetCounts,
      publisher: FacetCounts,
      type: FacetCounts,
      year: FacetCounts,
      language: FacetCounts,
    }),
    corrections: z.array(z.object({ word: z.string(), suggestion: z.string() })),
  })
  .openapi('SearchResponse');

export const TopicsResponseSchema = z
  .object({ items: z.array(z.object({ slug: z.string(), name: z.string(), names: Localized, count: z.number().int() })) })
  .openapi('Topics');

export const CountriesResponseSchema = z
  .object({
    items: z.array(z.object({ code: z.string(), name: z.string(), names: Localized, count: z.number().int(), regions: z.array(z.string()) })),
  })
  .openapi('Countries');

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), requestId: z.string().optional() }) })
  .openapi('Error');
