// A fresh database per (kind, size): PGlite in a temporary ATLAS_DATA_DIR, or a new database on the
// PostgreSQL server (the throwaway cluster, or BENCH_DATABASE_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openEmbedded, openServer, type Database } from '../src/db/connect.ts';
import { startCluster } from '../scripts/postgres-cluster.ts';
import { onCleanup, progress } from './progress.ts';
import type { DbKind } from './report.ts';

export type BenchDatabase = {
  kind: DbKind;
  open(): Promise<Database>;
  /** Environment for the server process (on top of the common settings). */
  env: Record<string, string>;
  url?: string;
  /** False when the benchmark could not create a database and writes into the given one. */
  ownDatabase: boolean;
  /** Ends queries left running on this database by a stopped server (requests nobody waits for). */
  settle(): Promise<void>;
  dispose(): Promise<void>;
};

let serverUrl: string | undefined;

/** The PostgreSQL server: BENCH_DATABASE_URL, or a throwaway cluster started on first use. */
async function postgresServer(): Promise<string> {
  if (serverUrl) return serverUrl;
  if (process.env.BENCH_DATABASE_URL) return (serverUrl = process.env.BENCH_DATABASE_URL);
  progress('starting a throwaway PostgreSQL cluster');
  const cluster = await startCluster();
  onCleanup('PostgreSQL cluster', () => cluster.stop());
  return (serverUrl = cluster.url);
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `size` names the database: a corpus size, or a scenario ("reviews"). */
export async function prepareDatabase(kind: DbKind, size: number | string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
    const dispose = onCleanup(`temporary data directory ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
    return { kind, open: () => openEmbedded(dir), env: { ATLAS_DATA_DIR: dir }, ownDatabase: true, settle: async () => undefined, dispose };
  }
  const base = await postgresServer();
  const name = `atlas_bench_${size}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    await admin(base, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
  } catch (error) {
    // No right to create databases: use the given one, without the synthetic rows of earlier runs.
    progress(`cannot create database ${name} (${(error as Error).message}): using ${base.replace(/\/\/[^@]*@/, '//')} as it is`);
    const dispose = onCleanup('synthetic rows', () => admin(base, (c) => c.query(`DELETE FROM resources WHERE slug LIKE 'synthetic-%'`)).then(() => undefined));
    await admin(base, (c) => c.query(`DELETE FROM resources WHERE slug LIKE 'synthetic-%'`)).catch(() => undefined);
    // A shared database: its other sessions are not ours to end.
    return { kind, open: () => openServer(base), env: { DATABASE_URL: base }, url: base, ownDatabase: false, settle: async () => undefined, dispose };
  }
  const dispose = onCleanup(`database ${name}`, () => admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined));
  const settle = () =>
    admin(url.href, (c) => c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).then(() => undefined);
  return { kind, open: () => openServer(url.href), env: { DATABASE_URL: url.href }, url: url.href, ownDatabase: true, settle, dispose };
}
