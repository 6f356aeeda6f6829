// Backup and restore on both databases: a round trip loses nothing, a restore replaces what was
// there, and a damaged or too-new backup is refused before anything changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import type { Database } from '../../db/connect.ts';
import { createUser } from '../auth/users.ts';
import { upsertResources } from '../library/store.ts';
import { buildResource } from '../../testing/builders.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';
import { BackupError } from './errors.ts';
import { ATTACHMENT, createTreeTable, dumpTables, fillDatabase, readTree, rewriteBackup, tempDir } from './test-support.ts';

/** The restore's own audit entry, which the source does not have. */
function withoutRestoreEntry(dump: Record<string, string[]>): Record<string, string[]> {
  return { ...dump, audit_log: dump.audit_log!.filter((row) => !row.includes('"backup.restore"')) };
}

for (const kind of DATABASE_KINDS) {
  describe(`backup and restore on ${kind}`, () => {
    let source: Database;
    let work: string;
    let sourceFiles: string;
    let backupFile: string;
    let sourceDump: Record<string, string[]>;
    // Another Atlas with data of its own: the refusals must leave it as it is; the last test replaces it.
    let other: Database;
    let otherFiles: string;
    let otherBefore: { tables: Record<string, string[]>; files: Record<string, string> };
    const opened: Database[] = [];
    const target = async () => {
      const database = await testDatabase(kind);
      opened.push(database);
      await createTreeTable(database.db);
      return database;
    };

    before(async () => {
      work = await tempDir('backup');
      sourceFiles = path.join(work, 'source-files');
      source = await target();
      await fillDatabase(source.db, sourceFiles);
      backupFile = path.join(work, 'atlas.tar.gz');
      const summary = await backupDatabase(source.db, sourceFiles, backupFile);
      assert.equal(summary.files, 2);
      sourceDump = await dumpTables(source.db);
      other = await target();
      otherFiles = path.join(work, 'other-files');
      await fillDatabase(other.db, otherFiles, 'other');
      await upsertResources(other.db, [buildResource({ slug: 'only-in-the-other-database' })]);
      // A file of the backup's name with other content: replaced by a restore, put back by a failed one.
      await writeFile(path.join(otherFiles, 'source.txt'), 'stale\n');
      otherBefore = { tables: await dumpTables(other.db), files: await readTree(otherFiles) };
    });
    after(async () => {
      await Promise.all(opened.map((d) => d.close()));
      await rm(work, { recursive: true, force: true });
    });

    it('restores every row and file into a fresh database and files folder', async () => {
      const fresh = await target();
      const filesDir = path.join(work, 'fresh-files');
      const summary = await restoreDatabase(fresh.db, filesDir, backupFile);
      assert.equal(summary.tables.find((t) => t.name === 'resources')?.rows, 29);
      assert.deepEqual(summary.files, { total: 2, written: 2 });

      const restored = await dumpTables(fresh.db);
      const expected = { ...sourceDump, sessions: [], login_failures: [] };
      assert.ok(sourceDump.sessions!.length > 0 && sourceDump.login_failures!.length > 0, 'the source has sessions and sign-in failures');
      assert.deepEqual(withoutRestoreEntry(restored), expected);
      assert.ok(restored.users!.some((u) => u.includes('"password_hash": "$argon2id$')), 'password hashes are kept');
      assert.ok(restored.atlas_settings!.some((s) => s.includes('"value": null')), 'a JSON null stays a JSON null');
      assert.ok(restored.backup_test_tree!.some((r) => r.includes('"label": "root source", "parent_id": 603')), 'a parent with a later id');
      assert.deepEqual(await readTree(filesDir), await readTree(sourceFiles));
      assert.deepEqual(await readFile(path.join(filesDir, ATTACHMENT.relative)), ATTACHMENT.bytes);

      const entry = await sql<{ action: string; actor_id: string | null; actor_email: string; last: boolean }>`
        SELECT action, actor_id, actor_email, id = (SELECT max(id) FROM audit_log) AS last
        FROM audit_log WHERE action = 'backup.restore'`.execute(fresh.db);
      assert.deepEqual(entry.rows, [{ action: 'backup.restore', actor_id: null, actor_email: 'system', last: true }]);

      // The generated search column is recomputed: search still finds the restored resources.
      const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resources WHERE search_vector @@ to_tsquery('english', 'child')`.execute(fresh.db);
      assert.ok(found.rows[0]!.n > 0);
      // Identity sequences continue after the restored ids.
      const maxId = await sql<{ id: string }>`SELECT max(id)::text AS id FROM resources`.execute(fresh.db);
      await upsertResources(fresh.db, [buildResource({ slug: 'after-restore' })]);
      const added = await sql<{ id: string }>`SELECT id::text AS id FROM resources WHERE slug = 'after-restore'`.execute(fresh.db);
      assert.ok(BigInt(added.rows[0]!.id) > BigInt(maxId.rows[0]!.id));
      const user = await createUser(fresh.db, { email: 'new@atlas.test', role: 'reviewer' });
      assert.ok(Number(user.id) > 1);
    });


    async function assertRefused(file: string, message: RegExp): Promise<void> {
      await assert.rejects(restoreDatabase(other.db, otherFiles, file), (error: Error) => {
        assert.ok(error instanceof BackupError, `a BackupError, got ${error.stack}`);
        assert.match(error.message, message);
        return true;
      });
      assert.deepEqual(await dumpTables(other.db), otherBefore.tables, 'the database is unchanged');
      assert.deepEqual(await readTree(otherFiles), otherBefore.files, 'the files are unchanged');
    }

    it('refuses a part that does not match its checksum, naming it', async () => {
      const damaged = path.join(work, 'damaged-part.tar.gz');
      await rewriteBackup(backupFile, damaged, async (dir) => {
        const part = path.join(dir, 'tables/resources.jsonl');
        const bytes = await readFile(part);
        bytes[100] = bytes[100]! ^ 0x01;
        await writeFile(part, bytes);
      });
      await assertRefused(damaged, /tables\/resources\.jsonl does not match its SHA-256 checksum/);
    });

    it('refuses a damaged attachment and an unlisted one', async () => {
      const damaged = path.join(work, 'damaged-file.tar.gz');
      await rewriteBackup(backupFile, damaged, (dir) => writeFile(path.join(dir, 'files', ATTACHMENT.relative), 'something else'));
      await assertRefused(damaged, new RegExp(`files/${ATTACHMENT.relative} has 14 bytes where the manifest says 9`));
      const extra = path.join(work, 'extra-file.tar.gz');
      await rewriteBackup(backupFile, extra, (dir) => writeFile(path.join(dir, 'files', 'smuggled.txt'), 'x'));
      await assertRefused(extra, /files\/smuggled\.txt, not listed in its manifest/);
    });

    it('refuses a truncated file and a file with a flipped byte', async () => {
      const bytes = await readFile(backupFile);
      const truncated = path.join(work, 'truncated.tar.gz');
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      await assertRefused(truncated, /ends too early/);
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length / 2)] = flipped[Math.floor(bytes.length / 2)]! ^ 0xff;
      const flippedFile = path.join(work, 'flipped.tar.gz');
      await writeFile(flippedFile, flipped);
      await assertRefused(flippedFile, /cannot be read as a backup/);
      await assertRefused(path.join(work, 'missing.tar.gz'), /does not exist/);
    });

    it('refuses a backup from a newer schema or a newer format', async () => {
      const future = path.join(work, 'future.tar.gz');
      await rewriteBackup(backupFile, future, async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
        manifest.migrations.push({ version: 999, name: 'from_the_future' });
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      });
      await assertRefused(future, /migration 999_from_the_future, which this Atlas does not know\): upgrade the Atlas first/);
      const newerFormat = path.join(work, 'newer-format.tar.gz');
      await rewriteBackup(backupFile, newerFormat, async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
      });
      await assertRefused(newerFormat, /backup format 2, newer than this Atlas reads/);
    });

    it('refuses a table or column this database does not have, and rolls back a failing insert', async () => {
      const unknownColumn = path.join(work, 'unknown-column.tar.gz');
      await rewriteBackup(backupFile, unknownColumn, async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
        manifest.tables.find((t: { name: string }) => t.name === 'topics').columns.push('colour');
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      });
      await assertRefused(unknownColumn, /table topics has a column colour that this database does not store/);

      // A consistent backup whose last table breaks a constraint: every earlier table was already
      // emptied and refilled inside the transaction, which must all be undone.
      const badRow = path.join(work, 'bad-row.tar.gz');
      await rewriteBackup(backupFile, badRow, async (dir) => {
        const manifestFile = path.join(dir, 'manifest.json');
        const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
        const part = 'tables/user_tokens.jsonl';
        const line = `${JSON.stringify({ token_hash: 'x', user_id: '999999', purpose: 'invite', created_at: '2025-01-01 00:00:00+00', expires_at: '2025-01-02 00:00:00+00', used_at: null })}\n`;
        await writeFile(path.join(dir, part), line);
        const { createHash } = await import('node:crypto');
        const entry = manifest.tables.find((t: { name: string }) => t.name === 'user_tokens');
        Object.assign(entry, { rows: 1, bytes: Buffer.byteLength(line), sha256: createHash('sha256').update(line).digest('hex') });
        await writeFile(manifestFile, JSON.stringify(manifest));
      });
      await assertRefused(badRow, /The restore failed and was undone \(.*foreign key/);
    });

    it('replaces the data of a database that had other content, and keeps identical files', async () => {
      const summary = await restoreDatabase(other.db, otherFiles, backupFile);
      assert.deepEqual(summary.files, { total: 2, written: 1 }, 'the identical attachment was kept, the stale file replaced');

      const restored = await dumpTables(other.db);
      assert.deepEqual(withoutRestoreEntry(restored), { ...sourceDump, sessions: [], login_failures: [] });
      assert.ok(!restored.resources!.some((r) => r.includes('only-in-the-other-database')));
      assert.ok(!restored.users!.some((r) => r.includes('editor-other@atlas.test')));
      // Files are added, never deleted: the other folder keeps its own file too.
      const tree = await readTree(otherFiles);
      assert.deepEqual(Object.keys(tree).sort(), [ATTACHMENT.relative, 'other.txt', 'source.txt'], 'no temporary or set-aside file is left');
      assert.equal(await readFile(path.join(otherFiles, 'source.txt'), 'utf8'), 'only in source\n');
    });
  });
}
