// Topics and countries a content editor chooses from, and the sets a form's tags are checked against.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Localized } from '../../../i18n/locales.ts';

export type Choice = { value: string; names: Localized };

export type Vocabulary = { topics: Choice[]; countries: Choice[] };

/** Topics and countries to choose from, with their names in every language. */
export async function vocabularyChoices(db: Db): Promise<Vocabulary> {
  const [topics, countries] = await Promise.all([
    sql<Choice>`SELECT slug AS value, names FROM topics ORDER BY position, slug`.execute(db),
    sql<Choice>`SELECT code::text AS value, names FROM countries ORDER BY code`.execute(db),
  ]);
  return { topics: topics.rows, countries: countries.rows };
}

/** The tags that exist, for validation: a tag must be one of them. */
export type Known = { topics: ReadonlySet<string>; countries: ReadonlySet<string> };

export async function knownVocabulary(db: Db): Promise<Known> {
  const choices = await vocabularyChoices(db);
  return { topics: new Set(choices.topics.map((t) => t.value)), countries: new Set(choices.countries.map((t) => t.value)) };
}
