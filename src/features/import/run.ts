// Validates parsed entries (from any format) and writes them in one transaction: all or nothing,
// unless the caller asks to skip the invalid ones. Knows nothing of files or the terminal, so that
// a web import preview can call it too (with dryRun).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { ResourceInputSchema, type ResourceInput } from '../library/schema.ts';
import { resourceSlug, upsertResources, type UpsertOutcome } from '../library/store.ts';
import { contentChanged } from '../../web/cache.ts';
import { assignSlugs, markDuplicates, type Checked } from './slugs.ts';
import { classifyTags, loadVocabulary, type Vocabulary } from './vocabulary.ts';

export type EntryProblem = { field: string; message: string };
export type ImportProblem = EntryProblem & { where: string };

/** One resource as a file gives it, before validation. */
export type ImportEntry = {
  /** How messages name the entry: "line 14" (listing, CSV) or "item 3" (JSON). */
  where: string;
  /** ResourceInput-like; topics and countries may be names, resolved here. */
  input: Record<string, unknown>;
  /** Listing tags: topics and countries in one list, told apart by the vocabulary. */
  tags?: string[];
  /** The first tag of a file may have text glued in front of it (see classifyTags). */
  firstTagMayBeGlued?: boolean;
  /** Problems the parser already found. */
  problems: EntryProblem[];
};

export type ImportOptions = {
  skipInvalid?: boolean;
  dryRun?: boolean;
  /**
   * The state of the resources this import creates, over the file's own. Resources that exist keep
   * theirs: re-importing a file must not withdraw a published resource nor publish a draft behind
   * its reviewers' backs. Without it, every entry's own status applies (the CLI's --status sets them all).
   */
  newStatus?: 'draft' | 'published';
  /**
   * Runs inside the import's transaction after the upsert, never on a dry run nor when the import
   * is refused: revisions and audit entries that must commit, or fail, with the resources.
   */
  onWritten?: (trx: Db, report: ImportReport) => Promise<void>;
};

export type ImportOutcome = UpsertOutcome & { where: string };

export type ImportReport = {
  entries: number;
  valid: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem, in file order; with skipInvalid, exactly what was skipped and why. */
  problems: ImportProblem[];
  outcomes: ImportOutcome[];
  /** True when resources were committed (false on a dry run or when all was refused). */
  written: boolean;
};

export function formatProblem(p: ImportProblem): string {
  return `${p.where}, field ${p.field}: ${p.message}`;
}

export async function importEntries(db: Db, entries: ImportEntry[], options: ImportOptions = {}): Promise<ImportReport> {
  const vocabulary = await loadVocabulary(db);
  const checked = entries.map((entry) => checkEntry(vocabulary, entry));
  markDuplicates(checked);
  await assignSlugs(db, checked);
  const valid = checked.filter((c): c is Checked & { input: ResourceInput } => c.input !== undefined);
  const report: ImportReport = {
    entries: entries.length,
    valid: valid.length,
    rejected: entries.length - valid.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: checked.flatMap((c) => c.problems.map((p) => ({ where: c.entry.where, ...p }))),
    outcomes: [],
    written: false,
  };
  const allowed = report.problems.length === 0 || !!options.skipInvalid;
  // A dry run still previews what the valid entries would do, even when the import would be refused.
  if (valid.length === 0 || (!allowed && !options.dryRun)) return report;

  const inputs = valid.map((v) => v.input);
  if (options.newStatus) await keepExistingStatus(db, inputs, options.newStatus);
  const rollBack = !!options.dryRun || !allowed;
  try {
    await db.transaction().execute(async (trx) => {
      const outcomes = await upsertResources(trx, inputs);
      report.outcomes = outcomes.map((o, i) => ({ ...o, where: valid[i]!.entry.where }));
      for (const o of outcomes) report[o.outcome]++;
      if (rollBack) throw new RollBack();
      report.written = true;
      await options.onWritten?.(trx, report);
    });
  } catch (error) {
    report.written = false;
    if (!(error instanceof RollBack)) throw error;
  }
  if (report.written && report.created + report.updated > 0) contentChanged();
  return report;
}

/** Thrown inside the transaction to roll a dry run back after measuring it. */
class RollBack extends Error {
  constructor() {
    super('dry run');
  }
}

async function keepExistingStatus(db: Db, inputs: ResourceInput[], status: 'draft' | 'published'): Promise<void> {
  const slugs = inputs.map(resourceSlug);
  const stored = await sql<{ slug: string; status: string }>`SELECT slug, status FROM resources WHERE slug = ANY(${slugs}::text[])`.execute(db);
  const existing = new Map(stored.rows.map((r) => [r.slug, r.status]));
  // A stored state may be in_review or archived, which the input schema does not offer; the upsert
  // writes it back unchanged (the table accepts every workflow state).
  for (const input of inputs) input.status = (existing.get(resourceSlug(input)) ?? status) as ResourceInput['status'];
}

function checkEntry(vocabulary: Vocabulary, entry: ImportEntry): Checked {
  const problems = [...entry.problems];
  const raw: Record<string, unknown> = { ...entry.input };
  raw.topics = resolveLabels(raw.topics, vocabulary.topic, 'topics', 'unknown topic', problems);
  raw.countries = resolveLabels(raw.countries, vocabulary.country, 'countries', 'unknown country', problems);
  if (entry.tags) {
    const tags = classifyTags(vocabulary, entry.tags, entry.firstTagMayBeGlued);
    raw.topics = [...(raw.topics as string[]), ...tags.topics];
    raw.countries = [...(raw.countries as string[]), ...tags.countries];
    for (const label of tags.unknown) problems.push({ field: 'topics', message: `unknown tag "${label}"` });
  }
  if (!hasTitle(raw.title) && !problems.some((p) => p.field === 'title')) problems.push({ field: 'title', message: 'missing title' });

  const parsed = ResourceInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || 'entry';
      // Already said better: "missing title" rather than zod's refinement message.
      if (field === 'title' && issue.code === 'custom' && problems.some((p) => p.field === 'title')) continue;
      problems.push({ field, message: describeIssue(issue, raw) });
    }
  }
  return problems.length === 0 && parsed.success ? { entry, input: parsed.data, problems } : { entry, problems };
}

/** Names or slugs (topics), names or codes (countries) -> slugs and codes; unknown ones are problems. */
function resolveLabels(value: unknown, resolve: (label: string) => string | undefined, field: string, what: string, problems: EntryProblem[]): unknown {
  if (value === undefined) return [];
  // Not a list of strings: left as is for the schema to report.
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return value;
  const out: string[] = [];
  for (const label of value as string[]) {
    const resolved = resolve(label);
    if (resolved) out.push(resolved);
    else problems.push({ field, message: `${what} "${label}"` });
  }
  return [...new Set(out)];
}

function hasTitle(title: unknown): boolean {
  return typeof title === 'object' && title !== null && Object.values(title).some((t) => typeof t === 'string' && t.trim() !== '');
}

type Issue = { code: string; path: PropertyKey[]; message: string };

function describeIssue(issue: Issue, raw: Record<string, unknown>): string {
  if (issue.path[0] === 'slug' && issue.code === 'invalid_format') return `not a valid slug "${String(raw.slug)}" (lowercase letters, digits and single hyphens)`;
  if (issue.code !== 'invalid_value' && issue.code !== 'invalid_format' && issue.code !== 'invalid_type') return issue.message;
  // Show the offending value: "expected one of ..." alone does not say what to fix.
  let value: unknown = raw;
  for (const key of issue.path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  return shown === undefined ? issue.message : `${issue.message} (got ${shown})`;
}
