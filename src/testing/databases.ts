// Store tests run on both databases: PGlite in memory and a real PostgreSQL server (a fresh
// database per call on TEST_DATABASE_URL, which `npm test` provides). A missing server fails.
import pg from 'pg';
import { openEmbedded, openServer, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { upsertReferenceData } from '../features/taxonomy/store.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];

let counter = 0;

async function createServerDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts a PostgreSQL server.');
  const name = `atlas_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openServer(u.toString(), 4);
  return {
    ...database,
    async close() {
      await database.close();
      await dropWhenIdle(url, name);
    },
  };
}

/**
 * Drops a test database once its connections are gone. Not `WITH (FORCE)`: pg's pool resolves
 * `end()` before its sockets have closed, and a forced drop then kills those closing connections,
 * whose error surfaced in an unrelated test (seen once in CI). A database still in use after a few
 * tries is left to the throwaway cluster, which is deleted at the end of the run.
 */
async function dropWhenIdle(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await admin.end();
  }
}

/** A migrated database with the shipped vocabularies (topics, countries, regions), no resources. */
export async function testDatabase(kind: DatabaseKind): Promise<Database> {
  const database = kind === 'pglite' ? await openEmbedded('memory://') : await createServerDatabase();
  await migrate(database.db);
  await upsertReferenceData(database.db);
  return database;
}
