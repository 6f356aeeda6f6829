// The fields of a resource as the editor handles them, normalised the way they are stored, and the
// comparison of two states field by field (for "what changed" in the audit log, the history diff and
// the conflict page).
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import type { ResourceInput } from '../library/schema.ts';
import { publisherSlug } from '../library/derive.ts';
import type { ResourceSnapshot } from './snapshot.ts';

/** What an editor saves: every field of the library but the state, which only transitions change. */
export type ResourceFields = Omit<ResourceInput, 'status'>;

/** Field names in display order; texts are per locale (title.en, summary.ar, …). */
export type FieldName =
  | 'slug'
  | 'type'
  | 'year'
  | 'link'
  | 'publishers'
  | 'topics'
  | 'countries'
  | 'languages'
  | `title.${Locale}`
  | `summary.${Locale}`;

export const SCALAR_FIELDS = ['slug', 'type', 'year', 'link'] as const;
export const LIST_FIELDS = ['publishers', 'topics', 'countries', 'languages'] as const;
export const TEXT_FIELDS = LOCALES.flatMap((l) => [`title.${l}`, `summary.${l}`] as const);
export const ALL_FIELDS: FieldName[] = [...SCALAR_FIELDS, ...TEXT_FIELDS, ...LIST_FIELDS];

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

/** Texts without empty entries, in locale order. */
export function cleanText(text: Localized): Localized {
  const out: Localized = {};
  for (const l of LOCALES) {
    const v = text[l]?.trim();
    if (v) out[l] = v;
  }
  return out;
}

/** The input as the row will keep it: texts without blanks, tags sorted and distinct, publishers distinct. */
export function normalizeFields(input: ResourceFields): ResourceFields {
  const seen = new Set<string>();
  const publishers = input.publishers.filter((p) => {
    const slug = publisherSlug(p);
    return !seen.has(slug) && seen.add(slug);
  });
  return {
    ...input,
    title: cleanText(input.title),
    summary: cleanText(input.summary),
    publishers,
    topics: sortedUnique(input.topics),
    countries: sortedUnique(input.countries),
    languages: sortedUnique(input.languages),
  };
}

/** The editable fields of a stored state, as an input. */
export function fieldsOf(snapshot: ResourceSnapshot): ResourceFields {
  return {
    slug: snapshot.slug,
    type: snapshot.type as ResourceFields['type'],
    year: snapshot.year,
    link: snapshot.link,
    title: snapshot.title,
    summary: snapshot.summary,
    publishers: snapshot.publishers,
    topics: snapshot.topics,
    countries: snapshot.countries,
    languages: snapshot.languages,
  };
}

type Comparable = Pick<ResourceSnapshot, 'title' | 'summary' | 'publishers' | 'topics' | 'countries' | 'languages' | 'year' | 'link' | 'type'> & {
  slug?: string | undefined;
};

/** The value of one field, as text (lists one item a line), for display and comparison. */
export function fieldValue(state: Comparable, field: FieldName): string {
  if (field.startsWith('title.') || field.startsWith('summary.')) {
    const [kind, locale] = field.split('.') as ['title' | 'summary', Locale];
    return state[kind][locale] ?? '';
  }
  switch (field) {
    case 'slug':
      return state.slug ?? '';
    case 'type':
      return state.type;
    case 'year':
      return state.year === null ? '' : String(state.year);
    case 'link':
      return state.link ?? '';
    default:
      return (state[field as (typeof LIST_FIELDS)[number]] ?? []).join('\n');
  }
}

/** Publishers are one publisher whatever the spelling of the same slug (that is how they are stored). */
function sameField(a: Comparable, b: Comparable, field: FieldName): boolean {
  if (field === 'publishers') return a.publishers.map(publisherSlug).join('\n') === b.publishers.map(publisherSlug).join('\n');
  return fieldValue(a, field) === fieldValue(b, field);
}

/** The fields that differ between two states, in display order. */
export function changedFields(before: Comparable, after: Comparable): FieldName[] {
  return ALL_FIELDS.filter((f) => !sameField(before, after, f));
}
