// Reading frameworks, editions and assessments, and computing scores per edition. An edition holds
// at most 250 countries x a few dozen criteria, so it is read whole and scored here.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentGeneration } from '../../web/cache.ts';
import type { Localized } from '../../i18n/locales.ts';
import { changeSince, rank, scoreCountry, type AssessmentStatus, type Change, type CountryScore } from './scores.ts';

export type Criterion = { key: string; name: Localized; description: Localized; weight: number; position: number; modelLawArticle: string | null };
export type Framework = { key: string; name: Localized; description: Localized; derived: boolean; criteria: Criterion[] };
export type ReviewEdition = {
  id: string;
  frameworkKey: string;
  label: string;
  year: number;
  status: 'draft' | 'in_review' | 'published' | 'archived';
  demo: boolean;
  note: Localized;
  version: number;
  publishedAt: string | null;
};
export type Evidence = { nationalLaw: string; provision: string } | { citation: string; link?: string };
export type Assessment = {
  country: string;
  criterion: string;
  status: AssessmentStatus;
  evidence: Evidence[];
  note: Localized;
  reviewer: string | null;
  assessedOn: string | null;
  version: number;
};

export async function listFrameworks(db: Db): Promise<Framework[]> {
  const result = await sql<Framework>`
    SELECT f.key, f.name, f.description, f.derived,
      coalesce((SELECT json_agg(json_build_object('key', c.key, 'name', c.name, 'description', c.description, 'weight', c.weight::float8,
        'position', c.position, 'modelLawArticle', c.model_law_article) ORDER BY c.position, c.key)
        FROM framework_criteria c WHERE c.framework_key = f.key), '[]') AS criteria
    FROM frameworks f ORDER BY f.position, f.key`.execute(db);
  return result.rows;
}

export async function getFramework(db: Db, key: string): Promise<Framework | undefined> {
  return (await listFrameworks(db)).find((f) => f.key === key);
}

const EDITION_COLUMNS = sql`id::text AS id, framework_key AS "frameworkKey", label, year, status, demo, note, version,
  to_json(published_at)#>>'{}' AS "publishedAt"`;

/** Editions of a framework, newest first; only published ones unless asked. */
export async function listReviewEditions(db: Db, frameworkKey: string, opts: { includeUnpublished?: boolean } = {}): Promise<ReviewEdition[]> {
  const result = await sql<ReviewEdition>`SELECT ${EDITION_COLUMNS} FROM framework_editions
    WHERE framework_key = ${frameworkKey} ${opts.includeUnpublished ? sql`` : sql`AND status = 'published'`}
    ORDER BY year DESC, id DESC`.execute(db);
  return result.rows;
}

export async function getReviewEdition(db: Db, id: string): Promise<ReviewEdition | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<ReviewEdition>`SELECT ${EDITION_COLUMNS} FROM framework_editions WHERE id = ${id}::bigint`.execute(db);
  return result.rows[0];
}

export async function listAssessments(db: Db, editionId: string, country?: string): Promise<Assessment[]> {
  const result = await sql<Assessment>`SELECT country, criterion_key AS criterion, status, evidence, note, reviewer,
      to_char(assessed_on, 'YYYY-MM-DD') AS "assessedOn", version
    FROM assessments WHERE edition_id = ${editionId}::bigint ${country ? sql`AND country = ${country}` : sql``}
    ORDER BY country, criterion_key`.execute(db);
  return result.rows;
}

export type ScoredCountry = CountryScore & { rank: number | null; previous: number | null | undefined; change: Change };

/**
 * Every assessed country of an edition with its score, rank and change since the previous
 * published edition. `weights` replaces the framework's weights (the user's own index).
 */
export function scoreEdition(
  db: Db,
  framework: Framework,
  edition: ReviewEdition,
  weights?: ReadonlyMap<string, number>,
): Promise<ScoredCountry[]> {
  const effective = framework.criteria.map((c) => `${c.key}=${weights?.get(c.key) ?? c.weight}`).join(',');
  // A copy of the shared array for each caller, which may sort or filter it.
  return memoised(db, `${framework.key}|${edition.id}|${edition.version}|${effective}`, () => computeScores(db, framework, edition, weights)).then((rows) =>
    rows.map((row) => ({ ...row })),
  );
}

// Scores of an edition change only when content does: the scorecard, map, index and gap pages of
// one edition share one computation until the next write (contentChanged), and at most a minute, so
// that several processes on one PostgreSQL server converge, as the response cache does.
const SCORE_TTL_MS = 60_000;
const SCORE_ENTRIES = 200;
const scoreMemo = new WeakMap<Db, Map<string, { generation: number; expires: number; value: Promise<ScoredCountry[]> }>>();

function memoised(db: Db, key: string, compute: () => Promise<ScoredCountry[]>): Promise<ScoredCountry[]> {
  let entries = scoreMemo.get(db);
  if (!entries) scoreMemo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.generation === contentGeneration() && hit.expires > Date.now()) return hit.value;
  const value = compute();
  entries.set(key, { generation: contentGeneration(), expires: Date.now() + SCORE_TTL_MS, value });
  value.catch(() => entries.delete(key));
  while (entries.size > SCORE_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

async function computeScores(db: Db, framework: Framework, edition: ReviewEdition, weights?: ReadonlyMap<string, number>): Promise<ScoredCountry[]> {
  const effective = new Map(framework.criteria.map((c) => [c.key, weights?.get(c.key) ?? c.weight]));
  const current = scoresOf(await listAssessments(db, edition.id), effective);
  const previousEdition = (await listReviewEditions(db, framework.key)).find((e) => e.year < edition.year || (e.year === edition.year && Number(e.id) < Number(edition.id)));
  const previous = previousEdition ? new Map(scoresOf(await listAssessments(db, previousEdition.id), effective).map((s) => [s.country, s.score])) : undefined;
  return rank(current).map((s) => {
    const before = previous ? (previous.get(s.country) ?? null) : undefined;
    return { ...s, previous: before, change: previous ? changeSince(s.score, before) : 'none' };
  });
}

function scoresOf(assessments: Assessment[], weights: ReadonlyMap<string, number>): CountryScore[] {
  const byCountry = new Map<string, Map<string, AssessmentStatus>>();
  for (const a of assessments) {
    let statuses = byCountry.get(a.country);
    if (!statuses) byCountry.set(a.country, (statuses = new Map()));
    statuses.set(a.criterion, a.status);
  }
  return [...byCountry].map(([country, statuses]) => scoreCountry(country, statuses, weights));
}
