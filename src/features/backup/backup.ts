// `atlas backup FILE`: one .tar.gz holding a manifest, one JSON Lines file per application table and
// the attachment files. The archive is made with `tar` (node-tar, npm's own tar implementation):
// a plain .tar.gz can be opened with any system's tar to inspect or rescue a backup by hand, which a
// custom format or a database-specific dump (pg_dump needs a server, PGlite has none) could not offer.
import { createHash, randomBytes } from 'node:crypto';
import { access, link, mkdir, mkdtemp, open, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import * as tar from 'tar';
import type { Db } from '../../db/connect.ts';
import type { Tables } from '../../db/tables.ts';
import { applicationTables, isTransientTable, type TableInfo } from './catalog.ts';
import { isDirectory, linkOrCopy, listFiles, sha256File } from './files.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_NAME, tablePart, type Manifest } from './manifest.ts';
import { BackupError } from './errors.ts';
import { setTextFormats } from './text-formats.ts';

// Small enough for rows carrying a document's extracted text (attachments, resources) to stay light in memory.
const ROWS_PER_FETCH = 100;

export type BackupSummary = {
  file: string;
  createdAt: string;
  tables: { name: string; rows: number }[];
  files: number;
  bytes: number;
};

export async function backupDatabase(db: Db, filesDir: string, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (await exists(target)) throw new BackupError(`${file} already exists: choose another name, or delete it first.`);
  if (!(await isDirectory(path.dirname(target)))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  const fromFiles = path.relative(path.resolve(filesDir), target);
  if (!fromFiles.startsWith('..') && !path.isAbsolute(fromFiles)) {
    throw new BackupError(`Write the backup outside the attachments folder (${filesDir}): it would otherwise contain itself.`);
  }
  // Staged next to the backup, not in the system's temporary folder (often a small RAM disk).
  const staging = await mkdtemp(path.join(path.dirname(target), '.atlas-backup-'));
  try {
    const snapshot = await writeTableParts(db, staging);
    // After the snapshot: attachments are written before the rows that name them, so every file the
    // snapshot refers to is already there.
    const files = await stageFiles(filesDir, staging);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      created_at: snapshot.createdAt,
      server: snapshot.server,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      files,
    };
    await writeFile(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
    try {
      await tar.c(
        // The manifest first, so that `tar tzf` shows what a backup holds at a glance. A hard link
        // entry would make one part depend on another: every file is stored in full.
        { gzip: true, file: partial, cwd: staging, portable: true, linkCache: new NoHardLinks() },
        [MANIFEST_NAME, ...manifest.tables.map((t) => t.part), ...files.map((f) => f.part)],
      );
      // link + unlink rather than rename: never replaces a file that appeared meanwhile.
      await link(partial, target);
    } finally {
      await unlink(partial).catch(() => undefined);
    }
    return {
      file: target,
      createdAt: manifest.created_at,
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
      files: files.length,
      bytes: (await stat(target)).size,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

type Snapshot = Pick<Manifest, 'migrations' | 'tables'> & { createdAt: string; server: string };

/** Every table read in one read-only REPEATABLE READ transaction: one consistent moment of the database. */
async function writeTableParts(db: Db, staging: string): Promise<Snapshot> {
  await mkdir(path.join(staging, 'tables'));
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await setTextFormats(trx);
      const facts = await sql<{ created_at: string; server: string }>`
        SELECT to_json(now())#>>'{}' AS created_at, version() AS server`.execute(trx);
      const migrations = await sql<{ version: number; name: string }>`
        SELECT version, name FROM schema_migrations ORDER BY version`.execute(trx);
      const tables: Manifest['tables'] = [];
      for (const table of await applicationTables(trx)) {
        if (isTransientTable(table.name)) continue;
        tables.push(await writeTablePart(trx, table, staging));
      }
      return { createdAt: facts.rows[0]!.created_at, server: facts.rows[0]!.server, migrations: migrations.rows, tables };
    });
}

/**
 * One JSON object per line, each value in PostgreSQL's own text form (as pg_dump's COPY writes it),
 * so that every type comes back exactly: microseconds of timestamps, bigints beyond 2^53, a jsonb
 * `null` distinct from SQL NULL. Rows are read through a cursor, a batch at a time.
 */
async function writeTablePart(trx: Transaction<Tables>, table: TableInfo, staging: string): Promise<Manifest['tables'][number]> {
  const part = tablePart(table.name);
  const names = table.columns.map((c) => c.name);
  const keys = sql.join(names.map((n) => sql.lit(n)));
  const values = sql.join(names.map((n) => sql`${sql.id(n)}::text`));
  const order = table.primaryKey.length > 0 ? sql`ORDER BY ${sql.join(table.primaryKey.map((k) => sql.id(k)))}` : sql``;
  await sql`DECLARE atlas_backup NO SCROLL CURSOR FOR
    SELECT json_object(ARRAY[${keys}]::text[], ARRAY[${values}]::text[])::text AS line
    FROM ${sql.table(table.name)} ${order}`.execute(trx);
  const hash = createHash('sha256');
  const out = await open(path.join(staging, part), 'wx');
  let rows = 0;
  let bytes = 0;
  try {
    for (;;) {
      const batch = await sql<{ line: string }>`FETCH ${sql.raw(String(ROWS_PER_FETCH))} FROM atlas_backup`.execute(trx);
      if (batch.rows.length === 0) break;
      const text = batch.rows.map((r) => `${r.line}\n`).join('');
      const buffer = Buffer.from(text, 'utf8');
      await out.write(buffer);
      hash.update(buffer);
      rows += batch.rows.length;
      bytes += buffer.length;
    }
  } finally {
    await out.close();
  }
  await sql`CLOSE atlas_backup`.execute(trx);
  return { name: table.name, columns: names, rows, part, bytes, sha256: hash.digest('hex') };
}

/** The whole attachments tree, whatever feature put files there. */
async function stageFiles(filesDir: string, staging: string): Promise<Manifest['files']> {
  const files: Manifest['files'] = [];
  for (const relative of await listFiles(filesDir)) {
    const part = `files/${relative}`;
    const staged = path.join(staging, part);
    await linkOrCopy(path.join(filesDir, relative), staged);
    files.push({ part, bytes: (await stat(staged)).size, sha256: await sha256File(staged) });
  }
  return files;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** node-tar remembers inodes to write hard links; this cache forgets them, so every file is stored in full. */
class NoHardLinks extends Map<`${number}:${number}`, string> {
  override get(): undefined {
    return undefined;
  }
}
