// Changes to an edition's structure: add a chapter or an article, move a node among its siblings
// or an article to another chapter, delete an article (or an empty chapter). Numbers are never
// stored: they follow from the positions, which every change keeps dense (0, 1, 2, …).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import { textHash } from '../model-law/text-hash.ts';
import { InvalidMoveError, InvalidParentError, KeyTakenError, NodeNotEmptyError, StaleVersionError } from './errors.ts';
import { auditLabel, changeNode, keepBaseline, lockDraftEdition, lockNode, renumberSiblings, touchEdition, type ChangeOutcome } from './node-change.ts';
import { nodeRow, nodeSnapshot, NODE_ENTITY, type NodeRow } from './snapshot.ts';

export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const KEY_MAX = 80;

export type NewNode = {
  kind: 'chapter' | 'article';
  key: string;
  /** A chapter's part (null when the edition has no parts); an article's chapter. */
  parentId: string | null;
  /** In the law's source language. */
  heading: string;
  paragraphs: string[];
};

export async function keyTaken(db: Db, editionId: string, key: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes WHERE edition_id = ${editionId}::bigint AND key = ${key}`.execute(db);
  return r.rows[0]!.n > 0;
}

async function editionHasParts(db: Db, editionId: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes WHERE edition_id = ${editionId}::bigint AND kind = 'part'`.execute(db);
  return r.rows[0]!.n > 0;
}

/** Where a node of this kind may go: an article in a chapter; a chapter in a part, or at the top when the edition has no parts. */
async function checkParent(db: Db, editionId: string, kind: 'chapter' | 'article', parentId: string | null): Promise<NodeRow | null> {
  if (parentId === null) {
    if (kind === 'article' || (await editionHasParts(db, editionId))) throw new InvalidParentError();
    return null;
  }
  const parent = await nodeRow(db, parentId);
  if (!parent || parent.editionId !== editionId || parent.kind !== (kind === 'article' ? 'chapter' : 'part')) throw new InvalidParentError();
  return parent;
}

/** Adds a node at the end of its parent, with its text in the source language; its first revision is this state. */
export async function addNode(db: Db, actor: Actor, editionId: string, input: NewNode): Promise<{ id: string }> {
  const added = await db.transaction().execute(async (trx) => {
    const edition = await lockDraftEdition(trx, editionId);
    await checkParent(trx, editionId, input.kind, input.parentId);
    if (await keyTaken(trx, editionId, input.key)) throw new KeyTakenError(input.key);
    const paragraphs = input.kind === 'article' ? input.paragraphs : [];
    const inserted = await sql<{ id: string }>`INSERT INTO model_law_nodes (edition_id, parent_id, key, kind, position)
      VALUES (${editionId}::bigint, ${input.parentId}::bigint, ${input.key}, ${input.kind},
        (SELECT count(*)::int FROM model_law_nodes WHERE edition_id = ${editionId}::bigint AND parent_id IS NOT DISTINCT FROM ${input.parentId}::bigint))
      RETURNING id::text AS id`.execute(trx);
    const id = inserted.rows[0]!.id;
    await sql`INSERT INTO model_law_texts (node_id, locale, heading, paragraphs, source_hash, updated_by)
      VALUES (${id}::bigint, ${edition.sourceLocale}, ${input.heading}, ${JSON.stringify(paragraphs)}::jsonb,
        ${textHash(input.heading, paragraphs)}, ${actor.id}::bigint)`.execute(trx);
    const saved = (await nodeSnapshot(trx, id))!;
    await recordRevision(trx, actor, { entityType: NODE_ENTITY, entityId: id, version: saved.version, data: saved.data, action: 'create' });
    await recordAudit(trx, actor, {
      action: `model_law.${input.kind}_add`,
      entityType: NODE_ENTITY,
      entityId: id,
      entityLabel: auditLabel(edition, input.key),
      details: { edition: edition.id, key: input.key, parent: saved.data.parent, position: saved.data.position },
    });
    await touchEdition(trx, edition.id);
    return { id };
  });
  contentChanged();
  return added;
}

export type Move = { direction: 'up' | 'down' } | { parentId: string };

/** Moves a node one place up or down among its siblings, or an article to the end of another chapter. */
export async function moveNode(
  db: Db,
  actor: Actor,
  editionId: string,
  nodeId: string,
  expectedVersion: number | undefined,
  move: Move,
): Promise<ChangeOutcome<{ kind: string; from: { parent: string | null; position: number } }>> {
  return changeNode(
    db,
    actor,
    { editionId, nodeId, expectedVersion },
    ({ kind, from }) => ({ audit: `${kind}_move`, revision: 'move', details: { from, move } }),
    async (trx, { node, before }) => {
      const from = { parent: before.parent, position: before.position };
      await renumberSiblings(trx, editionId, node.parentId);
      const current = (await nodeRow(trx, node.id))!;
      if ('direction' in move) {
        const neighbour = await sql<{ id: string; position: number }>`SELECT id::text AS id, position FROM model_law_nodes
          WHERE edition_id = ${editionId}::bigint AND parent_id IS NOT DISTINCT FROM ${node.parentId}::bigint
            AND position = ${move.direction === 'up' ? current.position - 1 : current.position + 1}`.execute(trx);
        const other = neighbour.rows[0];
        if (!other) throw new InvalidMoveError(`${node.key} is already ${move.direction === 'up' ? 'first' : 'last'}`);
        await sql`UPDATE model_law_nodes SET position = ${current.position} WHERE id = ${other.id}::bigint`.execute(trx);
        await sql`UPDATE model_law_nodes SET position = ${other.position} WHERE id = ${node.id}::bigint`.execute(trx);
        return { kind: node.kind, from };
      }
      if (node.kind !== 'article') throw new InvalidMoveError('only articles move to another chapter');
      await checkParent(trx, editionId, 'article', move.parentId);
      if (move.parentId === node.parentId) throw new InvalidMoveError(`${node.key} is in that chapter already`);
      await sql`UPDATE model_law_nodes SET parent_id = ${move.parentId}::bigint,
          position = (SELECT count(*)::int FROM model_law_nodes WHERE parent_id = ${move.parentId}::bigint)
        WHERE id = ${node.id}::bigint`.execute(trx);
      await renumberSiblings(trx, editionId, node.parentId);
      return { kind: node.kind, from };
    },
  );
}

/** Deletes an article, or a chapter or part with nothing in it; its last revision says so. */
export async function deleteNode(db: Db, actor: Actor, editionId: string, nodeId: string, expectedVersion: number | undefined): Promise<{ key: string }> {
  const deleted = await db.transaction().execute(async (trx) => {
    const edition = await lockDraftEdition(trx, editionId);
    const node = await lockNode(trx, editionId, nodeId);
    const before = (await nodeSnapshot(trx, node.id))!;
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw new StaleVersionError(before.version, before.data);
    const children = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes WHERE parent_id = ${node.id}::bigint`.execute(trx);
    if (children.rows[0]!.n > 0) throw new NodeNotEmptyError(node.key);
    await keepBaseline(trx, node.id, before);
    await recordRevision(trx, actor, { entityType: NODE_ENTITY, entityId: node.id, version: before.version + 1, data: before.data, action: 'delete' });
    await sql`DELETE FROM model_law_nodes WHERE id = ${node.id}::bigint`.execute(trx);
    await renumberSiblings(trx, editionId, node.parentId);
    await recordAudit(trx, actor, {
      action: `model_law.${node.kind}_delete`,
      entityType: NODE_ENTITY,
      entityId: node.id,
      entityLabel: auditLabel(edition, node.key),
      details: { edition: edition.id, key: node.key, parent: before.data.parent, position: before.data.position, version: before.version + 1 },
    });
    await touchEdition(trx, edition.id);
    return { key: node.key };
  });
  contentChanged();
  return deleted;
}
