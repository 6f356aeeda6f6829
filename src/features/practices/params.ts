// Reads the practices search from a URL, for the page, the API and the exports alike: the
// library's parameter syntax (lists, years, sort, pages) with `actor` instead of its own facets.
import { z } from 'zod';
import { commonSearchParams, facetedSearchQuery, parseUrlQuery, SearchQuerySchema } from '../library/params.ts';
import { ACTORS } from './schema.ts';
import type { PracticeSearchParams } from './search.ts';

export const PracticeQuerySchema = SearchQuerySchema.pick({
  q: true,
  topic: true,
  country: true,
  region: true,
  year_from: true,
  year_to: true,
  sort: true,
  page: true,
  per_page: true,
}).extend({
  // The same list syntax as the other facets (repeated or comma-separated), values from ACTORS.
  actor: SearchQuerySchema.shape.topic.pipe(z.array(z.enum(ACTORS))),
});

export type PracticeQuery = z.infer<typeof PracticeQuerySchema>;

export function toPracticeParams(query: PracticeQuery, defaults?: { perPage: number }): PracticeSearchParams {
  return {
    ...commonSearchParams(query, defaults),
    topic: query.topic,
    country: query.country,
    region: query.region,
    actor: query.actor,
  };
}

export function parsePracticeUrl(url: URL, defaults?: { perPage: number }): PracticeSearchParams {
  return toPracticeParams(parseUrlQuery(PracticeQuerySchema, url), defaults);
}

/** The URL query that reproduces these parameters (for links, pagination, exports). */
export function practiceQuery(p: PracticeSearchParams, overrides: Partial<PracticeSearchParams> = {}): Record<string, string | number | string[] | undefined> {
  const s = { ...p, ...overrides };
  return facetedSearchQuery(s, { topic: s.topic, country: s.country, region: s.region, actor: s.actor });
}
