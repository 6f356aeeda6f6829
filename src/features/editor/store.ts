// Writes of the resource editor. Each user action is one transaction that checks the version the
// user started from (optimistic locking), writes the row with its derived columns, and records the
// new state as a revision and the action in the audit log; the public cache is dropped after commit.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { pickText } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/log.ts';
import type { Role } from '../auth/roles.ts';
import { recordRevision } from '../history/revisions.ts';
import { addSearchWords, resourceSlug } from '../library/store.ts';
import { derivedRegions, derivedSearchExtra, ensurePublishers, textArray } from '../library/derive.ts';
import { changedFields, normalizeFields, type FieldName, type ResourceFields } from './fields.ts';
import { resourceSnapshot, type ResourceSnapshot } from './snapshot.ts';
import { checkTransition } from '../admin/workflow.ts';
import { transitionFor, type ResourceState, type TransitionAction } from './workflow.ts';

export const ENTITY = 'resource';

/** Someone saved since the user loaded the item: the current state, to show beside the user's. */
export class VersionConflictError extends Error {
  constructor(readonly current: { version: number; data: ResourceSnapshot }) {
    super(`version conflict: the resource is now at version ${current.version}`);
  }
}

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`the slug ${slug} is taken`);
  }
}

export class ResourceNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no resource ${id}`);
  }
}

/** The workflow has no such step from the current state, or the role may not take it. */
export { TransitionRefusedError as TransitionError } from '../admin/workflow.ts';

export type SaveOutcome = { id: string; version: number; changed: FieldName[] };

const isId = (id: string) => /^\d{1,18}$/.test(id);

function label(title: ResourceSnapshot['title']): string {
  return pickText(title, 'en').text;
}

async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resources
    WHERE slug = ${slug} ${exceptId ? sql`AND id <> ${exceptId}::bigint` : sql``}`.execute(db);
  return r.rows[0]!.n > 0;
}

/** A free slug from the title: the derived one, or it with -2, -3, … */
async function freeSlug(db: Db, base: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 110)}-${n}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
  throw new SlugTakenError(base);
}

function rethrowUnique(error: unknown, slug: string): never {
  if ((error as { code?: string }).code === '23505') throw new SlugTakenError(slug);
  throw error;
}

/** The row's columns for these fields; regions and search text derived in SQL (derive.ts). */
async function columnValues(db: Db, fields: ResourceFields) {
  const publishers = await ensurePublishers(db, fields.publishers);
  return {
    type: fields.type,
    year: fields.year,
    link: fields.link,
    title: JSON.stringify(fields.title),
    summary: JSON.stringify(fields.summary),
    topics: textArray(fields.topics),
    countries: textArray(fields.countries),
    publishers: textArray(publishers),
    languages: textArray(fields.languages),
    regions: derivedRegions(textArray(fields.countries)),
    searchExtra: derivedSearchExtra(textArray(publishers)),
  };
}

/** Creates a draft. An explicit slug must be free; a derived one gets a number when taken. */
export async function createResource(db: Db, actor: Actor, input: ResourceFields): Promise<SaveOutcome> {
  const fields = normalizeFields(input);
  const outcome = await db.transaction().execute(async (trx) => {
    let slug: string;
    if (fields.slug) {
      if (await slugTaken(trx, fields.slug)) throw new SlugTakenError(fields.slug);
      slug = fields.slug;
    } else {
      slug = await freeSlug(trx, resourceSlug({ ...fields, status: 'draft' }));
    }
    const v = await columnValues(trx, fields);
    const inserted = await sql<{ id: string }>`INSERT INTO resources
        (slug, type, year, link, status, title, summary, topics, countries, regions, publishers, languages, search_extra, created_by, updated_by)
      VALUES (${slug}, ${v.type}, ${v.year}, ${v.link}, 'draft', ${v.title}::jsonb, ${v.summary}::jsonb, ${v.topics}, ${v.countries},
        ${v.regions}, ${v.publishers}, ${v.languages}, ${v.searchExtra}, ${actor.id}::bigint, ${actor.id}::bigint)
      RETURNING id::text AS id`
      .execute(trx)
      .catch((error: unknown) => rethrowUnique(error, slug));
    const id = inserted.rows[0]!.id;
    await addSearchWords(trx, [id]);
    const saved = (await resourceSnapshot(trx, id))!;
    await recordRevision(trx, actor, { entityType: ENTITY, entityId: id, version: saved.version, data: saved.data, action: 'create' });
    const empty: ResourceFields = { type: fields.type, year: null, link: null, title: {}, summary: {}, publishers: [], topics: [], countries: [], languages: [] };
    await recordAudit(trx, actor, {
      action: 'resource.create',
      entityType: ENTITY,
      entityId: id,
      entityLabel: label(saved.data.title),
      details: { changed: changedFields(empty, saved.data) },
    });
    return { id, version: saved.version, changed: [] as FieldName[] };
  });
  contentChanged();
  return outcome;
}

/** Locks the row (a concurrent save waits, then sees the new version) and checks the version the user started from. */
async function lockAt(db: Db, id: string, expectedVersion: number | undefined): Promise<{ version: number; data: ResourceSnapshot }> {
  if (!isId(id)) throw new ResourceNotFoundError(id);
  const locked = await sql<{ version: number }>`SELECT version FROM resources WHERE id = ${id}::bigint FOR UPDATE`.execute(db);
  if (!locked.rows[0]) throw new ResourceNotFoundError(id);
  const current = (await resourceSnapshot(db, id))!;
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new VersionConflictError(current);
  return current;
}

/**
 * Before a write: a state reached outside the editor (an import, the shipped data) has no revision
 * yet; it is recorded first, so that the history can show what this write changed and restore it.
 * ON CONFLICT keeps an existing revision.
 */
async function keepBaseline(db: Db, id: string, current: { version: number; data: ResourceSnapshot }): Promise<void> {
  await recordRevision(db, SYSTEM_ACTOR, { entityType: ENTITY, entityId: id, version: current.version, data: current.data, action: 'external' });
}

export type UpdateOptions = { action?: 'update' | 'restore'; details?: Record<string, unknown> };

/**
 * Saves every field but the state, if the resource is still at `expectedVersion`
 * (else VersionConflictError with the current state). A save that changes nothing writes nothing.
 */
export async function updateResource(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: ResourceFields,
  options: UpdateOptions = {},
): Promise<SaveOutcome> {
  const action = options.action ?? 'update';
  const outcome = await db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, expectedVersion);
    const fields = normalizeFields({ ...input, slug: input.slug || before.data.slug });
    const changed = changedFields(before.data, fields);
    if (changed.length === 0) return { id, version: before.version, changed };
    const slug = fields.slug!;
    if (slug !== before.data.slug && (await slugTaken(trx, slug, id))) throw new SlugTakenError(slug);
    await keepBaseline(trx, id, before);
    const v = await columnValues(trx, fields);
    await sql`UPDATE resources SET slug = ${slug}, type = ${v.type}, year = ${v.year}, link = ${v.link},
        title = ${v.title}::jsonb, summary = ${v.summary}::jsonb, topics = ${v.topics}, countries = ${v.countries}, regions = ${v.regions},
        publishers = ${v.publishers}, languages = ${v.languages}, search_extra = ${v.searchExtra},
        version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint
      WHERE id = ${id}::bigint AND version = ${expectedVersion}`
      .execute(trx)
      .catch((error: unknown) => rethrowUnique(error, slug));
    await addSearchWords(trx, [id]);
    const saved = (await resourceSnapshot(trx, id))!;
    await recordRevision(trx, actor, { entityType: ENTITY, entityId: id, version: saved.version, data: saved.data, action });
    await recordAudit(trx, actor, {
      action: `resource.${action}`,
      entityType: ENTITY,
      entityId: id,
      entityLabel: label(saved.data.title),
      details: { changed, version: saved.version, ...options.details },
    });
    return { id, version: saved.version, changed };
  });
  if (outcome.changed.length > 0) contentChanged();
  return outcome;
}

/**
 * Moves a resource along the workflow. `expectedVersion`, when given, guards against acting on a
 * state the user has not seen. Sets published_at on the first publication only.
 */
export async function transitionResource(
  db: Db,
  actor: Actor & { role: Role },
  id: string,
  action: TransitionAction,
  options: { expectedVersion?: number | undefined; note?: string | undefined } = {},
): Promise<{ version: number; from: ResourceState; to: ResourceState }> {
  const transition = transitionFor(action);
  const outcome = await db.transaction().execute(async (trx) => {
    const before = await lockAt(trx, id, options.expectedVersion);
    const from = before.data.status;
    checkTransition(actor.role, transition, from);
    await keepBaseline(trx, id, before);
    await sql`UPDATE resources SET status = ${transition.to}, version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint,
        published_at = CASE WHEN ${transition.to} = 'published' THEN coalesce(published_at, now()) ELSE published_at END
      WHERE id = ${id}::bigint`.execute(trx);
    const saved = (await resourceSnapshot(trx, id))!;
    await recordRevision(trx, actor, { entityType: ENTITY, entityId: id, version: saved.version, data: saved.data, action });
    const note = options.note?.trim();
    await recordAudit(trx, actor, {
      action: `resource.${action}`,
      entityType: ENTITY,
      entityId: id,
      entityLabel: label(saved.data.title),
      details: { from, to: transition.to, version: saved.version, ...(note ? { note } : {}) },
    });
    return { version: saved.version, from, to: transition.to };
  });
  contentChanged();
  return outcome;
}

/** Saves an earlier revision's fields as a new version; the state stays what it is now. */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  id: string,
  revision: { version: number; data: ResourceSnapshot },
  expectedVersion: number,
): Promise<SaveOutcome> {
  const { status: _status, ...fields } = revision.data;
  return updateResource(db, actor, id, expectedVersion, { ...fields, type: fields.type as ResourceFields['type'] }, {
    action: 'restore',
    details: { restored: revision.version },
  });
}
