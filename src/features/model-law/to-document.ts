// An edition back into the interchange format: the JSON export, and the input of the other
// exports (Akoma Ntoso, DOCX), so that every export says the same thing.
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { ModelLawDocument } from './format.ts';
import type { EditionTree, LawNode } from './store.ts';

type Localized = Partial<Record<Locale, string>>;

function headings(node: LawNode): Localized {
  const out: Localized = {};
  for (const l of LOCALES) if (node.texts[l]) out[l] = node.texts[l]!.heading;
  return out;
}

function paragraphs(node: LawNode): Localized[] {
  const count = Math.max(0, ...LOCALES.map((l) => node.texts[l]?.paragraphs.length ?? 0));
  return Array.from({ length: count }, (_, i) => {
    const p: Localized = {};
    for (const l of LOCALES) {
      const text = node.texts[l]?.paragraphs[i];
      if (text) p[l] = text;
    }
    return p;
  });
}

function chapter(node: LawNode) {
  return {
    key: node.key,
    heading: headings(node),
    articles: node.children.map((a) => ({
      key: a.key,
      heading: headings(a),
      paragraphs: paragraphs(a),
      sources: a.sources.map((s) => {
        const note = Object.keys(s.note).length ? { note: s.note } : {};
        return s.kind === 'instrument' ? { instrument: s.key, provision: s.ref, ...note } : { nationalLaw: s.key, provision: s.ref, ...note };
      }),
    })),
  };
}

export function editionToDocument(tree: EditionTree): ModelLawDocument {
  const { edition } = tree;
  const hasParts = tree.roots.some((n) => n.kind === 'part');
  return {
    format: 'atlas-model-law/1',
    slug: edition.law.slug,
    sample: edition.law.sample,
    sourceLocale: edition.law.sourceLocale,
    title: edition.law.title,
    edition: { label: edition.label, year: edition.year, ...(Object.keys(edition.note).length ? { note: edition.note } : {}) },
    ...(hasParts
      ? { parts: tree.roots.map((p) => ({ key: p.key, heading: headings(p), chapters: p.children.map(chapter) })) }
      : { chapters: tree.roots.map(chapter) }),
  };
}
