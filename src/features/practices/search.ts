// The practices directory's search: the shared faceted engine over published practices, with
// facets for topic, country, region, actor and years active (overlapping the range asked).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { facetedSearch, type EngineResult, type SearchTable } from '../search/engine.ts';
import { PRACTICE_ROW, type Practice } from './store.ts';
import type { Sort } from '../library/schema.ts';

export const PRACTICE_FACETS = ['topic', 'country', 'region', 'actor', 'years'] as const;
export type PracticeFacet = (typeof PRACTICE_FACETS)[number];

export type PracticeSearchParams = {
  q: string;
  topic: string[];
  country: string[];
  region: string[];
  actor: string[];
  yearFrom: number | undefined;
  yearTo: number | undefined;
  sort: Sort;
  page: number;
  perPage: number;
};

export type PracticeSearchResult = EngineResult<PracticeFacet, Practice>;

export const PRACTICE_SEARCH: SearchTable<PracticeFacet> = {
  table: 'practices',
  facets: {
    topic: { kind: 'array', column: 'topics' },
    country: { kind: 'array', column: 'countries' },
    region: { kind: 'array', column: 'regions' },
    actor: { kind: 'scalar', column: 'actor' },
    years: { kind: 'span', from: 'year_from', to: 'year_to' },
  },
  candidates: ['id', 'actor', 'year_from', 'year_to', 'published_at', 'topics', 'countries', 'regions'],
  row: PRACTICE_ROW,
  // Newest: the most recently started first.
  newest: sql`m.year_from DESC NULLS LAST, m.published_at DESC NULLS LAST, m.id DESC`,
  tieBreak: sql`m.year_from DESC NULLS LAST, m.id DESC`,
};

export function searchPractices(db: Db, params: PracticeSearchParams, locale: Locale): Promise<PracticeSearchResult> {
  return facetedSearch<PracticeFacet, Practice>(
    db,
    PRACTICE_SEARCH,
    {
      q: params.q,
      values: { topic: params.topic, country: params.country, region: params.region, actor: params.actor },
      ranges: { years: { from: params.yearFrom, to: params.yearTo } },
      sort: params.sort,
      page: params.page,
      perPage: params.perPage,
    },
    locale,
  );
}
