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
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await drop.end();
    },
  };
}

/** A migrated database with the shipped vocabularies (topics, countries, regions), no resources. */
export async function testDatabase(kind: DatabaseKind): Promise<Database> {
  const database = kind === 'pglite' ? await openEmbedded('memory://') : await createServerDatabase();
  await migrate(database.db);
  await upsertReferenceData(database.db);
  return database;
}
