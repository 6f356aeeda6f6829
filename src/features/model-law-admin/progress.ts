// How far each translation is: for every locale, which of the edition's nodes (parts, chapters and
// articles: each has a heading) have a current, an outdated or no text, from textStatus.
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { textStatus, type EditionTree, type LawNode } from '../model-law/store.ts';

export type LocaleProgress = {
  locale: Locale;
  total: number;
  current: number;
  outdated: number;
  missing: number;
  /** Current texts over all nodes, 0 to 1 (1 for an empty edition: nothing is left to do). */
  share: number;
  outdatedNodes: LawNode[];
  missingNodes: LawNode[];
};

/** Every node in reading order. */
export function allNodes(tree: EditionTree): LawNode[] {
  const out: LawNode[] = [];
  const walk = (node: LawNode) => {
    out.push(node);
    node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return out;
}

export function translationProgress(tree: EditionTree): LocaleProgress[] {
  const nodes = allNodes(tree);
  const source = tree.edition.law.sourceLocale;
  return LOCALES.map((locale) => {
    const outdatedNodes: LawNode[] = [];
    const missingNodes: LawNode[] = [];
    for (const node of nodes) {
      const status = textStatus(node, locale, source);
      if (status === 'outdated') outdatedNodes.push(node);
      else if (status === 'missing') missingNodes.push(node);
    }
    const current = nodes.length - outdatedNodes.length - missingNodes.length;
    return {
      locale,
      total: nodes.length,
      current,
      outdated: outdatedNodes.length,
      missing: missingNodes.length,
      share: nodes.length === 0 ? 1 : current / nodes.length,
      outdatedNodes,
      missingNodes,
    };
  });
}

/** The user's own locales first (a translator's work), then the others in the usual order. */
export function ownLocalesFirst<T extends { locale: Locale }>(items: T[], own: readonly Locale[]): T[] {
  return [...items.filter((i) => own.includes(i.locale)), ...items.filter((i) => !own.includes(i.locale))];
}
