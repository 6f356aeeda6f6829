// Review editions in the back office: every framework's editions in every state with their
// progress, a new edition, the workflow steps, and the criteria weights of a framework. Each write
// is one transaction with its audit entry; public pages are told after the commit.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import type { Role } from '../auth/roles.ts';
import { recordRevision } from '../history/revisions.ts';
import { getReviewEdition, type ReviewEdition } from '../reviews/store.ts';
import { EditionNotFoundError, EditionReadOnlyError, LabelTakenError, StaleVersionError, WeightsChangedError } from './errors.ts';
import { editionTransition, isEditable, type EditionAction, type EditionStatus } from './workflow.ts';
import { checkTransition } from '../admin/workflow.ts';

export const LABEL_MAX = 40;
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;
export const WEIGHT_MAX = 9999.99;

/** How far an edition is: countries with at least one assessed criterion, and assessed cells. */
export type EditionProgress = { criteria: number; countries: number; assessed: number };
export type AdminEdition = ReviewEdition & { progress: EditionProgress };

/** Editions of every framework (or one), newest first within a framework, with their progress. */
export async function listAdminEditions(db: Db, frameworkKey?: string): Promise<AdminEdition[]> {
  const result = await sql<AdminEdition>`
    SELECT e.id::text AS id, e.framework_key AS "frameworkKey", e.label, e.year, e.status, e.demo, e.note, e.version,
      to_json(e.published_at)#>>'{}' AS "publishedAt",
      json_build_object(
        'criteria', (SELECT count(*)::int FROM framework_criteria c WHERE c.framework_key = e.framework_key),
        'countries', (SELECT count(DISTINCT a.country)::int FROM assessments a WHERE a.edition_id = e.id AND a.status <> 'not_assessed'),
        'assessed', (SELECT count(*)::int FROM assessments a WHERE a.edition_id = e.id AND a.status <> 'not_assessed')
      ) AS progress
    FROM framework_editions e JOIN frameworks f ON f.key = e.framework_key
    ${frameworkKey === undefined ? sql`` : sql`WHERE e.framework_key = ${frameworkKey}`}
    ORDER BY f.position, f.key, e.year DESC, e.id DESC`.execute(db);
  return result.rows;
}

/** Assessed criteria (met, partly or not met) per country of an edition. */
export async function assessedPerCountry(db: Db, editionId: string): Promise<Map<string, number>> {
  const result = await sql<{ country: string; n: number }>`SELECT country, count(*)::int AS n FROM assessments
    WHERE edition_id = ${editionId}::bigint AND status <> 'not_assessed' GROUP BY country`.execute(db);
  return new Map(result.rows.map((r) => [r.country, r.n]));
}

/**
 * The edition, locked for the rest of the transaction: `update` for a workflow step, `share` for
 * writes that need it to stay editable (a grid save must not interleave with its publication).
 */
export async function lockEdition(db: Db, editionId: string, mode: 'update' | 'share'): Promise<ReviewEdition> {
  if (!/^\d{1,18}$/.test(editionId)) throw new EditionNotFoundError(editionId);
  const locked = await sql<{ id: string }>`SELECT id::text AS id FROM framework_editions WHERE id = ${editionId}::bigint
    ${mode === 'update' ? sql`FOR UPDATE` : sql`FOR SHARE`}`.execute(db);
  if (!locked.rows[0]) throw new EditionNotFoundError(editionId);
  return (await getReviewEdition(db, editionId))!;
}

/** Locks the edition and refuses when it may no longer change. */
export async function lockEditableEdition(db: Db, editionId: string): Promise<ReviewEdition> {
  const edition = await lockEdition(db, editionId, 'share');
  if (!isEditable(edition.status)) throw new EditionReadOnlyError(edition.status);
  return edition;
}

export async function labelTaken(db: Db, frameworkKey: string, label: string): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM framework_editions WHERE framework_key = ${frameworkKey} AND label = ${label}`.execute(db);
  return r.rows[0]!.n > 0;
}

/** A new, empty draft edition. Never a demonstration one: those come only from `atlas seed --demo`. */
export async function createEdition(db: Db, actor: Actor, frameworkKey: string, input: { label: string; year: number }): Promise<{ id: string }> {
  const created = await db.transaction().execute(async (trx) => {
    if (await labelTaken(trx, frameworkKey, input.label)) throw new LabelTakenError(input.label);
    const inserted = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo)
      VALUES (${frameworkKey}, ${input.label}, ${input.year}, 'draft', false) RETURNING id::text AS id`
      .execute(trx)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw new LabelTakenError(input.label);
        throw error;
      });
    const id = inserted.rows[0]!.id;
    await recordAudit(trx, actor, {
      action: 'review_edition.create',
      entityType: 'review_edition',
      entityId: id,
      entityLabel: `${frameworkKey} ${input.label}`,
      details: { framework: frameworkKey, label: input.label, year: input.year },
    });
    return { id };
  });
  contentChanged();
  return created;
}

export { TransitionRefusedError as EditionTransitionError } from '../admin/workflow.ts';

/** Moves an edition along the workflow; the first publication sets published_at, later ones keep it. */
export async function transitionEdition(
  db: Db,
  actor: Actor & { role: Role },
  editionId: string,
  action: EditionAction,
  options: { expectedVersion?: number | undefined; note?: string | undefined } = {},
): Promise<{ version: number; from: EditionStatus; to: EditionStatus }> {
  const transition = editionTransition(action);
  const outcome = await db.transaction().execute(async (trx) => {
    const edition = await lockEdition(trx, editionId, 'update');
    if (options.expectedVersion !== undefined && options.expectedVersion !== edition.version) throw new StaleVersionError(edition.version);
    const from = edition.status;
    checkTransition(actor.role, transition, from);
    const updated = await sql<{ version: number }>`UPDATE framework_editions SET status = ${transition.to}, version = version + 1,
        published_at = CASE WHEN ${transition.to} = 'published' THEN coalesce(published_at, now()) ELSE published_at END
      WHERE id = ${editionId}::bigint RETURNING version`.execute(trx);
    const version = updated.rows[0]!.version;
    const note = options.note?.trim();
    await recordAudit(trx, actor, {
      action: `review_edition.${action}`,
      entityType: 'review_edition',
      entityId: editionId,
      entityLabel: `${edition.frameworkKey} ${edition.label}`,
      details: { from, to: transition.to, version, ...(note ? { note } : {}) },
    });
    return { version, from, to: transition.to };
  });
  contentChanged();
  return outcome;
}

/**
 * New weights for a framework's criteria. `loaded` holds the weights the form showed: a criterion
 * whose weight changed since then (and that the user changed too) refuses the whole save.
 * Returns the criteria whose weight changed.
 */
export async function updateWeights(
  db: Db,
  actor: Actor,
  frameworkKey: string,
  weights: ReadonlyMap<string, number>,
  loaded: ReadonlyMap<string, number>,
): Promise<string[]> {
  const changed = await db.transaction().execute(async (trx) => {
    const current = await sql<{ key: string; weight: number }>`SELECT key, weight::float8 AS weight FROM framework_criteria
      WHERE framework_key = ${frameworkKey} ORDER BY position, key FOR UPDATE`.execute(trx);
    const now = new Map(current.rows.map((r) => [r.key, r.weight]));
    const stale = [...weights].filter(([key, weight]) => now.has(key) && loaded.get(key) !== now.get(key) && weight !== now.get(key)).map(([key]) => key);
    if (stale.length > 0) throw new WeightsChangedError(stale);
    const changes = [...weights].filter(([key, weight]) => now.has(key) && weight !== now.get(key));
    if (changes.length === 0) return [];
    for (const [key, weight] of changes) {
      await sql`UPDATE framework_criteria SET weight = ${weight} WHERE framework_key = ${frameworkKey} AND key = ${key}`.execute(trx);
    }
    const after = Object.fromEntries(current.rows.map((r) => [r.key, weights.get(r.key) ?? r.weight]));
    const previous = await sql<{ v: number }>`SELECT coalesce(max(version), 0)::int AS v FROM revisions
      WHERE entity_type = 'framework_weights' AND entity_id = ${frameworkKey}`.execute(trx);
    await recordRevision(trx, actor, { entityType: 'framework_weights', entityId: frameworkKey, version: previous.rows[0]!.v + 1, data: after, action: 'weights' });
    await recordAudit(trx, actor, {
      action: 'framework.weights',
      entityType: 'framework',
      entityId: frameworkKey,
      entityLabel: frameworkKey,
      details: { changes: Object.fromEntries(changes.map(([key, weight]) => [key, { from: now.get(key), to: weight }])) },
    });
    return changes.map(([key]) => key);
  });
  if (changed.length > 0) contentChanged();
  return changed;
}
