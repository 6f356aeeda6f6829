// What a revision of a model-law node keeps: its place (key, kind, parent key, position), its text
// in every locale with the source hash it was made from, and its sources. A restore puts back the
// texts and sources; the place stays where the structure has it now.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale, Localized } from '../../i18n/locales.ts';

export const NODE_ENTITY = 'model_law_node';

export type NodeKind = 'part' | 'chapter' | 'article';

export type SnapshotText = { heading: string; paragraphs: string[]; sourceHash: string };

export type SnapshotSource = { instrument?: string; nationalLaw?: string; provision: string; note?: Localized };

export type NodeSnapshot = {
  key: string;
  kind: NodeKind;
  parent: string | null;
  position: number;
  texts: Partial<Record<Locale, SnapshotText>>;
  sources: SnapshotSource[];
};

export type NodeRow = { id: string; editionId: string; parentId: string | null; key: string; kind: NodeKind; position: number; version: number };

export const isId = (id: string | undefined): id is string => id !== undefined && /^\d{1,18}$/.test(id);

export async function nodeRow(db: Db, nodeId: string, opts: { lock?: boolean } = {}): Promise<NodeRow | undefined> {
  if (!isId(nodeId)) return undefined;
  const result = await sql<NodeRow>`SELECT id::text AS id, edition_id::text AS "editionId", parent_id::text AS "parentId", key, kind, position, version
    FROM model_law_nodes WHERE id = ${nodeId}::bigint ${opts.lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return result.rows[0];
}

/** The node's current state with its version, or undefined when there is no such node. */
export async function nodeSnapshot(db: Db, nodeId: string): Promise<{ version: number; data: NodeSnapshot } | undefined> {
  if (!isId(nodeId)) return undefined;
  const result = await sql<NodeSnapshot & { version: number }>`SELECT n.version, n.key, n.kind, p.key AS parent, n.position,
      coalesce((SELECT jsonb_object_agg(t.locale, jsonb_build_object('heading', t.heading, 'paragraphs', t.paragraphs, 'sourceHash', t.source_hash))
        FROM model_law_texts t WHERE t.node_id = n.id), '{}'::jsonb) AS texts,
      coalesce((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('instrument', s.instrument_key, 'nationalLaw', s.national_law_key,
          'provision', s.provision_ref, 'note', CASE WHEN s.note = '{}'::jsonb THEN NULL ELSE s.note END)) ORDER BY s.position, s.id)
        FROM model_law_sources s WHERE s.node_id = n.id), '[]'::jsonb) AS sources
    FROM model_law_nodes n LEFT JOIN model_law_nodes p ON p.id = n.parent_id
    WHERE n.id = ${nodeId}::bigint`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { version, ...data } = row;
  return { version, data };
}
