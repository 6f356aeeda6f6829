// Reading the audit log. There is deliberately no function here that changes it: entries are only
// ever added, by recordAudit in log.ts, and the database refuses updates and deletes (002).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { filterCondition, type AuditCursor, type AuditFilters } from './filters.ts';

export const PAGE_SIZE = 50;
/** An export larger than this is cut (and says so in a header): narrow the dates to get the rest. */
export const EXPORT_MAX = 100_000;

export type AuditRow = {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  entity_label: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

const COLUMNS = sql`id::text AS id, at, actor_id::text AS actor_id, actor_email, action, entity_type, entity_id, entity_label, details, ip`;

export type AuditPage = { rows: AuditRow[]; newer: string | undefined; older: string | undefined };

/** One page, newest first, with the cursors of the neighbouring pages (undefined at either end). */
export async function listAudit(db: Db, filters: AuditFilters, cursor: AuditCursor, size = PAGE_SIZE): Promise<AuditPage> {
  const where = filterCondition(filters);
  if (cursor.after) {
    const result = await sql<AuditRow>`SELECT ${COLUMNS} FROM audit_log WHERE ${where} AND id > ${cursor.after}::bigint
      ORDER BY audit_log.id ASC LIMIT ${size + 1}`.execute(db);
    const more = result.rows.length > size;
    const rows = result.rows.slice(0, size).reverse();
    return { rows, newer: more ? rows[0]?.id : undefined, older: rows.at(-1)?.id };
  }
  const before = cursor.before ? sql`AND id < ${cursor.before}::bigint` : sql``;
  const result = await sql<AuditRow>`SELECT ${COLUMNS} FROM audit_log WHERE ${where} ${before}
    ORDER BY audit_log.id DESC LIMIT ${size + 1}`.execute(db);
  const rows = result.rows.slice(0, size);
  const newer = cursor.before && rows.length > 0 ? await newerExists(db, filters, rows[0]!.id) : undefined;
  return { rows, newer, older: result.rows.length > size ? rows.at(-1)?.id : undefined };
}

async function newerExists(db: Db, filters: AuditFilters, id: string): Promise<string | undefined> {
  const result = await sql`SELECT 1 FROM audit_log WHERE ${filterCondition(filters)} AND id > ${id}::bigint LIMIT 1`.execute(db);
  return result.rows.length > 0 ? id : undefined;
}

/** Every matching entry for the export, newest first, up to EXPORT_MAX + 1 (to tell a cut). */
export async function exportAudit(db: Db, filters: AuditFilters): Promise<AuditRow[]> {
  const result = await sql<AuditRow>`SELECT ${COLUMNS} FROM audit_log WHERE ${filterCondition(filters)}
    ORDER BY audit_log.id DESC LIMIT ${EXPORT_MAX + 1}`.execute(db);
  return result.rows;
}

/** The values the filter form offers: the actions and item types present in the log. */
export async function filterChoices(db: Db): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    sql<{ v: string }>`SELECT DISTINCT action AS v FROM audit_log ORDER BY 1`.execute(db),
    sql<{ v: string }>`SELECT DISTINCT entity_type AS v FROM audit_log WHERE entity_type IS NOT NULL ORDER BY 1`.execute(db),
  ]);
  return { actions: actions.rows.map((r) => r.v), entityTypes: types.rows.map((r) => r.v) };
}
