// The reads the public review pages need beside the lead's store: edition summaries for the
// frameworks index, regions, recommendations, the national laws that evidence cites, and the
// model law whose articles would close a gap.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { listPublishedLaws, loadEditionTree, type EditionTree } from '../model-law/store.ts';

export type EditionSummary = { frameworkKey: string; label: string; year: number; demo: boolean; countries: number };

/** Each framework's newest published edition with the number of countries it assesses (anything but "not assessed"). */
export async function newestEditionSummaries(db: Db): Promise<Map<string, EditionSummary>> {
  const result = await sql<EditionSummary>`SELECT DISTINCT ON (e.framework_key) e.framework_key AS "frameworkKey", e.label, e.year, e.demo,
      (SELECT count(DISTINCT a.country) FROM assessments a WHERE a.edition_id = e.id AND a.status <> 'not_assessed')::int AS countries
    FROM framework_editions e WHERE e.status = 'published'
    ORDER BY e.framework_key, e.year DESC, e.id DESC`.execute(db);
  return new Map(result.rows.map((r) => [r.frameworkKey, r]));
}

export type RegionInfo = { code: string; kind: 'continent' | 'subregion' | 'organisation'; names: Localized; position: number; members: string[] };

export async function listRegionInfo(db: Db): Promise<RegionInfo[]> {
  const result = await sql<RegionInfo>`SELECT g.code, g.kind, g.names, g.position,
      coalesce((SELECT array_agg(m.country_code::text ORDER BY m.country_code) FROM region_members m WHERE m.region_code = g.code), '{}') AS members
    FROM regions g ORDER BY g.position, g.code`.execute(db);
  return result.rows;
}

export async function countryExists(db: Db, code: string): Promise<boolean> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM countries WHERE code = ${code}`.execute(db);
  return result.rows[0]!.n > 0;
}

export async function getRecommendations(db: Db, editionId: string, region: string): Promise<Localized | undefined> {
  const result = await sql<{ text: Localized }>`SELECT text FROM regional_recommendations
    WHERE edition_id = ${editionId}::bigint AND region_code = ${region}`.execute(db);
  return result.rows[0]?.text;
}

export type CitedLaw = { key: string; country: string; title: string; year: number; link: string | null; provisions: Record<string, string | null> };

/** The national laws named by evidence, with each provision's own link (null: use the law's). */
export async function citedLaws(db: Db, keys: string[]): Promise<Map<string, CitedLaw>> {
  if (keys.length === 0) return new Map();
  const result = await sql<CitedLaw>`SELECT l.key, l.country::text AS country, l.title, l.year, l.link,
      coalesce((SELECT jsonb_object_agg(p.ref, p.link) FROM national_provisions p WHERE p.law_key = l.key), '{}') AS provisions
    FROM national_laws l WHERE l.key = ANY(${keys}::text[])`.execute(db);
  return new Map(result.rows.map((r) => [r.key, r]));
}

/**
 * The model law a gap points at: the first law's newest published edition, the same one the
 * coverage framework takes its criteria from.
 */
export async function newestModelLaw(db: Db): Promise<EditionTree | undefined> {
  const [edition] = await listPublishedLaws(db);
  return edition ? loadEditionTree(db, edition) : undefined;
}
