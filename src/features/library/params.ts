// Reads search parameters from a URL, for pages, API and exports alike. A bad parameter is a 400
// naming it, in the user's language.
import { z } from 'zod';
import { HttpError } from '../../web/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { LIMITS, RESOURCE_TYPES, SLUG, SORTS, type SearchParams } from './schema.ts';

/** Repeated (?topic=a&topic=b) or comma-separated (?topic=a,b) values become one list. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).max(LIMITS.filterValuesMax),
  );

/** An empty value (`year_from=` from a form field left blank) means "not set". */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const year = unsetIfEmpty(z.coerce.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax).optional());

export const SearchQuerySchema = z.object({
  q: z.string().max(LIMITS.queryMax).optional(),
  topic: list(z.string().regex(SLUG)),
  country: list(z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase())),
  region: list(z.string().regex(SLUG)),
  publisher: list(z.string().regex(SLUG)),
  type: list(z.enum(RESOURCE_TYPES)),
  language: list(z.string().regex(/^[a-z]{2,3}$/)),
  year_from: year,
  year_to: year,
  sort: unsetIfEmpty(z.enum(SORTS).optional()),
  page: unsetIfEmpty(z.coerce.number().int().min(1).max(LIMITS.pageMax).optional()),
  per_page: unsetIfEmpty(z.coerce.number().int().min(1).max(LIMITS.perPageMax).optional()),
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** The query object of a URL: single values as strings, repeated ones as arrays. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function problemKey(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'error.problem.tooLong' : 'error.problem.range';
    case 'too_small':
      return 'error.problem.range';
    case 'invalid_value':
      return 'error.problem.enum';
    case 'invalid_type':
      return issue.expected === 'number' ? 'error.problem.number' : 'error.problem.format';
    default:
      return 'error.problem.format';
  }
}

/** Turns a zod failure into a 400 that names the first bad parameter. */
export function invalidParameter(error: z.ZodError): HttpError {
  const issue = error.issues[0]!;
  const name = String(issue.path[0] ?? 'query');
  return new HttpError(400, 'error.invalidParameter', { name, problem: problemKey(issue) }, name);
}

/** The parameters every faceted search reads alike, whatever its facets: words, years, order, page. */
export type CommonSearchParams = Pick<SearchParams, 'q' | 'yearFrom' | 'yearTo' | 'sort' | 'page' | 'perPage'>;

/** The query a URL has after `schema` checked it; a bad parameter is a 400 naming it. */
export function parseUrlQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const parsed = schema.safeParse(queryObject(url));
  if (!parsed.success) throw invalidParameter(parsed.error);
  return parsed.data;
}

/** Words, years, order and page of a checked query, with their defaults; a reversed year range is put right. */
export function commonSearchParams(
  query: Pick<SearchQuery, 'q' | 'year_from' | 'year_to' | 'sort' | 'page' | 'per_page'>,
  defaults: { perPage: number } = { perPage: LIMITS.perPageDefault },
): CommonSearchParams {
  let yearFrom = query.year_from;
  let yearTo = query.year_to;
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return {
    q: query.q?.trim() ?? '',
    yearFrom,
    yearTo,
    // Relevance without words to rank by orders newest first (see search.ts).
    sort: query.sort ?? 'relevance',
    page: query.page ?? 1,
    perPage: query.per_page ?? defaults.perPage,
  };
}

/**
 * The URL query that reproduces a search: its words, then its facet lists in the order given, then
 * years, order and page, defaults left out (so that links stay short and equal searches share a URL).
 */
export function facetedSearchQuery(s: CommonSearchParams, lists: Record<string, string[]>): Record<string, string | number | string[] | undefined> {
  return {
    q: s.q || undefined,
    ...lists,
    year_from: s.yearFrom,
    year_to: s.yearTo,
    sort: s.sort === 'relevance' ? undefined : s.sort,
    page: s.page > 1 ? s.page : undefined,
  };
}

export function toSearchParams(query: SearchQuery, defaults?: { perPage: number }): SearchParams {
  return {
    ...commonSearchParams(query, defaults),
    topic: query.topic,
    country: query.country,
    region: query.region,
    publisher: query.publisher,
    type: query.type,
    language: query.language,
  };
}

export function parseSearchUrl(url: URL, defaults?: { perPage: number }): SearchParams {
  return toSearchParams(parseUrlQuery(SearchQuerySchema, url), defaults);
}

/** The URL query that reproduces these parameters (for links, pagination, exports). */
export function searchQuery(p: SearchParams, overrides: Partial<SearchParams> = {}): Record<string, string | number | string[] | undefined> {
  const s = { ...p, ...overrides };
  return facetedSearchQuery(s, { topic: s.topic, country: s.country, region: s.region, publisher: s.publisher, type: s.type, language: s.language });
}
