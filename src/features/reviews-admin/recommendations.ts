// The recommendations of a regional review: a text per locale for an edition and a region, saved
// with a version check, a revision (entity 'regional_recommendation', id "edition:region") and an
// audit entry. Like the assessments, they change only while the edition is draft or in review.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import { lockEditableEdition } from './editions.ts';
import { StaleVersionError } from './errors.ts';

export const RECOMMENDATION_MAX = 20_000;

export type StoredRecommendation = { text: Localized; version: number; updatedBy: string | null; updatedAt: string | null };

export async function storedRecommendation(db: Db, editionId: string, region: string, lock = false): Promise<StoredRecommendation | undefined> {
  const r = await sql<StoredRecommendation>`SELECT r.text, r.version, u.email AS "updatedBy", to_json(r.updated_at)#>>'{}' AS "updatedAt"
    FROM regional_recommendations r LEFT JOIN users u ON u.id = r.updated_by
    WHERE r.edition_id = ${editionId}::bigint AND r.region_code = ${region} ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return r.rows[0];
}

/** The regions of an edition that have recommendations, with the locales written. */
export async function recommendationLocales(db: Db, editionId: string): Promise<Map<string, string[]>> {
  const r = await sql<{ region: string; text: Localized }>`SELECT region_code AS region, text FROM regional_recommendations
    WHERE edition_id = ${editionId}::bigint`.execute(db);
  return new Map(r.rows.map((row) => [row.region, LOCALES.filter((l) => row.text[l]?.trim())]));
}

function same(a: Localized, b: Localized): boolean {
  return LOCALES.every((l) => (a[l] ?? '') === (b[l] ?? ''));
}

/** Stale (saved by someone else since `expectedVersion`): StaleVersionError, nothing written. */
export async function saveRecommendation(
  db: Db,
  actor: Actor,
  editionId: string,
  region: string,
  text: Localized,
  expectedVersion: number,
): Promise<{ version: number; changed: boolean }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const edition = await lockEditableEdition(trx, editionId);
    const current = await storedRecommendation(trx, editionId, region, true);
    if ((current?.version ?? 0) !== expectedVersion) throw new StaleVersionError(current?.version ?? 0);
    if (same(current?.text ?? {}, text)) return { version: current?.version ?? 0, changed: false };
    const entityId = `${editionId}:${region}`;
    const written = current
      ? await sql<{ version: number }>`UPDATE regional_recommendations SET text = ${JSON.stringify(text)}::jsonb, version = version + 1,
            updated_at = now(), updated_by = ${actor.id}::bigint
          WHERE edition_id = ${editionId}::bigint AND region_code = ${region} RETURNING version`.execute(trx)
      : await sql<{ version: number }>`INSERT INTO regional_recommendations (edition_id, region_code, text, updated_by)
          VALUES (${editionId}::bigint, ${region}, ${JSON.stringify(text)}::jsonb, ${actor.id}::bigint) RETURNING version`.execute(trx);
    const version = written.rows[0]!.version;
    await recordRevision(trx, actor, { entityType: 'regional_recommendation', entityId, version, data: { text }, action: 'save' });
    await recordAudit(trx, actor, {
      action: 'recommendation.save',
      entityType: 'regional_recommendation',
      entityId,
      entityLabel: `${edition.frameworkKey} ${edition.label} ${region}`,
      details: { edition: editionId, region, version, locales: LOCALES.filter((l) => (current?.text[l] ?? '') !== (text[l] ?? '')) },
    });
    return { version, changed: true };
  }).catch(async (error: unknown) => {
    // Two first saves at once: the second meets the first's row (unique key).
    if ((error as { code?: string }).code === '23505') throw new StaleVersionError((await storedRecommendation(db, editionId, region))?.version ?? 0);
    throw error;
  });
  if (outcome.changed) contentChanged();
  return outcome;
}
