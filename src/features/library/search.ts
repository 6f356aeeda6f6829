// The library's faceted full-text search over published resources: the shared engine
// (../search/engine.ts) with the resources table's facets, columns and sort keys.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { facetedSearch, type EngineParams, type FacetCount, type SearchTable } from '../search/engine.ts';
import type { Correction } from '../search/words.ts';
import type { Facet, SearchParams } from './schema.ts';
import type { Resource } from './store.ts';

export { tokenize } from '../search/words.ts';
export type { FacetCount } from '../search/engine.ts';

export type SearchResult = {
  total: number;
  items: Resource[];
  facets: Record<Facet, FacetCount[]>;
  /** Misspelt query words and the known words searched for them as well. */
  corrections: Correction[];
};

export const RESOURCE_SEARCH: SearchTable<Facet> = {
  table: 'resources',
  facets: {
    topic: { kind: 'array', column: 'topics' },
    country: { kind: 'array', column: 'countries' },
    region: { kind: 'array', column: 'regions' },
    publisher: { kind: 'array', column: 'publishers' },
    type: { kind: 'scalar', column: 'type' },
    year: { kind: 'year', column: 'year' },
    language: { kind: 'array', column: 'languages' },
  },
  candidates: ['id', 'type', 'year', 'published_at', 'topics', 'countries', 'regions', 'publishers', 'languages'],
  row: sql`r.id::text AS id, r.slug, r.type, r.year, r.link, r.status, r.title, r.summary, r.topics, r.countries,
        r.regions, r.publishers, r.languages, r.created_at, r.updated_at, r.published_at`,
  newest: sql`m.year DESC NULLS LAST, m.published_at DESC NULLS LAST, m.id DESC`,
  tieBreak: sql`m.year DESC NULLS LAST, m.id DESC`,
};

/** The library's search parameters in the engine's terms. */
export function resourceEngineParams(params: SearchParams): EngineParams<Facet> {
  return {
    q: params.q,
    values: { topic: params.topic, country: params.country, region: params.region, publisher: params.publisher, type: params.type, language: params.language },
    ranges: { year: { from: params.yearFrom, to: params.yearTo } },
    sort: params.sort,
    page: params.page,
    perPage: params.perPage,
  };
}

export async function searchResources(db: Db, params: SearchParams, locale: Locale): Promise<SearchResult> {
  return facetedSearch<Facet, Resource>(db, RESOURCE_SEARCH, resourceEngineParams(params), locale);
}
