// The words of a query and how each is matched: per-script stemming, the last word as a prefix,
// typo corrections from search_words, and tag names (countries, topics) as alternatives. Shared by
// every faceted search (the library's resources, the practices directory).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { namesMatching, type NameMatches } from '../library/name-matches.ts';

export type Token = { word: string; negated: boolean };

/** Splits a query into words (letters and digits of any script); "-word" excludes. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  for (const chunk of query.normalize('NFC').split(/\s+/)) {
    const negated = chunk.startsWith('-');
    // Words joined by punctuation ("child-friendly") are separate words, as for the text parser.
    for (const m of chunk.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) tokens.push({ word: m[0].toLowerCase(), negated });
  }
  return tokens.slice(0, 12);
}

export type WordQuery = { token: Token; tsquery: RawBuilder<unknown>; names: NameMatches; stopword: RawBuilder<unknown> };

/**
 * Each query word is matched through the stemmers that can apply to its script (a Latin word is
 * never Russian or Arabic; Farsi and names go through `simple`), a misspelt word also as the known
 * word it resembles, and the last word also as a prefix, for type-ahead.
 */
function wordQuery(t: Token, isLast: boolean, alternatives: Map<string, string>, names: NameMatches): WordQuery {
  const prefix = isLast && !t.negated && t.word.length >= 3 ? ':*' : '';
  const alt = alternatives.get(t.word);
  const text = alt ? `${t.word}${prefix} | ${alt}` : `${t.word}${prefix}`;
  const latin = /\p{Script=Latin}/u.test(t.word);
  const tsquery = /\p{Script=Cyrillic}/u.test(t.word)
    ? sql`(to_tsquery('russian', ${text}) || to_tsquery('simple', ${text}))`
    : /\p{Script=Arabic}/u.test(t.word)
      ? sql`(to_tsquery('arabic', ${text}) || to_tsquery('simple', ${text}))`
      : latin
        ? sql`(to_tsquery('english', atlas_unaccent(${text})) || to_tsquery('spanish', atlas_unaccent(${text})) || to_tsquery('simple', atlas_unaccent(${text})))`
        : sql`to_tsquery('simple', ${text})`;
  // An English stopword ("the", "of") is no requirement; the planner folds this to TRUE or FALSE.
  const stopword = latin && !prefix ? sql`numnode(to_tsquery('english', ${t.word})) = 0` : sql`FALSE`;
  return { token: t, tsquery, names, stopword };
}

/** Every word required: in the text, or as the name of a tag (country or topic) of the row. */
export function textCondition(words: WordQuery[]): RawBuilder<unknown> {
  return sql.join(
    words.map((w) => {
      if (w.token.negated) return sql`NOT (search_vector @@ ${w.tsquery})`;
      const alternatives = [sql`search_vector @@ ${w.tsquery}`];
      if (w.names.countries.length) alternatives.push(sql`countries && ${w.names.countries}::text[]`);
      if (w.names.topics.length) alternatives.push(sql`topics && ${w.names.topics}::text[]`);
      return sql`(${w.stopword} OR ${sql.join(alternatives, sql` OR `)})`;
    }),
    sql` AND `,
  );
}

export type Correction = { word: string; suggestion: string };

/** For words the Atlas has never seen, the most similar known word (trigram similarity). */
async function corrections(db: Db, tokens: Token[]): Promise<(Correction & { others: string[] })[]> {
  const words = tokens.filter((t) => !t.negated && t.word.length >= 4 && !/^\d+$/.test(t.word)).map((t) => t.word);
  if (words.length === 0) return [];
  const last = tokens[tokens.length - 1]?.word;
  // Known words (and, for the last word, known prefixes) are found on the primary key's order;
  // only unknown words pay for the trigram similarity search.
  // The three nearest words are all searched (stemmers disagree on near forms); the first is shown.
  const r = await sql<{ word: string; suggestions: string[] | null }>`
    WITH q AS (SELECT word, atlas_unaccent(word) AS u FROM unnest(${words}::text[]) AS word)
    SELECT q.word, ARRAY(SELECT w.word FROM search_words w WHERE w.word % q.u
                    ORDER BY similarity(w.word, q.u) DESC, w.word LIMIT 3) AS suggestions
    FROM q
    WHERE NOT EXISTS (SELECT 1 FROM search_words w WHERE w.word = q.u)
      AND NOT (q.word = ${last ?? ''} AND EXISTS (SELECT 1 FROM search_words w
        WHERE w.word >= q.u AND w.word < q.u || chr(1114111) AND starts_with(w.word, q.u)))`.execute(db);
  return r.rows
    .filter((row) => row.suggestions && row.suggestions.length > 0 && row.suggestions[0] !== row.word)
    .map((row) => ({ word: row.word, suggestion: row.suggestions![0]!, others: row.suggestions!.slice(1) }));
}

export type TextQuery = {
  /** The words' text queries ORed, for ranking; undefined without words to look for. */
  rank: RawBuilder<unknown> | undefined;
  /** The condition a row must meet; undefined without words. */
  match: RawBuilder<unknown> | undefined;
  corrections: Correction[];
};

/** What a query's words ask of the rows (`search_vector`, `countries` and `topics` columns). */
export async function textQuery(db: Db, q: string): Promise<TextQuery> {
  const tokens = tokenize(q);
  const fixes = await corrections(db, tokens);
  const alternatives = new Map(fixes.map((f) => [f.word, [f.suggestion, ...f.others].join(' | ')]));
  const hasText = tokens.some((t) => !t.negated);
  const words = await Promise.all(
    tokens.map(async (t, i) => {
      const isLast = i === tokens.length - 1;
      const names = t.negated ? { countries: [], topics: [] } : await namesMatching(db, t.word, isLast);
      return wordQuery(t, isLast, alternatives, names);
    }),
  );
  const positive = words.filter((w) => !w.token.negated);
  // Ranking uses the words' text queries; the match itself also accepts tag names.
  return {
    rank: hasText ? sql`(${sql.join(positive.map((w) => w.tsquery), sql` || `)})` : undefined,
    match: hasText ? textCondition(words) : undefined,
    corrections: fixes.map(({ word, suggestion }) => ({ word, suggestion })),
  };
}
