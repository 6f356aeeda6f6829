// What a resource row keeps besides what the editor typed: publisher slugs (publishers created by
// name on first use), regions derived from countries, and the extra search text (publisher names).
// Used by the batch upsert (store.ts upsertResources) and by the editor: SQL fragments that
// take the countries and publisher slugs as expressions (column references in the batch,
// parameters in the editor), so the rules are written once.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { slugify } from './slug.ts';

type Expr = RawBuilder<unknown>;

export function publisherSlug(name: string): string {
  return slugify(name, 60);
}

/** Regions of these countries, sorted and distinct. */
export function derivedRegions(countries: Expr) {
  return sql<string[]>`coalesce((SELECT array_agg(DISTINCT m.region_code ORDER BY m.region_code) FROM region_members m
    WHERE m.country_code = ANY(${countries})), '{}')`;
}

/** Publisher names only: country and topic names are matched through the tags (name-matches.ts). */
export function derivedSearchExtra(publisherSlugs: Expr) {
  return sql<string>`coalesce((SELECT string_agg(p.name, ' ') FROM publishers p WHERE p.slug = ANY(${publisherSlugs})), '')`;
}

/** Creates the publishers named (by slug, keeping an existing entry's spelling); returns their slugs in order. */
export async function ensurePublishers(db: Db, names: string[]): Promise<string[]> {
  const publishers = names.map((name) => ({ slug: publisherSlug(name), name }));
  if (publishers.length > 0) {
    await sql`INSERT INTO publishers (slug, name)
      SELECT p->>'slug', p->>'name' FROM jsonb_array_elements(${JSON.stringify(publishers)}::jsonb) p
      ON CONFLICT (slug) DO NOTHING`.execute(db);
  }
  return [...new Set(publishers.map((p) => p.slug))];
}

/** A text array parameter. */
export function textArray(values: string[]) {
  return sql`${values}::text[]`;
}
