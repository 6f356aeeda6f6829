// `atlas restore FILE`: replaces every application table with the backup's rows, in one transaction,
// and adds the backup's attachment files. Checked completely before anything changes (unpack.ts);
// if any statement fails, the transaction leaves the database as it was.
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { listMigrations } from '../../db/migrate.ts';
import type { Tables } from '../../db/tables.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/log.ts';
import { applicationTables, type TableColumn, type TableInfo } from './catalog.ts';
import { BackupError } from './errors.ts';
import { FilePlacement } from './files.ts';
import type { Manifest } from './manifest.ts';
import { setTextFormats } from './text-formats.ts';
import { unpackBackup } from './unpack.ts';

const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 4 * 1024 * 1024;

export type RestoreSummary = {
  /** When the backup was taken. */
  createdAt: string;
  tables: { name: string; rows: number }[];
  /** Attachment files in the backup, and how many of them had to be written (the others were already there). */
  files: { total: number; written: number };
};

type TablePlan = { entry: Manifest['tables'][number]; columns: TableColumn[]; target: TableInfo };

export async function restoreDatabase(db: Db, filesDir: string, file: string, actor: Actor = SYSTEM_ACTOR): Promise<RestoreSummary> {
  const source = path.resolve(file);
  // Staged beside the attachments folder, so that files are renamed into place on one file system.
  const stagingParent = path.dirname(path.resolve(filesDir));
  await mkdir(stagingParent, { recursive: true });
  const staging = await mkdtemp(path.join(stagingParent, '.atlas-restore-'));
  try {
    const manifest = await unpackBackup(source, staging);
    const { plan, everyTable } = await planRestore(db, manifest, path.basename(source));

    // Files before rows, so that once the restore commits no row names a missing file; undone if
    // the database part fails, so that a failed restore changes nothing.
    const files = new FilePlacement();
    try {
      for (const f of manifest.files) {
        await files.place(path.join(staging, f.part), path.join(filesDir, f.part.slice('files/'.length)), f.sha256);
      }
      await replaceRows(db, { manifest, plan, everyTable, staging, actor, label: path.basename(source) });
    } catch (error) {
      await files.undo();
      throw error;
    }
    const written = files.written;
    await files.commit();
    contentChanged();
    return {
      createdAt: manifest.created_at,
      tables: plan.map((p) => ({ name: p.entry.name, rows: p.entry.rows })),
      files: { total: manifest.files.length, written },
    };
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** One transaction: every application table emptied, the backup's rows inserted, the restore audited. */
async function replaceRows(
  db: Db,
  job: { manifest: Manifest; plan: TablePlan[]; everyTable: TableInfo[]; staging: string; actor: Actor; label: string },
): Promise<void> {
  const { manifest, plan, everyTable } = job;
  await runInOneTransaction(db, async (trx) => {
    await setTextFormats(trx);
    // The audit log refuses TRUNCATE through a trigger; other tables may have triggers that would
    // react to the inserts as if they were new edits. The restore is a copy, not an edit: user
    // triggers are off for its duration (foreign keys, which are system triggers, still apply)
    // and back on before it commits, so no other session ever sees them off.
    for (const t of everyTable) await sql`ALTER TABLE ${sql.table(t.name)} DISABLE TRIGGER USER`.execute(trx);
    await sql`TRUNCATE ${sql.join(everyTable.map((t) => sql.table(t.name)))} RESTART IDENTITY`.execute(trx);
    for (const p of plan) await insertRows(trx, p, path.join(job.staging, p.entry.part));
    for (const p of plan) await moveSequences(trx, p);
    for (const t of everyTable) await sql`ALTER TABLE ${sql.table(t.name)} ENABLE TRIGGER USER`.execute(trx);
    // After the restored rows, so that it is the newest entry of the restored log.
    await recordAudit(trx, job.actor, {
      action: 'backup.restore',
      entityType: 'backup',
      entityLabel: job.label,
      details: {
        backup_created_at: manifest.created_at,
        rows: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
        files: manifest.files.length,
      },
    });
  });
}

async function runInOneTransaction(db: Db, work: (trx: Transaction<Tables>) => Promise<void>): Promise<void> {
  try {
    await db.transaction().execute(work);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const message = (error as Error).message;
    if ((error as { code?: string }).code === '42501') {
      throw new BackupError(
        `The database refused the restore (${message}): the restoring role must own the Atlas tables, as the role that ran the migrations does. Nothing was changed in the database.`,
      );
    }
    throw new BackupError(`The restore failed and was undone (${message}). Nothing was changed in the database.`, { cause: error });
  }
}

/**
 * Matches the backup to this database: refuses a backup from a newer schema (or a database not yet
 * migrated as far as the backup), and any table or column the database does not have. A backup from
 * an older schema is accepted: its tables are restored with the columns they had (later columns take
 * their defaults), and tables added since then start empty.
 */
async function planRestore(db: Db, manifest: Manifest, name: string): Promise<{ plan: TablePlan[]; everyTable: TableInfo[] }> {
  const known = new Map(listMigrations().map((m) => [m.version, m.name]));
  for (const m of manifest.migrations) {
    if (known.get(m.version) !== m.name) {
      throw new BackupError(
        `${name} was made by a newer or different Atlas (its schema has migration ${String(m.version).padStart(3, '0')}_${m.name}, ` +
          'which this Atlas does not know): upgrade the Atlas first. Nothing was changed.',
      );
    }
  }
  const applied = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(db);
  const appliedVersions = new Set(applied.rows.map((r) => r.version));
  const notApplied = manifest.migrations.find((m) => !appliedVersions.has(m.version));
  if (notApplied) {
    throw new BackupError(`This database lacks migration ${String(notApplied.version).padStart(3, '0')}_${notApplied.name}: run \`atlas migrate\` first. Nothing was changed.`);
  }

  const everyTable = await applicationTables(db);
  const byName = new Map(everyTable.map((t) => [t.name, t]));
  const entries = new Map(manifest.tables.map((t) => [t.name, t]));
  for (const entry of manifest.tables) {
    const target = byName.get(entry.name);
    if (!target) throw new BackupError(`${name} holds a table ${entry.name} that this database does not have. Nothing was changed.`);
    const stored = new Set(target.columns.map((c) => c.name));
    const unknown = entry.columns.find((c) => !stored.has(c));
    if (unknown) throw new BackupError(`${name}: table ${entry.name} has a column ${unknown} that this database does not store. Nothing was changed.`);
  }
  // The database's own order (parents first), not the manifest's: foreign keys are checked after each statement.
  const plan = everyTable
    .filter((t) => entries.has(t.name))
    .map((target) => {
      const entry = entries.get(target.name)!;
      const columns = entry.columns.map((c) => target.columns.find((tc) => tc.name === c)!);
      return { entry, columns, target };
    });
  return { plan, everyTable };
}

async function insertRows(trx: Transaction<Tables>, p: TablePlan, file: string): Promise<void> {
  // A row may name a parent that comes later in key order (a node moved under a newer one): such
  // references are inserted empty, then set once every row of the table is there.
  const keyed = p.target.primaryKey.length > 0 && p.target.primaryKey.every((k) => p.entry.columns.includes(k));
  const later = keyed ? p.columns.filter((c) => c.selfReference && c.nullable) : [];
  let rows = 0;
  await forEachBatch(file, async (json, count) => {
    await insertBatch(trx, p, json, later);
    rows += count;
  });
  if (rows !== p.entry.rows) {
    throw new BackupError(`Table ${p.entry.name} has ${rows} rows in its part where the manifest says ${p.entry.rows}. Nothing was changed.`);
  }
  if (later.length > 0) await forEachBatch(file, (json) => setLaterReferences(trx, p, json, later));
}

/** The part's lines as JSON arrays of at most ROWS_PER_INSERT rows (and about BYTES_PER_INSERT). */
async function forEachBatch(file: string, work: (json: string, count: number) => Promise<void>): Promise<void> {
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    bytes = 0;
    await work(`[${lines.join(',')}]`, lines.length);
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= ROWS_PER_INSERT || bytes >= BYTES_PER_INSERT) await flush();
  }
  await flush();
}

/** Each value cast from its text form to the column's type; type names come from this database's catalog, never from the file. */
function valueOf(column: TableColumn, row = sql`r`) {
  return sql`(${row}->>${sql.lit(column.name)})::${sql.raw(column.type)}`;
}

/** The JSON array is unpacked by the server, in the order of the file. */
async function insertBatch(trx: Transaction<Tables>, p: TablePlan, json: string, later: TableColumn[]): Promise<void> {
  const names = sql.join(p.columns.map((c) => sql.id(c.name)));
  const values = sql.join(p.columns.map((c) => (later.includes(c) ? sql`NULL` : valueOf(c))));
  const overriding = p.target.columns.some((c) => c.identity) ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  await sql`INSERT INTO ${sql.table(p.entry.name)} (${names}) ${overriding}
    SELECT ${values} FROM json_array_elements(${json}::json) WITH ORDINALITY AS e(r, n) ORDER BY n`.execute(trx);
}

async function setLaterReferences(trx: Transaction<Tables>, p: TablePlan, json: string, later: TableColumn[]): Promise<void> {
  const assignments = sql.join(later.map((c) => sql`${sql.id(c.name)} = ${valueOf(c, sql`e.r`)}`));
  const key = sql.join(
    p.target.primaryKey.map((k) => {
      const column = p.target.columns.find((c) => c.name === k)!;
      return sql`restored.${sql.id(k)} = ${valueOf(column, sql`e.r`)}`;
    }),
    sql` AND `,
  );
  await sql`UPDATE ${sql.table(p.entry.name)} AS restored SET ${assignments}
    FROM json_array_elements(${json}::json) AS e(r) WHERE ${key}`.execute(trx);
}

/** The next id handed out after a restore follows the highest restored one. */
async function moveSequences(trx: Transaction<Tables>, p: TablePlan): Promise<void> {
  for (const c of p.columns.filter((col) => col.sequence)) {
    await sql`SELECT setval(pg_get_serial_sequence(${`public.${quoteIdent(p.entry.name)}`}, ${c.name}), max(${sql.id(c.name)}))
      FROM ${sql.table(p.entry.name)} HAVING max(${sql.id(c.name)}) IS NOT NULL`.execute(trx);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
