// What a resource revision keeps: every field an editor or an import can change, in the shape of
// the editor's input (publisher names, topic slugs, country codes), so that a restore is a save.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { LocalizedText } from '../../db/tables.ts';

export type ResourceSnapshot = {
  slug: string;
  type: string;
  year: number | null;
  link: string | null;
  status: 'draft' | 'in_review' | 'published' | 'archived';
  title: LocalizedText;
  summary: LocalizedText;
  publishers: string[];
  topics: string[];
  countries: string[];
  languages: string[];
};

/** The current state of a resource with its version, or undefined when there is no such resource. */
export async function resourceSnapshot(db: Db, id: string): Promise<{ version: number; data: ResourceSnapshot } | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<ResourceSnapshot & { version: number }>`
    SELECT r.version, r.slug, r.type, r.year, r.link, r.status, r.title, r.summary, r.topics, r.countries, r.languages,
      coalesce((SELECT array_agg(p.name ORDER BY array_position(r.publishers, p.slug)) FROM publishers p WHERE p.slug = ANY(r.publishers)), '{}') AS publishers
    FROM resources r WHERE r.id = ${id}::bigint`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { version, ...data } = row;
  return { version, data };
}
