// Words that name a country or a topic in any of the five languages. A search for "Cambodia" or
// "Камбоджа" finds what is tagged KH through the tag itself: storing every tag name in five
// languages on every row tripled the text vectors and made each text match read out-of-line storage.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentGeneration } from '../../web/cache.ts';
import type { Localized } from '../../i18n/locales.ts';
import { foldText } from '../../i18n/fold.ts';

export type NameMatches = { countries: string[]; topics: string[] };
type NameIndex = Map<string, { countries: Set<string>; topics: Set<string> }>;


const indexes = new WeakMap<Db, { generation: number; index: Promise<NameIndex> }>();

async function loadIndex(db: Db): Promise<NameIndex> {
  const rows = await sql<{ kind: 'country' | 'topic'; key: string; names: Localized }>`
    SELECT 'country' AS kind, code::text AS key, names FROM countries
    UNION ALL SELECT 'topic', slug, names FROM topics`.execute(db);
  const index: NameIndex = new Map();
  for (const row of rows.rows) {
    for (const name of Object.values(row.names)) {
      for (const m of (name ?? '').matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) {
        const word = foldText(m[0]);
        if (word.length < 3) continue;
        let entry = index.get(word);
        if (!entry) index.set(word, (entry = { countries: new Set(), topics: new Set() }));
        (row.kind === 'country' ? entry.countries : entry.topics).add(row.key);
      }
    }
  }
  return index;
}

function nameIndex(db: Db): Promise<NameIndex> {
  const cached = indexes.get(db);
  if (cached && cached.generation === contentGeneration()) return cached.index;
  const index = loadIndex(db);
  indexes.set(db, { generation: contentGeneration(), index });
  index.catch(() => indexes.delete(db));
  return index;
}

/** The countries and topics a query word names; as a prefix too for the word being typed. */
export async function namesMatching(db: Db, word: string, asPrefix: boolean): Promise<NameMatches> {
  const index = await nameIndex(db);
  const folded = foldText(word);
  const countries = new Set<string>();
  const topics = new Set<string>();
  const add = (e: { countries: Set<string>; topics: Set<string> }) => {
    e.countries.forEach((c) => countries.add(c));
    e.topics.forEach((t) => topics.add(t));
  };
  const exact = index.get(folded);
  if (exact) add(exact);
  if (asPrefix && folded.length >= 3) for (const [w, e] of index) if (w.startsWith(folded)) add(e);
  return { countries: [...countries], topics: [...topics] };
}
