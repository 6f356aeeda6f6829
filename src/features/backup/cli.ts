// `atlas backup FILE` and `atlas restore FILE`: the store functions with a printed summary.
import type { Db } from '../../db/connect.ts';
import { backupDatabase } from './backup.ts';
import { BackupError } from './errors.ts';
import { restoreDatabase } from './restore.ts';

export async function runBackupCommand(db: Db, filesDir: string, file: string): Promise<number> {
  try {
    const summary = await backupDatabase(db, filesDir, file);
    console.log(`Backup written to ${summary.file} (${formatBytes(summary.bytes)}), a snapshot of ${summary.createdAt}:`);
    printCounts(summary.tables, summary.files);
    return 0;
  } catch (error) {
    return refused('backup', error);
  }
}

export async function runRestoreCommand(db: Db, filesDir: string, file: string): Promise<number> {
  try {
    const summary = await restoreDatabase(db, filesDir, file);
    console.log(`Restored the backup of ${summary.createdAt}; every other row was replaced and everyone is signed out:`);
    printCounts(summary.tables, summary.files.total);
    console.log(`  (${summary.files.written} attachment files written, ${summary.files.total - summary.files.written} already in place)`);
    return 0;
  } catch (error) {
    return refused('restore', error);
  }
}

function printCounts(tables: { name: string; rows: number }[], files: number): void {
  const width = Math.max(...tables.map((t) => t.name.length), 'attachment files'.length);
  for (const t of tables) console.log(`  ${t.name.padEnd(width)}  ${t.rows}`);
  console.log(`  ${'attachment files'.padEnd(width)}  ${files}`);
}

function refused(command: string, error: unknown): number {
  if (!(error instanceof BackupError)) throw error;
  console.error(`atlas ${command}: ${error.message}`);
  return 1;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
