// Revisions: every saved state of an editable item (resources now; model-law articles, assessments
// and practices later), numbered by the item's version. Written in the same transaction as the
// change, so that history and data cannot disagree.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../audit/log.ts';

export type Revision<T = unknown> = {
  id: string;
  entity_type: string;
  entity_id: string;
  version: number;
  data: T;
  action: string;
  actor_id: string | null;
  actor_email: string | null;
  at: string;
};

export async function recordRevision(
  db: Db,
  actor: Actor,
  revision: { entityType: string; entityId: string; version: number; data: unknown; action: string },
): Promise<void> {
  await sql`INSERT INTO revisions (entity_type, entity_id, version, data, action, actor_id, actor_email)
    VALUES (${revision.entityType}, ${revision.entityId}, ${revision.version}, ${JSON.stringify(revision.data)}::jsonb,
      ${revision.action}, ${actor.id}::bigint, ${actor.email})
    ON CONFLICT (entity_type, entity_id, version) DO NOTHING`.execute(db);
}

const COLUMNS = sql`id::text AS id, entity_type, entity_id, version, data, action, actor_id::text AS actor_id, actor_email,
  to_json(at)#>>'{}' AS at`;

/** The history of an item, newest first. */
export async function listRevisions<T>(db: Db, entityType: string, entityId: string): Promise<Revision<T>[]> {
  const result = await sql<Revision<T>>`SELECT ${COLUMNS} FROM revisions
    WHERE entity_type = ${entityType} AND entity_id = ${entityId} ORDER BY version DESC`.execute(db);
  return result.rows;
}

export async function getRevision<T>(db: Db, entityType: string, entityId: string, version: number): Promise<Revision<T> | undefined> {
  const result = await sql<Revision<T>>`SELECT ${COLUMNS} FROM revisions
    WHERE entity_type = ${entityType} AND entity_id = ${entityId} AND version = ${version}`.execute(db);
  return result.rows[0];
}
