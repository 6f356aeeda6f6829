// Editions in the back office: every law with all its editions, a new draft edition copied from
// an existing one, and the workflow steps. Each write is one transaction with its audit entry.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import type { Role } from '../auth/roles.ts';
import { listEditions, type Edition, type EditionStatus } from '../model-law/store.ts';
import { LabelTakenError, StaleVersionError } from './errors.ts';
import { lockEdition } from './node-change.ts';
import { editionTransition, type EditionAction } from './workflow.ts';
import { checkTransition } from '../admin/workflow.ts';

export const LABEL_MAX = 40;

/** Every law's editions (all states), laws in the order they were added, editions newest first. */
export async function listAllEditions(db: Db): Promise<Edition[]> {
  const laws = await sql<{ slug: string }>`SELECT slug FROM model_laws ORDER BY id`.execute(db);
  const perLaw = await Promise.all(laws.rows.map((l) => listEditions(db, l.slug, { includeUnpublished: true })));
  return perLaw.flat();
}

export async function labelTaken(db: Db, lawId: string, label: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_editions WHERE law_id = ${lawId}::bigint AND label = ${label}`.execute(db);
  return r.rows[0]!.n > 0;
}

/**
 * A new draft edition with everything of another one: its nodes (same keys, same order), their
 * texts with the source hashes (so translation states carry over) and their sources. Nodes are
 * matched by key, which is unique within an edition.
 */
export async function copyEdition(db: Db, actor: Actor, fromId: string, input: { label: string; year: number }): Promise<{ id: string }> {
  const copied = await db.transaction().execute(async (trx) => {
    const from = await lockEdition(trx, fromId);
    if (await labelTaken(trx, from.lawId, input.label)) throw new LabelTakenError(input.label);
    const inserted = await sql<{ id: string }>`INSERT INTO model_law_editions (law_id, label, year, note, status)
      SELECT law_id, ${input.label}, ${input.year}, note, 'draft' FROM model_law_editions WHERE id = ${fromId}::bigint
      RETURNING id::text AS id`
      .execute(trx)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw new LabelTakenError(input.label);
        throw error;
      });
    const id = inserted.rows[0]!.id;
    await sql`INSERT INTO model_law_nodes (edition_id, key, kind, position)
      SELECT ${id}::bigint, key, kind, position FROM model_law_nodes WHERE edition_id = ${fromId}::bigint`.execute(trx);
    await sql`UPDATE model_law_nodes copy SET parent_id = new_parent.id
      FROM model_law_nodes original
      JOIN model_law_nodes old_parent ON old_parent.id = original.parent_id
      JOIN model_law_nodes new_parent ON new_parent.edition_id = ${id}::bigint AND new_parent.key = old_parent.key
      WHERE copy.edition_id = ${id}::bigint AND original.edition_id = ${fromId}::bigint AND original.key = copy.key`.execute(trx);
    await sql`INSERT INTO model_law_texts (node_id, locale, heading, paragraphs, source_hash, updated_at, updated_by)
      SELECT copy.id, t.locale, t.heading, t.paragraphs, t.source_hash, t.updated_at, t.updated_by
      FROM model_law_texts t JOIN model_law_nodes original ON original.id = t.node_id
      JOIN model_law_nodes copy ON copy.edition_id = ${id}::bigint AND copy.key = original.key
      WHERE original.edition_id = ${fromId}::bigint`.execute(trx);
    await sql`INSERT INTO model_law_sources (node_id, position, instrument_key, national_law_key, provision_ref, note)
      SELECT copy.id, s.position, s.instrument_key, s.national_law_key, s.provision_ref, s.note
      FROM model_law_sources s JOIN model_law_nodes original ON original.id = s.node_id
      JOIN model_law_nodes copy ON copy.edition_id = ${id}::bigint AND copy.key = original.key
      WHERE original.edition_id = ${fromId}::bigint`.execute(trx);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes WHERE edition_id = ${id}::bigint`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'model_law.edition_create',
      entityType: 'model_law_edition',
      entityId: id,
      entityLabel: `${from.slug} ${input.label}`,
      details: { from: { id: from.id, label: from.label }, label: input.label, year: input.year, nodes: count.rows[0]!.n },
    });
    return { id };
  });
  contentChanged();
  return copied;
}

export { TransitionRefusedError as EditionTransitionError } from '../admin/workflow.ts';

/** Moves an edition along the workflow; publishing sets published_at. */
export async function transitionEdition(
  db: Db,
  actor: Actor & { role: Role },
  editionId: string,
  action: EditionAction,
  options: { expectedVersion?: number | undefined; note?: string | undefined } = {},
): Promise<{ version: number; from: EditionStatus; to: EditionStatus }> {
  const transition = editionTransition(action);
  const outcome = await db.transaction().execute(async (trx) => {
    const edition = await lockEdition(trx, editionId);
    const current = await sql<{ version: number }>`SELECT version FROM model_law_editions WHERE id = ${editionId}::bigint`.execute(trx);
    const version = current.rows[0]!.version;
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) throw new StaleVersionError(version);
    const from = edition.status;
    checkTransition(actor.role, transition, from);
    const updated = await sql<{ version: number }>`UPDATE model_law_editions SET status = ${transition.to}, version = version + 1, updated_at = now(),
        published_at = CASE WHEN ${transition.to} = 'published' THEN now() ELSE published_at END
      WHERE id = ${editionId}::bigint RETURNING version`.execute(trx);
    const note = options.note?.trim();
    await recordAudit(trx, actor, {
      action: `model_law.edition_${action}`,
      entityType: 'model_law_edition',
      entityId: editionId,
      entityLabel: `${edition.slug} ${edition.label}`,
      details: { from, to: transition.to, version: updated.rows[0]!.version, ...(note ? { note } : {}) },
    });
    return { version: updated.rows[0]!.version, from, to: transition.to };
  });
  contentChanged();
  return outcome;
}
