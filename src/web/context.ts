// What every view needs to know about the request: its language and where it is.
import { dir, type Locale } from '../i18n/locales.ts';
import { translator, type Translate } from '../i18n/messages.ts';

export type PageContext = {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  t: Translate;
  /** The path after the locale prefix, with the query string: to link to this page in other languages. */
  pathInLocale: string;
};

export function pageContext(locale: Locale, url: URL): PageContext {
  const rest = url.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '');
  return { locale, dir: dir(locale), t: translator(locale), pathInLocale: rest + url.search };
}
