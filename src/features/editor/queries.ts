// Reads of the back office: every resource whatever its state (the public reads in library/ only
// ever see published ones).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { slugOrTitleContains } from '../admin/content-editor/list-query.ts';
import type { Resource } from '../library/store.ts';
import { resourceSnapshot, type ResourceSnapshot } from './snapshot.ts';
import type { ResourceState } from './workflow.ts';

export const LIST_PAGE_SIZE = 25;

export type ListFilters = {
  q: string;
  status: ResourceState | undefined;
  type: string | undefined;
  topic: string | undefined;
  country: string | undefined;
  sort: 'updated_desc' | 'updated_asc';
  page: number;
};

export type ListedResource = {
  id: string;
  slug: string;
  type: string;
  year: number | null;
  status: ResourceState;
  version: number;
  title: Localized;
  updated_at: string;
  updated_by_email: string | null;
};

export async function listResources(db: Db, f: ListFilters): Promise<{ items: ListedResource[]; total: number }> {
  const conditions = [sql`TRUE`];
  const q = f.q.trim();
  if (q) conditions.push(slugOrTitleContains('r', q));
  if (f.status) conditions.push(sql`r.status = ${f.status}`);
  if (f.type) conditions.push(sql`r.type = ${f.type}`);
  if (f.topic) conditions.push(sql`r.topics @> ARRAY[${f.topic}]::text[]`);
  if (f.country) conditions.push(sql`r.countries @> ARRAY[${f.country}]::text[]`);
  const where = sql.join(conditions, sql` AND `);
  const order = f.sort === 'updated_asc' ? sql`r.updated_at ASC, r.id ASC` : sql`r.updated_at DESC, r.id DESC`;
  const result = await sql<ListedResource & { total: number }>`
    SELECT r.id::text AS id, r.slug, r.type, r.year, r.status, r.version, r.title, to_json(r.updated_at)#>>'{}' AS updated_at,
      u.email AS updated_by_email, count(*) OVER ()::int AS total
    FROM resources r LEFT JOIN users u ON u.id = r.updated_by
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${LIST_PAGE_SIZE} OFFSET ${(f.page - 1) * LIST_PAGE_SIZE}`.execute(db);
  let total = result.rows[0]?.total;
  if (total === undefined) {
    // A page past the end has no rows to carry the count.
    total = f.page > 1 ? (await sql<{ n: number }>`SELECT count(*)::int AS n FROM resources r WHERE ${where}`.execute(db)).rows[0]!.n : 0;
  }
  return { items: result.rows.map(({ total: _total, ...item }) => item), total };
}

export type EditorResource = {
  id: string;
  version: number;
  data: ResourceSnapshot;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  updated_by_email: string | null;
};

/** The resource as the edit form shows it, whatever its state. */
export async function editorResource(db: Db, id: string): Promise<EditorResource | undefined> {
  const snapshot = await resourceSnapshot(db, id);
  if (!snapshot) return undefined;
  const meta = await sql<Omit<EditorResource, 'id' | 'version' | 'data'>>`SELECT to_json(r.created_at)#>>'{}' AS created_at,
      to_json(r.updated_at)#>>'{}' AS updated_at, to_json(r.published_at)#>>'{}' AS published_at, u.email AS updated_by_email
    FROM resources r LEFT JOIN users u ON u.id = r.updated_by WHERE r.id = ${id}::bigint`.execute(db);
  return { id, ...snapshot, ...meta.rows[0]! };
}

/** The resource in the public pages' shape, whatever its state: for the preview. */
export async function resourceForPreview(db: Db, id: string): Promise<Resource | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await sql<Resource>`SELECT id::text AS id, slug, type, year, link, status, title, summary, topics, countries, regions,
      publishers, languages, to_json(created_at)#>>'{}' AS created_at, to_json(updated_at)#>>'{}' AS updated_at,
      to_json(published_at)#>>'{}' AS published_at
    FROM resources WHERE id = ${id}::bigint`.execute(db);
  return r.rows[0];
}

// Other features (safeguarding-admin) read the vocabulary from here.
export { vocabularyChoices, type Choice } from '../admin/content-editor/vocabulary.ts';
