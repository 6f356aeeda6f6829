// Small helpers for building URLs of pages and query strings.
import type { Locale } from '../i18n/locales.ts';

export type QueryValue = string | number | undefined | null | readonly (string | number)[];

/** Builds `path?query` keeping parameter order stable and dropping empty values. */
export function href(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function localePath(locale: Locale, rest = ''): string {
  return `/${locale}${rest}`;
}

/** A stored link as an href only when it is http(s): a `javascript:` or `data:` URL that slipped into the data stays inert. */
export function safeHref(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : undefined;
}
