// Reading form bodies: every field as the string the user typed (kept on every re-render).
import type { Locale } from '../../i18n/locales.ts';
import { LOCALES } from '../../i18n/locales.ts';

export type Body = Record<string, string | File | (string | File)[]>;

export function field(body: Body, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

export function perLocale(body: Body, prefix: string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, field(body, `${prefix}.${l}`)])) as Record<Locale, string>;
}

/** A version from a hidden field; undefined when missing or not a number. */
export function versionOf(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** Multi-line text as stored: Unix line ends, no surrounding blanks. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
