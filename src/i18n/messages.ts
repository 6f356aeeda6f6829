// ICU message catalogs (intl-messageformat), one JSON file per locale and part: the public site's
// strings in ./messages, each back-office feature's strings in its own folder, so that a feature
// owns its words. English is the reference: every key must exist in every catalog (a test checks
// it), and no key may be defined by two parts.
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json' with { type: 'json' };
import en_core from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fa from './messages/fa.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import admin_ar from '../features/admin/messages/ar.json' with { type: 'json' };
import admin_en from '../features/admin/messages/en.json' with { type: 'json' };
import admin_es from '../features/admin/messages/es.json' with { type: 'json' };
import admin_fa from '../features/admin/messages/fa.json' with { type: 'json' };
import admin_ru from '../features/admin/messages/ru.json' with { type: 'json' };
import editor_ar from '../features/editor/messages/ar.json' with { type: 'json' };
import editor_en from '../features/editor/messages/en.json' with { type: 'json' };
import editor_es from '../features/editor/messages/es.json' with { type: 'json' };
import editor_fa from '../features/editor/messages/fa.json' with { type: 'json' };
import editor_ru from '../features/editor/messages/ru.json' with { type: 'json' };
import users_ar from '../features/users/messages/ar.json' with { type: 'json' };
import users_en from '../features/users/messages/en.json' with { type: 'json' };
import users_es from '../features/users/messages/es.json' with { type: 'json' };
import users_fa from '../features/users/messages/fa.json' with { type: 'json' };
import users_ru from '../features/users/messages/ru.json' with { type: 'json' };
import audit_ar from '../features/audit/messages/ar.json' with { type: 'json' };
import audit_en from '../features/audit/messages/en.json' with { type: 'json' };
import audit_es from '../features/audit/messages/es.json' with { type: 'json' };
import audit_fa from '../features/audit/messages/fa.json' with { type: 'json' };
import audit_ru from '../features/audit/messages/ru.json' with { type: 'json' };
import attachments_ar from '../features/attachments/messages/ar.json' with { type: 'json' };
import bulk_import_ar from '../features/bulk-import/messages/ar.json' with { type: 'json' };
import model_law_ar from '../features/model-law/messages/ar.json' with { type: 'json' };
import attachments_en from '../features/attachments/messages/en.json' with { type: 'json' };
import bulk_import_en from '../features/bulk-import/messages/en.json' with { type: 'json' };
import model_law_en from '../features/model-law/messages/en.json' with { type: 'json' };
import attachments_es from '../features/attachments/messages/es.json' with { type: 'json' };
import bulk_import_es from '../features/bulk-import/messages/es.json' with { type: 'json' };
import model_law_es from '../features/model-law/messages/es.json' with { type: 'json' };
import attachments_fa from '../features/attachments/messages/fa.json' with { type: 'json' };
import bulk_import_fa from '../features/bulk-import/messages/fa.json' with { type: 'json' };
import model_law_fa from '../features/model-law/messages/fa.json' with { type: 'json' };
import attachments_ru from '../features/attachments/messages/ru.json' with { type: 'json' };
import bulk_import_ru from '../features/bulk-import/messages/ru.json' with { type: 'json' };
import model_law_ru from '../features/model-law/messages/ru.json' with { type: 'json' };
import model_law_admin_ar from '../features/model-law-admin/messages/ar.json' with { type: 'json' };
import model_law_admin_en from '../features/model-law-admin/messages/en.json' with { type: 'json' };
import model_law_admin_es from '../features/model-law-admin/messages/es.json' with { type: 'json' };
import model_law_admin_fa from '../features/model-law-admin/messages/fa.json' with { type: 'json' };
import model_law_admin_ru from '../features/model-law-admin/messages/ru.json' with { type: 'json' };
import countries_ar from '../features/countries/messages/ar.json' with { type: 'json' };
import countries_en from '../features/countries/messages/en.json' with { type: 'json' };
import countries_es from '../features/countries/messages/es.json' with { type: 'json' };
import countries_fa from '../features/countries/messages/fa.json' with { type: 'json' };
import countries_ru from '../features/countries/messages/ru.json' with { type: 'json' };
import reviews_ar from '../features/reviews/messages/ar.json' with { type: 'json' };
import reviews_en from '../features/reviews/messages/en.json' with { type: 'json' };
import reviews_es from '../features/reviews/messages/es.json' with { type: 'json' };
import reviews_fa from '../features/reviews/messages/fa.json' with { type: 'json' };
import reviews_ru from '../features/reviews/messages/ru.json' with { type: 'json' };
import map_ar from '../features/map/messages/ar.json' with { type: 'json' };
import map_en from '../features/map/messages/en.json' with { type: 'json' };
import map_es from '../features/map/messages/es.json' with { type: 'json' };
import map_fa from '../features/map/messages/fa.json' with { type: 'json' };
import map_ru from '../features/map/messages/ru.json' with { type: 'json' };
import reviews_admin_ar from '../features/reviews-admin/messages/ar.json' with { type: 'json' };
import reviews_admin_en from '../features/reviews-admin/messages/en.json' with { type: 'json' };
import reviews_admin_es from '../features/reviews-admin/messages/es.json' with { type: 'json' };
import reviews_admin_fa from '../features/reviews-admin/messages/fa.json' with { type: 'json' };
import reviews_admin_ru from '../features/reviews-admin/messages/ru.json' with { type: 'json' };
import practices_ar from '../features/practices/messages/ar.json' with { type: 'json' };
import practices_en from '../features/practices/messages/en.json' with { type: 'json' };
import practices_es from '../features/practices/messages/es.json' with { type: 'json' };
import practices_fa from '../features/practices/messages/fa.json' with { type: 'json' };
import practices_ru from '../features/practices/messages/ru.json' with { type: 'json' };
import practices_admin_ar from '../features/practices-admin/messages/ar.json' with { type: 'json' };
import practices_admin_en from '../features/practices-admin/messages/en.json' with { type: 'json' };
import practices_admin_es from '../features/practices-admin/messages/es.json' with { type: 'json' };
import practices_admin_fa from '../features/practices-admin/messages/fa.json' with { type: 'json' };
import practices_admin_ru from '../features/practices-admin/messages/ru.json' with { type: 'json' };
import terminology_ar from '../features/terminology/messages/ar.json' with { type: 'json' };
import terminology_en from '../features/terminology/messages/en.json' with { type: 'json' };
import terminology_es from '../features/terminology/messages/es.json' with { type: 'json' };
import terminology_fa from '../features/terminology/messages/fa.json' with { type: 'json' };
import terminology_ru from '../features/terminology/messages/ru.json' with { type: 'json' };
import safeguarding_ar from '../features/safeguarding/messages/ar.json' with { type: 'json' };
import safeguarding_en from '../features/safeguarding/messages/en.json' with { type: 'json' };
import safeguarding_es from '../features/safeguarding/messages/es.json' with { type: 'json' };
import safeguarding_fa from '../features/safeguarding/messages/fa.json' with { type: 'json' };
import safeguarding_ru from '../features/safeguarding/messages/ru.json' with { type: 'json' };
import safeguarding_admin_ar from '../features/safeguarding-admin/messages/ar.json' with { type: 'json' };
import safeguarding_admin_en from '../features/safeguarding-admin/messages/en.json' with { type: 'json' };
import safeguarding_admin_es from '../features/safeguarding-admin/messages/es.json' with { type: 'json' };
import safeguarding_admin_fa from '../features/safeguarding-admin/messages/fa.json' with { type: 'json' };
import safeguarding_admin_ru from '../features/safeguarding-admin/messages/ru.json' with { type: 'json' };
import type { Locale } from './locales.ts';

/** Every part of every catalog, by locale, in the order they merge. */
export const CATALOG_PARTS = {
  ar: [ar, admin_ar, editor_ar, users_ar, audit_ar, attachments_ar, bulk_import_ar, model_law_ar, model_law_admin_ar, countries_ar, reviews_ar, map_ar, reviews_admin_ar, practices_ar, practices_admin_ar, terminology_ar, safeguarding_ar, safeguarding_admin_ar],
  en: [en_core, admin_en, editor_en, users_en, audit_en, attachments_en, bulk_import_en, model_law_en, model_law_admin_en, countries_en, reviews_en, map_en, reviews_admin_en, practices_en, practices_admin_en, terminology_en, safeguarding_en, safeguarding_admin_en],
  es: [es, admin_es, editor_es, users_es, audit_es, attachments_es, bulk_import_es, model_law_es, model_law_admin_es, countries_es, reviews_es, map_es, reviews_admin_es, practices_es, practices_admin_es, terminology_es, safeguarding_es, safeguarding_admin_es],
  fa: [fa, admin_fa, editor_fa, users_fa, audit_fa, attachments_fa, bulk_import_fa, model_law_fa, model_law_admin_fa, countries_fa, reviews_fa, map_fa, reviews_admin_fa, practices_fa, practices_admin_fa, terminology_fa, safeguarding_fa, safeguarding_admin_fa],
  ru: [ru, admin_ru, editor_ru, users_ru, audit_ru, attachments_ru, bulk_import_ru, model_law_ru, model_law_admin_ru, countries_ru, reviews_ru, map_ru, reviews_admin_ru, practices_ru, practices_admin_ru, terminology_ru, safeguarding_ru, safeguarding_admin_ru],
} as const;

const merge = (parts: readonly Record<string, string>[]): Record<string, string> => Object.assign({}, ...parts);

const en = merge(CATALOG_PARTS.en) as typeof en_core & typeof admin_en & typeof editor_en & typeof users_en & typeof audit_en & typeof attachments_en & typeof bulk_import_en & typeof model_law_en & typeof model_law_admin_en & typeof countries_en & typeof reviews_en & typeof map_en & typeof reviews_admin_en & typeof practices_en & typeof practices_admin_en & typeof terminology_en & typeof safeguarding_en & typeof safeguarding_admin_en;

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const CATALOGS: Record<Locale, Record<string, string>> = {
  ar: merge(CATALOG_PARTS.ar),
  en,
  es: merge(CATALOG_PARTS.es),
  fa: merge(CATALOG_PARTS.fa),
  ru: merge(CATALOG_PARTS.ru),
};
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
