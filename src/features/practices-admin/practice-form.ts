// The back-office practice form as strings (what the editor typed, kept on every re-render), its
// validation into PracticeInputSchema, and what a translator may change (the texts of their locales).
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { PracticeInputSchema } from '../practices/schema.ts';
import type { EditScope } from '../editor/form.ts';
import { TEXT_KINDS, type PracticeFields, type TextKind } from './fields.ts';
import { setOnce } from '../admin/content-editor/field-messages.tsx';
import { many, one, yearInput, type Body } from '../admin/content-editor/http.ts';
import type { Known } from '../admin/content-editor/vocabulary.ts';
import { checkKnown, placeIssue } from './form-input.ts';
import type { FieldErrors } from './views/form-parts.tsx';

type Texts = Record<Locale, string>;

export type PracticeFormValues = {
  slug: string;
  actor: string;
  title: Texts;
  summary: Texts;
  description: Texts;
  outcomes: Texts;
  topics: string[];
  countries: string[];
  yearFrom: string;
  yearTo: string;
  /** One link a line: the address, then optionally a space and its label. */
  links: string;
  /** Slugs of library resources, separated by spaces or lines. */
  related: string;
};

const perLocale = (pick: (l: Locale) => string) => Object.fromEntries(LOCALES.map((l) => [l, pick(l)])) as Texts;

export function emptyPracticeValues(): PracticeFormValues {
  const blank = () => perLocale(() => '');
  return { slug: '', actor: '', title: blank(), summary: blank(), description: blank(), outcomes: blank(), topics: [], countries: [], yearFrom: '', yearTo: '', links: '', related: '' };
}

export function practiceValuesOf(f: PracticeFields): PracticeFormValues {
  return {
    slug: f.slug ?? '',
    actor: f.actor,
    title: perLocale((l) => f.title[l] ?? ''),
    summary: perLocale((l) => f.summary[l] ?? ''),
    description: perLocale((l) => f.description[l] ?? ''),
    outcomes: perLocale((l) => f.outcomes[l] ?? ''),
    topics: [...f.topics],
    countries: [...f.countries],
    yearFrom: f.yearFrom === null ? '' : String(f.yearFrom),
    yearTo: f.yearTo === null ? '' : String(f.yearTo),
    links: f.links.map((l) => (l.label ? `${l.url} ${l.label}` : l.url)).join('\n'),
    related: f.relatedResources.join(' '),
  };
}

export function readPracticeForm(body: Body): PracticeFormValues {
  const texts = (kind: TextKind) => perLocale((l) => one(body, `${kind}_${l}`));
  return {
    slug: one(body, 'slug').trim(),
    actor: one(body, 'actor'),
    title: texts('title'),
    summary: texts('summary'),
    description: texts('description'),
    outcomes: texts('outcomes'),
    topics: many(body, 'topics'),
    countries: many(body, 'countries').map((c) => c.trim().toUpperCase()),
    yearFrom: one(body, 'year_from'),
    yearTo: one(body, 'year_to'),
    links: one(body, 'links'),
    related: one(body, 'related'),
  };
}

/** The submitted texts of the user's locales, the current values everywhere else. */
export function withinScope(scope: EditScope, current: PracticeFormValues, submitted: PracticeFormValues): PracticeFormValues {
  if (scope.all) return submitted;
  const pick = (kind: TextKind) => perLocale((l) => (scope.locales.includes(l) ? submitted[kind][l] : current[kind][l]));
  return { ...current, title: pick('title'), summary: pick('summary'), description: pick('description'), outcomes: pick('outcomes') };
}

export function relatedSlugs(values: PracticeFormValues): string[] {
  return values.related.split(/[\s,;]+/).filter(Boolean);
}

function parseLinks(text: string): { url: string; label: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.search(/\s/);
      return space < 0 ? { url: line, label: '' } : { url: line.slice(0, space), label: line.slice(space + 1).trim() };
    });
}

/** Field ids in the order of the form. */
export const PRACTICE_FIELD_ORDER = [
  'title',
  ...TEXT_KINDS.flatMap((k) => LOCALES.map((l) => `${k}-${l}`)),
  'slug',
  'actor',
  'year-from',
  'year-to',
  'topics',
  'countries',
  'links',
  'related',
];

export function validatePracticeForm(
  values: PracticeFormValues,
  known: Known & { resources: ReadonlySet<string> },
): { ok: true; fields: PracticeFields } | { ok: false; errors: FieldErrors } {
  const texts = (kind: TextKind) => perLocale((l) => values[kind][l].trim());
  const related = relatedSlugs(values);
  const raw = {
    slug: values.slug === '' ? undefined : values.slug,
    actor: values.actor,
    title: texts('title'),
    summary: texts('summary'),
    description: texts('description'),
    outcomes: texts('outcomes'),
    topics: values.topics,
    countries: values.countries,
    yearFrom: yearInput(values.yearFrom),
    yearTo: yearInput(values.yearTo),
    links: parseLinks(values.links),
    relatedResources: related,
  };
  const errors: FieldErrors = new Map();
  const parsed = PracticeInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      placeIssue(errors, issue, { textField: (kind, locale) => (locale ? `${kind}-${locale}` : kind), linkField: () => 'links' });
    }
  }
  checkKnown(errors, known, values.topics, values.countries);
  const missing = related.filter((s) => !known.resources.has(s));
  if (missing.length > 0) {
    errors.delete('related');
    setOnce(errors, 'related', 'practicesAdmin.error.related', { values: missing.join(', ') });
  }
  if (errors.size > 0 || !parsed.success) return { ok: false, errors };
  const { status: _status, ...fields } = parsed.data;
  return { ok: true, fields };
}
