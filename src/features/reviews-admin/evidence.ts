// Evidence of an assessment: citations of national provisions (checked against national_provisions:
// the law must exist, be the assessed country's, and have that provision) and free citations with
// an optional http(s) link. Two written forms, each read and written here:
// - the grid: one provision a line, "law key | provision", and one citation a line, "citation | link";
// - a CSV cell: items separated by ";", each "lawKey provision", "citation text <link>" or
//   "citation text" (see CSV_EVIDENCE_HELP on the import page).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Evidence } from '../reviews/store.ts';
import type { Problem } from './problems.ts';

export const EVIDENCE_MAX_ITEMS = 50;
export const CITATION_MAX = 500;
export const LINK_MAX = 2000;

/** Law keys are slugs with at least one hyphen (country prefix), which tells them from free text. */
const LAW_KEY = /^[a-z0-9]+(-[a-z0-9]+)+$/;
/** These characters structure the CSV cell, so citations cannot contain them. */
const RESERVED = /[;<>|]/;

export type ProvisionCitation = { nationalLaw: string; provision: string };
export type FreeCitation = { citation: string; link?: string };

export function isProvision(e: Evidence): e is ProvisionCitation {
  return 'nationalLaw' in e;
}

export type Parsed = { evidence: Evidence[]; problems: Problem[] };

export function isHttpLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s<>;|"]/.test(value) || value.length > LINK_MAX) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function citation(text: string, link: string | undefined, item: string, problems: Problem[]): FreeCitation | undefined {
  const c = text.trim().replace(/\s+/g, ' ');
  if (c === '' || RESERVED.test(c)) {
    problems.push({ code: 'citationChars', values: { item } });
    return undefined;
  }
  if (c.length > CITATION_MAX) {
    problems.push({ code: 'tooLong', values: { max: CITATION_MAX } });
    return undefined;
  }
  if (link === undefined || link === '') return { citation: c };
  if (!isHttpLink(link)) {
    problems.push({ code: 'link', values: { link } });
    return undefined;
  }
  return { citation: c, link };
}

function provision(law: string, ref: string, item: string, problems: Problem[]): ProvisionCitation | undefined {
  const l = law.trim();
  const p = ref.trim().replace(/\s+/g, ' ');
  if (!LAW_KEY.test(l) || p === '' || p.length > CITATION_MAX) {
    problems.push({ code: 'provisionFormat', values: { item } });
    return undefined;
  }
  return { nationalLaw: l, provision: p };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The grid's provisions field: "law key | provision" (or "law key provision") a line. */
export function parseProvisionLines(text: string): Parsed {
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  for (const line of lines(text)) {
    const bar = line.indexOf('|');
    const [law, ref] = bar >= 0 ? [line.slice(0, bar), line.slice(bar + 1)] : splitFirstWord(line);
    const p = provision(law, ref, line, problems);
    if (p) evidence.push(p);
  }
  return { evidence, problems };
}

/** The grid's citations field: "citation | link" (the link optional) a line. */
export function parseCitationLines(text: string): Parsed {
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  for (const line of lines(text)) {
    const bar = line.lastIndexOf('|');
    const c = bar >= 0 ? citation(line.slice(0, bar), line.slice(bar + 1).trim(), line, problems) : citation(line, undefined, line, problems);
    if (c) evidence.push(c);
  }
  return { evidence, problems };
}

export function provisionLines(evidence: Evidence[]): string {
  return evidence
    .filter(isProvision)
    .map((e) => `${e.nationalLaw} | ${e.provision}`)
    .join('\n');
}

export function citationLines(evidence: Evidence[]): string {
  return evidence
    .filter((e): e is FreeCitation => !isProvision(e))
    .map((e) => (e.link ? `${e.citation} | ${e.link}` : e.citation))
    .join('\n');
}

function splitFirstWord(text: string): [string, string] {
  const m = /^(\S+)\s+(.*)$/.exec(text.trim());
  return m ? [m[1]!, m[2]!] : [text, ''];
}

/** A CSV evidence cell: "lawKey provision; citation text <link>; citation text". */
export function parseEvidenceCell(text: string): Parsed {
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  for (const raw of text.split(';')) {
    const item = raw.trim();
    if (item === '') continue;
    const linked = /^([^<>]*?)\s*<([^<>]*)>$/.exec(item);
    if (linked) {
      const c = citation(linked[1]!, linked[2]!.trim(), item, problems);
      if (c) evidence.push(c);
      continue;
    }
    const [first, rest] = splitFirstWord(item);
    if (LAW_KEY.test(first)) {
      const p = provision(first, rest, item, problems);
      if (p) evidence.push(p);
      continue;
    }
    const c = citation(item, undefined, item, problems);
    if (c) evidence.push(c);
  }
  return { evidence, problems };
}

export function evidenceCell(evidence: Evidence[]): string {
  return evidence
    .map((e) => {
      if (isProvision(e)) return `${e.nationalLaw} ${e.provision}`;
      if (e.link) return `${e.citation} <${e.link}>`;
      // Without "<>", a citation starting like a law key would read back as a provision.
      return LAW_KEY.test(splitFirstWord(e.citation)[0]) ? `${e.citation} <>` : e.citation;
    })
    .join('; ');
}

/** Every national law with its country and provisions, to check citations without a query each. */
export type LawIndex = Map<string, { country: string; provisions: Set<string> }>;

export async function loadLawIndex(db: Db): Promise<LawIndex> {
  const r = await sql<{ key: string; country: string; refs: string[] | null }>`SELECT l.key, l.country,
      (SELECT array_agg(p.ref ORDER BY p.position, p.ref) FROM national_provisions p WHERE p.law_key = l.key) AS refs
    FROM national_laws l`.execute(db);
  return new Map(r.rows.map((row) => [row.key, { country: row.country.trim(), provisions: new Set(row.refs ?? []) }]));
}

/** Checks what parsing cannot: that each cited provision exists and belongs to the assessed country. */
export function checkEvidence(index: LawIndex, country: string, evidence: Evidence[]): Problem[] {
  const problems: Problem[] = [];
  if (evidence.length > EVIDENCE_MAX_ITEMS) problems.push({ code: 'tooMany', values: { max: EVIDENCE_MAX_ITEMS } });
  for (const e of evidence) {
    if (!isProvision(e)) continue;
    const law = index.get(e.nationalLaw);
    if (!law) problems.push({ code: 'unknownLaw', values: { law: e.nationalLaw } });
    else if (law.country !== country) problems.push({ code: 'otherCountry', values: { law: e.nationalLaw, country: law.country } });
    else if (!law.provisions.has(e.provision)) problems.push({ code: 'unknownProvision', values: { law: e.nationalLaw, provision: e.provision } });
  }
  return problems;
}

/** The provisions a country's grid can cite, for the hint beside the field. */
export function countryProvisions(index: LawIndex, country: string): { law: string; provision: string }[] {
  return [...index].filter(([, l]) => l.country === country).flatMap(([law, l]) => [...l.provisions].map((provision) => ({ law, provision })));
}
