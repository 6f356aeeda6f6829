// The drafting aid: the articles a drafter chose, renumbered as a bill, in one language, each with
// its sources and with the provisions the chosen country already has on the same ground (the
// national sources of that article from that country).
import { dir, pickText, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import { countryName } from '../taxonomy/country-names.ts';
import type { EditionTree, ResolvedSource } from './store.ts';
import { shownText } from './text.ts';

export type DraftArticle = {
  number: number;
  modelNumber: string;
  key: string;
  heading: string;
  paragraphs: string[];
  lang: Locale;
  sources: ResolvedSource[];
  countryProvisions: Extract<ResolvedSource, { kind: 'national' }>[];
};

export type Draft = { locale: Locale; dir: 'rtl' | 'ltr'; country: string | undefined; lawTitle: string; edition: string; sample: boolean; articles: DraftArticle[] };

export function buildDraft(tree: EditionTree, keys: string[], locale: Locale, country: string | undefined): Draft {
  const chosen = new Set(keys);
  const source = tree.edition.law.sourceLocale;
  const articles = tree.articles
    .filter((a) => chosen.has(a.key))
    .map((a, i) => {
      const shown = shownText(a, locale, source)!;
      return {
        number: i + 1,
        modelNumber: a.number,
        key: a.key,
        heading: shown.text.heading,
        paragraphs: shown.text.paragraphs,
        lang: shown.lang,
        sources: a.sources,
        countryProvisions: a.sources.filter((s): s is Extract<ResolvedSource, { kind: 'national' }> => s.kind === 'national' && s.country === country),
      };
    });
  return {
    locale,
    dir: dir(locale),
    country,
    lawTitle: pickText(tree.edition.law.title, locale).text,
    edition: tree.edition.label,
    sample: tree.edition.law.sample,
    articles,
  };
}

/** A source as one line of text in the reader's language. */
export function sourceLine(s: ResolvedSource, locale: Locale, t: Translate): string {
  if (s.kind === 'instrument') {
    const title = pickText(s.title, locale).text;
    return `${pickText(s.shortName, locale).text}, ${t('modelLaw.provisionRef', { ref: s.ref })}${title ? `: ${title}` : ''}`;
  }
  const summary = pickText(s.summary, locale).text;
  return `${countryName(s.country, locale)}: ${s.lawTitle} (${s.year}), ${s.ref}${summary ? `: ${summary}` : ''}`;
}

export function draftToMarkdown(draft: Draft, t: Translate): string {
  const lines: string[] = [`# ${t('modelLaw.draft.billTitle')}`, ''];
  lines.push(`> ${t('modelLaw.draft.basedOn', { law: draft.lawTitle, edition: draft.edition })}`);
  if (draft.sample) lines.push(`> ${t('modelLaw.draft.sampleWarning')}`);
  lines.push('');
  for (const a of draft.articles) {
    lines.push(`## ${t('modelLaw.articleNumber', { number: a.number })}. ${escapeMarkdown(a.heading)}`, '');
    a.paragraphs.forEach((p, i) => lines.push(`${i + 1}. ${escapeMarkdown(p)}`));
    lines.push('', `*${t('modelLaw.draft.modelArticle', { number: a.modelNumber })}*`, '');
    if (a.sources.length) {
      lines.push(`**${t('modelLaw.sources')}**`, '');
      for (const s of a.sources) lines.push(`- ${escapeMarkdown(sourceLine(s, draft.locale, t))}`);
      lines.push('');
    }
    if (draft.country) {
      const name = countryName(draft.country, draft.locale);
      lines.push(`**${t('modelLaw.draft.existing', { country: name })}**`, '');
      if (a.countryProvisions.length) for (const s of a.countryProvisions) lines.push(`- ${escapeMarkdown(sourceLine(s, draft.locale, t))}`);
      else lines.push(`- ${t('modelLaw.draft.noneRecorded', { country: name })}`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Text from the database must not turn into Markdown structure (links, emphasis, HTML). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1').replace(/\r?\n/g, ' ');
}
