// The database `atlas check-terms` uses when no DATABASE_URL is set: an in-memory PGlite with the
// migrations (for the search's text configurations and atlas_unaccent) and the shipped glossary.
// Creating one costs seconds of CPU; a snapshot of the prepared database, kept in the temporary
// directory under a hash of everything it was made from, brings a later run down to about one.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/connect.ts';
import type { Tables } from '../../db/tables.ts';
import { migrate } from '../../db/migrate.ts';
import { loadShippedGlossary } from './shipped.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function snapshotFile(): string {
  const hash = createHash('sha256');
  // The PGlite release too: a snapshot is a data directory of one PostgreSQL build.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const packageDir = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  hash.update(readFileSync(path.join(packageDir, 'package.json')));
  const migrations = path.join(here, '../../db/migrations');
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(path.join(migrations, name)));
  hash.update(readFileSync(path.join(here, '../../data/glossary.json')));
  return path.join(os.tmpdir(), `atlas-check-terms-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

async function readSnapshot(file: string): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(file)]);
  } catch {
    return undefined;
  }
}

export async function withCheckDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const file = snapshotFile();
  const snapshot = await readSnapshot(file);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create('memory://', { extensions: { pg_trgm, unaccent }, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  } catch (error) {
    if (!snapshot) throw error;
    // A damaged snapshot is only a lost shortcut.
    await rm(file, { force: true });
    pglite = await PGlite.create('memory://', { extensions: { pg_trgm, unaccent } });
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  try {
    const fresh = (await migrate(db)).length > 0;
    await loadShippedGlossary(db);
    if (fresh) await saveSnapshot(pglite, file);
    return await work(db);
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

async function saveSnapshot(pglite: PGlite, file: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const dump = await pglite.dumpDataDir('gzip');
    await writeFile(temporary, new Uint8Array(await dump.arrayBuffer()));
    await rename(temporary, file);
  } catch {
    // No writable temporary directory: every run simply prepares its own database.
    await rm(temporary, { force: true });
  }
}
