// Helpers for the model-law back-office tests: the shipped sample's edition, a draft copy of it,
// row counts (to prove that a refused write wrote nothing), and reading an edition back.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../audit/log.ts';
import { findPublishedEdition, getEdition, loadEditionTree, type Edition, type EditionTree } from '../model-law/store.ts';
import { copyEdition } from './editions.ts';

export const SLUG = 'atlas-sample-model-law';

export async function sampleEdition(db: Db): Promise<Edition> {
  const edition = await findPublishedEdition(db, SLUG, '2026');
  if (!edition) throw new Error('the shipped sample law is not loaded');
  return edition;
}

export async function draftCopy(db: Db, actor: Actor, label: string): Promise<EditionTree> {
  const { id } = await copyEdition(db, actor, (await sampleEdition(db)).id, { label, year: 2027 });
  return tree(db, id);
}

export async function tree(db: Db, editionId: string): Promise<EditionTree> {
  return loadEditionTree(db, (await getEdition(db, editionId))!);
}

export async function rowCounts(db: Db) {
  const r = await sql<Record<string, number>>`SELECT
    (SELECT count(*)::int FROM model_laws) AS laws,
    (SELECT count(*)::int FROM model_law_editions) AS editions,
    (SELECT count(*)::int FROM model_law_nodes) AS nodes,
    (SELECT count(*)::int FROM model_law_texts) AS texts,
    (SELECT count(*)::int FROM model_law_sources) AS sources,
    (SELECT count(*)::int FROM revisions) AS revisions,
    (SELECT count(*)::int FROM audit_log) AS audit`.execute(db);
  return r.rows[0]!;
}

export async function auditActions(db: Db, entityId: string): Promise<string[]> {
  const r = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`.execute(db);
  return r.rows.map((row) => row.action);
}

/** Positions of a parent's children, in order: dense means 0, 1, 2, … */
export async function positions(db: Db, parentId: string): Promise<number[]> {
  const r = await sql<{ position: number }>`SELECT position FROM model_law_nodes WHERE parent_id = ${parentId}::bigint ORDER BY position`.execute(db);
  return r.rows.map((row) => row.position);
}
