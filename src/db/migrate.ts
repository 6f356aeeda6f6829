// Plain numbered SQL migrations (NNN_name.sql), each applied in its own transaction and recorded.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): { version: number; name: string; file: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), file: path.join(migrationsDir, f) }));
}

/** Applies pending migrations; returns the names applied. Safe to run from several processes at once. */
export async function migrate(db: Db): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    await db.transaction().execute(async (trx) => {
      // Serialise concurrent migrators (several Atlas processes starting on one server).
      await sql`SELECT pg_advisory_xact_lock(7215001)`.execute(trx);
      const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations WHERE version = ${m.version}`.execute(trx);
      if (done.rows[0]!.n > 0) return;
      await sql.raw(readFileSync(m.file, 'utf8')).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`.execute(trx);
      applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
    });
  }
  return applied;
}
