// Aggregate statistics of self-audits, under the privacy rule of the self-audit: no figure is drawn
// from fewer than five audits, and no figure lets a suppressed one be recovered by subtraction.
//
// Every figure (a cell) has a base: the audits it is computed from. A cell whose base is under five
// is suppressed ("fewer than 5"). In a breakdown the groups partition the audits and the total is
// shown, so total minus the shown groups gives the sum of the suppressed ones: when that sum is
// between 1 and 4, the smallest shown groups are withheld too until the suppressed groups together
// hold five audits or more (complementary suppression). We chose to withhold groups rather than
// drop the breakdown, so that large groups stay visible; withheld cells are labelled as such, since
// "fewer than 5" would be untrue of them.
//
// Started minus completed is a figure too (the unfinished audits): when it is between 1 and 4, the
// started cell is withheld, and in a breakdown the hidden groups must together hold no unfinished
// audit or five and more, for the same reason as above.
//
// Scores come from scoring.ts (the formula of the public results page), so both agree; counting is
// done here over rows that never leave this module: the output carries no id, label or date.
import { scoreAudit, type AnswerValues } from '../safeguarding/scoring.ts';
import type { Questionnaire } from '../safeguarding/questionnaire.ts';

export const MIN_AUDITS = 5;

export type Suppressed = 'fewer-than-5' | 'withheld';
export type Cell = { value: number } | { value: null; suppressed: Suppressed };

export type Figures = {
  started: Cell;
  completed: Cell;
  /** Average domain score (0..1) over completed audits that scored something in the domain. */
  domains: { key: string; average: Cell }[];
  /** Per question, over completed audits that chose an option: how many, and each option's share (0..1). */
  questions: { key: string; answered: Cell; options: { value: string; share: Cell }[] }[];
};

export type AuditFacts = {
  organisationKind: string | null;
  country: string | null;
  completed: boolean;
  answers: AnswerValues;
};

export const ORGANISATION_KINDS = ['school', 'youth-organisation', 'sports-club', 'faith-group', 'other'] as const;
export type Dimension = 'kind' | 'country';

/** Group keys: an organisation kind or country code; `none` when not given; `rest` for countries merged because they are small. */
export type Group = { key: string; figures: Figures };

/** What a set of audits adds up to before any suppression. */
type Raw = {
  started: number;
  completed: number;
  domains: { key: string; n: number; sum: number }[];
  questions: { key: string; n: number; counts: { value: string; n: number }[] }[];
};

function tally(questionnaire: Questionnaire, audits: AuditFacts[]): Raw {
  const questions = questionnaire.domains.flatMap((d) => d.questions);
  const raw: Raw = {
    started: audits.length,
    completed: 0,
    domains: questionnaire.domains.map((d) => ({ key: d.key, n: 0, sum: 0 })),
    questions: questions.map((q) => ({ key: q.key, n: 0, counts: q.scale.options.map((o) => ({ value: o.value, n: 0 })) })),
  };
  for (const audit of audits) {
    if (!audit.completed) continue;
    raw.completed++;
    const scores = scoreAudit(questionnaire, audit.answers);
    scores.domains.forEach((d, i) => {
      if (d.score === null) return;
      raw.domains[i]!.n++;
      raw.domains[i]!.sum += d.score;
    });
    questions.forEach((q, i) => {
      const chosen = raw.questions[i]!.counts.find((c) => c.value === audit.answers.get(q.key));
      if (!chosen) return;
      chosen.n++;
      raw.questions[i]!.n++;
    });
  }
  return raw;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function cell(value: number, base: number, mark: Suppressed | undefined): Cell {
  if (mark) return { value: null, suppressed: mark };
  if (base < MIN_AUDITS) return { value: null, suppressed: 'fewer-than-5' };
  return { value: round(value) };
}

const few = (n: number) => n > 0 && n < MIN_AUDITS;

/**
 * One metric's marks over a partition of the audits: every small group, plus complements.
 * `differences`, when given, is a second count per group that a shown cell would reveal by
 * subtraction (the unfinished audits behind "started"): a group whose difference is 1–4 is
 * withheld, and so are further groups until the hidden ones' differences add up to 0 or 5 and more.
 */
export function suppression(bases: readonly number[], differences: readonly number[] = []): (Suppressed | undefined)[] {
  const marks: (Suppressed | undefined)[] = bases.map((b, i) => (b < MIN_AUDITS ? 'fewer-than-5' : few(differences[i] ?? 0) ? 'withheld' : undefined));
  const hidden = (counts: readonly number[]) => counts.reduce((sum, n, i) => (marks[i] ? sum + n : sum), 0);
  while (few(hidden(bases)) || few(hidden(differences))) {
    let pick = -1;
    bases.forEach((b, i) => {
      if (!marks[i] && (pick < 0 || b < bases[pick]!)) pick = i;
    });
    if (pick < 0) break;
    marks[pick] = 'withheld';
  }
  return marks;
}

/** Figures of one set, each cell marked by `mark(metric)` (undefined: only its own base counts). */
function figuresOf(raw: Raw, mark: (metric: string) => Suppressed | undefined): Figures {
  return {
    started: cell(raw.started, raw.started, mark('started')),
    completed: cell(raw.completed, raw.completed, mark('completed')),
    domains: raw.domains.map((d) => ({ key: d.key, average: cell(d.n > 0 ? d.sum / d.n : 0, d.n, mark(`domain:${d.key}`)) })),
    questions: raw.questions.map((q) => {
      const m = mark(`question:${q.key}`);
      return {
        key: q.key,
        answered: cell(q.n, q.n, m),
        options: q.counts.map((o) => ({ value: o.value, share: cell(q.n > 0 ? o.n / q.n : 0, q.n, m) })),
      };
    }),
  };
}

function metricBases(raw: Raw): Map<string, number> {
  const bases = new Map<string, number>([
    ['started', raw.started],
    ['completed', raw.completed],
  ]);
  for (const d of raw.domains) bases.set(`domain:${d.key}`, d.n);
  for (const q of raw.questions) bases.set(`question:${q.key}`, q.n);
  return bases;
}

/** The figures of a partition of the audits, suppressed together (one set alone is a partition too). */
function suppressed(raws: Raw[]): Figures[] {
  const bases = raws.map(metricBases);
  const marks = new Map<string, (Suppressed | undefined)[]>();
  for (const metric of bases[0]?.keys() ?? []) {
    const differences = metric === 'started' ? raws.map((r) => r.started - r.completed) : [];
    marks.set(metric, suppression(bases.map((b) => b.get(metric) ?? 0), differences));
  }
  return raws.map((raw, i) => figuresOf(raw, (metric) => marks.get(metric)?.[i]));
}

/** The figures of every audit of a questionnaire (cells from fewer than five audits suppressed). */
export function overallFigures(questionnaire: Questionnaire, audits: AuditFacts[]): Figures {
  return suppressed([tally(questionnaire, audits)])[0]!;
}

/**
 * The groups of a breakdown. By kind: every kind and "not given", always listed (an empty group
 * reads "fewer than 5", which names no one). By country: only countries with five audits or more
 * are named; the others are merged into one `rest` group, so that no small country is named at all.
 */
function partition(audits: AuditFacts[], by: Dimension): Map<string, AuditFacts[]> {
  const keyOf = (a: AuditFacts) => (by === 'kind' ? a.organisationKind : a.country) ?? 'none';
  const groups = new Map<string, AuditFacts[]>();
  if (by === 'kind') for (const k of [...ORGANISATION_KINDS, 'none']) groups.set(k, []);
  for (const audit of audits) {
    const key = keyOf(audit);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(audit);
  }
  if (by === 'kind') return groups;
  const rest = [...(groups.get('none') ?? [])];
  const named = [...groups.entries()].filter(([key]) => key !== 'none');
  for (const [, list] of named.filter(([, list]) => list.length < MIN_AUDITS)) rest.push(...list);
  const kept = named.filter(([, list]) => list.length >= MIN_AUDITS).sort(([a, x], [b, y]) => x.length - y.length || a.localeCompare(b));
  // The merged group is a difference of shown figures (total minus named countries): it too must
  // hold no audit or five and more.
  while (rest.length > 0 && rest.length < MIN_AUDITS && kept.length > 0) rest.push(...kept.shift()![1]);
  const out = new Map(kept.sort(([a], [b]) => a.localeCompare(b)));
  if (rest.length > 0) out.set('rest', rest);
  return out;
}

export function breakdown(questionnaire: Questionnaire, audits: AuditFacts[], by: Dimension): Group[] {
  const groups = [...partition(audits, by).entries()];
  const figures = suppressed(groups.map(([, list]) => tally(questionnaire, list)));
  return groups.map(([key], i) => ({ key, figures: figures[i]! }));
}
