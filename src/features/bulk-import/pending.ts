// Uploaded imports waiting for their confirmation. Each belongs to the user who uploaded it: any
// other user is told it does not exist. Old ones are purged whenever a new one is stored.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ImportFormat } from '../import/cli.ts';

/** How long a preview can wait for its confirmation. */
export const PENDING_HOURS = 24;

export type PendingOptions = { status: 'draft' | 'published'; file: string | null };

export type PendingImport = {
  id: string;
  userId: string;
  format: ImportFormat;
  options: PendingOptions;
  content: string;
  createdAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isPendingId(id: string): boolean {
  return UUID.test(id);
}

export async function storePending(db: Db, userId: string, format: ImportFormat, options: PendingOptions, content: string): Promise<string> {
  const id = randomUUID();
  await purgeExpired(db);
  await sql`INSERT INTO pending_imports (id, user_id, format, options, content)
    VALUES (${id}, ${userId}::bigint, ${format}, ${JSON.stringify(options)}::jsonb, ${content})`.execute(db);
  return id;
}

/** The user's own pending import, if it exists and has not expired. */
export async function findPending(db: Db, id: string, userId: string): Promise<PendingImport | undefined> {
  if (!isPendingId(id)) return undefined;
  const result = await sql<PendingImport>`SELECT id, user_id::text AS "userId", format, options, content, to_json(created_at)#>>'{}' AS "createdAt"
    FROM pending_imports
    WHERE id = ${id} AND user_id = ${userId}::bigint AND created_at > now() - make_interval(hours => ${PENDING_HOURS}::int)`.execute(db);
  return result.rows[0];
}

/**
 * Takes the pending import out, in the import's transaction: true when this call removed it. A
 * second confirmation (a double click, another tab) waits for the first and then finds nothing,
 * so the same upload is never imported twice.
 */
export async function claimPending(db: Db, id: string, userId: string): Promise<boolean> {
  const result = await sql`DELETE FROM pending_imports WHERE id = ${id} AND user_id = ${userId}::bigint RETURNING id`.execute(db);
  return result.rows.length === 1;
}

export async function purgeExpired(db: Db): Promise<void> {
  await sql`DELETE FROM pending_imports WHERE created_at < now() - make_interval(hours => ${PENDING_HOURS}::int)`.execute(db);
}
