// A practice as the back office handles it: the stored state (what a revision keeps), the fields
// an editor saves (everything but the state), their normal form, and the comparison of two states
// field by field (for the audit log and the conflict page).
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { LocalizedText } from '../../db/tables.ts';
import type { WorkflowState } from '../admin/workflow.ts';
import { cleanText } from '../editor/fields.ts';
import type { Actor as PracticeActor, PracticeInput } from '../practices/schema.ts';

export const ENTITY = 'practice';

export type PracticeLink = { url: string; label: string };

/** What a revision keeps: every field an editor can change, and the state. */
export type PracticeSnapshot = {
  slug: string;
  actor: PracticeActor;
  status: WorkflowState;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  outcomes: LocalizedText;
  topics: string[];
  countries: string[];
  yearFrom: number | null;
  yearTo: number | null;
  links: PracticeLink[];
  relatedResources: string[];
};

/** What an editor saves: the state changes only through the workflow. */
export type PracticeFields = Omit<PracticeInput, 'status'>;

export const TEXT_KINDS = ['title', 'summary', 'description', 'outcomes'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export type FieldName = 'slug' | 'actor' | 'yearFrom' | 'yearTo' | 'topics' | 'countries' | 'links' | 'relatedResources' | `${TextKind}.${Locale}`;

const TEXT_FIELDS = TEXT_KINDS.flatMap((k) => LOCALES.map((l) => `${k}.${l}` as const));
export const ALL_FIELDS: FieldName[] = ['slug', 'actor', ...TEXT_FIELDS, 'yearFrom', 'yearTo', 'topics', 'countries', 'links', 'relatedResources'];

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

/** The fields as the row keeps them: texts without blanks, tags sorted and distinct. */
export function normalizeFields(input: PracticeFields): PracticeFields {
  const seenLinks = new Set<string>();
  return {
    ...input,
    title: cleanText(input.title),
    summary: cleanText(input.summary),
    description: cleanText(input.description),
    outcomes: cleanText(input.outcomes),
    topics: sortedUnique(input.topics),
    countries: sortedUnique(input.countries),
    links: input.links.filter((l) => !seenLinks.has(l.url) && seenLinks.add(l.url)).map((l) => ({ url: l.url, label: l.label.trim() })),
    relatedResources: [...new Set(input.relatedResources)],
  };
}

export function fieldsOf(s: PracticeSnapshot): PracticeFields {
  const { status: _status, ...fields } = s;
  return fields;
}

type Comparable = Omit<PracticeFields, 'slug'> & { slug?: string | undefined };

export function isTextField(field: FieldName): field is `${TextKind}.${Locale}` {
  return field.includes('.');
}

/** One field as text (lists one item a line), for comparison and display. */
export function fieldValue(state: Comparable, field: FieldName): string {
  if (isTextField(field)) {
    const [kind, locale] = field.split('.') as [TextKind, Locale];
    return state[kind][locale] ?? '';
  }
  switch (field) {
    case 'slug':
      return state.slug ?? '';
    case 'actor':
      return state.actor;
    case 'yearFrom':
      return state.yearFrom === null ? '' : String(state.yearFrom);
    case 'yearTo':
      return state.yearTo === null ? '' : String(state.yearTo);
    case 'links':
      return state.links.map((l) => (l.label ? `${l.url} ${l.label}` : l.url)).join('\n');
    default:
      return state[field].join('\n');
  }
}

export function changedFields(before: Comparable, after: Comparable): FieldName[] {
  return ALL_FIELDS.filter((f) => fieldValue(before, f) !== fieldValue(after, f));
}
