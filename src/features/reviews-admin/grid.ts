// The assessment grid of one country in one edition: its form values (strings, kept as typed on
// every re-render), their validation with one problem per field, and the save: one transaction for
// the whole grid, each changed row checked against the version the form was loaded at.
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import type { Criterion } from '../reviews/store.ts';
import {
  ASSESSMENT_STATUSES,
  EMPTY_ASSESSMENT,
  fingerprint,
  isAssessmentStatus,
  NOTE_MAX,
  REVIEWER_MAX,
  sameAssessment,
  storedAssessments,
  writeAssessments,
  type AssessmentData,
  type AssessmentWrite,
  type StoredAssessment,
} from './assessments.ts';
import { isValidDate } from './dates.ts';
import { RowConflictError, type RowConflict } from './errors.ts';
import { checkEvidence, citationLines, parseCitationLines, parseProvisionLines, provisionLines, type LawIndex } from './evidence.ts';
import { lockEditableEdition } from './editions.ts';
import type { Problem } from './problems.ts';

export type GridRowValues = {
  criterion: string;
  status: string;
  provisions: string;
  citations: string;
  note: Record<Locale, string>;
  reviewer: string;
  date: string;
  /** The row's version when the form was loaded (0: no assessment yet). */
  version: string;
  /** The fingerprint of what the form showed, to tell the rows the user changed. */
  loaded: string;
};

export type GridField = 'status' | 'provisions' | 'citations' | 'reviewer' | 'date' | `note.${Locale}`;
export type RowProblems = Partial<Record<GridField, Problem>>;

export function fieldName(criterion: string, field: GridField | 'version' | 'loaded'): string {
  return `${criterion}.${field}`;
}

/** What a row shows: the stored assessment, or an empty one signed by the user and dated today. */
export function rowValuesOf(criterion: string, stored: AssessmentData | undefined, version: number, defaults: { reviewer: string; date: string }): GridRowValues {
  const a = stored ?? { ...EMPTY_ASSESSMENT, reviewer: defaults.reviewer, assessedOn: defaults.date };
  const values: GridRowValues = {
    criterion,
    status: a.status,
    provisions: provisionLines(a.evidence),
    citations: citationLines(a.evidence),
    note: Object.fromEntries(LOCALES.map((l) => [l, a.note[l] ?? ''])) as Record<Locale, string>,
    reviewer: a.reviewer ?? '',
    date: a.assessedOn ?? '',
    version: String(version),
    loaded: '',
  };
  // The digest of what the form will send back untouched, read the way a submission is read.
  values.loaded = fingerprint(parseRow(values).data);
  return values;
}

type Body = Record<string, string | File | (string | File)[]>;

function text(body: Body, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

export function readGrid(body: Body, criteria: readonly Criterion[]): GridRowValues[] {
  return criteria.map((c) => ({
    criterion: c.key,
    status: text(body, fieldName(c.key, 'status')),
    provisions: text(body, fieldName(c.key, 'provisions')),
    citations: text(body, fieldName(c.key, 'citations')),
    note: Object.fromEntries(LOCALES.map((l) => [l, text(body, fieldName(c.key, `note.${l}`))])) as Record<Locale, string>,
    reviewer: text(body, fieldName(c.key, 'reviewer')),
    date: text(body, fieldName(c.key, 'date')),
    version: text(body, fieldName(c.key, 'version')),
    loaded: text(body, fieldName(c.key, 'loaded')),
  }));
}

/** The row as data, and what is wrong with each field (nothing that needs the database). */
export function parseRow(v: GridRowValues): { data: AssessmentData; problems: RowProblems } {
  const problems: RowProblems = {};
  const status = v.status.trim();
  if (!isAssessmentStatus(status)) problems.status = { code: 'status', values: { value: status, allowed: ASSESSMENT_STATUSES.join(', ') } };
  const provisions = parseProvisionLines(v.provisions);
  if (provisions.problems[0]) problems.provisions = provisions.problems[0];
  const citations = parseCitationLines(v.citations);
  if (citations.problems[0]) problems.citations = citations.problems[0];
  const note: Localized = {};
  for (const l of LOCALES) {
    const n = v.note[l].replace(/\r\n?/g, '\n').trim();
    if (n.length > NOTE_MAX) problems[`note.${l}`] = { code: 'tooLong', values: { max: NOTE_MAX } };
    if (n) note[l] = n;
  }
  const reviewer = v.reviewer.trim().replace(/\s+/g, ' ');
  if (reviewer.length > REVIEWER_MAX) problems.reviewer = { code: 'tooLong', values: { max: REVIEWER_MAX } };
  const date = v.date.trim();
  if (date !== '' && !isValidDate(date)) problems.date = { code: 'date', values: { value: date } };
  return {
    data: {
      status: isAssessmentStatus(status) ? status : 'not_assessed',
      evidence: [...provisions.evidence, ...citations.evidence],
      note,
      reviewer: reviewer || null,
      assessedOn: date || null,
    },
    problems,
  };
}

export type CheckedRow = { values: GridRowValues; data: AssessmentData; touched: boolean; version: number; problems: RowProblems };

/**
 * Every row read and checked. Only rows the user changed are validated: an untouched row saves
 * nothing, even if the data it shows would no longer pass (a national law removed since).
 */
export function checkGrid(rows: GridRowValues[], index: LawIndex, country: string): CheckedRow[] {
  return rows.map((values) => {
    const { data, problems } = parseRow(values);
    // A field that cannot be read counts as a change: what the user typed must be answered.
    const touched = fingerprint(data) !== values.loaded || Object.keys(problems).length > 0;
    const version = /^\d{1,9}$/.test(values.version) ? Number(values.version) : 0;
    if (!touched) return { values, data, touched, version, problems: {} };
    if (!problems.provisions) {
      const evidenceProblem = checkEvidence(index, country, data.evidence)[0];
      if (evidenceProblem) problems[evidenceProblem.code === 'tooMany' ? 'citations' : 'provisions'] = evidenceProblem;
    }
    return { values, data, touched, version, problems };
  });
}

export function hasProblems(rows: CheckedRow[]): boolean {
  return rows.some((r) => Object.keys(r.problems).length > 0);
}

/**
 * Saves the rows the user changed, in one transaction with one audit entry. A changed row whose
 * assessment was saved by someone else since the form was loaded refuses the whole grid
 * (RowConflictError, with what is saved now); a row changed to what is saved already writes nothing.
 * Returns the criteria written.
 */
export async function saveGrid(db: Db, actor: Actor, editionId: string, country: string, rows: CheckedRow[]): Promise<string[]> {
  const changed = await db
    .transaction()
    .execute(async (trx) => {
      const edition = await lockEditableEdition(trx, editionId);
      const stored = await storedAssessments(trx, editionId, { country, lock: true });
      const writes: AssessmentWrite[] = [];
      const conflicts: RowConflict<StoredAssessment>[] = [];
      for (const row of rows.filter((r) => r.touched)) {
        const existing = stored.get(`${country}:${row.values.criterion}`);
        // A new row left blank (only the default reviewer and date) is no assessment.
        if (existing ? sameAssessment(row.data, existing) : isBlank(row.data)) continue;
        if ((existing?.version ?? 0) !== row.version) {
          conflicts.push({ key: row.values.criterion, version: existing?.version ?? 0, current: existing, updatedBy: existing?.updatedBy ?? null, updatedAt: existing?.updatedAt ?? null });
          continue;
        }
        writes.push({ country, criterion: row.values.criterion, data: row.data, existing });
      }
      if (conflicts.length > 0) throw new RowConflictError(conflicts);
      if (writes.length === 0) return [];
      await writeAssessments(trx, actor, edition, writes, 'save');
      await recordAudit(trx, actor, {
        action: 'assessment.save',
        entityType: 'assessment',
        entityId: `${editionId}:${country}`,
        entityLabel: `${edition.frameworkKey} ${edition.label} ${country}`,
        details: { edition: editionId, framework: edition.frameworkKey, label: edition.label, country, criteria: writes.map((w) => w.criterion) },
      });
      return writes.map((w) => w.criterion);
    })
    .catch(async (error: unknown) => {
      // Two first saves of the same cell at once: the second meets the first's row (unique key).
      if ((error as { code?: string }).code !== '23505') throw error;
      const stored = await storedAssessments(db, editionId, { country });
      const conflicts = rows
        .filter((r) => r.touched && (stored.get(`${country}:${r.values.criterion}`)?.version ?? 0) !== r.version)
        .map((r) => {
          const current = stored.get(`${country}:${r.values.criterion}`);
          return { key: r.values.criterion, version: current?.version ?? 0, current, updatedBy: current?.updatedBy ?? null, updatedAt: current?.updatedAt ?? null };
        });
      throw conflicts.length > 0 ? new RowConflictError(conflicts) : error;
    });
  if (changed.length > 0) contentChanged();
  return changed;
}

function isBlank(a: AssessmentData): boolean {
  return a.status === 'not_assessed' && a.evidence.length === 0 && Object.keys(a.note).length === 0;
}

/** The stored row of each criterion (undefined when none) with its version. */
export async function gridState(db: Db, editionId: string, country: string): Promise<Map<string, StoredAssessment>> {
  const stored = await storedAssessments(db, editionId, { country });
  return new Map([...stored].map(([key, a]) => [key.slice(country.length + 1), a]));
}
