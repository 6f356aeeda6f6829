// Migrations apply once on both databases; the embedded database's lock keeps a second process out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../testing/databases.ts';
import { listMigrations, migrate } from './migrate.ts';
import { acquireDataDirLock } from './lock.ts';
import { loadConfig } from '../config.ts';

for (const kind of DATABASE_KINDS) {
  describe(`migrations on ${kind}`, () => {
    it('are recorded and not applied twice', async () => {
      const database = await testDatabase(kind);
      try {
        assert.deepEqual(await migrate(database.db), [], 'already applied by testDatabase');
        const rows = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(database.db);
        assert.deepEqual(rows.rows.map((r) => r.version), listMigrations().map((m) => m.version));
        const ext = await sql<{ extname: string }>`SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY 1`.execute(database.db);
        assert.deepEqual(ext.rows.map((r) => r.extname), ['pg_trgm', 'unaccent']);
      } finally {
        await database.close();
      }
    });
  });
}

describe('data directory lock', () => {
  it('stops a second holder with a clear message and frees on release', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-lock-'));
    try {
      const lock = acquireDataDirLock(dir);
      // Another process trying the same directory is refused.
      const script = `import { acquireDataDirLock } from ${JSON.stringify(path.resolve('src/db/lock.ts'))};
        try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('acquired'); } catch (e) { console.log(e.message); }`;
      const other = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      assert.match(other.stdout, /already running on this data directory/);
      lock.release();
      assert.equal(existsSync(path.join(dir, 'atlas.lock')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-lock-'));
    try {
      writeFileSync(path.join(dir, 'atlas.lock'), '999999999');
      const lock = acquireDataDirLock(dir);
      lock.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('config', () => {
  it('reads defaults and rejects bad values with the variable named', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), /DATABASE_URL/);
    assert.equal(config.secureCookies, false);
    assert.equal(loadConfig({ PUBLIC_URL: 'https://atlas.example.org' }).secureCookies, true, 'Secure cookies behind TLS');
  });
});
