// Helpers for the backup tests: a database with something of everything, a comparable dump of
// every table, and a way to alter a backup's contents and pack it again.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Db } from '../../db/connect.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/log.ts';
import { createSession } from '../auth/sessions.ts';
import { recordSignInFailure } from '../auth/throttle.ts';
import { createUser } from '../auth/users.ts';
import { recordRevision } from '../history/revisions.ts';
import { loadShippedData } from '../seed/shipped.ts';
import { listFiles } from './files.ts';

export const ATTACHMENT = { relative: 'ab/abcdef0123456789', bytes: Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x1f, 0x8b]) };

/**
 * A table no Atlas migration makes, as a later one might: a tree whose rows can name a parent with a
 * higher id (a node moved under a newer one). Backups must find it and restore it without help.
 */
export async function createTreeTable(db: Db): Promise<void> {
  await sql`CREATE TABLE backup_test_tree (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint REFERENCES backup_test_tree (id),
    label text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

/** The shipped data plus a tree whose first row names its last as parent, a user with a password, sessions, audit entries, revisions, edge-case values and a file. */
export async function fillDatabase(db: Db, filesDir: string, label = 'source'): Promise<void> {
  await loadShippedData(db);
  const user = await createUser(db, { email: `editor-${label}@atlas.test`, name: 'Ана Editor', role: 'editor', password: 'correct horse battery staple' });
  await createSession(db, user.id, { hours: 1 });
  await recordSignInFailure(db, `editor-${label}@atlas.test`, '203.0.113.9');
  const resource = await sql<{ id: string }>`SELECT id::text AS id FROM resources ORDER BY id LIMIT 1`.execute(db);
  const id = resource.rows[0]!.id;
  await sql`UPDATE resources SET created_by = ${user.id}::bigint, version = 2,
    updated_at = '2025-03-04 05:06:07.891234+00' WHERE id = ${id}::bigint`.execute(db);
  await recordRevision(db, { id: user.id, email: user.email }, { entityType: 'resource', entityId: id, version: 2, data: { title: { en: 'Révision', fa: 'بازبینی' } }, action: 'update' });
  await recordAudit(db, { id: user.id, email: user.email, ip: '198.51.100.7' }, { action: 'resource.update', entityType: 'resource', entityId: id, details: { big: '9007199254740993' } });
  await recordAudit(db, SYSTEM_ACTOR, { action: `test.${label}` });
  // A JSON null is not an SQL NULL; both must come back as they were.
  await sql`INSERT INTO atlas_settings (key, value) VALUES (${`json-null-${label}`}, 'null'::jsonb), (${`quote-${label}`}, ${JSON.stringify({ s: 'a "quoted"\nline\\' })}::jsonb)`.execute(db);
  await sql`INSERT INTO backup_test_tree (label) VALUES (${`root ${label}`}), (${`child ${label}`})`.execute(db);
  // More rows than one insert batch holds, so that the parent is inserted by a later statement.
  await sql`INSERT INTO backup_test_tree (label) SELECT ${`leaf ${label} `} || n FROM generate_series(1, 600) AS n`.execute(db);
  await sql`INSERT INTO backup_test_tree (label) VALUES (${`new root ${label}`})`.execute(db);
  await sql`UPDATE backup_test_tree SET parent_id = (SELECT max(id) FROM backup_test_tree) WHERE label = ${`root ${label}`}`.execute(db);
  await sql`UPDATE backup_test_tree SET parent_id = (SELECT min(id) FROM backup_test_tree) WHERE label = ${`child ${label}`}`.execute(db);
  const file = path.join(filesDir, ATTACHMENT.relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, ATTACHMENT.bytes);
  await writeFile(path.join(filesDir, `${label}.txt`), `only in ${label}\n`);
}

/**
 * Every row of every table in the public schema, generated columns left out, as sorted JSON text:
 * read independently of the backup code, so that the comparison checks it rather than repeats it.
 */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const columns = await sql<{ table: string; column: string; generated: string }>`
    SELECT table_name AS table, column_name AS column, is_generated AS generated FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name`.execute(db);
  const tables = [...new Set(columns.rows.map((c) => c.table))].filter((t) => t !== 'schema_migrations');
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const generated = columns.rows.filter((c) => c.table === table && c.generated === 'ALWAYS').map((c) => c.column);
    const rows = await sql<{ row: string }>`SELECT (to_jsonb(t) - ${generated}::text[])::text AS row FROM ${sql.table(table)} t`.execute(db);
    dump[table] = rows.rows.map((r) => r.row).sort();
  }
  return dump;
}

export async function readTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const f of await listFiles(dir)) tree[f] = (await readFile(path.join(dir, f))).toString('base64');
  return tree;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `atlas-${prefix}-`));
}

/** Unpacks a backup, lets `edit` change its folder, and packs every file found there into `to`. */
export async function rewriteBackup(from: string, to: string, edit: (dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir('rewrite');
  try {
    await tar.x({ file: from, cwd: dir });
    await edit(dir);
    await tar.c({ gzip: true, file: to, cwd: dir, portable: true }, await listFiles(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
