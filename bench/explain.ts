// Where the time of a search goes, on a PostgreSQL server: runs every benchmark query once through
// the search's SQL statement (sqlFacetedSearch) with a Kysely logger that captures each SQL statement and its duration, then
// EXPLAIN ANALYZEs the statements of a median and of the slowest search. Reads nothing from src/
// but its exported functions; the SQL is copied from the log, so it is exactly what the server runs.
import { writeFileSync } from 'node:fs';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Tables } from '../src/db/tables.ts';
import { parseSearchUrl } from '../src/features/library/params.ts';
import { RESOURCE_SEARCH, resourceEngineParams, tokenize } from '../src/features/library/search.ts';
import { sqlFacetedSearch } from '../src/features/search/engine.ts';
import { apiPath, type SearchQuery } from './corpus.ts';

type Captured = { kind: 'corrections' | 'search' | 'other'; query: CompiledQuery; ms: number };

function kindOf(sqlText: string): Captured['kind'] {
  if (sqlText.includes('search_words')) return 'corrections';
  return /\bFROM resources\b/i.test(sqlText) ? 'search' : 'other';
}

/** The text part of search.ts's tsquery for a query without corrections: every word, the last as a prefix. */
function tsqueryText(q: string): string {
  const tokens = tokenize(q);
  return tokens
    .map((t, i) => `${t.negated ? '!' : ''}${t.word}${i === tokens.length - 1 && !t.negated && t.word.length >= 3 ? ':*' : ''}`)
    .join(' & ');
}
type Timed = { query: SearchQuery; statements: Captured[]; matched: number; total: number };

export type ExplainSummary = {
  searches: number;
  /** Median and p95 of each statement kind, run one at a time (ms), and of the text-only match count. */
  correctionsMs: { p50: number; p95: number; share: number };
  searchMs: { p50: number; p95: number };
  matchedP50: number;
  slowest: { q: string; topic: string; country: string; ms: number; matched: number }[];
  file: string;
};

// Text matches alone, through every language's configuration ORed (search.ts may use fewer per
// script, so this is an upper bound of the rows its text condition selects).
const MATCHED_SQL = `SELECT count(*)::int AS n FROM resources WHERE status = 'published' AND search_vector @@
  (to_tsquery('english', atlas_unaccent($1)) || to_tsquery('spanish', atlas_unaccent($1)) || to_tsquery('russian', $1)
   || to_tsquery('arabic', $1) || to_tsquery('simple', atlas_unaccent($1)))`;

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

export async function explainSearches(url: string, queries: readonly SearchQuery[], file: string): Promise<ExplainSummary> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('connect', (client) => void client.query('SET plan_cache_mode = force_custom_plan').catch(() => undefined));
  let captured: Captured[] = [];
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level !== 'query') return;
      captured.push({ kind: kindOf(event.query.sql), query: event.query, ms: event.queryDurationMillis });
    },
  });
  try {
    const timed: Timed[] = [];
    for (const query of queries) {
      captured = [];
      // The SQL statement (the reference the in-memory search equals), not the in-memory search.
      const result = await sqlFacetedSearch(db, RESOURCE_SEARCH, resourceEngineParams(parseSearchUrl(new URL(`http://127.0.0.1${apiPath(query)}`))), 'en');
      const statements = captured;
      captured = [];
      // How many resources the text alone matches: what the search has to look at before the filters.
      const matched = (await pool.query<{ n: number }>(MATCHED_SQL, [tsqueryText(query.q)])).rows[0]!.n;
      timed.push({ query, statements, matched, total: result.total });
    }
    const msOf = (t: Timed, kind: Captured['kind']) => t.statements.filter((s) => s.kind === kind).reduce((a, s) => a + s.ms, 0);
    const bySearch = [...timed].sort((a, b) => msOf(a, 'search') - msOf(b, 'search'));
    const median = bySearch[Math.floor(bySearch.length / 2)]!;
    const slowest = bySearch[bySearch.length - 1]!;

    // Replays each search's statements in order on one connection (so BEGIN / SET LOCAL apply as in
    // the server), explaining the queries and running the rest as they are.
    const report: string[] = [];
    const client = await pool.connect();
    try {
      for (const [label, t] of [['median', median], ['slowest', slowest]] as const) {
        for (const s of t.statements) {
          if (s.kind === 'other') {
            await client.query(s.query.sql, s.query.parameters as unknown[]);
            report.push(`-- ${label}: ran \`${s.query.sql}\``, '');
            continue;
          }
          const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query.sql}`, s.query.parameters as unknown[]);
          report.push(
            `## ${label} search: ${JSON.stringify(t.query)}; text alone matches ${t.matched}, with filters ${t.total}; ${s.kind} statement ${round(s.ms)} ms`,
            '',
            '```sql',
            s.query.sql.trim(),
            '-- parameters: ' + JSON.stringify(s.query.parameters),
            '```',
            '',
            '```',
            ...plan.rows.map((r) => r['QUERY PLAN']),
            '```',
            '',
          );
        }
      }
    } finally {
      client.release();
    }
    writeFileSync(file, report.join('\n'));
    const corrections = timed.map((t) => msOf(t, 'corrections'));
    const searches = timed.map((t) => msOf(t, 'search'));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      searches: timed.length,
      correctionsMs: { p50: round(pct(corrections, 50)), p95: round(pct(corrections, 95)), share: round((100 * sum(corrections)) / (sum(corrections) + sum(searches))) },
      searchMs: { p50: round(pct(searches, 50)), p95: round(pct(searches, 95)) },
      matchedP50: pct(timed.map((t) => t.matched), 50),
      slowest: bySearch.slice(-5).reverse().map((t) => ({ ...t.query, ms: round(msOf(t, 'search')), matched: t.matched })),
      file,
    };
  } finally {
    await db.destroy();
  }
}
