// Two editions compared article by article, matched by their stable keys: added, removed, text
// changed, renumbered (an article can be both changed and renumbered).
import { wordChanges, type WordChange } from '../../web/word-diff.tsx';
import type { Locale } from '../../i18n/locales.ts';
import type { EditionTree, LawNode } from './store.ts';

export type { WordChange };

export type ArticleChange = {
  key: string;
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  renumbered: boolean;
  from?: LawNode;
  to?: LawNode;
  /** Word-level changes of the compared language's text, for changed articles. */
  words?: WordChange[];
};

function articleText(node: LawNode | undefined, locale: Locale): string | undefined {
  const text = node?.texts[locale];
  return text ? [text.heading, ...text.paragraphs].join('\n') : undefined;
}

export function compareEditions(from: EditionTree, to: EditionTree, locale: Locale): ArticleChange[] {
  const fromByKey = new Map(from.articles.map((a) => [a.key, a]));
  const toKeys = new Set(to.articles.map((a) => a.key));
  const changes: ArticleChange[] = [];
  for (const article of to.articles) {
    const before = fromByKey.get(article.key);
    if (!before) {
      changes.push({ key: article.key, kind: 'added', renumbered: false, to: article });
      continue;
    }
    const a = articleText(before, locale) ?? '';
    const b = articleText(article, locale) ?? '';
    const changed = a !== b;
    changes.push({
      key: article.key,
      kind: changed ? 'changed' : 'unchanged',
      renumbered: before.number !== article.number,
      from: before,
      to: article,
      ...(changed ? { words: wordChanges(a, b, locale) } : {}),
    });
  }
  for (const article of from.articles) {
    if (!toKeys.has(article.key)) changes.push({ key: article.key, kind: 'removed', renumbered: false, from: article });
  }
  return changes;
}
