// Which text of a node a reader sees: their locale when it exists, else the fallback chain
// (English first), marked so that the page can say so and set the right lang/dir.
import { fallbackChain, type Locale } from '../../i18n/locales.ts';
import { textStatus, type LawNode, type NodeText } from './store.ts';
import type { TextStatus } from './text-hash.ts';

export type ShownText = { text: NodeText; lang: Locale; fallback: boolean; status: TextStatus };

export function shownText(node: LawNode, locale: Locale, sourceLocale: Locale): ShownText | undefined {
  for (const candidate of fallbackChain(locale)) {
    const text = node.texts[candidate];
    if (text) return { text, lang: candidate, fallback: candidate !== locale, status: textStatus(node, candidate, sourceLocale) };
  }
  return undefined;
}

/** A plain-text rendering of an article, for exports: "Article 3. Heading" and its paragraphs. */
export function articlePlainText(label: string, text: NodeText): string {
  return [`${label}. ${text.heading}`, ...text.paragraphs.map((p, i) => `${i + 1}. ${p}`)].join('\n');
}
