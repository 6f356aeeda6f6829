// A confirmed web import, read back for its result page from what it wrote to the audit log: the
// run's entry (counts, skipped problems) and one entry per created or updated resource.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export type ImportRunDetails = {
  format?: string;
  file?: string | null;
  status?: string;
  skipInvalid?: boolean;
  entries?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  rejected?: number;
  skipped?: string[];
  skippedNotListed?: number;
};

export type ImportRunRecord = { id: string; at: Date; details: ImportRunDetails };
export type ImportRunItem = { resourceId: string; title: string | null; action: string; where: string | null };

/** The run of a batch, if this user ran it. */
export async function findRun(db: Db, batch: string, userId: string): Promise<ImportRunRecord | undefined> {
  const result = await sql<ImportRunRecord>`SELECT id::text AS id, at, details FROM audit_log
    WHERE entity_type = 'import' AND entity_id = ${batch} AND action = 'import.run' AND actor_id = ${userId}::bigint
    ORDER BY audit_log.id DESC LIMIT 1`.execute(db);
  return result.rows[0];
}

/** The resources the run created or updated, in file order. Same transaction, so the same `at` (indexed). */
export async function runItems(db: Db, run: ImportRunRecord, batch: string): Promise<ImportRunItem[]> {
  const result = await sql<ImportRunItem>`SELECT entity_id AS "resourceId", entity_label AS title, action, details->>'where' AS "where"
    FROM audit_log
    WHERE at = (SELECT at FROM audit_log WHERE id = ${run.id}::bigint)
      AND action IN ('resource.import_create', 'resource.import_update') AND details->>'batch' = ${batch}
    ORDER BY audit_log.id`.execute(db);
  return result.rows;
}
