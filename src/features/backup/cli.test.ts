// The real command line end to end on the embedded database: `atlas backup` in one data directory,
// `atlas restore` into another, and the lock that keeps the CLI off a running Atlas's data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openEmbedded } from '../../db/connect.ts';
import { tempDir } from './test-support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function atlas(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.ATLAS_FILES_DIR;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('atlas backup and atlas restore (CLI, PGlite)', () => {
  let work: string;
  before(async () => {
    work = await tempDir('backup-cli');
  });
  after(() => rm(work, { recursive: true, force: true }));

  it('backs up one data directory and restores it into another', async () => {
    const first = path.join(work, 'first');
    const second = path.join(work, 'second');
    const file = path.join(work, 'atlas-backup.tar.gz');
    await mkdir(path.join(first, 'files', 'cd'), { recursive: true });
    await writeFile(path.join(first, 'files', 'cd', 'cdef'), 'attachment bytes');

    const seeded = await atlas(first, 'seed');
    assert.equal(seeded.code, 0, seeded.stderr);
    const backup = await atlas(first, 'backup', file);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /Backup written to .*atlas-backup\.tar\.gz/);
    assert.match(backup.stdout, /resources\s+29\n/);
    assert.match(backup.stdout, /attachment files\s+1\n/);

    const restore = await atlas(second, 'restore', file);
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /Restored the backup of /);
    assert.match(restore.stdout, /resources\s+29\n/);
    assert.equal(await readFile(path.join(second, 'files', 'cd', 'cdef'), 'utf8'), 'attachment bytes');

    const database = await openEmbedded(second);
    try {
      const counts = await sql<{ resources: number; restores: number }>`SELECT (SELECT count(*)::int FROM resources) AS resources,
        (SELECT count(*)::int FROM audit_log WHERE action = 'backup.restore') AS restores`.execute(database.db);
      assert.deepEqual(counts.rows[0], { resources: 29, restores: 1 });
    } finally {
      await database.close();
    }
  });

  it('says clearly that a running embedded Atlas holds the data directory', async () => {
    // The lock a running server holds: a live process (this one) named in the data directory's lock file.
    const busy = path.join(work, 'busy');
    await mkdir(busy, { recursive: true });
    await writeFile(path.join(busy, 'atlas.lock'), String(process.pid));
    const result = await atlas(busy, 'backup', path.join(work, 'never.tar.gz'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /The Atlas is already running on this data directory/);
    assert.match(await readFile(path.join(busy, 'atlas.lock'), 'utf8'), new RegExp(`^${process.pid}$`), 'the lock is left alone');
  });
});
