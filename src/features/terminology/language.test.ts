// Language detection for "automatic" and the spelling each language's matching starts from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.ts';
import { normalizeWord, words } from './words.ts';

describe('terminology language detection', () => {
  it('tells the five languages apart by script, letters and common words', () => {
    assert.equal(detectLanguage('The protection of children is a duty for all of us.', 'fa'), 'en');
    assert.equal(detectLanguage('La protección de los niños es una obligación para todos.', 'en'), 'es');
    assert.equal(detectLanguage('Защита детей — обязанность каждого.', 'en'), 'ru');
    assert.equal(detectLanguage('حماية الأطفال واجب على الجميع في هذه المنطقة.', 'en'), 'ar');
    assert.equal(detectLanguage('حمایت از کودکان وظیفهٔ همه است و این کار را باید کرد.', 'en'), 'fa');
  });

  it("falls back to the page's language when the text has no letters", () => {
    assert.equal(detectLanguage('1234 — 5678', 'ru'), 'ru');
  });
});

describe('terminology words', () => {
  it('keeps offsets and treats a Persian zero-width non-joiner as part of the word', () => {
    assert.deepEqual(words('child-porn, کودک‌ها'), [
      { word: 'child', start: 0, end: 5 },
      { word: 'porn', start: 6, end: 10 },
      { word: 'کودک‌ها', start: 12, end: 19 },
    ]);
  });

  it('drops non-joiners that end a word, even a long run of them inside one', () => {
    assert.deepEqual(words('کودک\u200C\u200C ok'), [
      { word: 'کودک', start: 0, end: 4 },
      { word: 'ok', start: 7, end: 9 },
    ]);
    // A run of 50,000 non-joiners between two letters is one word, read in linear time.
    const long = `a${'\u200C'.repeat(50_000)}b\u200C`;
    assert.deepEqual(words(long), [{ word: long.slice(0, -1), start: 0, end: long.length - 1 }]);
  });

  it('normalises Persian letter shapes and plurals, Arabic short vowels and the Russian ё', () => {
    assert.equal(normalizeWord('كودك‌هاي', 'fa'), 'کودک');
    assert.equal(normalizeWord('کتاب‌ها', 'fa'), 'کتاب');
    assert.equal(normalizeWord('الأَطْفَال', 'ar'), 'الأطفال');
    assert.equal(normalizeWord('Ребёнок', 'ru'), 'ребенок');
  });
});
