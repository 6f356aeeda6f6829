// Which stored resource each entry becomes. Resources are upserted by slug, and a slug derived from
// a title is cut at 80 characters, so two different long titles can share one: "A Statistical
// Analysis of ... : Global Report (Part I)" and "...: Regional Reports (Part II)". Upserting both
// under that slug would silently overwrite one resource with another. Here the same title twice is
// a duplicate to report, while different titles that meet only through the cut get distinct slugs.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { slugify } from '../library/slug.ts';
import { resourceSlug } from '../library/store.ts';
import type { ResourceInput } from '../library/schema.ts';
import type { EntryProblem, ImportEntry } from './run.ts';

export type Checked = { entry: ImportEntry; input?: ResourceInput; problems: EntryProblem[] };

/** The text a derived slug comes from (as resourceSlug picks it), even for an invalid entry. */
function titleText(entry: ImportEntry): string | undefined {
  const title = entry.input.title;
  if (typeof title !== 'object' || title === null) return undefined;
  const values = [(title as Record<string, unknown>).en, ...Object.values(title)];
  return values.find((t): t is string => typeof t === 'string' && t.trim() !== '')?.trim();
}

function explicitSlug(entry: ImportEntry): string | undefined {
  return typeof entry.input.slug === 'string' && entry.input.slug ? entry.input.slug : undefined;
}

/** A title's slug without the length cut: equal for titles that differ only in case or punctuation. */
const titleKey = (title: string) => slugify(title, 10_000);

/** Rejects entries that repeat an earlier one (same slug given, or same title), valid or not, so all are listed at once. */
export function markDuplicates(checked: Checked[]): void {
  const seen = new Map<string, Checked>();
  for (const c of checked) {
    const slug = explicitSlug(c.entry);
    const title = titleText(c.entry);
    const key = slug ? `slug ${slug}` : title ? `title ${titleKey(title)}` : undefined;
    if (!key) continue;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, c);
    else reject(c, `duplicate entry (same ${slug ? 'slug' : 'title'} as ${earlier.entry.where})`);
  }
}

/**
 * Settles the slug of every valid entry. A derived slug that collides, through the length cut,
 * with another title (earlier in the file, or already stored) becomes the cut title plus a short
 * hash of the whole title: the same on every import of that title, so re-imports still update.
 */
export async function assignSlugs(db: Db, checked: Checked[]): Promise<void> {
  const valid = checked.filter((c) => c.input);
  const stored = await storedTitleKeys(db, valid.map((c) => resourceSlug(c.input!)));
  const claimed = new Map<string, { where: string; key: string | undefined }>();
  for (const c of valid) {
    const input = c.input!;
    let slug = resourceSlug(input);
    const title = titleText(c.entry);
    if (!input.slug && title) {
      const mine = titleKey(title);
      const other = claimed.has(slug) ? claimed.get(slug)!.key : stored.get(slug);
      // Only a collision made by the cut: a resource renamed by an editor keeps being updated.
      const cut = mine !== slug || (other !== undefined && other.startsWith(`${slug}-`));
      if (other !== undefined && other !== mine && cut) slug = input.slug = `${slugify(title, 73)}-${shortHash(mine)}`;
    }
    const earlier = claimed.get(slug);
    if (earlier) {
      reject(c, `duplicate entry (same slug as ${earlier.where})`);
      continue;
    }
    claimed.set(slug, { where: c.entry.where, key: title ? titleKey(title) : undefined });
  }
}

async function storedTitleKeys(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const r = await sql<{ slug: string; title: string | null }>`SELECT slug,
      coalesce(title->>'en', (SELECT value FROM jsonb_each_text(title) WHERE value <> '' LIMIT 1)) AS title
    FROM resources WHERE slug = ANY(${slugs}::text[])`.execute(db);
  return new Map(r.rows.filter((row) => row.title).map((row) => [row.slug, titleKey(row.title!)]));
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

function reject(c: Checked, message: string): void {
  c.problems.push({ field: 'slug', message });
  delete c.input;
}
