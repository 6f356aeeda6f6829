// An article's sources: provisions of international instruments and of national laws, chosen from
// the shipped data (src/data/instruments.json, national-laws.json). Each change is one node change
// (version, revision, audit); positions stay dense.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import type { Actor } from '../audit/log.ts';
import { DuplicateSourceError, InvalidMoveError, NodeNotFoundError, UnknownSourceError } from './errors.ts';
import { changeNode, type ChangeOutcome } from './node-change.ts';

export type InstrumentChoice = { key: string; shortName: Localized; name: Localized; provisions: { ref: string; title: Localized }[] };
export type NationalLawChoice = { key: string; country: string; title: string; year: number; provisions: { ref: string; summary: Localized }[] };
export type SourceChoices = { instruments: InstrumentChoice[]; nationalLaws: NationalLawChoice[] };

export async function sourceChoices(db: Db): Promise<SourceChoices> {
  const [instruments, laws] = await Promise.all([
    sql<InstrumentChoice>`SELECT i.key, i.short_name AS "shortName", i.name,
        coalesce((SELECT json_agg(json_build_object('ref', p.ref, 'title', p.title) ORDER BY p.position, p.ref)
          FROM instrument_provisions p WHERE p.instrument_key = i.key), '[]') AS provisions
      FROM instruments i ORDER BY i.position, i.key`.execute(db),
    sql<NationalLawChoice>`SELECT l.key, l.country, l.title, l.year,
        coalesce((SELECT json_agg(json_build_object('ref', p.ref, 'summary', p.summary) ORDER BY p.position, p.ref)
          FROM national_provisions p WHERE p.law_key = l.key), '[]') AS provisions
      FROM national_laws l ORDER BY l.country, l.key`.execute(db),
  ]);
  return { instruments: instruments.rows, nationalLaws: laws.rows };
}

export type SourceInput = { kind: 'instrument' | 'nationalLaw'; key: string; provision: string };

/** Which part of a source is unknown: the instrument or law itself, or its provision. */
export async function checkSource(db: Db, source: SourceInput): Promise<void> {
  const instrument = source.kind === 'instrument';
  const owner = instrument
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM instruments WHERE key = ${source.key}`.execute(db)
    : await sql<{ n: number }>`SELECT count(*)::int AS n FROM national_laws WHERE key = ${source.key}`.execute(db);
  if (owner.rows[0]!.n === 0) throw new UnknownSourceError(source.kind, source.key, source.provision);
  const provision = instrument
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM instrument_provisions WHERE instrument_key = ${source.key} AND ref = ${source.provision}`.execute(db)
    : await sql<{ n: number }>`SELECT count(*)::int AS n FROM national_provisions WHERE law_key = ${source.key} AND ref = ${source.provision}`.execute(db);
  if (provision.rows[0]!.n === 0) throw new UnknownSourceError('provision', source.key, source.provision);
}

async function renumberSources(db: Db, nodeId: string): Promise<void> {
  await sql`UPDATE model_law_sources s SET position = o.rn
    FROM (SELECT id, (row_number() OVER (ORDER BY position, id) - 1)::int AS rn FROM model_law_sources WHERE node_id = ${nodeId}::bigint) o
    WHERE s.id = o.id AND s.position <> o.rn`.execute(db);
}

type Target = { editionId: string; nodeId: string; expectedVersion: number | undefined };

export async function addSource(db: Db, actor: Actor, target: Target, source: SourceInput): Promise<ChangeOutcome<void>> {
  return changeNode(db, actor, target, { audit: 'source_add', revision: 'source_add', details: { source } }, async (trx, { node }) => {
    if (node.kind !== 'article') throw new NodeNotFoundError(node.id);
    await checkSource(trx, source);
    const column = source.kind === 'instrument' ? sql`instrument_key` : sql`national_law_key`;
    const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_sources
      WHERE node_id = ${node.id}::bigint AND ${column} = ${source.key} AND provision_ref = ${source.provision}`.execute(trx);
    if (existing.rows[0]!.n > 0) throw new DuplicateSourceError(`${source.key} ${source.provision}`);
    await sql`INSERT INTO model_law_sources (node_id, position, instrument_key, national_law_key, provision_ref)
      VALUES (${node.id}::bigint, (SELECT count(*)::int FROM model_law_sources WHERE node_id = ${node.id}::bigint),
        ${source.kind === 'instrument' ? source.key : null}, ${source.kind === 'nationalLaw' ? source.key : null}, ${source.provision})`.execute(trx);
  });
}

async function sourceOf(db: Db, nodeId: string, sourceId: string): Promise<{ id: string; position: number; label: string }> {
  if (!/^\d{1,18}$/.test(sourceId)) throw new NodeNotFoundError(sourceId);
  const r = await sql<{ id: string; position: number; label: string }>`SELECT id::text AS id, position,
      coalesce(instrument_key, national_law_key) || ' ' || provision_ref AS label
    FROM model_law_sources WHERE id = ${sourceId}::bigint AND node_id = ${nodeId}::bigint`.execute(db);
  if (!r.rows[0]) throw new NodeNotFoundError(sourceId);
  return r.rows[0];
}

export async function removeSource(db: Db, actor: Actor, target: Target, sourceId: string): Promise<ChangeOutcome<string>> {
  return changeNode(
    db,
    actor,
    target,
    (label) => ({ audit: 'source_remove', revision: 'source_remove', details: { source: label } }),
    async (trx, { node }) => {
      const source = await sourceOf(trx, node.id, sourceId);
      await sql`DELETE FROM model_law_sources WHERE id = ${source.id}::bigint`.execute(trx);
      await renumberSources(trx, node.id);
      return source.label;
    },
  );
}

export async function moveSource(db: Db, actor: Actor, target: Target, sourceId: string, direction: 'up' | 'down'): Promise<ChangeOutcome<string>> {
  return changeNode(
    db,
    actor,
    target,
    (label) => ({ audit: 'source_move', revision: 'source_move', details: { source: label, direction } }),
    async (trx, { node }) => {
      await renumberSources(trx, node.id);
      const source = await sourceOf(trx, node.id, sourceId);
      const to = direction === 'up' ? source.position - 1 : source.position + 1;
      const other = await sql<{ id: string }>`SELECT id::text AS id FROM model_law_sources WHERE node_id = ${node.id}::bigint AND position = ${to}`.execute(trx);
      if (!other.rows[0]) throw new InvalidMoveError(`${source.label} is already ${direction === 'up' ? 'first' : 'last'}`);
      await sql`UPDATE model_law_sources SET position = ${source.position} WHERE id = ${other.rows[0].id}::bigint`.execute(trx);
      await sql`UPDATE model_law_sources SET position = ${to} WHERE id = ${source.id}::bigint`.execute(trx);
      return source.label;
    },
  );
}

export type ListedSource =
  | { id: string; kind: 'instrument'; key: string; ref: string; shortName: Localized; title: Localized }
  | { id: string; kind: 'nationalLaw'; key: string; ref: string; country: string; lawTitle: string; year: number; summary: Localized };

/** An article's sources in order, with their ids (for the remove and move buttons). */
export async function listNodeSources(db: Db, nodeId: string): Promise<ListedSource[]> {
  const r = await sql<ListedSource>`SELECT s.id::text AS id,
      CASE WHEN s.instrument_key IS NOT NULL THEN 'instrument' ELSE 'nationalLaw' END AS kind,
      coalesce(s.instrument_key, s.national_law_key) AS key, s.provision_ref AS ref,
      i.short_name AS "shortName", ip.title, nl.country, nl.title AS "lawTitle", nl.year, np.summary
    FROM model_law_sources s
    LEFT JOIN instruments i ON i.key = s.instrument_key
    LEFT JOIN instrument_provisions ip ON ip.instrument_key = s.instrument_key AND ip.ref = s.provision_ref
    LEFT JOIN national_laws nl ON nl.key = s.national_law_key
    LEFT JOIN national_provisions np ON np.law_key = s.national_law_key AND np.ref = s.provision_ref
    WHERE s.node_id = ${nodeId}::bigint ORDER BY s.position, s.id`.execute(db);
  return r.rows;
}
