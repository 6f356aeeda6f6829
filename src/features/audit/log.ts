// The audit log: one append-only row per write and per sign-in. Callers write it in the same
// transaction as the change it describes, so that there is never a change without its entry.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** Who acted: a signed-in user, or the command line / system (id null). */
export type Actor = { id: string | null; email: string; ip?: string | undefined };

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  entityLabel?: string;
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await sql`INSERT INTO audit_log (actor_id, actor_email, action, entity_type, entity_id, entity_label, details, ip)
    VALUES (${actor.id}::bigint, ${actor.email}, ${entry.action}, ${entry.entityType ?? null}, ${entry.entityId ?? null},
      ${entry.entityLabel?.slice(0, 300) ?? null}, ${JSON.stringify(entry.details ?? {})}::jsonb, ${actor.ip ?? null})`.execute(db);
}
