// Answer scales: shared by questionnaires (a question names its scale by key). A scale has no
// version column; its version is the number of its revisions (0 for one loaded with the shipped
// data), which is what the edit form names to detect a concurrent save. A change to a scale changes
// every questionnaire that uses it, so each of them gets a new version and a revision too.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import type { ScaleOption } from '../safeguarding/questionnaire.ts';
import { bump, KeyTakenError, PartNotFoundError, SCALE_ENTITY, StaleVersionError } from './store.ts';

export type AdminScale = { key: string; name: Localized; options: ScaleOption[]; version: number; usedBy: string[] };

export type ScaleInput = { name: Localized; options: ScaleOption[] };

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

type Row = { key: string; name: Localized; options: ScaleOption[]; version: number; used_by: string[] | null };

function toScale(r: Row): AdminScale {
  return {
    key: r.key,
    name: r.name,
    options: r.options.map((o) => ({ value: String(o.value), score: o.score === null || o.score === undefined ? null : Number(o.score), label: o.label ?? {} })),
    version: r.version,
    usedBy: r.used_by ?? [],
  };
}

const SELECT = sql`SELECT s.key, s.name, s.options,
    (SELECT coalesce(max(version), 0)::int FROM revisions r WHERE r.entity_type = ${SCALE_ENTITY} AND r.entity_id = s.key) AS version,
    (SELECT array_agg(DISTINCT q.questionnaire_key ORDER BY q.questionnaire_key) FROM safeguarding_questions q WHERE q.scale_key = s.key) AS used_by
  FROM safeguarding_scales s`;

export async function listScales(db: Db): Promise<AdminScale[]> {
  const r = await sql<Row>`${SELECT} ORDER BY s.key`.execute(db);
  return r.rows.map(toScale);
}

export async function getScale(db: Db, key: string): Promise<AdminScale | undefined> {
  const r = await sql<Row>`${SELECT} WHERE s.key = ${key}`.execute(db);
  return r.rows[0] && toScale(r.rows[0]);
}

async function record(trx: Db, actor: Actor, key: string, version: number, input: ScaleInput, action: string) {
  await recordRevision(trx, actor, { entityType: SCALE_ENTITY, entityId: key, version, data: { key, ...input }, action });
  await recordAudit(trx, actor, { action, entityType: SCALE_ENTITY, entityId: key, entityLabel: input.name.en ?? Object.values(input.name)[0] ?? key, details: { version } });
}

export async function createScale(db: Db, actor: Actor, key: string, input: ScaleInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const taken = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_scales WHERE key = ${key}`.execute(trx);
    if (taken.rows[0]!.n > 0) throw new KeyTakenError(key);
    await sql`INSERT INTO safeguarding_scales (key, name, options) VALUES (${key}, ${json(input.name)}, ${json(input.options)})`.execute(trx);
    await record(trx, actor, key, 1, input, 'safeguarding.scale.create');
  });
  contentChanged();
}

export async function updateScale(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, input: ScaleInput): Promise<number> {
  const version = await db.transaction().execute(async (trx) => {
    const locked = await sql<{ key: string }>`SELECT key FROM safeguarding_scales WHERE key = ${key} FOR UPDATE`.execute(trx);
    if (!locked.rows[0]) throw new PartNotFoundError(key);
    const current = (await getScale(trx, key))!;
    if (expectedVersion !== current.version) throw new StaleVersionError(current.version);
    await sql`UPDATE safeguarding_scales SET name = ${json(input.name)}, options = ${json(input.options)} WHERE key = ${key}`.execute(trx);
    const version = current.version + 1;
    await record(trx, actor, key, version, input, 'safeguarding.scale.update');
    for (const questionnaire of current.usedBy) {
      await sql`SELECT key FROM safeguarding_questionnaires WHERE key = ${questionnaire} FOR UPDATE`.execute(trx);
      await bump(trx, actor, questionnaire, { action: 'safeguarding.questionnaire.scaleChanged', details: { scale: key } });
    }
    return version;
  });
  contentChanged();
  return version;
}
