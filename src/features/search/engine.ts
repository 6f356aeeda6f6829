// Faceted full-text search over the published rows of one table, in one round trip: the page of
// results, the total and the count of every facet value. Each facet's counts apply every other
// active filter but not its own, so a user sees how many results each alternative would give.
// A table takes part by describing itself (SearchTable); it needs the columns id, status, title
// (jsonb per locale), published_at, search_vector, and topics and countries (tag names match).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { textQuery, type Correction, type TextQuery } from './words.ts';
import { memorySearch } from './memory.ts';

/**
 * How a facet filters and counts: `array` (a text[] column, any value), `scalar` (a text column),
 * `year` (an int column: a range filter, counts per year), `span` (two int columns, first and last
 * year, the last NULL while ongoing: a range filter on overlap, no counts).
 */
export type FacetDef =
  | { kind: 'array'; column: string }
  | { kind: 'scalar'; column: string }
  | { kind: 'year'; column: string }
  | { kind: 'span'; from: string; to: string };

export type SearchTable<F extends string> = {
  table: string;
  /** In the order their flags and counts are written. */
  facets: Record<F, FacetDef>;
  /** Columns of the candidates (materialised): id, published_at, facet and sort columns. */
  candidates: string[];
  /** The columns of a result row, read from `r`; among them `id` (as text), by which rows are kept in memory. */
  row: RawBuilder<unknown>;
  /** "Newest first", on the candidates `m`; `tieBreak` orders rows of equal rank. */
  newest: RawBuilder<unknown>;
  tieBreak: RawBuilder<unknown>;
};

export type Range = { from?: number; to?: number };
export type SearchSort = 'relevance' | 'newest' | 'title';
export type EngineParams<F extends string> = {
  q: string;
  /** Values of a facet are alternatives (OR); different facets all apply (AND). */
  values: Partial<Record<F, string[]>>;
  ranges: Partial<Record<F, Range>>;
  sort: SearchSort;
  page: number;
  perPage: number;
};

export type FacetCount = { value: string; count: number };
export type EngineResult<F extends string, Row> = {
  total: number;
  items: Row[];
  facets: Record<F, FacetCount[]>;
  /** Misspelt query words and the known words searched for them as well. */
  corrections: Correction[];
};

/** The SQL condition of one active filter; undefined when the facet is not filtered. */
export function filterOf(def: FacetDef, values: string[] | undefined, range: Range | undefined): RawBuilder<unknown> | undefined {
  switch (def.kind) {
    case 'array':
      return values?.length ? sql`(${sql.ref(def.column)} && ${values}::text[])` : undefined;
    case 'scalar':
      return values?.length ? sql`(${sql.ref(def.column)} = ANY(${values}::text[]))` : undefined;
    case 'year':
      return range && (range.from !== undefined || range.to !== undefined)
        ? sql`(${sql.ref(def.column)} BETWEEN ${range.from ?? -1} AND ${range.to ?? 99999})`
        : undefined;
    case 'span':
      // Active at some time in the range: started by its end, and not finished before its start.
      return range && (range.from !== undefined || range.to !== undefined)
        ? sql`(${sql.ref(def.from)} <= ${range.to ?? 99999} AND coalesce(${sql.ref(def.to)}, 99999) >= ${range.from ?? -1})`
        : undefined;
  }
}

/**
 * The search: from the process's in-memory copy of the table's facets when it is current
 * (memory.ts; the same answer, without counting in SQL), else by the SQL statement below.
 */
export async function facetedSearch<F extends string, Row>(db: Db, spec: SearchTable<F>, params: EngineParams<F>, locale: Locale): Promise<EngineResult<F, Row>> {
  let text: Promise<TextQuery> | undefined;
  const getText = () => (text ??= textQuery(db, params.q));
  return (await memorySearch<F, Row>(db, spec, params, getText)) ?? sqlFacetedSearch<F, Row>(db, spec, params, locale, getText);
}

/** The search as one SQL statement: the reference that the in-memory search must equal. */
export async function sqlFacetedSearch<F extends string, Row>(
  db: Db,
  spec: SearchTable<F>,
  params: EngineParams<F>,
  locale: Locale,
  getText: () => Promise<TextQuery> = () => textQuery(db, params.q),
): Promise<EngineResult<F, Row>> {
  const names = Object.keys(spec.facets) as F[];
  const text = await getText();
  const query = text.rank;
  const match = text.match;

  // The condition of each active filter; below, one boolean per facet (TRUE when not filtered).
  const filters = Object.fromEntries(names.map((f) => [f, filterOf(spec.facets[f], params.values[f], params.ranges[f])])) as Record<F, RawBuilder<unknown> | undefined>;
  const flags = Object.fromEntries(names.map((f) => [f, filters[f] ?? sql`TRUE`])) as Record<F, RawBuilder<unknown>>;
  // A row that fails two or more filters counts nowhere: not in the results, and not in any facet
  // (each facet ignores only its own filter). So with two or more filters active, the candidates
  // are the rows passing at least one, which the indexes on the facet columns find directly.
  const active = names.flatMap((f) => filters[f] ?? []);
  const prefilter = active.length >= 2 ? sql`AND (${sql.join(active, sql` OR `)})` : sql``;
  const all = (except?: F) => sql.join(names.filter((f) => f !== except).map((f) => sql.ref(`f_${f}`)), sql` AND `);

  // Sort keys that need the full row (rank, title) are computed only for rows passing every
  // filter; "newest" sorts on columns kept in m. Only the page's rows are joined back in full.
  // The table's name is the description's constant, never input; unquoted, the statement reads as
  // before the engine was shared (bench/explain.ts recognises the search by "FROM resources").
  const table = sql.raw(spec.table);
  const title = sql`lower(coalesce(r.title->>${locale}, r.title->>'en', (SELECT min(v) FROM jsonb_each_text(r.title) AS e(k, v))))`;
  const order =
    params.sort === 'title'
      ? sql`${title}, m.id`
      : params.sort === 'newest' || !query
        ? spec.newest
        : sql`ts_rank(r.search_vector, ${query}) DESC, ${spec.tieBreak}`;
  const needsRow = params.sort === 'title' || (params.sort !== 'newest' && !!query);
  const offset = (params.page - 1) * params.perPage;

  const facetSql = (facet: F, valueExpr: RawBuilder<unknown>, from: RawBuilder<unknown>, extra = sql``) =>
    sql`SELECT ${facet}::text AS facet, ${valueExpr}::text AS value, count(*)::int AS n FROM m ${from} WHERE ${all(facet)} ${extra} GROUP BY 2`;
  const counted = names.flatMap((f) => {
    const def = spec.facets[f];
    if (def.kind === 'array') return [facetSql(f, sql`v`, sql`, unnest(${sql.ref(def.column)}) v`)];
    if (def.kind === 'scalar') return [facetSql(f, sql.ref(def.column), sql``)];
    if (def.kind === 'year') return [facetSql(f, sql.ref(def.column), sql``, sql`AND ${sql.ref(def.column)} IS NOT NULL`)];
    return [];
  });

  const statement = sql<{ items: Row[] | null; total: number; facets: { facet: F; value: string; n: number }[] | null }>`
    WITH m AS MATERIALIZED (
      SELECT ${sql.join(spec.candidates.map((c) => sql.ref(c)), sql`, `)},
        ${sql.join(names.map((f) => sql`${flags[f]} AS ${sql.ref(`f_${f}`)}`), sql`, `)}
      FROM ${table}
      WHERE status = 'published' ${match ? sql`AND ${match}` : sql``} ${prefilter}
    ),
    page_ids AS (
      SELECT m.id, row_number() OVER (ORDER BY ${order}) AS position
      FROM m ${needsRow ? sql`JOIN ${table} r ON r.id = m.id` : sql``}
      WHERE ${all()} ORDER BY ${order} LIMIT ${params.perPage} OFFSET ${offset}
    ),
    page AS (
      SELECT p.position, ${spec.row}
      FROM page_ids p JOIN ${table} r ON r.id = p.id
    ),
    counts AS (
      ${counted.length ? sql.join(counted, sql` UNION ALL `) : sql`SELECT NULL::text AS facet, NULL::text AS value, 0 AS n WHERE FALSE`}
    )
    SELECT (SELECT json_agg(page ORDER BY position) FROM page) AS items,
      (SELECT count(*) FROM m WHERE ${all()})::int AS total,
      (SELECT json_agg(json_build_object('facet', facet, 'value', value, 'n', n) ORDER BY facet, n DESC, value COLLATE "C") FROM counts) AS facets`;

  // The planner underrates reading each row's large text vector: left alone it scans the whole
  // table for a word that matches a few percent of it (ten times slower). With words to match,
  // the text index is always the better way in.
  const r = query
    ? await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return statement.execute(trx);
      })
    : await statement.execute(db);

  const row = r.rows[0]!;
  const facets = Object.fromEntries(names.map((f) => [f, [] as FacetCount[]])) as Record<F, FacetCount[]>;
  for (const f of row.facets ?? []) facets[f.facet]?.push({ value: f.value, count: f.n });
  for (const f of names) if (spec.facets[f].kind === 'year') facets[f].sort((a, b) => Number(b.value) - Number(a.value));
  return { total: row.total, items: row.items ?? [], facets, corrections: text.corrections };
}
