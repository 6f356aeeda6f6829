// Writes and reads of practices for the back office. Each user action is one transaction that
// checks the version the user started from (optimistic locking), writes the row with its derived
// regions, and records the new state as a revision and the action in the audit log; the public
// cache is dropped after commit.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { pickText } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/log.ts';
import type { Role } from '../auth/roles.ts';
import { recordRevision } from '../history/revisions.ts';
import { derivedRegions, textArray } from '../library/derive.ts';
import { addPracticeSearchWords, practiceSlug } from '../practices/store.ts';
import { checkTransition, transitionFor, type TransitionAction, type WorkflowState } from '../admin/workflow.ts';
import { changedFields, ENTITY, normalizeFields, type FieldName, type PracticeFields, type PracticeSnapshot } from './fields.ts';

export class PracticeNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no practice ${id}`);
  }
}

/** Someone saved since the user loaded the practice: the current state, to show beside the user's. */
export class PracticeVersionConflictError extends Error {
  constructor(readonly current: StoredPractice) {
    super(`version conflict: the practice is now at version ${current.version}`);
  }
}

export class PracticeSlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`the slug ${slug} is taken`);
  }
}

export type StoredPractice = {
  id: string;
  version: number;
  data: PracticeSnapshot;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  updated_by_email: string | null;
};

export type SaveOutcome = { id: string; version: number; changed: FieldName[] };

const isId = (id: string) => /^\d{1,18}$/.test(id);

export function practiceLabel(title: PracticeSnapshot['title']): string {
  return pickText(title, 'en').text;
}

export async function getStoredPractice(db: Db, id: string): Promise<StoredPractice | undefined> {
  if (!isId(id)) return undefined;
  const r = await sql<PracticeSnapshot & Omit<StoredPractice, 'data'>>`
    SELECT p.id::text AS id, p.version, p.slug, p.actor, p.status, p.title, p.summary, p.description, p.outcomes, p.topics, p.countries,
      p.year_from AS "yearFrom", p.year_to AS "yearTo", p.links, p.related_resources AS "relatedResources",
      to_json(p.created_at)#>>'{}' AS created_at, to_json(p.updated_at)#>>'{}' AS updated_at,
      to_json(p.published_at)#>>'{}' AS published_at, u.email AS updated_by_email
    FROM practices p LEFT JOIN users u ON u.id = p.updated_by WHERE p.id = ${id}::bigint`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { id: rowId, version, created_at, updated_at, published_at, updated_by_email, ...data } = row;
  return { id: rowId, version, data, created_at, updated_at, published_at, updated_by_email };
}

async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices
    WHERE slug = ${slug} ${exceptId ? sql`AND id <> ${exceptId}::bigint` : sql``}`.execute(db);
  return r.rows[0]!.n > 0;
}

/** A free slug from the title (the directory's rule, English first): the derived one, or it with -2, -3, … */
async function freeSlug(db: Db, fields: PracticeFields): Promise<string> {
  const base = practiceSlug({ slug: undefined, title: fields.title });
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
  throw new PracticeSlugTakenError(base);
}

function rethrowUnique(error: unknown, slug: string): never {
  if ((error as { code?: string }).code === '23505') throw new PracticeSlugTakenError(slug);
  throw error;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

const EMPTY: PracticeFields = {
  actor: 'civil-society',
  title: {},
  summary: {},
  description: {},
  outcomes: {},
  topics: [],
  countries: [],
  yearFrom: null,
  yearTo: null,
  links: [],
  relatedResources: [],
};

/**
 * After a write in `trx`: the practice as it now is, kept as a revision of `action` and named in the
 * audit log as `practice.<action>` with `details` (which may read the saved state).
 */
async function recordChange(
  trx: Db,
  actor: Actor,
  id: string,
  action: string,
  details: (saved: StoredPractice) => Record<string, unknown>,
): Promise<StoredPractice> {
  const saved = (await getStoredPractice(trx, id))!;
  await recordRevision(trx, actor, { entityType: ENTITY, entityId: id, version: saved.version, data: saved.data, action });
  await recordAudit(trx, actor, {
    action: `practice.${action}`,
    entityType: ENTITY,
    entityId: id,
    entityLabel: practiceLabel(saved.data.title),
    details: details(saved),
  });
  return saved;
}

/**
 * Creates a draft inside the caller's transaction (the editor, or the acceptance of a public
 * submission). An explicit slug must be free; a derived one gets a number when taken.
 */
export async function insertDraftPractice(trx: Db, actor: Actor, input: PracticeFields, details: Record<string, unknown> = {}): Promise<SaveOutcome> {
  const f = normalizeFields(input);
  let slug: string;
  if (f.slug) {
    if (await slugTaken(trx, f.slug)) throw new PracticeSlugTakenError(f.slug);
    slug = f.slug;
  } else {
    slug = await freeSlug(trx, f);
  }
  const inserted = await sql<{ id: string }>`INSERT INTO practices
      (slug, actor, status, topics, countries, regions, year_from, year_to, title, summary, description, outcomes, links, related_resources, created_by, updated_by)
    VALUES (${slug}, ${f.actor}, 'draft', ${textArray(f.topics)}, ${textArray(f.countries)}, ${derivedRegions(textArray(f.countries))},
      ${f.yearFrom}, ${f.yearTo}, ${json(f.title)}, ${json(f.summary)}, ${json(f.description)}, ${json(f.outcomes)}, ${json(f.links)},
      ${textArray(f.relatedResources)}, ${actor.id}::bigint, ${actor.id}::bigint)
    RETURNING id::text AS id`
    .execute(trx)
    .catch((error: unknown) => rethrowUnique(error, slug));
  const id = inserted.rows[0]!.id;
  await addPracticeSearchWords(trx, [id]);
  const saved = await recordChange(trx, actor, id, 'create', (s) => ({ changed: changedFields(EMPTY, s.data), ...details }));
  return { id, version: saved.version, changed: [] };
}

export async function createPractice(db: Db, actor: Actor, input: PracticeFields): Promise<SaveOutcome> {
  const outcome = await db.transaction().execute((trx) => insertDraftPractice(trx, actor, input));
  contentChanged();
  return outcome;
}

/** Locks the row (a concurrent save waits, then sees the new version) and checks the version the user started from. */
async function lockAt(db: Db, id: string, expectedVersion: number | undefined): Promise<StoredPractice> {
  if (!isId(id)) throw new PracticeNotFoundError(id);
  const locked = await sql<{ version: number }>`SELECT version FROM practices WHERE id = ${id}::bigint FOR UPDATE`.execute(db);
  if (!locked.rows[0]) throw new PracticeNotFoundError(id);
  const current = (await getStoredPractice(db, id))!;
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PracticeVersionConflictError(current);
  return current;
}

/** A state written outside the back office (the shipped data) gets its revision before the first change. */
async function keepBaseline(db: Db, current: StoredPractice): Promise<void> {
  await recordRevision(db, SYSTEM_ACTOR, { entityType: ENTITY, entityId: current.id, version: current.version, data: current.data, action: 'external' });
}

/** Saves every field but the state, if the practice is still at `expectedVersion`. A save that changes nothing writes nothing. */
export async function updatePractice(db: Db, actor: Actor, id: string, expectedVersion: number, input: PracticeFields): Promise<SaveOutcome> {
  const outcome = await db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, expectedVersion);
    const f = normalizeFields({ ...input, slug: input.slug || before.data.slug });
    const changed = changedFields(before.data, f);
    if (changed.length === 0) return { id, version: before.version, changed };
    const slug = f.slug!;
    if (slug !== before.data.slug && (await slugTaken(trx, slug, id))) throw new PracticeSlugTakenError(slug);
    await keepBaseline(trx, before);
    await sql`UPDATE practices SET slug = ${slug}, actor = ${f.actor}, topics = ${textArray(f.topics)}, countries = ${textArray(f.countries)},
        regions = ${derivedRegions(textArray(f.countries))}, year_from = ${f.yearFrom}, year_to = ${f.yearTo},
        title = ${json(f.title)}, summary = ${json(f.summary)}, description = ${json(f.description)}, outcomes = ${json(f.outcomes)},
        links = ${json(f.links)}, related_resources = ${textArray(f.relatedResources)},
        version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint
      WHERE id = ${id}::bigint`
      .execute(trx)
      .catch((error: unknown) => rethrowUnique(error, slug));
    await addPracticeSearchWords(trx, [id]);
    const saved = await recordChange(trx, actor, id, 'update', (s) => ({ changed, version: s.version }));
    return { id, version: saved.version, changed };
  });
  if (outcome.changed.length > 0) contentChanged();
  return outcome;
}

/**
 * Moves a practice along the shared workflow (checkTransition throws TransitionRefusedError).
 * Publishing also forgets the contact details of the submission it came from: they were asked
 * only for questions before publication.
 */
export async function transitionPractice(
  db: Db,
  actor: Actor & { role: Role },
  id: string,
  action: TransitionAction,
  options: { expectedVersion?: number | undefined; note?: string | undefined } = {},
): Promise<{ version: number; from: WorkflowState; to: WorkflowState }> {
  const transition = transitionFor(action);
  const outcome = await db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, options.expectedVersion);
    const from = before.data.status;
    checkTransition(actor.role, transition, from);
    await keepBaseline(trx, before);
    await sql`UPDATE practices SET status = ${transition.to}, version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint,
        published_at = CASE WHEN ${transition.to} = 'published' THEN coalesce(published_at, now()) ELSE published_at END
      WHERE id = ${id}::bigint`.execute(trx);
    if (transition.to === 'published') {
      await sql`UPDATE practice_submissions SET contact_name = NULL, contact_email = NULL WHERE practice_id = ${id}::bigint`.execute(trx);
    }
    const note = options.note?.trim();
    const saved = await recordChange(trx, actor, id, action, (s) => ({ from, to: transition.to, version: s.version, ...(note ? { note } : {}) }));
    return { version: saved.version, from, to: transition.to };
  });
  contentChanged();
  return outcome;
}
