// Back-office addresses of practices and submissions.
import type { Context } from 'hono';
import type { Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/env.ts';

export type C = Context<AppEnv>;

export const practicesPath = (locale: Locale) => `/${locale}/admin/practices`;
export const practicePath = (locale: Locale, id: string, rest = '') => `${practicesPath(locale)}/${id}${rest}`;
export const submissionsPath = (locale: Locale) => `${practicesPath(locale)}/submissions`;
export const submissionPath = (locale: Locale, id: string, rest = '') => `${submissionsPath(locale)}/${id}${rest}`;
/** The directory's public page of a published practice. */
export const publicPracticePath = (locale: Locale, slug: string) => `/${locale}/practices/${slug}`;
