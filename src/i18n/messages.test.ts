import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOG_PARTS, CATALOGS, translator } from './messages.ts';
import { LOCALES, dir, negotiateLocale, pickText } from './locales.ts';

const english = CATALOGS.en;

describe('message catalogs', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key of the English catalog and no others`, () => {
      const keys = Object.keys(CATALOGS[locale]).sort();
      assert.deepEqual(keys, Object.keys(english).sort());
    });
    it(`${locale} messages are valid ICU and keep the English placeholders`, () => {
      for (const [key, source] of Object.entries(CATALOGS[locale])) {
        assert.doesNotThrow(() => new IntlMessageFormat(source, locale), `${locale} ${key}`);
        for (const placeholder of english[key]!.match(/\{(\w+)[,}]/g) ?? []) {
          assert.ok(source.includes(placeholder.slice(0, -1)), `${locale} ${key} lacks ${placeholder}`);
        }
      }
    });
  }
  it('no key is defined by two parts of a catalog', () => {
    for (const locale of LOCALES) {
      const seen = new Set<string>();
      for (const part of CATALOG_PARTS[locale]) {
        for (const key of Object.keys(part)) {
          assert.ok(!seen.has(key), `${locale}: ${key} is defined twice`);
          seen.add(key);
        }
      }
    }
  });
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} is translated (not a copy of English)`, () => {
      const same = Object.keys(english).filter((k) => CATALOGS[locale][k] === english[k] && /[a-z]{4}/.test(english[k]!));
      assert.ok(same.length <= 3, `${locale}: untranslated keys: ${same.join(', ')}`);
    });
  }
});

describe('locales', () => {
  it('Arabic and Farsi are right to left, the others left to right', () => {
    assert.deepEqual(LOCALES.map(dir), ['rtl', 'ltr', 'ltr', 'rtl', 'ltr']);
  });
  it('negotiates from Accept-Language with quality values', () => {
    assert.equal(negotiateLocale('de-DE,fa;q=0.8,en;q=0.5'), 'fa');
    assert.equal(negotiateLocale('zh-CN'), 'en');
    assert.equal(negotiateLocale(undefined), 'en');
  });
  it('falls back to English, then any language, and says so', () => {
    assert.deepEqual(pickText({ en: 'Report', ar: 'تقرير' }, 'ar'), { text: 'تقرير', lang: 'ar', fallback: false });
    assert.deepEqual(pickText({ en: 'Report' }, 'ru'), { text: 'Report', lang: 'en', fallback: true });
    assert.deepEqual(pickText({ es: 'Informe' }, 'fa'), { text: 'Informe', lang: 'es', fallback: true });
  });
  it('plural messages follow each language', () => {
    assert.equal(translator('en')('library.resultCount', { count: 1 }), '1 resource');
    assert.equal(translator('en')('library.resultCount', { count: 0 }), 'No resources');
  });
});
