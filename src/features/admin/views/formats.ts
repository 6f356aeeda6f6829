// Dates and language names in the reader's language. Intl objects are costly to build and a page may
// format hundreds of values, so each is built once per locale.
import type { Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';

const dateTimes = new Map<Locale, Intl.DateTimeFormat>();

/** A timestamp in the reader's language, in UTC (the server does not know the reader's zone). */
export function formatWhen(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '';
  let format = dateTimes.get(locale);
  if (!format) dateTimes.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
  return `${format.format(new Date(iso))} UTC`;
}

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** A locale's name in the page's language. */
export function languageName(ctx: PageContext, locale: Locale): string {
  let names = languageNames.get(ctx.locale);
  if (!names) languageNames.set(ctx.locale, (names = new Intl.DisplayNames([ctx.locale], { type: 'language' })));
  return names.of(locale) ?? locale;
}
