// Words of a text with their place in it, and the spelling each language's matching starts from.
// The word pattern is the library search's (letters and digits of any script, joined marks), plus
// the zero-width non-joiner, which in Persian sits inside a word ("کودک‌ها") rather than between two.
import type { Locale } from '../../i18n/locales.ts';

export type Word = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200C]*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    // Trailing non-joiners are not part of the word (a loop: a regex here backtracks quadratically).
    let end = m[0].length;
    while (end > 0 && m[0].charCodeAt(end - 1) === 0x200c) end--;
    const raw = m[0].slice(0, end);
    out.push({ word: raw, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/**
 * The form sent to the stemmer. PostgreSQL has no Persian stemmer: Persian words are compared after
 * folding Arabic letter shapes to Persian ones (ي→ی, ك→ک), dropping the zero-width non-joiner, the
 * short vowels and tatweel, and the plural suffixes ها/های. Arabic keeps its letters (its stemmer
 * folds them) but loses short vowels; Russian folds ё into е, as most texts do.
 */
export function normalizeWord(word: string, lang: Locale): string {
  let w = word.normalize('NFC').toLowerCase().replace(/\u200C/g, '');
  if (lang === 'ru') return w.replace(/ё/g, 'е');
  if (lang === 'ar' || lang === 'fa') w = w.replace(/[\p{M}\u0640]/gu, '');
  // The Arabic stemmer takes off the article and a joined preposition but not "and" before the
  // article: "والسياحة" would otherwise never meet "السياحة".
  if (lang === 'ar') return w.length >= 6 && w.startsWith('وال') ? w.slice(1) : w;
  if (lang !== 'fa') return w;
  w = w.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک').replace(/ۀ/g, 'ه').replace(/[أإٱ]/g, 'ا');
  if (w.length > 5 && w.endsWith('های')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ها')) return w.slice(0, -2);
  return w;
}
