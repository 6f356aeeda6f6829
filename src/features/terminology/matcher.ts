// Finds the glossary's terms in a text. The text is split into words with their offsets; each word
// goes through the same stemmer as search; each term form (the term and its variants) is stemmed
// the same way, and its lexeme sequence is looked for in the text's. Stopwords the stemmer drops
// ("of", "in") may stand between a term's words only where the term itself has some.
import type { Db } from '../../db/connect.ts';
import { pickText, type Locale } from '../../i18n/locales.ts';
import { lexemes } from './lexemes.ts';
import { glossaryStamp, listGlossary } from './store.ts';
import type { GlossaryEntry, TermStatus } from './schema.ts';
import { normalizeWord, words, type Word } from './words.ts';

export type Finding = {
  /** Offsets in the text, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  /** 1-based; the column counts characters (code points). */
  line: number;
  column: number;
  found: string;
  key: string;
  status: Exclude<TermStatus, 'preferred'>;
  term: string;
  suggestion: { key: string; term: string } | null;
  explanation: string;
  source: string | null;
  link: string | null;
  confirmed: boolean;
};

export type CheckResult = { lang: Locale; findings: Finding[] };

type Step = { lexeme: string; gap: number };
type Pattern = { entry: GlossaryEntry; form: string; steps: Step[] };
type Glossary = { entries: Map<string, GlossaryEntry>; patterns: Map<string, Pattern[]> };

/** Patterns per database and language, rebuilt when the glossary changes. */
const cache = new WeakMap<Db, Map<Locale, { stamp: string; glossary: Promise<Glossary> }>>();

async function glossaryFor(db: Db, lang: Locale): Promise<Glossary> {
  const stamp = await glossaryStamp(db);
  let perLang = cache.get(db);
  if (!perLang) cache.set(db, (perLang = new Map()));
  const hit = perLang.get(lang);
  if (hit && hit.stamp === stamp) return hit.glossary;
  const glossary = buildGlossary(db, lang);
  perLang.set(lang, { stamp, glossary });
  glossary.catch(() => perLang.delete(lang));
  return glossary;
}

async function buildGlossary(db: Db, lang: Locale): Promise<Glossary> {
  const entries = await listGlossary(db);
  const forms = entries.flatMap((entry) =>
    [entry.term[lang], ...(entry.variants[lang] ?? [])].filter((f): f is string => !!f).map((form) => ({ entry, form, words: words(form) })),
  );
  const stems = await lexemes(db, lang, [...new Set(forms.flatMap((f) => f.words.map((w) => normalizeWord(w.word, lang))))]);
  const patterns = new Map<string, Pattern[]>();
  for (const f of forms) {
    const steps: Step[] = [];
    let gap = 0;
    for (const w of f.words) {
      const lexeme = stems.get(normalizeWord(w.word, lang)) ?? '';
      if (!lexeme) gap++;
      else {
        steps.push({ lexeme, gap: steps.length === 0 ? 0 : gap });
        gap = 0;
      }
    }
    if (steps.length === 0) continue;
    const first = steps[0]!.lexeme;
    patterns.set(first, [...(patterns.get(first) ?? []), { entry: f.entry, form: f.form, steps }]);
  }
  return { entries: new Map(entries.map((e) => [e.key, e])), patterns };
}

/** A full stop, question mark, semicolon, colon or blank line ends a phrase: a term never spans it. */
const BREAK = /[.!?;:؟؛\u06D4]|\n\s*\n/u;

type Candidate = { first: number; last: number; pattern: Pattern; score: number };

/** How close the written words are to the form, to choose between forms that stem alike ("prostitute" / "prostitution"). */
function closeness(found: string, form: string): number {
  const a = found.toLowerCase().replace(/[\s\-‐]+/gu, ' ');
  const b = form.toLowerCase().replace(/[\s\-‐]+/gu, ' ');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export async function checkText(db: Db, text: string, lang: Locale): Promise<CheckResult> {
  const glossary = await glossaryFor(db, lang);
  const tokens = words(text);
  const normal = tokens.map((t) => normalizeWord(t.word, lang));
  const stems = await lexemes(db, lang, [...new Set(normal)]);
  const content: { token: number; lexeme: string }[] = [];
  normal.forEach((w, i) => {
    const lexeme = stems.get(w) ?? '';
    if (lexeme) content.push({ token: i, lexeme });
  });

  const candidates: Candidate[] = [];
  for (let c = 0; c < content.length; c++) {
    for (const pattern of glossary.patterns.get(content[c]!.lexeme) ?? []) {
      const last = matchFrom(text, tokens, content, c, pattern.steps);
      if (last === undefined) continue;
      const first = content[c]!.token;
      const found = text.slice(tokens[first]!.start, tokens[last]!.end);
      candidates.push({ first, last, pattern, score: closeness(found, pattern.form) });
    }
  }
  // Leftmost, then longest, then the closest form; a preferred term takes its words out of the
  // running too ("travelling child sex offender" holds no "child sex offender" finding).
  candidates.sort((a, b) => a.first - b.first || b.last - a.last || b.score - a.score || a.pattern.entry.position - b.pattern.entry.position);
  const chosen: Candidate[] = [];
  let free = 0;
  for (const candidate of candidates) {
    if (candidate.first < free) continue;
    chosen.push(candidate);
    free = candidate.last + 1;
  }
  const shown = chosen.filter((c) => c.pattern.entry.status !== 'preferred');
  const places = positions(text, shown.map((c) => tokens[c.first]!.start));
  const findings = shown.map((c, i) => finding(text, tokens, c, glossary, lang, places[i]!));
  return { lang, findings };
}

/** The index of the last token of the pattern's match starting at content word c, or undefined. */
function matchFrom(text: string, tokens: Word[], content: { token: number; lexeme: string }[], c: number, steps: Step[]): number | undefined {
  for (let j = 1; j < steps.length; j++) {
    const previous = content[c + j - 1];
    const next = content[c + j];
    if (!previous || !next || next.lexeme !== steps[j]!.lexeme) return undefined;
    const skipped = next.token - previous.token - 1;
    const gap = steps[j]!.gap;
    if (gap === 0 ? skipped !== 0 : skipped < 1 || skipped > gap + 1) return undefined;
    if (BREAK.test(text.slice(tokens[previous.token]!.end, tokens[next.token]!.start))) return undefined;
  }
  return content[c + steps.length - 1]!.token;
}

/** Line and column of each offset (ascending), walking the text once. */
function positions(text: string, offsets: number[]): { line: number; column: number }[] {
  let line = 1;
  let column = 1;
  let at = 0;
  return offsets.map((offset) => {
    for (; at < offset; at++) {
      const code = text.charCodeAt(at);
      if (code === 10) {
        line++;
        column = 1;
      } else if (code < 0xdc00 || code > 0xdfff) column++; // the low half of a surrogate pair is no new character
    }
    return { line, column };
  });
}

function finding(text: string, tokens: Word[], c: Candidate, glossary: Glossary, lang: Locale, place: { line: number; column: number }): Finding {
  const start = tokens[c.first]!.start;
  const end = tokens[c.last]!.end;
  const entry = c.pattern.entry;
  const alternative = entry.alternative ? glossary.entries.get(entry.alternative) : undefined;
  return {
    start,
    end,
    ...place,
    found: text.slice(start, end),
    key: entry.key,
    status: entry.status as Finding['status'],
    term: pickText(entry.term, lang).text,
    suggestion: alternative ? { key: alternative.key, term: pickText(alternative.term, lang).text } : null,
    explanation: pickText(entry.explanation, lang).text,
    source: entry.source,
    link: entry.link,
    confirmed: entry.confirmed,
  };
}
