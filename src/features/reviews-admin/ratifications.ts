// Which of the eight instruments a country has joined, how and when, maintained by editors: one
// form per country, saved in one transaction with a revision per changed instrument (entity
// 'ratification', id "country:instrument") and one audit entry. Each instrument's row carries the
// version it was loaded at: one saved meanwhile by someone else refuses the save (RowConflictError).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import { isValidDate } from './dates.ts';
import { RowConflictError, type RowConflict } from './errors.ts';
import { isHttpLink } from './evidence.ts';
import { cleanText, field, perLocale, versionOf, type Body } from './form.ts';
import type { Problem } from './problems.ts';

export const RATIFICATION_ACTIONS = ['signature', 'ratification', 'accession', 'succession', 'acceptance'] as const;
export type RatificationAction = (typeof RATIFICATION_ACTIONS)[number];
export const RESERVATION_MAX = 5000;

export type RatificationData = { action: RatificationAction; signedOn: string | null; boundOn: string | null; reservations: Localized; sourceLink: string | null };
export type StoredRatification = RatificationData & { instrument: string; version: number; updatedBy: string | null; updatedAt: string | null };
export type InstrumentInfo = { key: string; name: Localized; shortName: Localized };

export async function listInstruments(db: Db): Promise<InstrumentInfo[]> {
  const r = await sql<InstrumentInfo>`SELECT key, name, short_name AS "shortName" FROM instruments ORDER BY position, key`.execute(db);
  return r.rows;
}

export async function storedRatifications(db: Db, country: string, lock = false): Promise<Map<string, StoredRatification>> {
  const r = await sql<StoredRatification>`SELECT r.instrument_key AS instrument, r.action, to_char(r.signed_on, 'YYYY-MM-DD') AS "signedOn",
      to_char(r.bound_on, 'YYYY-MM-DD') AS "boundOn", r.reservations, r.source_link AS "sourceLink", r.version,
      u.email AS "updatedBy", to_json(r.updated_at)#>>'{}' AS "updatedAt"
    FROM ratifications r LEFT JOIN users u ON u.id = r.updated_by
    WHERE r.country = ${country} ORDER BY r.instrument_key ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return new Map(r.rows.map((row) => [row.instrument, row]));
}

/** A row's data in one stable form: null for "no action recorded". */
function canonical(d: RatificationData | null): string {
  if (!d) return 'null';
  const reservations: Localized = {};
  for (const l of LOCALES) if (d.reservations[l]?.trim()) reservations[l] = d.reservations[l];
  return JSON.stringify({ action: d.action, signedOn: d.signedOn || null, boundOn: d.boundOn || null, reservations, sourceLink: d.sourceLink || null });
}

function fingerprint(d: RatificationData | null): string {
  return createHash('sha256').update(canonical(d)).digest('base64url').slice(0, 22);
}

export type RatificationValues = {
  instrument: string;
  action: string;
  signed: string;
  bound: string;
  reservations: Record<Locale, string>;
  link: string;
  version: string;
  loaded: string;
};
export type RatificationField = 'action' | 'signed' | 'bound' | 'link' | `reservations.${Locale}`;
export type RatificationProblems = Partial<Record<RatificationField, Problem>>;

export function valuesOf(instrument: string, stored: StoredRatification | undefined): RatificationValues {
  const values: RatificationValues = {
    instrument,
    action: stored?.action ?? '',
    signed: stored?.signedOn ?? '',
    bound: stored?.boundOn ?? '',
    reservations: Object.fromEntries(LOCALES.map((l) => [l, stored?.reservations[l] ?? ''])) as Record<Locale, string>,
    link: stored?.sourceLink ?? '',
    version: String(stored?.version ?? 0),
    loaded: '',
  };
  values.loaded = fingerprint(parseRatification(values).data);
  return values;
}

export function readRatifications(body: Body, instruments: readonly InstrumentInfo[]): RatificationValues[] {
  return instruments.map(({ key }) => ({
    instrument: key,
    action: field(body, `${key}.action`),
    signed: field(body, `${key}.signed`),
    bound: field(body, `${key}.bound`),
    reservations: perLocale(body, `${key}.reservations`),
    link: field(body, `${key}.link`),
    version: field(body, `${key}.version`),
    loaded: field(body, `${key}.loaded`),
  }));
}

export function parseRatification(v: RatificationValues): { data: RatificationData | null; problems: RatificationProblems } {
  const problems: RatificationProblems = {};
  const action = v.action.trim();
  const signed = v.signed.trim();
  const bound = v.bound.trim();
  const link = v.link.trim();
  const reservations: Localized = {};
  for (const l of LOCALES) {
    const text = cleanText(v.reservations[l]);
    if (text.length > RESERVATION_MAX) problems[`reservations.${l}`] = { code: 'tooLong', values: { max: RESERVATION_MAX } };
    if (text) reservations[l] = text;
  }
  const known = (RATIFICATION_ACTIONS as readonly string[]).includes(action);
  if (action === '') {
    if (signed || bound || link || Object.keys(reservations).length > 0) problems.action = { code: 'actionMissing' };
    return { data: null, problems };
  }
  if (!known) problems.action = { code: 'status', values: { value: action, allowed: RATIFICATION_ACTIONS.join(', ') } };
  if (signed && !isValidDate(signed)) problems.signed = { code: 'date', values: { value: signed } };
  if (bound && !isValidDate(bound)) problems.bound = { code: 'date', values: { value: bound } };
  else if (bound && action === 'signature') problems.bound = { code: 'signatureBinds' };
  else if (bound && signed && isValidDate(signed) && bound < signed) problems.bound = { code: 'boundBeforeSigned' };
  if (link && !isHttpLink(link)) problems.link = { code: 'link', values: { link } };
  return {
    data: { action: known ? (action as RatificationAction) : 'signature', signedOn: signed || null, boundOn: bound || null, reservations, sourceLink: link || null },
    problems,
  };
}

export type CheckedRatification = { values: RatificationValues; data: RatificationData | null; touched: boolean; version: number; problems: RatificationProblems };

export function checkRatifications(rows: RatificationValues[]): CheckedRatification[] {
  return rows.map((values) => {
    const { data, problems } = parseRatification(values);
    const touched = fingerprint(data) !== values.loaded || Object.keys(problems).length > 0;
    return { values, data, touched, version: versionOf(values.version) ?? 0, problems };
  });
}

/** Saves the instruments the user changed; returns them with what happened to each. */
export async function saveRatifications(db: Db, actor: Actor, country: string, rows: CheckedRatification[]): Promise<Record<string, 'created' | 'updated' | 'removed'>> {
  const changes = await db.transaction().execute(async (trx) => {
    const stored = await storedRatifications(trx, country, true);
    const conflicts: RowConflict<StoredRatification>[] = [];
    const writes: { instrument: string; data: RatificationData | null; existing: StoredRatification | undefined }[] = [];
    for (const row of rows.filter((r) => r.touched)) {
      const existing = stored.get(row.values.instrument);
      if (canonical(existing ?? null) === canonical(row.data)) continue;
      if ((existing?.version ?? 0) !== row.version) {
        conflicts.push({ key: row.values.instrument, version: existing?.version ?? 0, current: existing, updatedBy: existing?.updatedBy ?? null, updatedAt: existing?.updatedAt ?? null });
        continue;
      }
      writes.push({ instrument: row.values.instrument, data: row.data, existing });
    }
    if (conflicts.length > 0) throw new RowConflictError(conflicts);
    const done: Record<string, 'created' | 'updated' | 'removed'> = {};
    for (const w of writes) {
      const entityId = `${country}:${w.instrument}`;
      let version: number;
      if (!w.data) {
        await sql`DELETE FROM ratifications WHERE country = ${country} AND instrument_key = ${w.instrument}`.execute(trx);
        version = w.existing!.version + 1;
        done[w.instrument] = 'removed';
      } else {
        const d = w.data;
        const values = sql`${d.action}::text, ${d.signedOn}::date, ${d.boundOn}::date, ${JSON.stringify(d.reservations)}::jsonb, ${d.sourceLink}::text`;
        const written = w.existing
          ? await sql<{ version: number }>`UPDATE ratifications SET (action, signed_on, bound_on, reservations, source_link) = (${values}),
                version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint
              WHERE country = ${country} AND instrument_key = ${w.instrument} RETURNING version`.execute(trx)
          : await sql<{ version: number }>`INSERT INTO ratifications (country, instrument_key, action, signed_on, bound_on, reservations, source_link, version, updated_by)
              VALUES (${country}, ${w.instrument}, ${values},
                (SELECT coalesce(max(version), 0) + 1 FROM revisions WHERE entity_type = 'ratification' AND entity_id = ${entityId}), ${actor.id}::bigint)
              RETURNING version`.execute(trx);
        version = written.rows[0]!.version;
        done[w.instrument] = w.existing ? 'updated' : 'created';
      }
      await recordRevision(trx, actor, {
        entityType: 'ratification',
        entityId,
        version,
        data: w.data ? JSON.parse(canonical(w.data)) : { removed: true },
        action: done[w.instrument] === 'removed' ? 'remove' : 'save',
      });
    }
    if (writes.length > 0) {
      await recordAudit(trx, actor, { action: 'ratification.save', entityType: 'ratification', entityId: country, entityLabel: country, details: { country, changes: done } });
    }
    return done;
  }).catch(async (error: unknown) => {
    // Two first saves of the same instrument at once: the second meets the first's row (unique key).
    if ((error as { code?: string }).code !== '23505') throw error;
    const stored = await storedRatifications(db, country);
    const conflicts = rows
      .filter((r) => r.touched && (stored.get(r.values.instrument)?.version ?? 0) !== r.version)
      .map((r) => {
        const current = stored.get(r.values.instrument);
        return { key: r.values.instrument, version: current?.version ?? 0, current, updatedBy: current?.updatedBy ?? null, updatedAt: current?.updatedAt ?? null };
      });
    throw conflicts.length > 0 ? new RowConflictError(conflicts) : error;
  });
  if (Object.keys(changes).length > 0) contentChanged();
  return changes;
}
