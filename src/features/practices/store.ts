// Practices: the batch upsert by slug (shipped data, imports) and the reads of the public pages,
// the API and the back office. Texts are per locale; regions are derived from the countries.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { slugify } from '../library/slug.ts';
import { derivedRegions } from '../library/derive.ts';
import { addSearchWordsFrom, everyLanguage } from '../library/search-words.ts';
import { getPublishedResource, type Resource } from '../library/store.ts';
import { RESERVED_PRACTICE_SLUGS, type Actor, type PracticeInput } from './schema.ts';

export type PracticeStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type PracticeLink = { url: string; label: string };

export type Practice = {
  id: string;
  slug: string;
  actor: Actor;
  status: PracticeStatus;
  version: number;
  topics: string[];
  countries: string[];
  regions: string[];
  /** Years active; `yearTo` null while ongoing. */
  yearFrom: number | null;
  yearTo: number | null;
  title: Localized;
  summary: Localized;
  description: Localized;
  outcomes: Localized;
  links: PracticeLink[];
  /** Slugs of library resources. */
  relatedResources: string[];
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
};

export type PracticeUpsertOutcome = { slug: string; id: string; outcome: 'created' | 'updated' | 'unchanged' };

/** The slug given, or one made from the English title (else any title); never a reserved path. */
export function practiceSlug(input: Pick<PracticeInput, 'slug' | 'title'>): string {
  if (input.slug) return input.slug;
  const base = slugify(input.title.en ?? Object.values(input.title).find(Boolean) ?? 'practice');
  return RESERVED_PRACTICE_SLUGS.includes(base) ? `${base}-practice` : base;
}

/** The columns of a Practice, from a row aliased `r` (shared with the search's result rows). */
export const PRACTICE_ROW = sql`r.id::text AS id, r.slug, r.actor, r.status, r.version, r.topics, r.countries, r.regions,
  r.year_from AS "yearFrom", r.year_to AS "yearTo", r.title, r.summary, r.description, r.outcomes, r.links,
  r.related_resources AS "relatedResources", to_json(r.created_at)#>>'{}' AS "createdAt",
  to_json(r.updated_at)#>>'{}' AS "updatedAt", to_json(r.published_at)#>>'{}' AS "publishedAt"`;

/**
 * Creates or updates practices by slug, in the caller's transaction (pass a transaction handle).
 * An update replaces every field (texts included); a row already equal is left as it is.
 */
export async function upsertPractices(db: Db, inputs: PracticeInput[]): Promise<PracticeUpsertOutcome[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((i) => ({
    slug: practiceSlug(i),
    actor: i.actor,
    status: i.status,
    topics: [...new Set(i.topics)].sort(),
    countries: [...new Set(i.countries)].sort(),
    year_from: i.yearFrom,
    year_to: i.yearTo,
    title: i.title,
    summary: i.summary,
    description: i.description,
    outcomes: i.outcomes,
    links: i.links,
    related: [...new Set(i.relatedResources)],
  }));
  const result = await sql<{ slug: string; id: string; created: boolean }>`
    WITH input AS (
      SELECT x->>'slug' AS slug, x->>'actor' AS actor, x->>'status' AS status,
        ARRAY(SELECT jsonb_array_elements_text(x->'topics')) AS topics,
        ARRAY(SELECT jsonb_array_elements_text(x->'countries')) AS countries,
        (x->>'year_from')::int AS year_from, (x->>'year_to')::int AS year_to,
        x->'title' AS title, x->'summary' AS summary, x->'description' AS description, x->'outcomes' AS outcomes,
        x->'links' AS links, ARRAY(SELECT jsonb_array_elements_text(x->'related')) AS related_resources
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) x
    ), derived AS (
      SELECT i.*, ${derivedRegions(sql`i.countries`)} AS regions FROM input i
    )
    INSERT INTO practices AS p (slug, actor, status, topics, countries, regions, year_from, year_to, title, summary,
      description, outcomes, links, related_resources, published_at)
    SELECT slug, actor, status, topics, countries, regions, year_from, year_to, title, summary, description, outcomes,
      links, related_resources, CASE WHEN status = 'published' THEN now() END
    FROM derived
    ON CONFLICT (slug) DO UPDATE SET
      actor = EXCLUDED.actor, status = EXCLUDED.status, topics = EXCLUDED.topics, countries = EXCLUDED.countries,
      regions = EXCLUDED.regions, year_from = EXCLUDED.year_from, year_to = EXCLUDED.year_to, title = EXCLUDED.title,
      summary = EXCLUDED.summary, description = EXCLUDED.description, outcomes = EXCLUDED.outcomes, links = EXCLUDED.links,
      related_resources = EXCLUDED.related_resources, updated_at = now(), version = p.version + 1,
      published_at = CASE WHEN EXCLUDED.status = 'published' THEN coalesce(p.published_at, now()) END
    WHERE (p.actor, p.status, p.topics, p.countries, p.regions, p.year_from, p.year_to, p.title, p.summary, p.description,
        p.outcomes, p.links, p.related_resources)
      IS DISTINCT FROM (EXCLUDED.actor, EXCLUDED.status, EXCLUDED.topics, EXCLUDED.countries, EXCLUDED.regions,
        EXCLUDED.year_from, EXCLUDED.year_to, EXCLUDED.title, EXCLUDED.summary, EXCLUDED.description, EXCLUDED.outcomes,
        EXCLUDED.links, EXCLUDED.related_resources)
    RETURNING p.slug, p.id::text AS id, (xmax = 0) AS created`.execute(db);
  await addPracticeSearchWords(db, result.rows.map((r) => r.id));
  const written = new Map(result.rows.map((r) => [r.slug, r]));
  return rows.map((row) => {
    const w = written.get(row.slug);
    return w ? { slug: row.slug, id: w.id, outcome: w.created ? 'created' : 'updated' } : { slug: row.slug, id: '', outcome: 'unchanged' };
  });
}

/**
 * Adds the words of these practices to search_words, the vocabulary the search corrects misspelt
 * queries from (shared with the library: a word either one knows is a real word).
 */
export function addPracticeSearchWords(db: Db, ids: string[]): Promise<void> {
  const texts = ['title', 'summary', 'description', 'outcomes'].map((column) => everyLanguage(column));
  return addSearchWordsFrom(db, 'practices', texts, ids);
}

/** A practice in any state, by numeric id or slug (for the back office). */
export async function getPractice(db: Db, idOrSlug: string): Promise<Practice | undefined> {
  const byId = /^\d{1,18}$/.test(idOrSlug);
  const r = await sql<Practice>`SELECT ${PRACTICE_ROW} FROM practices r
    WHERE ${byId ? sql`r.id = ${idOrSlug}::bigint` : sql`r.slug = ${idOrSlug}`}`.execute(db);
  return r.rows[0];
}

/** A published practice by slug. */
export async function getPublishedPractice(db: Db, slug: string): Promise<Practice | undefined> {
  const r = await sql<Practice>`SELECT ${PRACTICE_ROW} FROM practices r WHERE r.status = 'published' AND r.slug = ${slug}`.execute(db);
  return r.rows[0];
}

/** The published library resources a practice names, in its order (unpublished ones left out). */
export async function relatedLibraryResources(db: Db, practice: Pick<Practice, 'relatedResources'>): Promise<Resource[]> {
  const found = await Promise.all(practice.relatedResources.map((slug) => getPublishedResource(db, slug)));
  return found.filter((r): r is Resource => r !== undefined);
}
