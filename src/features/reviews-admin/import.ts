// Importing an edition's assessments from CSV: every row checked (country, criterion of this
// framework, status, evidence against national provisions, notes, reviewer, date), a plan of what
// would be created, updated or left unchanged, and the write: one transaction with a revision per
// changed cell and one audit entry. All or nothing, unless invalid rows are to be skipped, in which
// case the plan says exactly which. The web preview and the command line share all of it.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import type { ReviewEdition } from '../reviews/store.ts';
import {
  EMPTY_ASSESSMENT,
  isAssessmentStatus,
  NOTE_MAX,
  REVIEWER_MAX,
  sameAssessment,
  storedAssessments,
  writeAssessments,
  type AssessmentData,
  type StoredAssessment,
} from './assessments.ts';
import { readAssessmentCsv, noteColumn, type CsvColumn, type CsvRow } from './csv.ts';
import { isValidDate } from './dates.ts';
import { lockEditableEdition } from './editions.ts';
import { checkEvidence, loadLawIndex, parseEvidenceCell, type LawIndex } from './evidence.ts';
import type { RowProblem } from './problems.ts';

export type PlannedRow = { line: number; country: string; criterion: string; data: AssessmentData; existing: StoredAssessment | undefined };

export type ImportPlan = {
  /** Data rows in the file. */
  rows: number;
  create: PlannedRow[];
  update: PlannedRow[];
  unchanged: PlannedRow[];
  /** Every problem, in file order. */
  problems: RowProblem[];
  /** Lines with at least one problem: what "skip invalid rows" leaves out. */
  invalidLines: number[];
  /** A digest of what would be written, to notice data that changed between preview and confirmation. */
  signature: string;
};

type Context = { criteria: Set<string>; countries: Set<string>; laws: LawIndex; stored: Map<string, StoredAssessment> };

async function context(db: Db, edition: ReviewEdition, lock: boolean): Promise<Context> {
  const [criteria, countries, laws, stored] = await Promise.all([
    sql<{ key: string }>`SELECT key FROM framework_criteria WHERE framework_key = ${edition.frameworkKey}`.execute(db),
    sql<{ code: string }>`SELECT code FROM countries`.execute(db),
    loadLawIndex(db),
    storedAssessments(db, edition.id, { lock }),
  ]);
  return { criteria: new Set(criteria.rows.map((r) => r.key)), countries: new Set(countries.rows.map((r) => r.code.trim())), laws, stored };
}

/** What importing the file would do to the edition now. Throws ImportFileError for a file that cannot be read at all. */
export async function planImport(db: Db, edition: ReviewEdition, text: string): Promise<ImportPlan> {
  return planWith(await context(db, edition, false), edition, text);
}

function planWith(ctx: Context, edition: ReviewEdition, text: string): ImportPlan {
  const { columns, rows } = readAssessmentCsv(text);
  const plan: ImportPlan = { rows: rows.length, create: [], update: [], unchanged: [], problems: [], invalidLines: [], signature: '' };
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const checked = checkRow(ctx, edition, columns, row);
    const key = checked.country && checked.criterion ? `${checked.country}:${checked.criterion}` : undefined;
    if (key && firstLine.has(key)) checked.problems.push({ line: row.line, field: 'criterion', code: 'duplicate', values: { line: firstLine.get(key)! } });
    else if (key) firstLine.set(key, row.line);
    if (checked.problems.length > 0) {
      plan.problems.push(...checked.problems);
      plan.invalidLines.push(row.line);
      continue;
    }
    const existing = ctx.stored.get(key!);
    const planned = { line: row.line, country: checked.country, criterion: checked.criterion, data: checked.data, existing };
    if (!existing) plan.create.push(planned);
    else if (sameAssessment(existing, checked.data)) plan.unchanged.push(planned);
    else plan.update.push(planned);
  }
  const written = [...plan.create, ...plan.update].map((p) => [p.line, p.country, p.criterion, p.existing?.version ?? 0]);
  plan.signature = createHash('sha256').update(JSON.stringify([written, plan.invalidLines])).digest('base64url').slice(0, 22);
  return plan;
}

function checkRow(ctx: Context, edition: ReviewEdition, columns: CsvColumn[], row: CsvRow) {
  const problems: RowProblem[] = [...row.problems];
  const has = (c: CsvColumn) => columns.includes(c);
  const cell = (c: CsvColumn) => (row.cells.get(c) ?? '').trim();
  const problem = (field: CsvColumn, p: Omit<RowProblem, 'line' | 'field'>) => problems.push({ line: row.line, field, ...p });

  const country = cell('country').toUpperCase();
  if (!ctx.countries.has(country)) problem('country', { code: 'unknownCountry', values: { value: cell('country') } });
  const criterion = cell('criterion');
  if (!ctx.criteria.has(criterion)) problem('criterion', { code: 'unknownCriterion', values: { value: criterion, framework: edition.frameworkKey } });
  // A column left out of the file keeps what is stored; an empty cell empties it.
  const before = ctx.stored.get(`${country}:${criterion}`) ?? EMPTY_ASSESSMENT;
  const status = cell('status').toLowerCase();
  if (!isAssessmentStatus(status)) problem('status', { code: 'status', values: { value: cell('status'), allowed: 'met, partly, not_met, not_assessed' } });

  let evidence = before.evidence;
  if (has('evidence')) {
    const parsed = parseEvidenceCell(cell('evidence'));
    for (const p of parsed.problems) problem('evidence', p);
    if (parsed.problems.length === 0 && ctx.countries.has(country)) for (const p of checkEvidence(ctx.laws, country, parsed.evidence)) problem('evidence', p);
    evidence = parsed.evidence;
  }
  const note: Localized = {};
  for (const l of LOCALES) {
    const column = noteColumn(l);
    const value = has(column) ? (row.cells.get(column) ?? '').replace(/\r\n?/g, '\n').trim() : (before.note[l] ?? '');
    if (value.length > NOTE_MAX) problem(column, { code: 'tooLong', values: { max: NOTE_MAX } });
    if (value) note[l] = value;
  }
  const reviewer = has('reviewer') ? cell('reviewer').replace(/\s+/g, ' ') : (before.reviewer ?? '');
  if (reviewer.length > REVIEWER_MAX) problem('reviewer', { code: 'tooLong', values: { max: REVIEWER_MAX } });
  const assessedOn = has('assessed_on') ? cell('assessed_on') : (before.assessedOn ?? '');
  if (assessedOn !== '' && !isValidDate(assessedOn)) problem('assessed_on', { code: 'date', values: { value: assessedOn } });

  const data: AssessmentData = { status: isAssessmentStatus(status) ? status : 'not_assessed', evidence, note, reviewer: reviewer || null, assessedOn: assessedOn || null };
  return { country, criterion, data, problems };
}

/** Invalid rows and no permission to skip them: nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`${plan.invalidLines.length} invalid rows`);
  }
}

/** The data changed between the preview and the confirmation: nothing was written; here is the new plan. */
export class PlanChangedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super('the edition changed since the preview');
  }
}

export type ImportOptions = { skipInvalid: boolean; via: 'web' | 'cli'; file: string; expectedSignature?: string | undefined };

/** Plans again inside the transaction, with the edition's rows locked, and writes the plan. */
export async function applyImport(db: Db, actor: Actor, editionId: string, text: string, options: ImportOptions): Promise<ImportPlan> {
  const plan = await db.transaction().execute(async (trx) => {
    const edition = await lockEditableEdition(trx, editionId);
    const plan = planWith(await context(trx, edition, true), edition, text);
    if (plan.problems.length > 0 && !options.skipInvalid) throw new ImportRefusedError(plan);
    if (options.expectedSignature !== undefined && options.expectedSignature !== plan.signature) throw new PlanChangedError(plan);
    const writes = [...plan.create, ...plan.update].map((p) => ({ country: p.country, criterion: p.criterion, data: p.data, existing: p.existing }));
    await writeAssessments(trx, actor, edition, writes, 'import');
    await recordAudit(trx, actor, {
      action: 'assessment.import',
      entityType: 'review_edition',
      entityId: edition.id,
      entityLabel: `${edition.frameworkKey} ${edition.label}`,
      details: {
        via: options.via,
        file: options.file,
        rows: plan.rows,
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged.length,
        skipped: plan.problems.map((p) => ({ line: p.line, field: p.field, problem: p.code })),
        countries: [...new Set(writes.map((w) => w.country))].sort(),
      },
    });
    return plan;
  });
  if (plan.create.length + plan.update.length > 0) contentChanged();
  return plan;
}
