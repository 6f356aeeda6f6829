// The five languages of the Atlas. Arabic and Farsi are written right to left.
export const LOCALES = ['ar', 'en', 'es', 'fa', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_NAMES: Record<Locale, string> = {
  ar: 'العربية',
  en: 'English',
  es: 'Español',
  fa: 'فارسی',
  ru: 'Русский',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function dir(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr';
}

/** The best locale for an Accept-Language header, or the default. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Content stored per locale falls back along this chain; the view marks the fallback. */
export function fallbackChain(locale: Locale): Locale[] {
  return [locale, ...(locale === 'en' ? [] : ['en' as const]), ...LOCALES.filter((l) => l !== locale && l !== 'en')];
}

export type Localized = Partial<Record<Locale, string>>;

/** Picks the text for a locale; `lang` says which language the text is really in. */
export function pickText(text: Localized | null | undefined, locale: Locale): { text: string; lang: Locale; fallback: boolean } {
  for (const candidate of fallbackChain(locale)) {
    const value = text?.[candidate];
    if (value && value.trim()) return { text: value, lang: candidate, fallback: candidate !== locale };
  }
  return { text: '', lang: locale, fallback: false };
}
