// The users pages' forms: what a posted form means, and the message for each field it gets wrong,
// in the page's language.
import { z } from 'zod';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../auth/passwords.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { normalizeEmail } from '../auth/users.ts';

/** Field name -> message shown next to it. */
export type FieldErrors = Partial<Record<string, string>>;

type Body = Record<string, string | File | (string | File)[]>;

/** A form field's values as strings (checkboxes repeat their name; files are ignored). */
export function values(body: Body, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

export function value(body: Body, name: string): string {
  return values(body, name)[0] ?? '';
}

const Profile = z.object({
  name: z.string().trim().max(200),
  role: z.enum(ROLES),
  locales: z.array(z.enum(LOCALES)).max(LOCALES.length),
});

const Invite = Profile.extend({
  email: z
    .string()
    .trim()
    .max(320)
    .transform(normalizeEmail)
    .pipe(z.string().regex(/^[^@\s]+@[^@\s]+$/)),
});

/** What the user typed, kept to fill the form again when it is refused. */
export type ProfileDraft = { email: string; name: string; role: string; locales: string[] };

export function profileDraft(body: Body): ProfileDraft {
  return { email: value(body, 'email'), name: value(body, 'name'), role: value(body, 'role'), locales: values(body, 'locales') };
}

const FIELD_MESSAGES = {
  email: 'users.error.email',
  name: 'users.error.name',
  role: 'users.error.role',
  locales: 'users.error.locales',
} as const;

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function check<T extends { role: Role; locales: Locale[] }>(schema: z.ZodType<T>, draft: ProfileDraft, t: Translate): Parsed<T> {
  const parsed = schema.safeParse(draft);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof typeof FIELD_MESSAGES;
      if (field in FIELD_MESSAGES) errors[field] ??= t(FIELD_MESSAGES[field]);
    }
  } else if (parsed.data.role === 'translator' && parsed.data.locales.length === 0) {
    errors.locales = t('users.error.localesRequired');
  }
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, data: parsed.data } : { ok: false, errors };
}

export const parseInvite = (draft: ProfileDraft, t: Translate) => check(Invite, draft, t);
export const parseProfile = (draft: ProfileDraft, t: Translate) => check(Profile, draft, t);

/** Problems of a new password typed twice, keyed by the fields `password` and `password2`. */
export function newPasswordErrors(password: string, again: string, email: string, t: Translate): FieldErrors {
  const problem = passwordProblem(password, email);
  if (problem === 'tooShort') return { password: t('users.password.tooShort', { min: PASSWORD_MIN }) };
  if (problem === 'tooLong') return { password: t('users.password.tooLong', { max: PASSWORD_MAX }) };
  if (problem === 'sameAsEmail') return { password: t('users.password.sameAsEmail') };
  if (password !== again) return { password2: t('users.password.mismatch') };
  return {};
}
