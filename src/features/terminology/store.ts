// Reading the glossary. Every read is small (a few dozen rows), so pages and the checker take it whole.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { GlossaryEntry, TermStatus } from './schema.ts';

type Row = Omit<GlossaryEntry, 'updatedAt'> & { updatedAt: string };

const COLUMNS = sql`key, status, term, variants, alternative, explanation, source, link, confirmed, position, version,
  to_json(updated_at)#>>'{}' AS "updatedAt"`;

export async function listGlossary(db: Db, status?: TermStatus): Promise<GlossaryEntry[]> {
  const filter = status ? sql`WHERE status = ${status}` : sql``;
  const r = await sql<Row>`SELECT ${COLUMNS} FROM glossary_terms ${filter} ORDER BY position, key`.execute(db);
  return r.rows;
}

export async function getGlossaryEntry(db: Db, key: string): Promise<GlossaryEntry | undefined> {
  const r = await sql<Row>`SELECT ${COLUMNS} FROM glossary_terms WHERE key = ${key}`.execute(db);
  return r.rows[0];
}

/** Changes whenever any entry is added, changed or removed: the checker's cached patterns key on it. */
export async function glossaryStamp(db: Db): Promise<string> {
  const r = await sql<{ stamp: string }>`SELECT count(*)::text || ':' || coalesce(sum(version), 0)::text || ':' ||
    coalesce(to_json(max(updated_at))#>>'{}', '') AS stamp FROM glossary_terms`.execute(db);
  return r.rows[0]!.stamp;
}
