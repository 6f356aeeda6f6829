// Country names in the five languages (i18n-iso-countries) and the informal names that listings use.
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import { foldText } from '../../i18n/fold.ts';

for (const data of [ar, en, es, fa, ru]) countries.registerLocale(data);

/**
 * Names seen in listings that the ISO list does not know. The constituent countries of the
 * United Kingdom map to GB: ISO 3166-1 has no code of their own.
 */
const INFORMAL_NAMES: Record<string, string> = {
  laos: 'LA',
  'lao pdr': 'LA',
  'timor leste': 'TL',
  'east timor': 'TL',
  brunei: 'BN',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'great britain': 'GB',
  uk: 'GB',
  usa: 'US',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  burma: 'MM',
  swaziland: 'SZ',
  macedonia: 'MK',
  'czech republic': 'CZ',
  palestine: 'PS',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'vatican city': 'VA',
  micronesia: 'FM',
  'viet nam': 'VN',
};

function normalise(name: string): string {
  return foldText(name)
    .replace(/[-‐–—_.,’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** ISO alpha-2 code for a country name in English (official or common), or undefined. */
export function countryCodeFromName(name: string): string | undefined {
  const key = normalise(name);
  if (INFORMAL_NAMES[key]) return INFORMAL_NAMES[key];
  const direct = countries.getAlpha2Code(name.trim(), 'en');
  if (direct) return direct;
  if (/^[A-Za-z]{2}$/.test(name.trim()) && countries.isValid(name.trim().toUpperCase())) return name.trim().toUpperCase();
  // Compare against every English name and alias, normalised.
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }) as Record<string, string[]>)) {
    if (names.some((n) => normalise(n) === key)) return code;
  }
  return undefined;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

// Display names come from ICU (Intl.DisplayNames): the short names people use ("Iran", "Laos"),
// where the ISO list gives official ones ("Islamic Republic of Iran").
const displayNames = new Map(LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: 'region', fallback: 'none' })]));

/** Every ISO 3166-1 country with its name in each locale. */
export function allCountryNames(): { code: string; names: Localized }[] {
  return Object.keys(countries.getAlpha2Codes()).map((code) => {
    const names: Localized = {};
    for (const locale of LOCALES) {
      names[locale] = displayNames.get(locale)!.of(code) ?? countries.getName(code, locale) ?? code;
    }
    return { code, names };
  });
}

/** A country's name in a locale (ICU's short name, else the ISO list's, else the code). */
export function countryName(code: string, locale: Locale): string {
  return displayNames.get(locale)?.of(code) ?? countries.getName(code, locale) ?? code;
}
