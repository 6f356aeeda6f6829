// Restoring an earlier revision of a node: its texts (with the source hashes they had, so a
// translation's state comes back too) and its sources. The node stays where the structure has it
// now: a position from another time may not exist any more. The restore is a new revision.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../audit/log.ts';
import { changeNode, type ChangeOutcome } from './node-change.ts';
import type { NodeSnapshot } from './snapshot.ts';
import { checkSource } from './sources.ts';

export async function restoreNode(
  db: Db,
  actor: Actor,
  target: { editionId: string; nodeId: string; expectedVersion: number | undefined },
  revision: { version: number; data: NodeSnapshot },
): Promise<ChangeOutcome<void>> {
  return changeNode(db, actor, target, { audit: 'restore', revision: 'restore', details: { restored: revision.version } }, async (trx, { node }) => {
    const texts = Object.entries(revision.data.texts).map(([locale, t]) => ({ locale, heading: t.heading, paragraphs: t.paragraphs, hash: t.sourceHash }));
    const sources = revision.data.sources.map((s, position) => ({
      position,
      instrument: s.instrument ?? null,
      national: s.nationalLaw ?? null,
      ref: s.provision,
      note: s.note ?? {},
    }));
    for (const s of revision.data.sources) {
      await checkSource(trx, s.instrument ? { kind: 'instrument', key: s.instrument, provision: s.provision } : { kind: 'nationalLaw', key: s.nationalLaw!, provision: s.provision });
    }
    await sql`DELETE FROM model_law_texts WHERE node_id = ${node.id}::bigint AND NOT (locale = ANY(${texts.map((t) => t.locale)}::text[]))`.execute(trx);
    if (texts.length > 0) {
      await sql`INSERT INTO model_law_texts (node_id, locale, heading, paragraphs, source_hash, updated_by)
        SELECT ${node.id}::bigint, t->>'locale', t->>'heading', t->'paragraphs', t->>'hash', ${actor.id}::bigint
        FROM jsonb_array_elements(${JSON.stringify(texts)}::jsonb) t
        ON CONFLICT (node_id, locale) DO UPDATE SET heading = EXCLUDED.heading, paragraphs = EXCLUDED.paragraphs,
          source_hash = EXCLUDED.source_hash, updated_at = now(), updated_by = EXCLUDED.updated_by
        WHERE (model_law_texts.heading, model_law_texts.paragraphs, model_law_texts.source_hash) IS DISTINCT FROM (EXCLUDED.heading, EXCLUDED.paragraphs, EXCLUDED.source_hash)`.execute(trx);
    }
    await sql`DELETE FROM model_law_sources WHERE node_id = ${node.id}::bigint`.execute(trx);
    if (node.kind === 'article' && sources.length > 0) {
      await sql`INSERT INTO model_law_sources (node_id, position, instrument_key, national_law_key, provision_ref, note)
        SELECT ${node.id}::bigint, (x->>'position')::int, x->>'instrument', x->>'national', x->>'ref', x->'note'
        FROM jsonb_array_elements(${JSON.stringify(sources)}::jsonb) x`.execute(trx);
    }
  });
}
