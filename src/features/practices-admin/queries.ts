// Reads of the back office's practice list: every practice whatever its state (the public
// directory only ever sees published ones), with a title search and a state filter.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { slugOrTitleContains } from '../admin/content-editor/list-query.ts';
import type { WorkflowState } from '../admin/workflow.ts';

export const PRACTICE_PAGE_SIZE = 25;

export type PracticeListFilters = { q: string; status: WorkflowState | undefined; page: number };

export type ListedPractice = {
  id: string;
  slug: string;
  actor: string;
  status: WorkflowState;
  version: number;
  title: Localized;
  updated_at: string;
  updated_by_email: string | null;
};

export async function listPractices(db: Db, f: PracticeListFilters): Promise<{ items: ListedPractice[]; total: number }> {
  const conditions = [sql`TRUE`];
  const q = f.q.trim();
  if (q) conditions.push(slugOrTitleContains('p', q));
  if (f.status) conditions.push(sql`p.status = ${f.status}`);
  const where = sql.join(conditions, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<ListedPractice>`SELECT p.id::text AS id, p.slug, p.actor, p.status, p.version, p.title,
        to_json(p.updated_at)#>>'{}' AS updated_at, u.email AS updated_by_email
      FROM practices p LEFT JOIN users u ON u.id = p.updated_by
      WHERE ${where} ORDER BY p.updated_at DESC, p.id DESC
      LIMIT ${PRACTICE_PAGE_SIZE} OFFSET ${(f.page - 1) * PRACTICE_PAGE_SIZE}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM practices p WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]!.n };
}

/** The library resources among these slugs (a practice may only point at existing ones). */
export async function existingResourceSlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const r = await sql<{ slug: string }>`SELECT slug FROM resources WHERE slug = ANY(${slugs}::text[])`.execute(db);
  return new Set(r.rows.map((row) => row.slug));
}
