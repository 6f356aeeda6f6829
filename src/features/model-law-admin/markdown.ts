// A structured Markdown format for one language of a model law, for drafts written in a text
// editor. Documented on the import page (views/import-pages.tsx) and in MARKDOWN_EXAMPLE:
//
//   # Title of the law                       the first line
//   Law: law-slug                             required: which law this is an edition of
//   Language: en                              optional (en): the language of the whole file
//   Year: 2027                                optional (this year)
//   ## Part: key | Heading                    optional; when there are parts, every chapter is in one
//   ## Chapter: key | Heading
//   ### Article: key | Heading
//   Paragraphs: blocks of text separated by a blank line.
//   Sources: crc 34; lanzarote 23; nationalLaw gb-sexual-offences-act-2003 s. 15
//
// The number of # signs is only for readability: the word after them (Part, Chapter, Article)
// decides. Every problem is reported with its line number, all of them at once.
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { ModelLawDocumentSchema, type ModelLawDocument } from '../model-law/format.ts';

export class MarkdownFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export const MARKDOWN_EXAMPLE = `# Model Law on the Protection of Children
Law: my-model-law
Language: en
Year: 2027

## Chapter: general-provisions | General provisions

### Article: purpose | Purpose
The purpose of this Law is to protect children from sexual abuse and exploitation.

This Law shall be interpreted in the best interests of the child.
Sources: crc 3; crc 34; lanzarote 18

### Article: definitions | Definitions
For the purposes of this Law, a child is any person under the age of eighteen years.
Sources: crc 1; nationalLaw gb-sexual-offences-act-2003 s. 15
`;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HEADING = /^#{1,6}\s+(part|chapter|article)\s*:\s*(.*)$/i;
const TITLE = /^#\s+(.+)$/;
const FIELD = /^([A-Za-z]+)\s*:\s*(.*)$/;

type Source = { instrument: string; provision: string } | { nationalLaw: string; provision: string };
type Article = { key: string; heading: string; paragraphs: string[]; sources: Source[]; line: number };
type Chapter = { key: string; heading: string; articles: Article[]; line: number };
type Part = { key: string; heading: string; chapters: Chapter[]; line: number };

/** One `Sources:` entry: "crc 34" or "nationalLaw gb-sexual-offences-act-2003 s. 15". */
function parseSource(entry: string): Source | string {
  const words = entry.trim().split(/\s+/);
  if (words[0]?.toLowerCase() === 'nationallaw') {
    const [, key, ...provision] = words;
    if (!key || provision.length === 0) return `"${entry.trim()}" should read "nationalLaw <law key> <provision>"`;
    if (!KEY.test(key)) return `"${key}" is not a national law key (lower-case letters, digits and hyphens)`;
    return { nationalLaw: key, provision: provision.join(' ') };
  }
  const [key, ...provision] = words;
  if (!key || provision.length === 0) return `"${entry.trim()}" should read "<instrument key> <provision>", e.g. "crc 34"`;
  if (!KEY.test(key)) return `"${key}" is not an instrument key (lower-case letters, digits and hyphens)`;
  return { instrument: key, provision: provision.join(' ') };
}

export function parseModelLawMarkdown(text: string, opts: { label?: string; year?: number } = {}): ModelLawDocument {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const problems: string[] = [];
  const problem = (line: number, message: string) => problems.push(`line ${line}: ${message}`);

  let title: string | undefined;
  const fields: { law?: string; language?: Locale; year?: number } = {};
  const parts: Part[] = [];
  const looseChapters: Chapter[] = [];
  let part: Part | undefined;
  let chapter: Chapter | undefined;
  let article: Article | undefined;
  let block: string[] = [];
  const keys = new Map<string, number>();

  const endBlock = () => {
    if (block.length > 0 && article) article.paragraphs.push(block.join(' '));
    block = [];
  };

  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.trim();
    if (line === '') {
      endBlock();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endBlock();
      if (title === undefined) {
        problem(n, 'the file starts with the title of the law ("# Title"), before any heading');
        title = '';
      }
      const kind = heading[1]!.toLowerCase() as 'part' | 'chapter' | 'article';
      const bar = heading[2]!.indexOf('|');
      const key = (bar < 0 ? heading[2]! : heading[2]!.slice(0, bar)).trim();
      const name = bar < 0 ? '' : heading[2]!.slice(bar + 1).trim();
      if (bar < 0 || !name) problem(n, `a ${kind} heading reads "${kind[0]!.toUpperCase()}${kind.slice(1)}: key | heading"`);
      if (!KEY.test(key) || key.length > 80) problem(n, `"${key}" is not a valid key (lower-case letters, digits and single hyphens, at most 80)`);
      else if (keys.has(key)) problem(n, `the key "${key}" is used twice (first on line ${keys.get(key)})`);
      else keys.set(key, n);
      if (kind === 'part') {
        if (looseChapters.length > 0) problem(n, 'a part after chapters that are in no part: put every chapter in a part, or use no parts');
        part = { key, heading: name, chapters: [], line: n };
        parts.push(part);
        chapter = article = undefined;
      } else if (kind === 'chapter') {
        chapter = { key, heading: name, articles: [], line: n };
        if (part) part.chapters.push(chapter);
        else if (parts.length > 0) problem(n, 'a chapter outside a part');
        else looseChapters.push(chapter);
        article = undefined;
      } else {
        if (!chapter) problem(n, 'an article before the first chapter: every article is in a chapter');
        article = { key, heading: name, paragraphs: [], sources: [], line: n };
        chapter?.articles.push(article);
      }
      continue;
    }
    if (title === undefined) {
      const t = TITLE.exec(line);
      title = t ? t[1]!.trim() : '';
      if (!t) problem(n, 'the file starts with the title of the law: "# Title"');
      continue;
    }
    if (article) {
      const sources = /^sources\s*:\s*(.*)$/i.exec(line);
      if (sources) {
        endBlock();
        const entries = sources[1]!.split(';').filter((e) => e.trim());
        if (entries.length === 0) problem(n, 'no sources after "Sources:"');
        for (const entry of entries) {
          const parsed = parseSource(entry);
          if (typeof parsed === 'string') problem(n, parsed);
          else article.sources.push(parsed);
        }
        continue;
      }
      block.push(line);
      continue;
    }
    if (chapter || part) {
      problem(n, 'text outside an article: paragraphs belong under an "Article:" heading');
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) {
      problem(n, 'before the first heading only "Law:", "Language:" and "Year:" lines are expected');
      continue;
    }
    const [, name, value] = field as unknown as [string, string, string];
    switch (name.toLowerCase()) {
      case 'law':
        if (KEY.test(value.trim()) && value.trim().length <= 80) fields.law = value.trim();
        else problem(n, `"${value.trim()}" is not a valid law key (lower-case letters, digits and single hyphens)`);
        break;
      case 'language':
        if (isLocale(value.trim())) fields.language = value.trim() as Locale;
        else problem(n, `"${value.trim()}" is not one of the Atlas languages (ar, en, es, fa, ru)`);
        break;
      case 'year':
        if (/^\d{4}$/.test(value.trim())) fields.year = Number(value.trim());
        else problem(n, `"${value.trim()}" is not a year`);
        break;
      default:
        problem(n, `unknown field "${name}": expected "Law:", "Language:" or "Year:"`);
    }
  }
  endBlock();

  if (title === undefined) problems.unshift('the file is empty: it starts with the title of the law ("# Title")');
  if (!fields.law) problems.push('no "Law: key" line: say which law this is an edition of');
  const chapters = parts.length > 0 ? parts.flatMap((p) => p.chapters) : looseChapters;
  if (chapters.length === 0) problems.push('no chapter: the law needs at least one "## Chapter: key | heading" with articles');
  for (const p of parts) if (p.chapters.length === 0) problem(p.line, `the part "${p.key}" has no chapter`);
  for (const c of chapters) {
    if (c.articles.length === 0) problem(c.line, `the chapter "${c.key}" has no article`);
    for (const a of c.articles) if (a.paragraphs.length === 0) problem(a.line, `the article "${a.key}" has no text`);
  }
  if (problems.length > 0) throw new MarkdownFormatError(problems);

  const locale = fields.language ?? 'en';
  const t = (value: string) => ({ [locale]: value });
  const chapterDoc = (c: Chapter) => ({
    key: c.key,
    heading: t(c.heading),
    articles: c.articles.map((a) => ({ key: a.key, heading: t(a.heading), paragraphs: a.paragraphs.map(t), sources: a.sources })),
  });
  const year = opts.year ?? fields.year ?? new Date().getFullYear();
  const candidate = {
    format: 'atlas-model-law/1',
    slug: fields.law,
    sample: false,
    sourceLocale: locale,
    title: t(title!),
    edition: { label: opts.label ?? String(year), year },
    ...(parts.length > 0 ? { parts: parts.map((p) => ({ key: p.key, heading: t(p.heading), chapters: p.chapters.map(chapterDoc) })) } : { chapters: chapters.map(chapterDoc) }),
  };
  const parsed = ModelLawDocumentSchema.safeParse(candidate);
  if (!parsed.success) throw new MarkdownFormatError(parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`));
  return parsed.data;
}
