// The reviews scenario's data: every ISO country x the three shipped frameworks x five published
// editions of synthetic assessments, written by two INSERT … SELECT statements (not the demo seed,
// which is sixty countries and goes through JavaScript). Statuses come from md5 of the row's key, so
// every run and both databases get the same data; countries have a steady "strength", later editions
// are a little better, a few countries are missing from earlier editions and a few criteria are not
// assessed, so that pages show ranks, changes and gaps as they would with real data.
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadShippedData } from '../src/features/seed/shipped.ts';

export const REVIEW_FRAMEWORKS = ['csam-legislation', 'missing-child-framework', 'model-law-coverage'] as const;
export const REVIEW_YEARS = [2018, 2020, 2022, 2024, 2026] as const;
export const benchLabel = (year: number) => `bench-${year}`;

export type ReviewsData = {
  countries: string[];
  frameworks: { key: string; criteria: number }[];
  editions: number;
  assessments: number;
  seconds: number;
  vacuumSeconds: number;
};

/** A number in [0, 1) from md5 of a text: the same on PGlite and PostgreSQL. */
const unit = (text: ReturnType<typeof sql>) => sql`((('x' || substr(md5(${text}), 1, 8))::bit(32)::int::bigint + 2147483648) / 4294967296.0)`;

/** Removes the synthetic editions (and, by cascade, their assessments). */
export async function removeReviewsData(db: Db): Promise<number> {
  const removed = await sql`DELETE FROM framework_editions WHERE label LIKE 'bench-%' AND NOT demo`.execute(db);
  return Number(removed.numAffectedRows ?? 0);
}

export async function buildReviewsData(db: Db): Promise<ReviewsData> {
  await migrate(db);
  // Countries, regions, the sample model law (the coverage framework's criteria) and the frameworks.
  await loadShippedData(db);
  const started = performance.now();
  const assessments = await db.transaction().execute(async (trx) => {
    // Tens of thousands of rows in one statement: on a busy machine that outlasts the 10 s limit of
    // the Atlas's connections, which is meant for requests, not for this setup.
    await sql`SET LOCAL statement_timeout = 0`.execute(trx);
    await removeReviewsData(trx);
    const frameworks = sql.join([...REVIEW_FRAMEWORKS]);
    await sql`INSERT INTO framework_editions (framework_key, label, year, status, published_at)
      SELECT f.key, 'bench-' || y, y, 'published', make_timestamptz(y, 12, 1, 0, 0, 0, 'UTC')
      FROM frameworks f CROSS JOIN unnest(${sql.raw(`ARRAY[${REVIEW_YEARS.join(',')}]`)}::int[]) AS y
      WHERE f.key IN (${frameworks})`.execute(trx);
    const inserted = await sql<{ n: number }>`WITH editions AS (
        SELECT id, framework_key, label, rank() OVER (PARTITION BY framework_key ORDER BY year) - 1 AS k
        FROM framework_editions WHERE label LIKE 'bench-%' AND NOT demo AND framework_key IN (${frameworks})),
      criteria AS (
        SELECT framework_key, key, (rank() OVER (PARTITION BY framework_key ORDER BY position, key) - 1)::float8
          / greatest(1, count(*) OVER (PARTITION BY framework_key) - 1) AS difficulty
        FROM framework_criteria WHERE framework_key IN (${frameworks})),
      draws AS (
        SELECT e.id, e.framework_key, e.k, c.code AS country, cr.key AS criterion,
          ${unit(sql`c.code`)} AS strength, ${unit(sql`c.code || e.framework_key || e.label`)} AS presence,
          ${unit(sql`c.code || cr.key || e.label`)} AS noise, ${unit(sql`cr.key || c.code || e.label || 'na'`)} AS skipped, cr.difficulty
        FROM editions e JOIN criteria cr ON cr.framework_key = e.framework_key CROSS JOIN countries c),
      added AS (
        INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, evidence, reviewer, assessed_on)
        SELECT id, framework_key, country, criterion, status,
          CASE WHEN status IN ('met', 'partly') THEN jsonb_build_array(jsonb_build_object('citation', 'Synthetic Act ' || country || ', s. ' || (1 + floor(noise * 90))::int)) ELSE '[]' END,
          'benchmark', make_date(${REVIEW_YEARS[0]} + 2 * k::int, 1 + floor(noise * 11)::int, 1 + floor(skipped * 27)::int)
        FROM (SELECT *, CASE WHEN skipped < 0.05 THEN 'not_assessed'
            WHEN 0.25 + 0.7 * strength + 0.05 * k - 0.4 * difficulty + 0.4 * (noise - 0.5) > 0.55 THEN 'met'
            WHEN 0.25 + 0.7 * strength + 0.05 * k - 0.4 * difficulty + 0.4 * (noise - 0.5) > 0.35 THEN 'partly'
            ELSE 'not_met' END AS status
          FROM draws
          -- One country in ten joins only in a later edition; the newest edition covers everyone.
          WHERE presence >= 0.1 * (4 - k) / 4) d
        RETURNING 1)
      SELECT count(*)::int AS n FROM added`.execute(trx);
    return inserted.rows[0]!.n;
  });
  const seconds = (performance.now() - started) / 1000;
  const vacuumStarted = performance.now();
  await sql`VACUUM ANALYZE assessments`.execute(db);
  await sql`VACUUM ANALYZE framework_editions`.execute(db);
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  const countries = (await sql<{ code: string }>`SELECT code FROM countries ORDER BY code`.execute(db)).rows.map((r) => r.code);
  const frameworks = (
    await sql<{ key: string; criteria: number }>`SELECT framework_key AS key, count(*)::int AS criteria FROM framework_criteria
      WHERE framework_key IN (${sql.join([...REVIEW_FRAMEWORKS])}) GROUP BY framework_key ORDER BY framework_key`.execute(db)
  ).rows;
  return { countries, frameworks, editions: frameworks.length * REVIEW_YEARS.length, assessments, seconds, vacuumSeconds };
}

export type ReviewPage = { scenario: string; /** One URL per framework, asked once to see whether the page exists. */ probes: string[]; paths: string[] };

/**
 * The pages measured, each rotating over its URLs: the scorecard and the map of every framework
 * (newest edition and each older one by label), and the gap analysis of every country.
 */
export function reviewPages(countries: readonly string[]): ReviewPage[] {
  const editions = REVIEW_YEARS.map((y) => `?edition=${benchLabel(y)}`);
  const per = (fn: (framework: string) => string[]) => REVIEW_FRAMEWORKS.flatMap(fn);
  return [
    {
      scenario: 'reviews: scorecard page',
      probes: per((f) => [`/en/reviews/${f}`]),
      paths: per((f) => [`/en/reviews/${f}`, ...editions.map((q) => `/en/reviews/${f}${q}`)]),
    },
    {
      scenario: 'reviews: map page',
      probes: per((f) => [`/en/reviews/${f}/map`]),
      paths: per((f) => [`/en/reviews/${f}/map`, ...editions.map((q) => `/en/reviews/${f}/map${q}`)]),
    },
    {
      scenario: 'reviews: gap-analysis page',
      probes: per((f) => [`/en/reviews/${f}/gaps/${countries[Math.floor(countries.length / 2)] ?? 'FR'}`]),
      // Interleaved so that consecutive requests ask different frameworks and countries.
      paths: countries.flatMap((c) => per((f) => [`/en/reviews/${f}/gaps/${c}`])),
    },
  ];
}

/** Status and HTML size of each probe URL (one GET each): which frameworks' pages exist yet. */
export async function probePages(origin: string, probes: readonly string[]): Promise<Map<string, { status: number; bytes: number }>> {
  const out = new Map<string, { status: number; bytes: number }>();
  for (const path of probes) {
    const res = await fetch(origin + path, { redirect: 'manual' });
    out.set(path, { status: res.status, bytes: (await res.arrayBuffer()).byteLength });
  }
  return out;
}
