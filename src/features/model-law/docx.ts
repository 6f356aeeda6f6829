// Word documents of the whole law and of a draft bill, with the `docx` library. Right-to-left
// languages get bidirectional paragraphs and right-to-left runs, so that Word lays them out right.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { dir, pickText, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import { countryName } from '../taxonomy/country-names.ts';
import type { Draft } from './drafting.ts';
import { sourceLine } from './drafting.ts';
import type { EditionTree, LawNode } from './store.ts';
import { shownText } from './text.ts';

function writer(locale: Locale) {
  const rtl = dir(locale) === 'rtl';
  const para = (text: string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; italic?: boolean; bold?: boolean; size?: number } = {}) =>
    new Paragraph({
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
      ...(opts.heading ? { heading: opts.heading } : {}),
      children: [new TextRun({ text, rightToLeft: rtl, italics: opts.italic, bold: opts.bold, size: opts.size, language: { value: locale } })],
    });
  return { para };
}

function pack(children: Paragraph[], title: string, locale: Locale): Promise<Buffer> {
  const doc = new Document({ title, creator: 'Child Protection Atlas', styles: { default: { document: { run: { language: { value: locale } } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export async function lawToDocx(tree: EditionTree, locale: Locale, t: Translate): Promise<Buffer> {
  const { para } = writer(locale);
  const source = tree.edition.law.sourceLocale;
  const title = pickText(tree.edition.law.title, locale).text;
  const children: Paragraph[] = [para(title, { heading: HeadingLevel.TITLE }), para(t('modelLaw.edition', { label: tree.edition.label }))];
  if (tree.edition.law.sample) children.push(para(`${t('modelLaw.sample')} ${pickText(tree.edition.note, locale).text}`, { italic: true }));
  const walk = (node: LawNode) => {
    const shown = shownText(node, locale, source);
    const heading = shown?.text.heading ?? '';
    if (node.kind === 'part') children.push(para(`${t('modelLaw.partNumber', { number: node.number })}. ${heading}`, { heading: HeadingLevel.HEADING_1 }));
    else if (node.kind === 'chapter') children.push(para(`${t('modelLaw.chapterNumber', { number: node.number })}. ${heading}`, { heading: HeadingLevel.HEADING_1 }));
    else {
      children.push(para(`${t('modelLaw.articleNumber', { number: node.number })}. ${heading}`, { heading: HeadingLevel.HEADING_2 }));
      shown?.text.paragraphs.forEach((p, i) => children.push(para(`${i + 1}. ${p}`)));
      if (node.sources.length) children.push(para(`${t('modelLaw.sources')}: ${node.sources.map((s) => sourceLine(s, locale, t)).join('; ')}`, { italic: true, size: 18 }));
    }
    node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return pack(children, title, locale);
}

export async function draftToDocx(draft: Draft, t: Translate): Promise<Buffer> {
  const { para } = writer(draft.locale);
  const children: Paragraph[] = [
    para(t('modelLaw.draft.billTitle'), { heading: HeadingLevel.TITLE }),
    para(t('modelLaw.draft.basedOn', { law: draft.lawTitle, edition: draft.edition }), { italic: true }),
  ];
  if (draft.sample) children.push(para(t('modelLaw.draft.sampleWarning'), { italic: true }));
  for (const a of draft.articles) {
    children.push(para(`${t('modelLaw.articleNumber', { number: a.number })}. ${a.heading}`, { heading: HeadingLevel.HEADING_2 }));
    a.paragraphs.forEach((p, i) => children.push(para(`${i + 1}. ${p}`)));
    children.push(para(t('modelLaw.draft.modelArticle', { number: a.modelNumber }), { italic: true, size: 18 }));
    for (const s of a.sources) children.push(para(`• ${sourceLine(s, draft.locale, t)}`, { size: 18 }));
    if (draft.country) {
      const name = countryName(draft.country, draft.locale);
      children.push(para(t('modelLaw.draft.existing', { country: name }), { bold: true, size: 18 }));
      if (a.countryProvisions.length) for (const s of a.countryProvisions) children.push(para(`• ${sourceLine(s, draft.locale, t)}`, { size: 18 }));
      else children.push(para(t('modelLaw.draft.noneRecorded', { country: name }), { size: 18 }));
    }
  }
  return pack(children, t('modelLaw.draft.billTitle'), draft.locale);
}
