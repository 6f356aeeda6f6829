// Search within one edition of a law, in every language at once (each text through its own
// stemmer); a hit shows in the reader's language when that text matched, else in the one that did.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';

export type LawHit = { key: string; locale: Locale; rank: number; snippet: { text: string; mark: boolean }[] };

// Markers ts_headline puts around matches: control characters that cannot occur in stored text
// (they are split out before rendering, so the snippet never becomes markup).
const START = '\u0001';
const STOP = '\u0002';

export async function searchEdition(db: Db, editionId: string, q: string, locale: Locale, limit = 50): Promise<LawHit[]> {
  const query = q.trim().slice(0, 200);
  if (!query) return [];
  const result = await sql<{ key: string; locale: Locale; rank: number; snippet: string }>`
    WITH hits AS (
      SELECT n.key, t.locale, t.heading, t.paragraphs,
        ts_rank(t.search_vector, websearch_to_tsquery(atlas_model_law_regconfig(t.locale), atlas_unaccent(${query}))) AS rank,
        n.position
      FROM model_law_texts t JOIN model_law_nodes n ON n.id = t.node_id
      WHERE n.edition_id = ${editionId}::bigint AND n.kind = 'article'
        AND t.search_vector @@ websearch_to_tsquery(atlas_model_law_regconfig(t.locale), atlas_unaccent(${query}))
    ), best AS (
      SELECT DISTINCT ON (key) * FROM hits ORDER BY key, (locale = ${locale}) DESC, rank DESC
    )
    SELECT key, locale, rank::float8 AS rank,
      ts_headline(atlas_model_law_regconfig(locale),
        heading || ' — ' || coalesce((SELECT string_agg(p, ' ') FROM jsonb_array_elements_text(paragraphs) p), ''),
        websearch_to_tsquery(atlas_model_law_regconfig(locale), atlas_unaccent(${query})),
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM best ORDER BY rank DESC, key LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({ key: r.key, locale: r.locale, rank: r.rank, snippet: splitMarks(r.snippet) }));
}

function splitMarks(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  for (const piece of snippet.split(START)) {
    const [marked, rest] = piece.includes(STOP) ? piece.split(STOP, 2) : [undefined, piece];
    if (marked) parts.push({ text: marked, mark: true });
    if (rest) parts.push({ text: rest, mark: false });
  }
  return parts;
}
