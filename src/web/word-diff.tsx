// Two texts compared word by word, words found by each language's own rules: `diff` splits on
// Latin word characters by default, which cuts Arabic and Farsi into single letters, so it is
// given an Intl.Segmenter for the text's language. Text only: hono/jsx escapes every part.
import { diffWords } from 'diff';
import type { Locale } from '../i18n/locales.ts';

export type WordChange = { text: string; added?: boolean; removed?: boolean };

const segmenters = new Map<Locale, Intl.Segmenter>();

export function wordChanges(before: string, after: string, locale: Locale): WordChange[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return diffWords(before, after, { intlSegmenter: segmenter }).map((p) => ({ text: p.value, added: p.added, removed: p.removed }));
}

/**
 * `side` shows one text whole with its own differing words marked (old: removed words in <del>;
 * new: added words in <ins>), or both merged.
 */
export function WordDiff({ before, after, locale, side = 'both' }: { before: string; after: string; locale: Locale; side?: 'old' | 'new' | 'both' }) {
  return (
    <>
      {wordChanges(before, after, locale).map((p) => {
        if (p.added) return side === 'old' ? null : <ins>{p.text}</ins>;
        if (p.removed) return side === 'new' ? null : <del>{p.text}</del>;
        return p.text;
      })}
    </>
  );
}
