// The same faceted search as engine.ts's SQL statement, answered from memory. At 100k resources
// the SQL statement spends its time counting facet values over the thousands of rows a common
// word matches; here each process keeps the published rows' facet values as small integer
// columns and, per text query, the rows it matches (their ranks computed only for rows that pass
// a search's filters, then kept). A search then costs the counting in JavaScript and one query
// for the page's rows. Results are identical to the SQL path (a test compares the two).
//
// Exactness: every write changes its table's search stamp in its own transaction (migration 010).
// The copy remembers the stamp it was read with, and the query for the page's rows also reads
// the current stamp: when they differ (a write since, from any process), the answer is thrown
// away, SQL answers, and the copy is rebuilt in the background. Sorting by title needs each
// row's title in the reader's language: SQL only.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { filterOf, type EngineParams, type EngineResult, type FacetCount, type FacetDef, type SearchTable } from './engine.ts';
import type { TextQuery } from './words.ts';

const NULL_INT = -2147483648;
/**
 * Text queries kept per table copy: at most this many, holding at most this many matching rows in
 * all (each entry counts as at least 64, its key and query), the least recently used dropped first.
 */
const TEXT_CACHE_ENTRIES = 5_000;
const TEXT_CACHE_ROWS = 2_000_000;
const ENTRY_OVERHEAD_ROWS = 64;
/** Result rows (as JSON objects) kept per table copy, the most recently shown. */
const ROW_CACHE_SIZE = 5_000;

type Column =
  | { kind: 'array'; offsets: Int32Array; codes: Int32Array; dictionary: string[]; codeOf: Map<string, number> }
  | { kind: 'scalar'; codes: Int32Array; dictionary: string[]; codeOf: Map<string, number> }
  | { kind: 'year'; values: Int32Array }
  | { kind: 'span'; from: Int32Array; to: Int32Array };

/**
 * The rows a text query matches (indexes into the copy) and the query itself. Ranks cost a read
 * of each row's text vector, so they are computed only for rows that pass a search's filters,
 * and kept (by row) for the next search with the same words.
 */
type TextMatch = { rows: Int32Array; text: TextQuery; ranks: Map<number, number> };

type Copy = {
  stamp: string;
  ids: string[];
  rowOf: Map<string, number>;
  /** Position of each row in "newest" order and in the relevance tie-break order. */
  newestPos: Int32Array;
  tiePos: Int32Array;
  columns: Map<string, Column>;
  texts: Map<string, TextMatch>;
  textRows: number;
  /** Result rows by row index, as the SQL statement's JSON gives them (without `position`). */
  rows: Map<number, Record<string, unknown>>;
};

type Slot = { copy?: Copy; loading?: Promise<void> };
const slots = new WeakMap<Db, Map<string, Slot>>();

function slotOf(db: Db, table: string): Slot {
  let tables = slots.get(db);
  if (!tables) slots.set(db, (tables = new Map()));
  let slot = tables.get(table);
  if (!slot) tables.set(table, (slot = {}));
  return slot;
}

/**
 * The state of every searchable table: typo corrections come from words of the library, so a
 * copy of the practices is also out of date when the library changes.
 */
const stampOf = (table: string) =>
  sql<string | null>`(SELECT CASE WHEN count(*) FILTER (WHERE table_name = ${table}) > 0
    THEN string_agg(stamp, ',' ORDER BY table_name) END FROM search_stamps)`;

async function currentStamp(db: Db, table: string): Promise<string | undefined> {
  const r = await sql<{ stamp: string | null }>`SELECT ${stampOf(table)} AS stamp`.execute(db);
  return r.rows[0]?.stamp ?? undefined;
}

/** Reads the published rows' facet columns and sort positions, with the stamp they match. */
async function loadCopy<F extends string>(db: Db, spec: SearchTable<F>): Promise<Copy | undefined> {
  const defs = Object.entries(spec.facets) as [string, FacetDef][];
  const facetColumns = [...new Set(defs.flatMap(([, d]) => (d.kind === 'span' ? [d.from, d.to] : [d.column])))];
  // One transaction at REPEATABLE READ: the stamp and the rows are read from one snapshot.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const stamp = await currentStamp(trx as unknown as Db, spec.table);
      if (stamp === undefined) return undefined;
      const rows = await sql<Record<string, unknown> & { id: string; newest_pos: number; tie_pos: number }>`
        SELECT m.id::text AS id, ${sql.join(facetColumns.map((c) => sql`m.${sql.ref(c)}`), sql`, `)},
          (row_number() OVER (ORDER BY ${spec.newest}))::int AS newest_pos,
          (row_number() OVER (ORDER BY ${spec.tieBreak}))::int AS tie_pos
        FROM (SELECT ${sql.join(spec.candidates.map((c) => sql.ref(c)), sql`, `)} FROM ${sql.table(spec.table)} WHERE status = 'published') m`.execute(trx);
      const ids = rows.rows.map((r) => r.id);
      const columns = new Map<string, Column>();
      for (const [name, def] of defs) columns.set(name, buildColumn(def, rows.rows));
      return {
        stamp,
        ids,
        rowOf: new Map(ids.map((id, i) => [id, i])),
        newestPos: Int32Array.from(rows.rows, (r) => r.newest_pos),
        tiePos: Int32Array.from(rows.rows, (r) => r.tie_pos),
        columns,
        texts: new Map(),
        textRows: 0,
        rows: new Map(),
      };
    });
}

function buildColumn(def: FacetDef, rows: Record<string, unknown>[]): Column {
  const int = (v: unknown) => (v === null || v === undefined ? NULL_INT : Number(v));
  if (def.kind === 'year') return { kind: 'year', values: Int32Array.from(rows, (r) => int(r[def.column])) };
  if (def.kind === 'span') return { kind: 'span', from: Int32Array.from(rows, (r) => int(r[def.from])), to: Int32Array.from(rows, (r) => int(r[def.to])) };
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const code = (v: string) => {
    let c = codeOf.get(v);
    if (c === undefined) codeOf.set(v, (c = dictionary.push(v) - 1));
    return c;
  };
  if (def.kind === 'scalar') return { kind: 'scalar', codes: Int32Array.from(rows, (r) => (r[def.column] == null ? -1 : code(String(r[def.column])))), dictionary, codeOf };
  const offsets = new Int32Array(rows.length + 1);
  const codes: number[] = [];
  rows.forEach((r, i) => {
    for (const v of (r[def.column] as string[] | null) ?? []) codes.push(code(v));
    offsets[i + 1] = codes.length;
  });
  return { kind: 'array', offsets, codes: Int32Array.from(codes), dictionary, codeOf };
}

/** Starts rebuilding a table's copy in the background (once at a time). */
function startLoading<F extends string>(db: Db, spec: SearchTable<F>, slot: Slot): Promise<void> {
  slot.loading ??= loadCopy(db, spec)
    .then((copy) => {
      slot.copy = copy;
    })
    .catch(() => {
      // The SQL path answers meanwhile; the next search tries again.
      slot.copy = undefined;
    })
    .finally(() => {
      slot.loading = undefined;
    });
  return slot.loading;
}

/** Builds (or refreshes) a table's copy now: after start-up, and in tests. True when it is current. */
export async function warmSearchCopy<F extends string>(db: Db, spec: SearchTable<F>): Promise<boolean> {
  const slot = slotOf(db, spec.table);
  if (slot.loading) await slot.loading;
  const stamp = await currentStamp(db, spec.table);
  if (stamp === undefined) return false;
  if (slot.copy?.stamp !== stamp) await startLoading(db, spec, slot);
  return slot.copy !== undefined && slot.copy.stamp === (await currentStamp(db, spec.table));
}

/**
 * The rows a search's words match, from the copy's cache or from SQL (row ids only: no ranks).
 * With two or more filters, a row that passes none of them counts nowhere (see engine.ts), so
 * SQL reads only the rows passing one, through the facet indexes: far fewer than a common word
 * alone matches. Those are kept under the words and the filters; the words alone are kept, and
 * used by any search with them, when they were read without filters.
 */
async function textMatch<F extends string>(
  db: Db,
  spec: SearchTable<F>,
  copy: Copy,
  params: EngineParams<F>,
  getText: () => Promise<TextQuery>,
): Promise<TextMatch | undefined> {
  const words = params.q.normalize('NFC').trim();
  const names = Object.keys(spec.facets) as F[];
  const active = names.flatMap((f) => {
    const condition = filterOf(spec.facets[f], params.values[f], params.ranges[f]);
    return condition ? [{ facet: f, condition }] : [];
  });
  const filteredKey = active.length >= 2 ? `${words}\u0000${JSON.stringify(active.map((a) => [a.facet, params.values[a.facet] ?? [], params.ranges[a.facet] ?? {}]))}` : undefined;
  for (const key of filteredKey ? [words, filteredKey] : [words]) {
    const cached = copy.texts.get(key);
    if (cached) {
      // Most recently used last.
      copy.texts.delete(key);
      copy.texts.set(key, cached);
      return cached;
    }
  }
  const text = await getText();
  if (!text.match) {
    const all = { rows: Int32Array.from(copy.ids.keys()), text, ranks: new Map<number, number>() };
    remember(copy, words, all);
    return all;
  }
  const match = text.match;
  const prefilter = filteredKey ? sql`AND (${sql.join(active.map((a) => a.condition), sql` OR `)})` : sql``;
  const r = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    return sql<{ id: string }>`SELECT id::text AS id FROM ${sql.table(spec.table)} WHERE status = 'published' AND ${match} ${prefilter}`.execute(trx);
  });
  const rows = new Int32Array(r.rows.length);
  for (let k = 0; k < r.rows.length; k++) {
    const i = copy.rowOf.get(r.rows[k]!.id);
    // A row missing from the copy means the table changed after the copy was read: use SQL.
    if (i === undefined) return undefined;
    rows[k] = i;
  }
  const entry = { rows, text, ranks: new Map<number, number>() };
  remember(copy, filteredKey ?? words, entry);
  return entry;
}

function remember(copy: Copy, key: string, entry: TextMatch): void {
  const weight = (m: TextMatch) => m.rows.length + ENTRY_OVERHEAD_ROWS;
  copy.texts.set(key, entry);
  copy.textRows += weight(entry);
  for (const [k, old] of copy.texts) {
    if (copy.textRows <= TEXT_CACHE_ROWS && copy.texts.size <= TEXT_CACHE_ENTRIES) break;
    copy.texts.delete(k);
    copy.textRows -= weight(old);
  }
}

/** Ranks of these rows for the text query, computing the ones not yet known; false if a row is gone. */
async function rankRows<F extends string>(db: Db, spec: SearchTable<F>, copy: Copy, match: TextMatch, rows: number[]): Promise<boolean> {
  const missing = rows.filter((i) => !match.ranks.has(i));
  if (missing.length === 0 || !match.text.rank) return true;
  const r = await sql<{ id: string; rank: number }>`
    SELECT id::text AS id, ts_rank(search_vector, ${match.text.rank}) AS rank
    FROM ${sql.table(spec.table)} WHERE id = ANY(${missing.map((i) => copy.ids[i]!)}::bigint[])`.execute(db);
  if (r.rows.length !== missing.length) return false;
  for (const row of r.rows) match.ranks.set(copy.rowOf.get(row.id)!, Number(row.rank));
  return true;
}

/** A row-test per active filter; undefined when the facet is not filtered. */
function rowFilter(column: Column, values: string[] | undefined, range: { from?: number | undefined; to?: number | undefined } | undefined): ((i: number) => boolean) | undefined {
  switch (column.kind) {
    case 'array': {
      if (!values?.length) return undefined;
      const wanted = new Set(values.flatMap((v) => column.codeOf.get(v) ?? []));
      const { offsets, codes } = column;
      return (i) => {
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) if (wanted.has(codes[k]!)) return true;
        return false;
      };
    }
    case 'scalar': {
      if (!values?.length) return undefined;
      const wanted = new Set(values.flatMap((v) => column.codeOf.get(v) ?? []));
      return (i) => wanted.has(column.codes[i]!);
    }
    case 'year': {
      if (!range || (range.from === undefined && range.to === undefined)) return undefined;
      const from = range.from ?? -1;
      const to = range.to ?? 99999;
      return (i) => {
        const y = column.values[i]!;
        return y !== NULL_INT && y >= from && y <= to;
      };
    }
    case 'span': {
      if (!range || (range.from === undefined && range.to === undefined)) return undefined;
      const from = range.from ?? -1;
      const to = range.to ?? 99999;
      return (i) => {
        const start = column.from[i]!;
        const end = column.to[i]!;
        return start !== NULL_INT && start <= to && (end === NULL_INT ? 99999 : end) >= from;
      };
    }
  }
}

/**
 * The search from memory, or undefined when it must go to SQL (sorting by title, no current copy
 * yet, or the table changed while searching).
 */
export async function memorySearch<F extends string, Row>(
  db: Db,
  spec: SearchTable<F>,
  params: EngineParams<F>,
  getText: () => Promise<TextQuery>,
): Promise<EngineResult<F, Row> | undefined> {
  if (params.sort === 'title') return undefined;
  const slot = slotOf(db, spec.table);
  // The copy is used optimistically: the last query below checks that it was current.
  const copy = slot.copy;
  if (!copy) {
    void startLoading(db, spec, slot);
    return undefined;
  }
  const match = await textMatch(db, spec, copy, params, getText);
  if (!match) return undefined;
  const candidates = match.rows;

  const names = Object.keys(spec.facets) as F[];
  const tests = names.map((f) => rowFilter(copy.columns.get(f)!, params.values[f], params.ranges[f]));
  const counters = names.map((f) => {
    const column = copy.columns.get(f)!;
    return column.kind === 'array' || column.kind === 'scalar' ? new Int32Array(column.dictionary.length) : column.kind === 'year' ? new Map<number, number>() : undefined;
  });
  const count = (facet: number, i: number) => {
    const column = copy.columns.get(names[facet]!)!;
    const counter = counters[facet];
    if (column.kind === 'array') {
      const c = counter as Int32Array;
      for (let k = column.offsets[i]!; k < column.offsets[i + 1]!; k++) c[column.codes[k]!]!++;
    } else if (column.kind === 'scalar') {
      if (column.codes[i]! >= 0) (counter as Int32Array)[column.codes[i]!]!++;
    } else if (column.kind === 'year') {
      const y = column.values[i]!;
      if (y !== NULL_INT) (counter as Map<number, number>).set(y, ((counter as Map<number, number>).get(y) ?? 0) + 1);
    }
  };

  // A row counts in every facet when it passes every filter, in one facet's counts when it fails
  // only that facet's filter, and nowhere when it fails two: as in the SQL statement.
  const passing: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < tests.length && failures < 2; f++) {
      const test = tests[f];
      if (test && !test(i)) {
        failed = f;
        failures++;
      }
    }
    if (failures === 0) {
      passing.push(i);
      for (let f = 0; f < names.length; f++) count(f, i);
    } else if (failures === 1) count(failed, i);
  }

  if (match.text.rank && params.sort !== 'newest') {
    if (!(await rankRows(db, spec, copy, match, passing))) return undefined;
    const ranks = match.ranks;
    passing.sort((a, b) => ranks.get(b)! - ranks.get(a)! || copy.tiePos[a]! - copy.tiePos[b]!);
  } else passing.sort((a, b) => copy.newestPos[a]! - copy.newestPos[b]!);
  const offset = (params.page - 1) * params.perPage;

  // The page's rows not yet in memory, and the stamp: if a write came after the copy was made,
  // the answer is thrown away and SQL answers instead.
  const pageRows = passing.slice(offset, offset + params.perPage);
  const missing = pageRows.filter((i) => !copy.rows.has(i)).map((i) => copy.ids[i]!);
  const page = await sql<{ rows: (Record<string, unknown> & { id: string })[] | null; stamp: string | null }>`
    SELECT ${stampOf(spec.table)} AS stamp, (SELECT json_agg(page) FROM (
      SELECT ${spec.row} FROM ${sql.table(spec.table)} r WHERE r.id = ANY(${missing}::bigint[])
    ) page) AS rows`.execute(db);
  const fetched = page.rows[0]?.rows ?? [];
  if (page.rows[0]?.stamp !== copy.stamp || fetched.length !== missing.length) {
    if (slot.copy === copy) slot.copy = undefined;
    void startLoading(db, spec, slot);
    return undefined;
  }
  for (const row of fetched) copy.rows.set(copy.rowOf.get(String(row.id))!, row);
  const items = pageRows.map((i, k) => {
    const row = copy.rows.get(i)!;
    // Most recently shown last.
    copy.rows.delete(i);
    copy.rows.set(i, row);
    return { position: offset + k + 1, ...row } as Row;
  });
  for (const i of copy.rows.keys()) {
    if (copy.rows.size <= ROW_CACHE_SIZE) break;
    copy.rows.delete(i);
  }

  const facets = Object.fromEntries(names.map((f) => [f, [] as FacetCount[]])) as Record<F, FacetCount[]>;
  names.forEach((f, index) => {
    const column = copy.columns.get(f)!;
    const counter = counters[index];
    const out = facets[f];
    if (column.kind === 'array' || column.kind === 'scalar') {
      (counter as Int32Array).forEach((n, c) => n > 0 && out.push({ value: column.dictionary[c]!, count: n }));
      out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    } else if (column.kind === 'year') {
      for (const [y, n] of counter as Map<number, number>) out.push({ value: String(y), count: n });
      out.sort((a, b) => Number(b.value) - Number(a.value));
    }
  });
  return { total: passing.length, items, facets, corrections: match.text.corrections };
}
