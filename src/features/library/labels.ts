// Human names for facet values in the reader's language.
import { pickText, type Locale, type Localized } from '../../i18n/locales.ts';
import type { Translate, MessageKey } from '../../i18n/messages.ts';
import type { Facet } from './schema.ts';

export type Labels = {
  topic: Map<string, Localized>;
  country: Map<string, Localized>;
  region: Map<string, Localized>;
  publisher: Map<string, string>;
};

const languageNames = new Map<Locale, Intl.DisplayNames>();

export function languageName(locale: Locale, code: string): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function facetLabel(labels: Labels, t: Translate, locale: Locale, facet: Facet, value: string): string {
  switch (facet) {
    case 'topic':
    case 'country':
    case 'region': {
      const names = labels[facet].get(value);
      return names ? pickText(names, locale).text || value : value;
    }
    case 'publisher':
      return labels.publisher.get(value) ?? value;
    case 'type':
      return t(`type.${value}` as MessageKey);
    case 'language':
      return languageName(locale, value);
    case 'year':
      return value;
  }
}
