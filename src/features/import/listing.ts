// The plain-text resource listing copied from the old website. Entries are separated by blank lines:
//
//   Child Protection, Cybercrime, Laos            <- tags: topics, then countries
//   A Guide to Something                          <- title
//   (Publisher One, Publisher Two) Summary ...    <- publishers in parentheses, then the summary,
//   more summary paragraphs ...Read More             which ends with "Read More"
//
// Copying from a web page leaves quirks, each handled here: non-breaking spaces, "Read More" glued
// to the last word or alone on its line, a comma after the parentheses, summaries of several
// paragraphs. The parser is pure; telling topics from countries needs the database (vocabulary.ts).
import type { ResourceType } from '../library/schema.ts';
import type { EntryProblem } from './run.ts';

export type ListingEntry = {
  /** 1-based line of the entry's tag line: how errors name the entry. */
  line: number;
  tags: string[];
  title: string;
  publishers: string[];
  year: number | null;
  summary: string;
  type: ResourceType;
  problems: EntryProblem[];
};

type Block = { line: number; lines: string[] };

export function parseListing(text: string): ListingEntry[] {
  const blocks = toBlocks(text);
  const entries: ListingEntry[] = [];
  let i = 0;
  while (i < blocks.length) {
    const tagBlock = blocks[i++]!;
    // A title written right under the tag line, without a blank line between, is still the title.
    if (tagBlock.lines.length > 1) blocks.splice(i, 0, { line: tagBlock.line + 1, lines: tagBlock.lines.slice(1) });
    const entry: ListingEntry = { line: tagBlock.line, tags: splitTopLevel(tagBlock.lines[0]!), title: '', publishers: [], year: null, summary: '', type: 'report', problems: [] };
    entries.push(entry);

    const titleBlock = blocks[i];
    if (titleBlock && !isPublisherParagraph(titleBlock.lines[0]!)) {
      i++;
      // The summary may follow the title without a blank line: it starts at the parenthesis.
      const summaryAt = titleBlock.lines.findIndex((l, n) => n > 0 && isPublisherParagraph(l));
      if (summaryAt > 0) blocks.splice(i, 0, { line: titleBlock.line + summaryAt, lines: titleBlock.lines.slice(summaryAt) });
      entry.title = squeeze(titleBlock.lines.slice(0, summaryAt > 0 ? summaryAt : undefined).join(' '));
    } else {
      entry.problems.push({ field: 'title', message: 'missing title' });
    }

    const paragraphs: string[] = [];
    while (i < blocks.length) {
      // "Read More" forgotten: stop where the next entry visibly begins rather than swallow it.
      if (paragraphs.length > 0 && startsEntry(blocks, i)) break;
      const block = blocks[i++]!;
      const end = block.lines.findIndex((l) => READ_MORE.test(l));
      if (end >= 0 && end < block.lines.length - 1) blocks.splice(i, 0, { line: block.line + end + 1, lines: block.lines.slice(end + 1) });
      const lines = end >= 0 ? block.lines.slice(0, end + 1) : block.lines;
      const paragraph = squeeze(lines.join(' ').replace(READ_MORE, ''));
      if (paragraph) paragraphs.push(paragraph);
      if (end >= 0) break;
    }

    const lead = paragraphs[0] !== undefined ? splitPublisherParagraph(paragraphs[0]) : undefined;
    if (paragraphs.length === 0) {
      entry.problems.push({ field: 'summary', message: 'missing the "(Publisher) summary ... Read More" paragraph' });
    } else if (!lead) {
      entry.problems.push({ field: 'publishers', message: 'the summary does not start with the publisher(s) in parentheses' });
    } else {
      paragraphs[0] = lead.summary;
      entry.publishers = lead.publishers;
      entry.year = lead.year;
    }
    entry.summary = paragraphs.filter(Boolean).join('\n\n');
    entry.type = inferType(entry.title, entry.summary);
  }
  return entries;
}

// Title case as on the website's button, so that prose ending in "read more" is left alone.
const READ_MORE = /\s*(?:Read\s*More|READ\s*MORE)\s*[…»›>]*\s*$/;

// Non-breaking and other odd spaces (U+00A0 is everywhere in the copied text) become plain spaces.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs separated by blank lines, each remembering the line it starts on. */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(ODD_SPACES, ' ').replace(/[\u200b\ufeff]/g, '').trim();
    if (!line) current = undefined;
    else if (current) current.lines.push(line);
    else blocks.push((current = { line: index + 1, lines: [line] }));
  });
  return blocks;
}

function isPublisherParagraph(line: string): boolean {
  return line.startsWith('(') && closingParen(line) > 0;
}

/** Index of the parenthesis closing the one at 0, minding nested "Name (ACRONYM)" forms; -1 if none. */
function closingParen(text: string): number {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

/** A tag line, then a title, then a publisher paragraph: the start of the next entry. */
function startsEntry(blocks: Block[], i: number): boolean {
  const [tags, title, lead] = [blocks[i], blocks[i + 1], blocks[i + 2]];
  if (!tags || !title || !lead || tags.lines.length > 1) return false;
  const line = tags.lines[0]!;
  const labelsLookRight = splitTopLevel(line).every((l) => l.length <= 80);
  return labelsLookRight && !/[.!?:;"”]$/.test(line) && !isPublisherParagraph(title.lines[0]!) && isPublisherParagraph(lead.lines[0]!);
}

/** Splits on commas outside parentheses, so "Child Sexual Abuse Material (CSAM, imagery)" stays whole. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    const ch = text[k];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (k === text.length || (ch === ',' && depth === 0)) {
      parts.push(squeeze(text.slice(start, k)));
      start = k + 1;
    }
  }
  return parts.filter(Boolean);
}

/** "(ICMEC, The World Bank), This report ..." -> the publishers, a year if given, and the summary. */
export function splitPublisherParagraph(paragraph: string): { publishers: string[]; year: number | null; summary: string } | undefined {
  if (!paragraph.startsWith('(')) return undefined;
  const end = closingParen(paragraph);
  if (end < 0) return undefined;
  // The parenthesis is sometimes followed by a comma or a dash before the summary starts.
  const summary = paragraph.slice(end + 1).replace(/^\s*[,;:.\-–—]?\s*/, '');
  return { ...splitPublishers(paragraph.slice(1, end)), summary };
}

export function splitPublishers(inner: string): { publishers: string[]; year: number | null } {
  const items = splitTopLevel(inner);
  let year: number | null = null;
  // "(Lanning and Dietz, 2014)": authors and a year, cited the academic way.
  if (items.length > 0 && /^(1[89]|2[01])\d\d$/.test(items.at(-1)!)) year = Number(items.pop());
  // "(Association of International Schools in Africa, AISA)": one publisher and its acronym, not two.
  if (items.length >= 2 && isAcronymOf(items.at(-1)!, items.at(-2)!)) {
    const acronym = items.pop()!;
    items.push(`${items.pop()!} (${acronym})`);
  }
  return { publishers: items, year };
}

/**
 * True when each capital of the acronym is, in order, the initial of a word of the name, starting
 * with the first ("AISA" for "Association of International Schools in Africa"). "ICMEC, ROCIT" are
 * two publishers: a one-word name has no acronym to spell.
 */
export function isAcronymOf(acronym: string, name: string): boolean {
  if (!/^[A-Z][A-Z0-9&.-]*[A-Z0-9]$/.test(acronym)) return false;
  const initials = name.split(/[\s/-]+/).filter((w) => /^\p{L}/u.test(w)).map((w) => w[0]!.toUpperCase());
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (initials.length < 2 || letters[0] !== initials[0]) return false;
  let matched = 0;
  for (const initial of initials) if (initial === letters[matched]) matched++;
  return matched === letters.length;
}

// In order of precedence: the most specific kind of document wins over the generic ones.
const TYPE_WORDS: [ResourceType, RegExp][] = [
  ['infographic', /\binfographics?\b/i],
  ['handbook', /\bhandbooks?\b/i],
  ['guidelines', /\bguidelines\b/i],
  ['guide', /\bguides?\b/i],
  ['white-paper', /\bwhite[\s-]papers?\b/i],
  ['article', /\b(articles?|journal)\b/i],
  ['study', /\bstud(y|ies)\b/i],
  ['model-law', /\bmodel laws?\b/i],
  ['report', /\breports?\b/i],
];

/**
 * The listing does not say what kind of document a resource is; its words usually do. The title
 * is asked first ("SUMMIT Report: Best Practices ..." is a report even if its summary mentions a
 * study), then the summary; a report when neither says.
 */
export function inferType(title: string, summary: string): ResourceType {
  for (const text of [title, summary]) {
    for (const [type, words] of TYPE_WORDS) if (words.test(text)) return type;
  }
  return 'report';
}
