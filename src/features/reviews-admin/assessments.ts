// One assessment (edition x country x criterion) as the grid, the import and the history see it,
// and the writes they share: insert or update with the next version, and a revision of each
// changed cell (entity 'assessment', id "edition:country:criterion").
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Localized } from '../../i18n/locales.ts';
import type { Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import type { Evidence } from '../reviews/store.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';

export const ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['met', 'partly', 'not_met', 'not_assessed'];
export const NOTE_MAX = 5000;
export const REVIEWER_MAX = 200;

export function isAssessmentStatus(value: string): value is AssessmentStatus {
  return (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

export type AssessmentData = {
  status: AssessmentStatus;
  evidence: Evidence[];
  note: Localized;
  reviewer: string | null;
  assessedOn: string | null;
};

export type StoredAssessment = AssessmentData & { country: string; criterion: string; version: number; updatedBy: string | null; updatedAt: string | null };

export const EMPTY_ASSESSMENT: AssessmentData = { status: 'not_assessed', evidence: [], note: {}, reviewer: null, assessedOn: null };

export function assessmentEntityId(editionId: string, country: string, criterion: string): string {
  return `${editionId}:${country}:${criterion}`;
}

/** A stable form of the data, keys in one order and empty notes left out, so that equal means equal. */
export function canonical(a: AssessmentData): string {
  const note: Localized = {};
  for (const l of LOCALES) if (a.note[l]?.trim()) note[l] = a.note[l];
  const evidence = a.evidence.map((e) => ('nationalLaw' in e ? { nationalLaw: e.nationalLaw, provision: e.provision } : e.link ? { citation: e.citation, link: e.link } : { citation: e.citation }));
  return JSON.stringify({ status: a.status, evidence, note, reviewer: a.reviewer || null, assessedOn: a.assessedOn || null });
}

export function sameAssessment(a: AssessmentData, b: AssessmentData): boolean {
  return canonical(a) === canonical(b);
}

/** A short digest of an assessment, carried by forms to tell which rows the user changed. */
export function fingerprint(a: AssessmentData): string {
  return createHash('sha256').update(canonical(a)).digest('base64url').slice(0, 22);
}

export function dataOf(a: AssessmentData): AssessmentData {
  return JSON.parse(canonical(a)) as AssessmentData;
}

/** The stored assessments of an edition (or of one country), by "country:criterion"; `lock` for a write that follows. */
export async function storedAssessments(db: Db, editionId: string, opts: { country?: string; lock?: boolean } = {}): Promise<Map<string, StoredAssessment>> {
  const r = await sql<StoredAssessment>`SELECT a.country, a.criterion_key AS criterion, a.status, a.evidence, a.note, a.reviewer,
      to_char(a.assessed_on, 'YYYY-MM-DD') AS "assessedOn", a.version, u.email AS "updatedBy", to_json(a.updated_at)#>>'{}' AS "updatedAt"
    FROM assessments a LEFT JOIN users u ON u.id = a.updated_by
    WHERE a.edition_id = ${editionId}::bigint ${opts.country ? sql`AND a.country = ${opts.country}` : sql``}
    ORDER BY a.country, a.criterion_key
    ${opts.lock ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return new Map(r.rows.map((row) => [`${row.country.trim()}:${row.criterion}`, { ...row, country: row.country.trim() }]));
}

export type AssessmentWrite = { country: string; criterion: string; data: AssessmentData; existing: StoredAssessment | undefined };

/** Writes changed cells with their revisions; the caller holds the transaction and the locks. */
export async function writeAssessments(db: Db, actor: Actor, edition: { id: string; frameworkKey: string }, writes: AssessmentWrite[], action: 'save' | 'import'): Promise<void> {
  for (const w of writes) {
    const data = dataOf(w.data);
    const entityId = assessmentEntityId(edition.id, w.country, w.criterion);
    const values = sql`${data.status}::text, ${JSON.stringify(data.evidence)}::jsonb, ${JSON.stringify(data.note)}::jsonb, ${data.reviewer}::text, ${data.assessedOn}::date`;
    const written = w.existing
      ? await sql<{ version: number }>`UPDATE assessments SET (status, evidence, note, reviewer, assessed_on) = (${values}),
            version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint
          WHERE edition_id = ${edition.id}::bigint AND country = ${w.country} AND criterion_key = ${w.criterion} RETURNING version`.execute(db)
      : // A cell made again after its history began (an edition emptied by hand) continues that history.
        await sql<{ version: number }>`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, evidence, note, reviewer, assessed_on, version, updated_by)
          VALUES (${edition.id}::bigint, ${edition.frameworkKey}, ${w.country}, ${w.criterion}, ${values},
            (SELECT coalesce(max(version), 0) + 1 FROM revisions WHERE entity_type = 'assessment' AND entity_id = ${entityId}), ${actor.id}::bigint)
          RETURNING version`.execute(db);
    await recordRevision(db, actor, { entityType: 'assessment', entityId, version: written.rows[0]!.version, data, action });
  }
}
