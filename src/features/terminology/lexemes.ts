// Each word's lexeme under the text search configuration the library's search uses for its
// language (english and spanish after atlas_unaccent, russian, arabic; simple for Persian), so a
// term matches every inflected form that search would match. One round trip for all the words.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';

function vector(lang: Locale, word: RawBuilder<unknown>): RawBuilder<unknown> {
  switch (lang) {
    case 'en':
      return sql`to_tsvector('english', atlas_unaccent(${word}))`;
    case 'es':
      return sql`to_tsvector('spanish', atlas_unaccent(${word}))`;
    case 'ru':
      return sql`to_tsvector('russian', ${word})`;
    case 'ar':
      return sql`to_tsvector('arabic', ${word})`;
    case 'fa':
      return sql`to_tsvector('simple', ${word})`;
  }
}

/** Word (already normalised) → its lexeme; '' for a stopword, which the stemmer drops. */
export async function lexemes(db: Db, lang: Locale, distinctWords: string[]): Promise<Map<string, string>> {
  if (distinctWords.length === 0) return new Map();
  const r = await sql<{ w: string; l: string }>`
    SELECT w, array_to_string(tsvector_to_array(${vector(lang, sql.ref('w'))}), ' ') AS l
    FROM unnest(${distinctWords}::text[]) AS w`.execute(db);
  return new Map(r.rows.map((row) => [row.w, row.l]));
}
