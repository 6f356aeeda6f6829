// ICU message catalogs (intl-messageformat), one JSON file per locale. English is the reference:
// every key must exist in every catalog (a test checks it).
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fa from './messages/fa.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import type { Locale } from './locales.ts';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const CATALOGS: Record<Locale, Record<string, string>> = { ar, en, es, fa, ru };

const compiled = new Map<string, IntlMessageFormat>();

export function translator(locale: Locale): Translate {
  return (key, values) => {
    const id = `${locale}\u0000${key}`;
    let format = compiled.get(id);
    if (!format) {
      const source = CATALOGS[locale][key] ?? en[key];
      format = new IntlMessageFormat(source, locale);
      compiled.set(id, format);
    }
    return String(format.format(values));
  };
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}
