// Back-office addresses of practices and submissions, and who is acting.
import type { Context } from 'hono';
import type { Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/env.ts';
import type { Actor } from '../audit/log.ts';

export type C = Context<AppEnv>;

export const practicesPath = (locale: Locale) => `/${locale}/admin/practices`;
export const practicePath = (locale: Locale, id: string, rest = '') => `${practicesPath(locale)}/${id}${rest}`;
export const submissionsPath = (locale: Locale) => `${practicesPath(locale)}/submissions`;
export const submissionPath = (locale: Locale, id: string, rest = '') => `${submissionsPath(locale)}/${id}${rest}`;
/** The directory's public page of a published practice. */
export const publicPracticePath = (locale: Locale, slug: string) => `/${locale}/practices/${slug}`;

export function actorOf(c: C): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}
