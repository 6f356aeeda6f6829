// The frame of every change to one node of a draft edition: in one transaction, lock the edition
// (changes to one edition are serialised, which keeps positions dense) and the node, check the
// version the user started from, keep the state before as a revision when it has none, write,
// bump the node's version, record the new state as a revision and the action in the audit log.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import type { EditionStatus } from '../model-law/store.ts';
import { EditionNotFoundError, EditionReadOnlyError, NodeNotFoundError, StaleVersionError } from './errors.ts';
import { isId, nodeRow, nodeSnapshot, NODE_ENTITY, type NodeRow, type NodeSnapshot } from './snapshot.ts';

export type LockedEdition = { id: string; label: string; status: EditionStatus; lawId: string; slug: string; sourceLocale: Locale };

/** Locks an edition for a change; only a draft may change. */
export async function lockDraftEdition(db: Db, editionId: string): Promise<LockedEdition> {
  const edition = await lockEdition(db, editionId);
  if (edition.status !== 'draft') throw new EditionReadOnlyError(edition.status);
  return edition;
}

export async function lockEdition(db: Db, editionId: string): Promise<LockedEdition> {
  if (!isId(editionId)) throw new EditionNotFoundError(editionId);
  const result = await sql<LockedEdition>`SELECT e.id::text AS id, e.label, e.status, l.id::text AS "lawId", l.slug, l.source_locale AS "sourceLocale"
    FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id WHERE e.id = ${editionId}::bigint FOR UPDATE OF e`.execute(db);
  const edition = result.rows[0];
  if (!edition) throw new EditionNotFoundError(editionId);
  return edition;
}

export async function touchEdition(db: Db, editionId: string): Promise<void> {
  await sql`UPDATE model_law_editions SET updated_at = now() WHERE id = ${editionId}::bigint`.execute(db);
}

/** The node, locked, when it belongs to the edition. */
export async function lockNode(db: Db, editionId: string, nodeId: string): Promise<NodeRow> {
  const node = await nodeRow(db, nodeId, { lock: true });
  if (!node || node.editionId !== editionId) throw new NodeNotFoundError(nodeId);
  return node;
}

/** Keeps the state a node reached outside the back office (import, copy), once, so that a diff can show what the first change did. */
export async function keepBaseline(db: Db, nodeId: string, current: { version: number; data: NodeSnapshot }): Promise<void> {
  await recordRevision(db, SYSTEM_ACTOR, { entityType: NODE_ENTITY, entityId: nodeId, version: current.version, data: current.data, action: 'initial' });
}

/** Closes its positions up after a node left or was removed: 0, 1, 2, … in the current order. */
export async function renumberSiblings(db: Db, editionId: string, parentId: string | null): Promise<void> {
  await sql`UPDATE model_law_nodes n SET position = o.rn
    FROM (SELECT id, (row_number() OVER (ORDER BY position, id) - 1)::int AS rn FROM model_law_nodes
      WHERE edition_id = ${editionId}::bigint AND parent_id IS NOT DISTINCT FROM ${parentId}::bigint) o
    WHERE n.id = o.id AND n.position <> o.rn`.execute(db);
}

export function auditLabel(edition: LockedEdition, key: string): string {
  return `${edition.slug} ${edition.label} · ${key}`;
}

export type ChangeTarget = { editionId: string; nodeId: string; expectedVersion?: number | undefined };
export type ChangeKind = { audit: string; revision: string; details?: Record<string, unknown> };
export type ChangeContext = { edition: LockedEdition; node: NodeRow; before: NodeSnapshot };
export type ChangeOutcome<T> = { version: number; changed: boolean; result: T };

/**
 * Runs `write` as one change of one node. A write that leaves the node as it was records nothing
 * and keeps the version (saving an unchanged form is not an event).
 */
export async function changeNode<T>(
  db: Db,
  actor: Actor,
  target: ChangeTarget,
  kind: ChangeKind | ((result: T) => ChangeKind),
  write: (trx: Db, context: ChangeContext) => Promise<T>,
): Promise<ChangeOutcome<T>> {
  const outcome = await db.transaction().execute(async (trx) => {
    const edition = await lockDraftEdition(trx, target.editionId);
    const node = await lockNode(trx, target.editionId, target.nodeId);
    const before = (await nodeSnapshot(trx, node.id))!;
    if (target.expectedVersion !== undefined && before.version !== target.expectedVersion) throw new StaleVersionError(before.version, before.data);
    const result = await write(trx, { edition, node, before: before.data });
    const after = (await nodeSnapshot(trx, node.id))!;
    if (JSON.stringify(after.data) === JSON.stringify(before.data)) return { version: before.version, changed: false, result };
    const { audit, revision, details } = typeof kind === 'function' ? kind(result) : kind;
    await keepBaseline(trx, node.id, before);
    const bumped = await sql<{ version: number }>`UPDATE model_law_nodes SET version = version + 1 WHERE id = ${node.id}::bigint RETURNING version`.execute(trx);
    const version = bumped.rows[0]!.version;
    await recordRevision(trx, actor, { entityType: NODE_ENTITY, entityId: node.id, version, data: after.data, action: revision });
    await recordAudit(trx, actor, {
      action: `model_law.${audit}`,
      entityType: NODE_ENTITY,
      entityId: node.id,
      entityLabel: auditLabel(edition, node.key),
      details: { edition: edition.id, key: node.key, version, ...details },
    });
    await touchEdition(trx, edition.id);
    return { version, changed: true, result };
  });
  if (outcome.changed) contentChanged();
  return outcome;
}
