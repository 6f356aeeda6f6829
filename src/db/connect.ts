// Opens the Atlas database: PGlite (PostgreSQL in WASM, embedded) by default, or a PostgreSQL server
// when a URL is given. Both go through `pg` and Kysely's PostgresDialect, so every query, result type
// and migration is the same on both.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import type { Tables } from './tables.ts';

export type Db = Kysely<Tables>;

const STATEMENT_TIMEOUT_MS = 10_000;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

// count(*) and bigint arrive as strings from pg; numeric as strings too. We cast with ::int in SQL
// where a number is wanted, so the parsers stay pg's defaults.

/** Embedded database in `dataDir/pg` (or in memory when dataDir is 'memory://'). */
export async function openEmbedded(dataDir: string): Promise<Database> {
  let lock: DataDirLock | undefined;
  let location = 'memory://';
  if (dataDir !== 'memory://') {
    mkdirSync(dataDir, { recursive: true });
    // PGlite takes no lock of its own: a second process would write into the void.
    lock = acquireDataDirLock(dataDir);
    location = path.join(dataDir, 'pg');
  }
  try {
    const pglite = await PGlite.create(location, { extensions: { pg_trgm, unaccent } });
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** A PostgreSQL server: a pool shared by all requests of this process. */
export async function openServer(url: string, poolSize = 10, onIdleError?: (error: Error) => void): Promise<Database> {
  // A search that cannot finish in time is cancelled (answered 503) rather than left to pile up
  // behind clients that have given up.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, statement_timeout: STATEMENT_TIMEOUT_MS });
  // An idle connection closed by the server (a restart, an administrator) is dropped from the pool
  // and replaced on the next query. Without a listener, pg turns it into an uncaught exception.
  pool.on('error', (error) => onIdleError?.(error));
  // Full-text queries must not use generic plans: they ignore the text index (about 11x slower).
  pool.on('connect', (client) => {
    client.query('SET plan_cache_mode = force_custom_plan').catch(() => undefined);
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; onIdleError?: (error: Error) => void }): Promise<Database> {
  return opts.databaseUrl ? openServer(opts.databaseUrl, 10, opts.onIdleError) : openEmbedded(opts.dataDir);
}
