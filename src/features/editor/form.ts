// The edit form as strings (what the user typed, kept on every re-render), its validation into the
// library's ResourceInputSchema, and zod's issues turned into a message next to each field in the
// page's language.
import type { z } from 'zod';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { LIMITS, ResourceInputSchema, SLUG } from '../library/schema.ts';
import { setOnce, type FieldErrors } from '../admin/content-editor/field-messages.tsx';
import { many, one, yearInput, type Body } from '../admin/content-editor/http.ts';
import type { Known } from '../admin/content-editor/vocabulary.ts';
import type { User } from '../auth/users.ts';
import { can } from '../auth/roles.ts';
import type { ResourceFields } from './fields.ts';

export type FormValues = {
  slug: string;
  type: string;
  year: string;
  link: string;
  /** One publisher a line. */
  publishers: string;
  topics: string[];
  /** ISO codes separated by spaces or commas. */
  countries: string;
  languages: string;
  title: Record<Locale, string>;
  summary: Record<Locale, string>;
};

const perLocale = (pick: (l: Locale) => string) => Object.fromEntries(LOCALES.map((l) => [l, pick(l)])) as Record<Locale, string>;

export function emptyValues(): FormValues {
  return { slug: '', type: 'report', year: '', link: '', publishers: '', topics: [], countries: '', languages: '', title: perLocale(() => ''), summary: perLocale(() => '') };
}

export function valuesOf(fields: ResourceFields): FormValues {
  return {
    slug: fields.slug ?? '',
    type: fields.type,
    year: fields.year === null ? '' : String(fields.year),
    link: fields.link ?? '',
    publishers: fields.publishers.join('\n'),
    topics: [...fields.topics],
    countries: fields.countries.join(' '),
    languages: fields.languages.join(' '),
    title: perLocale((l) => fields.title[l] ?? ''),
    summary: perLocale((l) => fields.summary[l] ?? ''),
  };
}

/** The form's fields from a parsed body (`parseBody({ all: true })`). */
export function readForm(body: Body): FormValues {
  return {
    slug: one(body, 'slug').trim(),
    type: one(body, 'type'),
    year: one(body, 'year').trim(),
    link: one(body, 'link').trim(),
    publishers: one(body, 'publishers'),
    topics: many(body, 'topics'),
    countries: one(body, 'countries'),
    languages: one(body, 'languages'),
    title: perLocale((l) => one(body, `title_${l}`)),
    summary: perLocale((l) => one(body, `summary_${l}`)),
  };
}

/** What this user may change: every field, or only the texts of some locales. */
export type EditScope = { all: boolean; locales: readonly Locale[] };

export function editScope(user: User): EditScope {
  if (can(user.role, 'content.edit')) return { all: true, locales: LOCALES };
  if (can(user.role, 'content.translate')) return { all: false, locales: user.locales };
  return { all: false, locales: [] };
}

export function canSave(scope: EditScope): boolean {
  return scope.all || scope.locales.length > 0;
}

/**
 * The submitted values where this user may change them, the current ones elsewhere: a translator's
 * post cannot change the type, the links or another locale's text, whatever it carries.
 */
export function withinScope(scope: EditScope, current: FormValues, submitted: FormValues): FormValues {
  if (scope.all) return submitted;
  return {
    ...current,
    title: perLocale((l) => (scope.locales.includes(l) ? submitted.title[l] : current.title[l])),
    summary: perLocale((l) => (scope.locales.includes(l) ? submitted.summary[l] : current.summary[l])),
  };
}

const codes = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const EditorInputSchema = ResourceInputSchema.omit({ status: true });

/** Validates the form; on failure, one message per field. */
export function validateForm(values: FormValues, known: Known): { ok: true; fields: ResourceFields } | { ok: false; errors: FieldErrors } {
  const countries = codes(values.countries).map((c) => c.toUpperCase());
  const languages = codes(values.languages).map((c) => c.toLowerCase());
  const raw = {
    slug: values.slug === '' ? undefined : values.slug,
    type: values.type,
    year: yearInput(values.year),
    link: values.link === '' ? null : values.link,
    title: perLocale((l) => values.title[l].trim()),
    summary: perLocale((l) => values.summary[l].trim()),
    publishers: values.publishers
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    topics: values.topics,
    countries,
    languages,
  };
  const errors: FieldErrors = new Map();
  const parsed = EditorInputSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) placeIssue(errors, issue, raw);
  // Tags must exist: a typo would otherwise make a tag no page lists.
  const unknownTopics = values.topics.filter((t) => !known.topics.has(t));
  if (unknownTopics.length) setOnce(errors, 'topics', 'editor.error.topics', { values: unknownTopics.join(', ') });
  const unknownCountries = countries.filter((c) => !known.countries.has(c));
  if (unknownCountries.length) setOnce(errors, 'countries', 'editor.error.countries', { values: unknownCountries.join(', ') });
  if (errors.size > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, fields: parsed.data };
}

function placeIssue(errors: FieldErrors, issue: z.core.$ZodIssue, raw: { topics: string[]; countries: string[]; languages: string[] }) {
  const [head, second] = issue.path;
  switch (head) {
    case 'slug':
      return setOnce(errors, 'slug', 'editor.error.slug');
    case 'type':
      return setOnce(errors, 'type', 'editor.error.type');
    case 'year':
      return setOnce(errors, 'year', 'editor.error.year', { min: LIMITS.yearMin, max: LIMITS.yearMax });
    case 'link':
      return setOnce(errors, 'link', 'editor.error.link', { max: LIMITS.linkMax });
    case 'title':
      if (second === undefined) return setOnce(errors, 'title', 'editor.error.titleRequired');
      return setOnce(errors, `title-${String(second)}`, 'editor.error.tooLong', { max: LIMITS.titleMax });
    case 'summary':
      return setOnce(errors, `summary-${String(second)}`, 'editor.error.tooLong', { max: LIMITS.summaryMax });
    case 'publishers':
      return setOnce(errors, 'publishers', 'editor.error.publishers', { max: LIMITS.publishersMax });
    case 'topics':
      return setOnce(errors, 'topics', 'editor.error.topics', { values: raw.topics.filter((t) => !SLUG.test(t)).join(', ') });
    case 'countries': {
      const bad = raw.countries.filter((c) => !/^[A-Z]{2}$/.test(c));
      return setOnce(errors, 'countries', 'editor.error.countries', { values: bad.join(', ') });
    }
    case 'languages': {
      const bad = raw.languages.filter((c) => !/^[a-z]{2,3}$/.test(c));
      return setOnce(errors, 'languages', 'editor.error.languages', { values: bad.join(', ') });
    }
    default:
      return setOnce(errors, 'title', 'editor.error.titleRequired');
  }
}
