// Turns the labels people write ("Missing Children/Child Abduction", "Laos", "GB") into the slugs
// and ISO codes resources are tagged with. Topics come from the database, not the shipped file, so
// topics and aliases added by editors are recognised too.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { countryCodeFromName } from '../taxonomy/country-names.ts';

export type Vocabulary = {
  /** Topic slug for a topic's slug, English name or alias (any case), or undefined. */
  topic(label: string): string | undefined;
  /** ISO alpha-2 code for an English country name, informal name or code, or undefined. */
  country(label: string): string | undefined;
};

/** Case, spacing and look-alike characters should not make a label unknown. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const rows = await sql<{ slug: string; name: string | null; aliases: string[] }>`
    SELECT slug, names->>'en' AS name, aliases FROM topics`.execute(db);
  const topics = new Map<string, string>();
  for (const row of rows.rows) {
    for (const label of [row.slug, row.name ?? '', ...row.aliases]) {
      const key = labelKey(label);
      // The first topic to claim a label keeps it: an alias must not steal another topic's name.
      if (key && !topics.has(key)) topics.set(key, row.slug);
    }
  }
  return {
    topic: (label) => topics.get(labelKey(label)),
    country: (label) => (labelKey(label) ? countryCodeFromName(label.trim()) : undefined),
  };
}

export type ClassifiedTags = { topics: string[]; countries: string[]; unknown: string[] };

/**
 * Listing tag lines mix topics and countries in one list. A label that names a topic is a topic
 * (checked first, so that a topic is never mistaken for a two-letter country code); one that names
 * a country is a country; anything else is unknown, and the entry is rejected rather than imported
 * with a tag silently dropped.
 */
export function classifyTags(vocabulary: Vocabulary, labels: string[], firstMayBeGlued = false): ClassifiedTags {
  const out: ClassifiedTags = { topics: [], countries: [], unknown: [] };
  labels.forEach((raw, index) => {
    let label = raw;
    if (index === 0 && firstMayBeGlued && !known(vocabulary, label)) label = unglue(vocabulary, label) ?? label;
    const topic = vocabulary.topic(label);
    const country = topic ? undefined : vocabulary.country(label);
    if (topic) out.topics.push(topic);
    else if (country) out.countries.push(country);
    else out.unknown.push(raw);
  });
  return { topics: [...new Set(out.topics)], countries: [...new Set(out.countries)], unknown: out.unknown };
}

function known(vocabulary: Vocabulary, label: string): boolean {
  return vocabulary.topic(label) !== undefined || vocabulary.country(label) !== undefined;
}

/**
 * Text copied from a web page can run into the first tag of the file ("Resources ListChild
 * Protection"). The label then starts somewhere after a capital letter: try the longest such
 * ending that is a known label.
 */
function unglue(vocabulary: Vocabulary, label: string): string | undefined {
  for (let i = 1; i < label.length; i++) {
    if (!/\p{Lu}/u.test(label[i]!)) continue;
    const rest = label.slice(i);
    if (known(vocabulary, rest)) return rest;
  }
  return undefined;
}
