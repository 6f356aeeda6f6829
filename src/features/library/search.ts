// Faceted full-text search over published resources, in one round trip: the page of results, the
// total and the count of every facet value. Each facet's counts apply every other active filter
// but not its own, so a user sees how many results each alternative would give.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { FACETS, type Facet, type SearchParams } from './schema.ts';
import type { Resource } from './store.ts';
import { namesMatching, type NameMatches } from './name-matches.ts';

export type FacetCount = { value: string; count: number };
export type SearchResult = {
  total: number;
  items: Resource[];
  facets: Record<Facet, FacetCount[]>;
  /** Misspelt query words and the known words searched for them as well. */
  corrections: { word: string; suggestion: string }[];
};

type Token = { word: string; negated: boolean };

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

type WordQuery = { token: Token; tsquery: RawBuilder<unknown>; names: NameMatches; stopword: RawBuilder<unknown> };

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

/** Every word required: in the text, or as the name of a tag (country or topic) of the resource. */
function textCondition(words: WordQuery[]): RawBuilder<unknown> {
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

/** For words the library has never seen, the most similar known word (trigram similarity). */
async function corrections(db: Db, tokens: Token[]): Promise<{ word: string; suggestion: string; others: string[] }[]> {
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

const EMPTY_FACETS = (): Record<Facet, FacetCount[]> => ({ topic: [], country: [], region: [], publisher: [], type: [], year: [], language: [] });

export async function searchResources(db: Db, params: SearchParams, locale: Locale): Promise<SearchResult> {
  const tokens = tokenize(params.q);
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
  const query = hasText ? sql`(${sql.join(positive.map((w) => w.tsquery), sql` || `)})` : undefined;
  const match = hasText ? textCondition(words) : undefined;

  // The condition of each active filter; below, one boolean per facet (TRUE when not filtered).
  const arrayFilter = (column: string, values: string[]) => (values.length ? sql`(${sql.ref(column)} && ${values}::text[])` : undefined);
  const filters: Record<Facet, RawBuilder<unknown> | undefined> = {
    topic: arrayFilter('topics', params.topic),
    country: arrayFilter('countries', params.country),
    region: arrayFilter('regions', params.region),
    publisher: arrayFilter('publishers', params.publisher),
    language: arrayFilter('languages', params.language),
    type: params.type.length ? sql`(type = ANY(${params.type}::text[]))` : undefined,
    year:
      params.yearFrom !== undefined || params.yearTo !== undefined
        ? sql`(year BETWEEN ${params.yearFrom ?? -1} AND ${params.yearTo ?? 99999})`
        : undefined,
  };
  const flags = Object.fromEntries(FACETS.map((f) => [f, filters[f] ?? sql`TRUE`])) as Record<Facet, RawBuilder<unknown>>;
  // A row that fails two or more filters counts nowhere: not in the results, and not in any facet
  // (each facet ignores only its own filter). So with two or more filters active, the candidates
  // are the rows passing at least one, which the indexes on the facet columns find directly.
  const active = FACETS.flatMap((f) => filters[f] ?? []);
  const prefilter = active.length >= 2 ? sql`AND (${sql.join(active, sql` OR `)})` : sql``;
  const all = (except?: Facet) => sql.join(FACETS.filter((f) => f !== except).map((f) => sql.ref(`f_${f}`)), sql` AND `);

  // Sort keys that need the full row (rank, title) are computed only for rows passing every
  // filter; "newest" sorts on columns kept in m. Only the page's rows are joined back in full.
  const title = sql`lower(coalesce(r.title->>${locale}, r.title->>'en', (SELECT min(v) FROM jsonb_each_text(r.title) AS e(k, v))))`;
  const order =
    params.sort === 'title'
      ? sql`${title}, m.id`
      : params.sort === 'newest' || !query
        ? sql`m.year DESC NULLS LAST, m.published_at DESC NULLS LAST, m.id DESC`
        : sql`ts_rank(r.search_vector, ${query}) DESC, m.year DESC NULLS LAST, m.id DESC`;
  const needsRow = params.sort === 'title' || (params.sort !== 'newest' && !!query);
  const offset = (params.page - 1) * params.perPage;

  const facetSql = (facet: Facet, valueExpr: RawBuilder<unknown>, from: RawBuilder<unknown>, extra = sql``) =>
    sql`SELECT ${facet}::text AS facet, ${valueExpr}::text AS value, count(*)::int AS n FROM m ${from} WHERE ${all(facet)} ${extra} GROUP BY 2`;

  const statement = sql<{ items: Resource[] | null; total: number; facets: { facet: Facet; value: string; n: number }[] | null }>`
    WITH m AS MATERIALIZED (
      SELECT id, type, year, published_at, topics, countries, regions, publishers, languages,
        ${sql.join(FACETS.map((f) => sql`${flags[f]} AS ${sql.ref(`f_${f}`)}`), sql`, `)}
      FROM resources
      WHERE status = 'published' ${match ? sql`AND ${match}` : sql``} ${prefilter}
    ),
    page_ids AS (
      SELECT m.id, row_number() OVER (ORDER BY ${order}) AS position
      FROM m ${needsRow ? sql`JOIN resources r ON r.id = m.id` : sql``}
      WHERE ${all()} ORDER BY ${order} LIMIT ${params.perPage} OFFSET ${offset}
    ),
    page AS (
      SELECT p.position, r.id::text AS id, r.slug, r.type, r.year, r.link, r.status, r.title, r.summary, r.topics, r.countries,
        r.regions, r.publishers, r.languages, r.created_at, r.updated_at, r.published_at
      FROM page_ids p JOIN resources r ON r.id = p.id
    ),
    counts AS (
      ${facetSql('topic', sql`v`, sql`, unnest(topics) v`)}
      UNION ALL ${facetSql('country', sql`v`, sql`, unnest(countries) v`)}
      UNION ALL ${facetSql('region', sql`v`, sql`, unnest(regions) v`)}
      UNION ALL ${facetSql('publisher', sql`v`, sql`, unnest(publishers) v`)}
      UNION ALL ${facetSql('language', sql`v`, sql`, unnest(languages) v`)}
      UNION ALL ${facetSql('type', sql`type`, sql``)}
      UNION ALL ${facetSql('year', sql`year`, sql``, sql`AND year IS NOT NULL`)}
    )
    SELECT (SELECT json_agg(page ORDER BY position) FROM page) AS items,
      (SELECT count(*) FROM m WHERE ${all()})::int AS total,
      (SELECT json_agg(json_build_object('facet', facet, 'value', value, 'n', n) ORDER BY facet, n DESC, value) FROM counts) AS facets`;

  // The planner underrates reading each row's large text vector: left alone it scans the whole
  // table for a word that matches a few percent of it (ten times slower). With words to match,
  // the text index is always the better way in.
  const r = query
    ? await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return statement.execute(trx);
      })
    : await statement.execute(db);

  const row = r.rows[0]!;
  const facets = EMPTY_FACETS();
  for (const f of row.facets ?? []) facets[f.facet].push({ value: f.value, count: f.n });
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  return { total: row.total, items: row.items ?? [], facets, corrections: fixes.map(({ word, suggestion }) => ({ word, suggestion })) };
}
