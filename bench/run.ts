// `npm run bench`: the library scenario imports a synthetic library into PGlite and PostgreSQL at
// each size, then loads the API search and the search page with autocannon and measures the search
// page's weight; the reviews scenario writes synthetic assessments (every country x 3 frameworks x 5
// editions) and loads the scorecard, map and gap-analysis pages. `npm run bench -- --help` for options.
// Figures go to stdout and bench/out/results.md (results-reviews.md for the reviews scenario alone);
// progress to stderr. Exits 0 whatever the figures.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { ResourceInputSchema } from '../src/features/library/schema.ts';
import { upsertResources } from '../src/features/library/store.ts';
import { upsertReferenceData } from '../src/features/taxonomy/store.ts';
import { apiPath, pagePath, searchQueries, syntheticBatch } from './corpus.ts';
import { prepareDatabase, type BenchDatabase } from './databases.ts';
import { explainSearches } from './explain.ts';
import { buildReviewsData, probePages, removeReviewsData, reviewPages } from './reviews.ts';
import { prime, runLoad } from './load.ts';
import { cleanUpAll, isInterrupted, progress } from './progress.ts';
import { renderReport, type DbKind, type ImportFigures, type Results, type ReviewsSetup } from './report.ts';
import { startServerProcess } from './server-process.ts';
import { measurePageWeight } from './weight.ts';

const USAGE = `Usage: npm run bench -- [options]

  --scenario library|reviews|all  what to measure (default all)
  --db pglite|postgres|all        which databases (default all)
  --sizes 10000,100000            library: corpus sizes
  --import-limit 600              library: stop importing after this many seconds
  --connections LIST              concurrent clients per run (default 1,16,64 for the library, 1,16 for reviews)
  --duration 10                   seconds per load run (at most 10)
  --warmup 3                      seconds of warm-up before each uncached run
  --no-gzip                       do not send Accept-Encoding: gzip
  --help                          this text

The reviews scenario measures /en/reviews/{framework}, …/map and …/gaps/{CODE} on every ISO country
x 3 frameworks x 5 published editions of synthetic assessments; a page that does not exist yet is
reported as "not available (404)" and skipped. PostgreSQL: BENCH_DATABASE_URL, or a throwaway cluster.
`;

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    db: { type: 'string', default: 'all' },
    sizes: { type: 'string', default: '10000,100000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string' },
    'import-limit': { type: 'string', default: '600' },
    'no-gzip': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const numbers = (s: string) => s.split(',').map((v) => Number(v.trim())).filter((n) => Number.isInteger(n) && n > 0);
const kinds: DbKind[] = args.db === 'all' ? ['postgres', 'pglite'] : (args.db!.split(',') as DbKind[]);
if (kinds.some((k) => k !== 'pglite' && k !== 'postgres')) throw new Error(`--db must be pglite, postgres or all, not ${args.db}`);
if (!['library', 'reviews', 'all'].includes(args.scenario!)) throw new Error(`--scenario must be library, reviews or all, not ${args.scenario}`);
const runLibrary = args.scenario !== 'reviews';
const runReviews = args.scenario !== 'library';
const sizes = numbers(args.sizes!);
const connections = numbers(args.connections ?? '1,16,64');
const reviewConnections = numbers(args.connections ?? '1,16');
const seconds = Math.min(Number(args.duration), 10);
const warmup = Number(args.warmup);
const importLimit = Number(args['import-limit']);
const headers: Record<string, string> = args['no-gzip'] ? {} : { 'accept-encoding': 'gzip' };
const BATCH = 1000;
const CACHED_PATHS = 50;
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
// A reviews-only run must not replace the library's figures.
const resultsFile = `${outDir}${runLibrary ? 'results.md' : 'results-reviews.md'}`;

function sourceStamp(relative: string): string {
  const file = new URL(relative, import.meta.url);
  const hash = createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 10);
  return `${relative.replace('../', '')} sha1 ${hash}, modified ${statSync(file).mtime.toISOString().slice(11, 19)} UTC`;
}

const loadAverages: number[] = [];
const queries = searchQueries(200);
const apiPaths = queries.map(apiPath);
const pagePaths = queries.map(pagePath);

const results: Results = {
  settings: [
    ...(runLibrary
      ? [
          `Corpus: bench/corpus.ts (seeded), sizes ${sizes.join(', ')}; 200 different searches rotated (one word in one of the five languages + topic + country for the API; word + topic for the page).`,
        ]
      : []),
    ...(runReviews
      ? [
          'Reviews: bench/reviews.ts, every ISO country x 3 frameworks (csam-legislation, missing-child-framework, model-law-coverage) x 5 published editions of synthetic assessments (md5-seeded, two INSERT … SELECT); ' +
            'in the load table the size of a "reviews:" row is the number of countries. Scorecard and map rotate over each framework\'s newest edition and its 5 editions by label, the gap analysis over every country and framework.',
        ]
      : []),
    `Server: startServer in a child process (bench/serve.ts), LOG_LEVEL=warn, response cache off (ATLAS_CACHE_ENTRIES=0)${runLibrary ? ' except the "(cached)" rows' : ''}; PostgreSQL through the server's pg pool (10 connections).`,
    `Load: autocannon in the benchmark process on the same 2 cores, ${seconds} s per run, request timeout 10 s, ${args['no-gzip'] ? 'no Accept-Encoding' : 'Accept-Encoding: gzip (as browsers send)'}; p50/p95/p99 from every response (timeouts counted at 10 s; requests still running when a run ends are not counted).`,
    `Every run starts a fresh server process (and, on PostgreSQL, ends the queries a previous run left behind), then warms up for up to ${warmup} s with 2 clients waiting for each answer${runLibrary ? `; "engine warm" runs (response cache still off) first request each of the 200 searches once, as a server that has been running would have seen them; cached runs first request each of their ${CACHED_PATHS} URLs once` : ''}.`,
    `After each ${runLibrary ? 'import' : 'data load'}: VACUUM ANALYZE (what autovacuum would soon do), timed separately.`,
    `Code measured (other files change in parallel): ${[
      ...(runLibrary ? ['../src/features/library/search.ts', '../src/db/migrations/001_library.sql'] : []),
      ...(runReviews ? ['../src/features/reviews/store.ts', '../src/features/reviews/routes.tsx', '../src/features/map/routes.tsx'] : []),
    ]
      .map(sourceStamp)
      .join('; ')}.`,
  ],
  imports: [],
  reviewSetups: [],
  loads: [],
  weights: [],
  explains: [],
  notes: [],
};

async function importCorpus(db: Db, kind: DbKind, size: number): Promise<ImportFigures> {
  await migrate(db);
  await upsertReferenceData(db);
  const started = performance.now();
  let imported = 0;
  let note: string | undefined;
  for (let from = 1; from <= size; from += BATCH) {
    const inputs = syntheticBatch(from, Math.min(size, from + BATCH - 1)).map((r) => ResourceInputSchema.parse(r));
    await db.transaction().execute((trx) => upsertResources(trx, inputs));
    imported += inputs.length;
    const s = (performance.now() - started) / 1000;
    if (imported % 10_000 === 0 || imported === size) progress(`${kind} ${size}: imported ${imported} (${(imported / s).toFixed(0)}/s)`);
    if (s > importLimit && imported < size) {
      note = `stopped after ${imported} of ${size} resources: over the ${importLimit} s limit`;
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const vacuumStarted = performance.now();
  await sql`VACUUM ANALYZE resources`.execute(db);
  await sql`VACUUM ANALYZE search_words`.execute(db);
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  return { db: kind, size, imported, seconds, perSecond: imported / seconds, vacuumSeconds, ...(note ? { note } : {}) };
}

/** Starts a fresh server for one piece of work and stops it afterwards, ending whatever it left running. */
async function withServer<T>(target: BenchDatabase, size: number | string, cached: boolean, work: (url: string) => Promise<T>): Promise<T> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ATLAS_CACHE_ENTRIES: cached ? '2000' : '0', ...target.env };
  if (target.kind === 'pglite') delete env.DATABASE_URL;
  const server = await startServerProcess(env, `${outDir}server-${target.kind}-${size}.log`);
  try {
    return await work(server.url);
  } finally {
    await server.stop();
    await target.settle();
  }
}

/**
 * Each run gets a fresh server: after an overloaded run the server (and PostgreSQL) would still be
 * working through requests the load generator gave up on, and the next run would measure that.
 */
async function loadScenarios(target: BenchDatabase, size: number): Promise<void> {
  // Modes: a fresh server (cold), the same with every search seen once before the run (the
  // engine's memory warm, the response cache still off: a server that has been running), and
  // the response cache on for a few URLs.
  const modes = [
    { mode: 'cold', cached: false, label: (scenario: string) => scenario },
    { mode: 'warm', cached: false, label: (scenario: string) => `${scenario} (engine warm)` },
    { mode: 'cached', cached: true, label: (scenario: string) => `${scenario} (cached, ${CACHED_PATHS} URLs)` },
  ] as const;
  for (const [scenario, allPaths] of [['api search', apiPaths], ['search page', pagePaths]] as const) {
    for (const { mode, cached, label: labelOf } of modes) {
      for (const c of mode === 'cold' ? connections : [16]) {
        if (isInterrupted()) return;
        const paths = cached ? allPaths.slice(0, CACHED_PATHS) : allPaths;
        const label = labelOf(scenario);
        const figures = await withServer(target, size, cached, async (url) => {
          // Warm-up that leaves nothing queued: every URL once when the cache or the engine is to be
          // warm, else a few seconds' worth.
          await prime(url, paths, mode === 'cold' ? { concurrency: 2, seconds: warmup, headers } : { concurrency: 4, headers });
          loadAverages.push(os.loadavg()[0]!);
          return runLoad({ url, paths, connections: c, seconds, headers });
        });
        results.loads.push({ db: target.kind, size, scenario: label, figures });
        progress(
          `${target.kind} ${size} ${label} c=${c}: p50 ${figures.p50.toFixed(1)} p95 ${figures.p95.toFixed(1)} p99 ${figures.p99.toFixed(1)} ms, ` +
            `${figures.rps.toFixed(1)} req/s, non-2xx ${figures.non2xx}, timeouts ${figures.timeouts}, errors ${figures.errors}`,
        );
      }
    }
  }
  if (isInterrupted()) return;
  const weight = await withServer(target, size, false, (url) => measurePageWeight(url, pagePaths.slice(0, 11)));
  results.weights.push({ db: target.kind, size, weight });
  progress(`${target.kind} ${size}: page ${(weight.htmlGzip / 1024).toFixed(1)} KB gz HTML + ${(weight.cssGzip / 1024).toFixed(1)} KB gz CSS, JS ${weight.jsRaw} B`);
}

async function benchOne(kind: DbKind, size: number): Promise<void> {
  progress(`${kind} ${size}: preparing the database`);
  const target = await prepareDatabase(kind, size);
  try {
    const database = await target.open();
    let figures: ImportFigures;
    try {
      figures = await importCorpus(database.db, kind, size);
    } finally {
      await database.close();
    }
    results.imports.push(figures);
    progress(`${kind} ${size}: import ${figures.perSecond.toFixed(0)} resources/s, VACUUM ANALYZE ${figures.vacuumSeconds.toFixed(1)} s`);
    if (figures.note) {
      results.notes.push(`${kind} ${size}: ${figures.note}; no load figures at this size.`);
      return;
    }
    await loadScenarios(target, size);
    if (kind === 'postgres' && target.url && !isInterrupted()) {
      progress(`${kind} ${size}: timing and explaining the search SQL`);
      const summary = await explainSearches(target.url, queries.filter((_, i) => i % 4 === 0), `${outDir}explain-postgres-${size}.md`);
      results.explains.push({ db: kind, size, summary });
    }
  } finally {
    await target.dispose();
  }
}

/**
 * The reviews pages, each at every connection count, a fresh server per run as above. A page whose
 * URL answers 404 for every framework (not built yet) is reported and skipped; one that fails
 * otherwise is reported and the other pages still run.
 */
async function reviewsLoads(target: BenchDatabase, countries: string[]): Promise<void> {
  const n = countries.length;
  for (const page of reviewPages(countries)) {
    let paths = page.paths;
    for (const [i, c] of reviewConnections.entries()) {
      if (isInterrupted()) return;
      try {
        const figures = await withServer(target, 'reviews', false, async (url) => {
          if (i === 0) {
            const probes = [...(await probePages(url, page.probes))];
            const ok = new Set(probes.filter(([, p]) => p.status >= 200 && p.status < 300).map(([path]) => path.split('/')[3]!));
            for (const [path, { status, bytes }] of probes) {
              if (status >= 200 && status < 300) {
                progress(`${target.kind} ${page.scenario}: ${path} answered ${status}, ${(bytes / 1024).toFixed(1)} KB of HTML`);
                continue;
              }
              const line = `${target.kind} ${page.scenario}: ${path} ${status === 404 ? 'not available (404)' : `answered ${status}`}: skipped`;
              progress(line);
              results.notes.push(line);
            }
            paths = paths.filter((p) => ok.has(p.split(/[/?]/)[3]!));
          }
          if (paths.length === 0) return undefined;
          await prime(url, paths, { concurrency: 2, seconds: warmup, headers });
          loadAverages.push(os.loadavg()[0]!);
          return runLoad({ url, paths, connections: c, seconds, headers });
        });
        // Not available: on to the next page.
        if (!figures) break;
        results.loads.push({ db: target.kind, size: n, scenario: page.scenario, figures });
        progress(
          `${target.kind} ${page.scenario} c=${c}: p50 ${figures.p50.toFixed(1)} p95 ${figures.p95.toFixed(1)} p99 ${figures.p99.toFixed(1)} ms, ` +
            `${figures.rps.toFixed(1)} req/s, non-2xx ${figures.non2xx}, timeouts ${figures.timeouts}, errors ${figures.errors}`,
        );
      } catch (error) {
        const line = `${target.kind} ${page.scenario} c=${c} failed: ${(error as Error).message.slice(0, 300)}`;
        progress(line);
        results.notes.push(line);
        break;
      }
    }
  }
}

async function benchReviews(kind: DbKind): Promise<void> {
  progress(`${kind} reviews: preparing the database`);
  const target = await prepareDatabase(kind, 'reviews');
  try {
    const database = await target.open();
    let setup: ReviewsSetup;
    let countries: string[];
    try {
      const data = await buildReviewsData(database.db);
      countries = data.countries;
      setup = { db: kind, countries: data.countries.length, frameworks: data.frameworks, editions: data.editions, assessments: data.assessments, seconds: data.seconds, vacuumSeconds: data.vacuumSeconds };
    } finally {
      await database.close();
    }
    results.reviewSetups.push(setup);
    progress(`${kind} reviews: ${setup.assessments} assessments in ${setup.seconds.toFixed(1)} s (${setup.countries} countries, ${setup.editions} editions)`);
    await reviewsLoads(target, countries);
  } finally {
    // On a shared database (no right to create one) the synthetic editions must not stay behind.
    if (target.kind === 'postgres' && !target.ownDatabase) {
      const database = await target.open();
      await removeReviewsData(database.db).finally(() => database.close());
    }
    await target.dispose();
  }
}

try {
  for (const kind of kinds) {
    for (const size of runLibrary ? sizes : []) {
      if (isInterrupted()) break;
      try {
        await benchOne(kind, size);
      } catch (error) {
        progress(`${kind} ${size} failed: ${(error as Error).stack ?? error}`);
        results.notes.push(`${kind} ${size} failed: ${(error as Error).message}`);
      }
      writeFileSync(resultsFile, renderReport(results));
    }
    if (runReviews && !isInterrupted()) {
      try {
        await benchReviews(kind);
      } catch (error) {
        progress(`${kind} reviews failed: ${(error as Error).stack ?? error}`);
        results.notes.push(`${kind} reviews failed: ${(error as Error).message}`);
      }
      writeFileSync(resultsFile, renderReport(results));
    }
  }
} finally {
  await cleanUpAll();
}
if (loadAverages.length) {
  results.settings.push(
    `1-minute load average just before the load runs: ${Math.min(...loadAverages).toFixed(1)}–${Math.max(...loadAverages).toFixed(1)} ` +
      '(includes the previous run; other work on the machine shows here too).',
  );
}
const report = renderReport(results);
writeFileSync(resultsFile, report);
process.stdout.write(report);
progress(`done: bench/out/${resultsFile.slice(outDir.length)}`);
