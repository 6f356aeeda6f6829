// The vocabulary that the search corrects misspelt query words from (search_words). Resources and
// practices both feed it, so that a word either of them uses counts as a real word in both searches.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** Every language of a localized (jsonb) column of the row `r`, as one text. */
export function everyLanguage(column: string): RawBuilder<string> {
  return sql<string>`(SELECT string_agg(value, ' ') FROM jsonb_each_text(${sql.ref(`r.${column}`)}))`;
}

/**
 * Adds the words of `texts` (expressions over the row `r` of `table`) in the rows `ids` to the
 * vocabulary. Numbers and words too short or too long to be worth correcting to are left out.
 */
export async function addSearchWordsFrom(db: Db, table: 'resources' | 'practices', texts: RawBuilder<unknown>[], ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`INSERT INTO search_words (word)
    SELECT DISTINCT w FROM ${sql.table(table)} r,
      unnest(tsvector_to_array(to_tsvector('simple', atlas_unaccent(concat_ws(' ', ${sql.join(texts)}))))) w
    WHERE r.id = ANY(${ids}::bigint[]) AND length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
    ON CONFLICT DO NOTHING`.execute(db);
}
