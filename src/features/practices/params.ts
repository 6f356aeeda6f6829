// Reads the practices search from a URL, for the page, the API and the exports alike: the
// library's parameter syntax (lists, years, sort, pages) with `actor` instead of its own facets.
import { z } from 'zod';
import { invalidParameter, queryObject, SearchQuerySchema } from '../library/params.ts';
import { LIMITS } from '../library/schema.ts';
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

export function toPracticeParams(query: PracticeQuery, defaults: { perPage: number } = { perPage: LIMITS.perPageDefault }): PracticeSearchParams {
  let yearFrom = query.year_from;
  let yearTo = query.year_to;
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return {
    q: query.q?.trim() ?? '',
    topic: query.topic,
    country: query.country,
    region: query.region,
    actor: query.actor,
    yearFrom,
    yearTo,
    sort: query.sort ?? 'relevance',
    page: query.page ?? 1,
    perPage: query.per_page ?? defaults.perPage,
  };
}

export function parsePracticeUrl(url: URL, defaults?: { perPage: number }): PracticeSearchParams {
  const parsed = PracticeQuerySchema.safeParse(queryObject(url));
  if (!parsed.success) throw invalidParameter(parsed.error);
  return toPracticeParams(parsed.data, defaults);
}

/** The URL query that reproduces these parameters (for links, pagination, exports). */
export function practiceQuery(p: PracticeSearchParams, overrides: Partial<PracticeSearchParams> = {}): Record<string, string | number | string[] | undefined> {
  const s = { ...p, ...overrides };
  return {
    q: s.q || undefined,
    topic: s.topic,
    country: s.country,
    region: s.region,
    actor: s.actor,
    year_from: s.yearFrom,
    year_to: s.yearTo,
    sort: s.sort === 'relevance' ? undefined : s.sort,
    page: s.page > 1 ? s.page : undefined,
  };
}
