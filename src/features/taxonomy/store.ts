// Topics, countries, regions and publishers: the vocabularies resources are tagged with.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { allCountryNames } from './country-names.ts';
import topicsData from '../../data/topics.json' with { type: 'json' };
import regionsData from '../../data/regions.json' with { type: 'json' };

export type Topic = { slug: string; names: Localized; aliases: string[] };
export type Region = { code: string; kind: string; names: Localized; members: string[]; parent?: string };
export type Named = { code: string; names: Localized };

export const SHIPPED_TOPICS = topicsData as Topic[];
export const SHIPPED_REGIONS = regionsData as Region[];

/** Writes the shipped vocabularies (idempotent: run at every start, cheap). Editors' topics stay. */
export async function upsertReferenceData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const countries = allCountryNames();
    await sql`INSERT INTO countries (code, names)
      SELECT c->>'code', c->'names' FROM jsonb_array_elements(${JSON.stringify(countries)}::jsonb) c
      ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names WHERE countries.names IS DISTINCT FROM EXCLUDED.names`.execute(trx);
    const topics = SHIPPED_TOPICS.map((t, position) => ({ ...t, position }));
    await sql`INSERT INTO topics (slug, names, aliases, position)
      SELECT t->>'slug', t->'names', ARRAY(SELECT jsonb_array_elements_text(t->'aliases')), (t->>'position')::int
      FROM jsonb_array_elements(${JSON.stringify(topics)}::jsonb) t
      ON CONFLICT (slug) DO UPDATE SET names = EXCLUDED.names, aliases = EXCLUDED.aliases, position = EXCLUDED.position
      WHERE (topics.names, topics.aliases, topics.position) IS DISTINCT FROM (EXCLUDED.names, EXCLUDED.aliases, EXCLUDED.position)`.execute(trx);
    const regions = SHIPPED_REGIONS.map((r, position) => ({ ...r, position }));
    await sql`INSERT INTO regions (code, kind, names, position)
      SELECT r->>'code', r->>'kind', r->'names', (r->>'position')::int FROM jsonb_array_elements(${JSON.stringify(regions)}::jsonb) r
      ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, names = EXCLUDED.names, position = EXCLUDED.position
      WHERE (regions.kind, regions.names, regions.position) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.names, EXCLUDED.position)`.execute(trx);
    // Country and topic names are searchable words too (typo tolerance for "Cambodai").
    await sql`INSERT INTO search_words (word)
      SELECT DISTINCT w FROM (SELECT names FROM countries UNION ALL SELECT names FROM topics) n, jsonb_each_text(n.names) e,
        unnest(tsvector_to_array(to_tsvector('simple', atlas_unaccent(e.value)))) w
      WHERE length(w) BETWEEN 3 AND 40
      ON CONFLICT DO NOTHING`.execute(trx);
    const members = regions.flatMap((r) => r.members.map((c) => ({ r: r.code, c })));
    const changed = await sql<{ n: number }>`WITH wanted AS (
        SELECT m->>'r' AS region_code, m->>'c' AS country_code FROM jsonb_array_elements(${JSON.stringify(members)}::jsonb) m),
      removed AS (DELETE FROM region_members rm WHERE rm.region_code IN (SELECT DISTINCT region_code FROM wanted)
        AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.region_code = rm.region_code AND w.country_code = rm.country_code) RETURNING 1),
      added AS (INSERT INTO region_members SELECT region_code, country_code FROM wanted ON CONFLICT DO NOTHING RETURNING 1)
      SELECT ((SELECT count(*) FROM removed) + (SELECT count(*) FROM added))::int AS n`.execute(trx);
    // Membership changed: the regions kept on each resource must follow.
    if (changed.rows[0]!.n > 0) {
      await sql`UPDATE resources r SET regions = coalesce((SELECT array_agg(DISTINCT rm.region_code ORDER BY rm.region_code)
        FROM region_members rm WHERE rm.country_code = ANY(r.countries)), '{}')`.execute(trx);
    }
  });
}

export type WithCount<T> = T & { count: number };

/** Topics with the number of published resources on each. */
export async function listTopics(db: Db): Promise<WithCount<Topic>[]> {
  const r = await sql<WithCount<Topic>>`SELECT t.slug, t.names, t.aliases,
      (SELECT count(*) FROM resources r WHERE r.status = 'published' AND t.slug = ANY(r.topics))::int AS count
    FROM topics t ORDER BY t.position, t.slug`.execute(db);
  return r.rows;
}

export async function getTopic(db: Db, slug: string): Promise<Topic | undefined> {
  const r = await sql<Topic>`SELECT slug, names, aliases FROM topics WHERE slug = ${slug}`.execute(db);
  return r.rows[0];
}

/** Countries; with `onlyUsed`, those that published resources are tagged with. */
export async function listCountries(db: Db, onlyUsed = false): Promise<WithCount<Named>[]> {
  const r = await sql<WithCount<Named>>`SELECT c.code, c.names, coalesce(u.n, 0)::int AS count
    FROM countries c LEFT JOIN (
      SELECT x AS code, count(*) AS n FROM resources, unnest(countries) x WHERE status = 'published' GROUP BY x
    ) u ON u.code = c.code
    WHERE ${onlyUsed ? sql`u.n > 0` : sql`TRUE`}
    ORDER BY c.names->>'en'`.execute(db);
  return r.rows;
}

export async function getCountry(db: Db, code: string): Promise<(Named & { regions: Named[] }) | undefined> {
  const r = await sql<Named & { regions: Named[] }>`SELECT c.code, c.names,
      coalesce((SELECT json_agg(json_build_object('code', g.code, 'names', g.names) ORDER BY g.position)
        FROM region_members m JOIN regions g ON g.code = m.region_code WHERE m.country_code = c.code), '[]') AS regions
    FROM countries c WHERE c.code = ${code}`.execute(db);
  return r.rows[0];
}

export async function listRegions(db: Db): Promise<(Named & { kind: string; members: string[] })[]> {
  const r = await sql<Named & { kind: string; members: string[] }>`SELECT g.code, g.names, g.kind,
      coalesce((SELECT array_agg(m.country_code::text ORDER BY m.country_code) FROM region_members m WHERE m.region_code = g.code), '{}') AS members
    FROM regions g ORDER BY g.position`.execute(db);
  return r.rows;
}

export type Publisher = { slug: string; name: string };

export async function listPublishers(db: Db): Promise<WithCount<Publisher>[]> {
  const r = await sql<WithCount<Publisher>>`SELECT p.slug, p.name,
      (SELECT count(*) FROM resources r WHERE r.status = 'published' AND p.slug = ANY(r.publishers))::int AS count
    FROM publishers p ORDER BY lower(p.name)`.execute(db);
  return r.rows.filter((p) => p.count > 0);
}

export async function getPublisher(db: Db, slug: string): Promise<Publisher | undefined> {
  const r = await sql<Publisher>`SELECT slug, name FROM publishers WHERE slug = ${slug}`.execute(db);
  return r.rows[0];
}

/** Label lookups for facet values, in one query: topic names, country names, region names, publisher names. */
export async function facetLabels(db: Db): Promise<{
  topic: Map<string, Localized>;
  country: Map<string, Localized>;
  region: Map<string, Localized>;
  publisher: Map<string, string>;
}> {
  const r = await sql<{ kind: string; key: string; names: Localized | null; name: string | null }>`
    SELECT 'topic' AS kind, slug AS key, names, NULL AS name FROM topics
    UNION ALL SELECT 'country', code::text, names, NULL FROM countries
    UNION ALL SELECT 'region', code, names, NULL FROM regions
    UNION ALL SELECT 'publisher', slug, NULL, name FROM publishers`.execute(db);
  const out = { topic: new Map(), country: new Map(), region: new Map(), publisher: new Map() } as Awaited<ReturnType<typeof facetLabels>>;
  for (const row of r.rows) {
    if (row.kind === 'publisher') out.publisher.set(row.key, row.name ?? row.key);
    else (out[row.kind as 'topic' | 'country' | 'region'] as Map<string, Localized>).set(row.key, row.names ?? {});
  }
  return out;
}
