// Resources: writes (idempotent upsert by slug, each batch one transaction) and single-resource reads.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { slugify } from './slug.ts';
import { derivedRegions, derivedSearchExtra, ensurePublishers, publisherSlug } from './derive.ts';
import type { ResourceInput } from './schema.ts';
import { addSearchWordsFrom, everyLanguage } from './search-words.ts';

export type Resource = {
  id: string;
  slug: string;
  type: string;
  year: number | null;
  link: string | null;
  status: 'draft' | 'in_review' | 'published' | 'archived';
  title: Localized;
  summary: Localized;
  topics: string[];
  countries: string[];
  regions: string[];
  publishers: string[];
  languages: string[];
  /** ISO 8601 timestamps. */
  created_at: string;
  updated_at: string;
  published_at: string | null;
};

export type UpsertOutcome = { slug: string; id: string; outcome: 'created' | 'updated' | 'unchanged' };

export function resourceSlug(input: ResourceInput): string {
  return input.slug ?? slugify(input.title.en ?? Object.values(input.title).find(Boolean) ?? 'resource');
}

/**
 * Creates or updates resources by slug, in the caller's transaction (pass a transaction handle).
 * Publishers are created by name as needed; regions and the search text are derived here.
 */
export async function upsertResources(db: Db, inputs: ResourceInput[]): Promise<UpsertOutcome[]> {
  if (inputs.length === 0) return [];
  await ensurePublishers(db, [...new Set(inputs.flatMap((i) => i.publishers))]);
  const rows = inputs.map((i) => ({
    slug: resourceSlug(i),
    type: i.type,
    year: i.year,
    link: i.link,
    status: i.status,
    title: i.title,
    summary: i.summary,
    topics: [...new Set(i.topics)].sort(),
    countries: [...new Set(i.countries)].sort(),
    publishers: [...new Set(i.publishers.map(publisherSlug))],
    languages: [...new Set(i.languages)].sort(),
  }));
  const result = await sql<{ slug: string; id: string; created: boolean }>`
    WITH input AS (
      SELECT x->>'slug' AS slug, x->>'type' AS type, (x->>'year')::int AS year, x->>'link' AS link, x->>'status' AS status,
        x->'title' AS title, x->'summary' AS summary,
        ARRAY(SELECT jsonb_array_elements_text(x->'topics')) AS topics,
        ARRAY(SELECT jsonb_array_elements_text(x->'countries')) AS countries,
        ARRAY(SELECT jsonb_array_elements_text(x->'publishers')) AS publishers,
        ARRAY(SELECT jsonb_array_elements_text(x->'languages')) AS languages
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) x
    ), derived AS (
      SELECT i.*, ${derivedRegions(sql`i.countries`)} AS regions, ${derivedSearchExtra(sql`i.publishers`)} AS search_extra
      FROM input i
    )
    INSERT INTO resources AS r (slug, type, year, link, status, title, summary, topics, countries, regions, publishers, languages, search_extra, published_at)
    SELECT slug, type, year, link, status, title, summary, topics, countries, regions, publishers, languages, search_extra,
      CASE WHEN status = 'published' THEN now() END
    FROM derived
    ON CONFLICT (slug) DO UPDATE SET
      type = EXCLUDED.type, year = EXCLUDED.year, link = EXCLUDED.link, status = EXCLUDED.status,
      -- Texts merge by language: an English-only import keeps the other languages' translations.
      title = r.title || EXCLUDED.title, summary = r.summary || EXCLUDED.summary, topics = EXCLUDED.topics, countries = EXCLUDED.countries,
      regions = EXCLUDED.regions, publishers = EXCLUDED.publishers, languages = EXCLUDED.languages,
      search_extra = EXCLUDED.search_extra, updated_at = now(), version = r.version + 1,
      published_at = CASE WHEN EXCLUDED.status = 'published' THEN coalesce(r.published_at, now()) END
    WHERE (r.type, r.year, r.link, r.status, r.title, r.summary, r.topics, r.countries, r.publishers, r.languages, r.search_extra)
      IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.year, EXCLUDED.link, EXCLUDED.status, r.title || EXCLUDED.title, r.summary || EXCLUDED.summary,
        EXCLUDED.topics, EXCLUDED.countries, EXCLUDED.publishers, EXCLUDED.languages, EXCLUDED.search_extra)
    RETURNING r.slug, r.id::text AS id, (xmax = 0) AS created`.execute(db);
  const written = new Map(result.rows.map((r) => [r.slug, r]));
  await addSearchWords(db, result.rows.map((r) => r.id));
  const outcomes: UpsertOutcome[] = [];
  for (const row of rows) {
    const w = written.get(row.slug);
    outcomes.push(w ? { slug: row.slug, id: w.id, outcome: w.created ? 'created' : 'updated' } : { slug: row.slug, id: '', outcome: 'unchanged' });
  }
  return outcomes;
}

/** Adds the words of these resources to the vocabulary used to correct misspelt queries. */
export function addSearchWords(db: Db, ids: string[]): Promise<void> {
  return addSearchWordsFrom(db, 'resources', [everyLanguage('title'), everyLanguage('summary'), sql`r.search_extra`], ids);
}

const RESOURCE_COLUMNS = sql`id::text AS id, slug, type, year, link, status, title, summary, topics, countries, regions,
  publishers, languages, to_json(created_at)#>>'{}' AS created_at, to_json(updated_at)#>>'{}' AS updated_at,
  to_json(published_at)#>>'{}' AS published_at`;

/** A published resource by numeric id or slug. */
export async function getPublishedResource(db: Db, idOrSlug: string): Promise<Resource | undefined> {
  const byId = /^\d{1,18}$/.test(idOrSlug);
  const r = await sql<Resource>`SELECT ${RESOURCE_COLUMNS} FROM resources
    WHERE status = 'published' AND ${byId ? sql`id = ${idOrSlug}::bigint` : sql`slug = ${idOrSlug}`}`.execute(db);
  return r.rows[0];
}

/** Other published resources sharing topics and countries, the most shared first. */
export async function relatedResources(db: Db, resource: Resource, limit = 6): Promise<Resource[]> {
  const r = await sql<Resource>`SELECT ${RESOURCE_COLUMNS} FROM resources
    WHERE status = 'published' AND id <> ${resource.id}::bigint
      AND (topics && ${resource.topics}::text[] OR countries && ${resource.countries}::text[])
    ORDER BY
      (SELECT count(*) FROM unnest(topics) t WHERE t = ANY(${resource.topics}::text[]))
      + 2 * (SELECT count(*) FROM unnest(countries) c WHERE c = ANY(${resource.countries}::text[])) DESC,
      published_at DESC NULLS LAST, id
    LIMIT ${limit}`.execute(db);
  return r.rows;
}

export async function countPublished(db: Db): Promise<{ resources: number; topics: number; countries: number }> {
  const r = await sql<{ resources: number; topics: number; countries: number }>`SELECT
      count(*)::int AS resources,
      (SELECT count(DISTINCT t) FROM resources, unnest(topics) t WHERE status = 'published')::int AS topics,
      (SELECT count(DISTINCT c) FROM resources, unnest(countries) c WHERE status = 'published')::int AS countries
    FROM resources WHERE status = 'published'`.execute(db);
  return r.rows[0]!;
}
