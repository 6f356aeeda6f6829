// The text search of the content editors' lists: a slug or a title in any language containing the
// words typed, accents ignored on both sides ("Prevencion" finds "Prevención").
import { sql, type RawBuilder } from 'kysely';

/** `%`, `_` and `\` typed by the user match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The condition for the table aliased `alias` (a name the code chooses, never the user). */
export function slugOrTitleContains(alias: 'r' | 'p', text: string): RawBuilder<unknown> {
  const pattern = likePattern(text);
  const slug = sql.ref(`${alias}.slug`);
  const title = sql.ref(`${alias}.title`);
  return sql`(${slug} ILIKE ${pattern} OR EXISTS (SELECT 1 FROM jsonb_each_text(${title}) e
      WHERE atlas_unaccent(e.value) ILIKE atlas_unaccent(${pattern})))`;
}
