// The public "submit a practice" form as strings (kept on every re-render), and its validation:
// PracticeInputSchema for the practice, written in one language the sender chooses, plus the
// optional contact details. The honeypot field is read here too, so that the route decides first.
import { z } from 'zod';
import { isLocale, LOCALES, type Locale } from '../../i18n/locales.ts';
import { PracticeInputSchema } from '../practices/schema.ts';
import type { PracticeFields } from './fields.ts';
import { setOnce } from '../admin/content-editor/field-messages.tsx';
import { many, one, yearInput, type Body } from '../admin/content-editor/http.ts';
import type { Known } from '../admin/content-editor/vocabulary.ts';
import { checkKnown, placeIssue } from './form-input.ts';
import type { FieldErrors } from './views/form-parts.tsx';

export const LINK_SLOTS = 3;
/** A field name bots like to fill; people never see it. */
export const HONEYPOT_FIELD = 'website';

export type SubmitValues = {
  language: string;
  title: string;
  summary: string;
  description: string;
  outcomes: string;
  actor: string;
  countries: string[];
  topics: string[];
  yearFrom: string;
  yearTo: string;
  links: string[];
  contactName: string;
  contactEmail: string;
};

export function emptySubmitValues(locale: Locale): SubmitValues {
  return {
    language: locale,
    title: '',
    summary: '',
    description: '',
    outcomes: '',
    actor: '',
    countries: [],
    topics: [],
    yearFrom: '',
    yearTo: '',
    links: Array.from({ length: LINK_SLOTS }, () => ''),
    contactName: '',
    contactEmail: '',
  };
}

export function readSubmitForm(body: Body): SubmitValues {
  return {
    language: one(body, 'language'),
    title: one(body, 'title'),
    summary: one(body, 'summary'),
    description: one(body, 'description'),
    outcomes: one(body, 'outcomes'),
    actor: one(body, 'actor'),
    countries: many(body, 'countries').map((c) => c.trim().toUpperCase()),
    topics: many(body, 'topics'),
    yearFrom: one(body, 'year_from'),
    yearTo: one(body, 'year_to'),
    links: Array.from({ length: LINK_SLOTS }, (_, i) => one(body, `link_${i + 1}`)),
    contactName: one(body, 'contact_name'),
    contactEmail: one(body, 'contact_email'),
  };
}

export function honeypotFilled(body: Body): boolean {
  return one(body, HONEYPOT_FIELD).trim() !== '';
}

export const CONTACT_NAME_MAX = 200;

const ContactSchema = z.object({
  name: z.string().trim().max(CONTACT_NAME_MAX),
  email: z.union([z.literal(''), z.email().max(320)]),
});

export type Contact = { name: string | null; email: string | null };

/** Field ids in the form's order (for the summary of messages). */
export const SUBMIT_FIELD_ORDER = ['language', 'title', 'summary', 'description', 'outcomes', 'actor', 'countries', 'topics', 'year-from', 'year-to', ...Array.from({ length: LINK_SLOTS }, (_, i) => `link-${i + 1}`), 'contact-name', 'contact-email'];

export function validateSubmission(
  values: SubmitValues,
  known: Known,
): { ok: true; locale: Locale; fields: PracticeFields; contact: Contact } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const locale: Locale = isLocale(values.language) ? values.language : 'en';
  if (!isLocale(values.language)) setOnce(errors, 'language', 'practicesAdmin.error.language');
  // Empty link slots are not links; each kept link remembers its slot for its message.
  const slots = values.links.map((url, i) => ({ url: url.trim(), slot: i + 1 })).filter((l) => l.url !== '');
  const raw = {
    actor: values.actor,
    title: { [locale]: values.title.trim() },
    summary: { [locale]: values.summary.trim() },
    description: { [locale]: values.description.trim() },
    outcomes: { [locale]: values.outcomes.trim() },
    topics: values.topics,
    countries: values.countries,
    yearFrom: yearInput(values.yearFrom),
    yearTo: yearInput(values.yearTo),
    links: slots.map((l) => ({ url: l.url, label: '' })),
    relatedResources: [],
  };
  const parsed = PracticeInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      placeIssue(errors, issue, { textField: (kind) => kind, linkField: (index) => `link-${slots[index]?.slot ?? 1}` });
    }
  }
  if (values.summary.trim() === '') setOnce(errors, 'summary', 'practicesAdmin.error.summaryRequired');
  checkKnown(errors, known, values.topics, values.countries);
  const contact = ContactSchema.safeParse({ name: values.contactName, email: values.contactEmail.trim() });
  if (!contact.success) {
    for (const issue of contact.error.issues) {
      if (issue.path[0] === 'name') setOnce(errors, 'contact-name', 'practicesAdmin.error.contactName', { max: CONTACT_NAME_MAX });
      else setOnce(errors, 'contact-email', 'practicesAdmin.error.contactEmail');
    }
  }
  if (errors.size > 0 || !parsed.success || !contact.success) return { ok: false, errors };
  const { status: _status, slug: _slug, ...fields } = parsed.data;
  return { ok: true, locale, fields, contact: { name: contact.data.name || null, email: contact.data.email || null } };
}

export const SUBMISSION_LOCALES = LOCALES;
