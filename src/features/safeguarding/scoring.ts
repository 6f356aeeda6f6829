// Scores of a self-audit, computed from the questionnaire and the answers only (no database), so
// the results page, the export and the back office's statistics agree by construction.
// A question left unanswered, or answered "not applicable", counts on neither side; a domain with
// nothing scored has no score (null), never 0: "not assessed" is not "failing".
import type { Domain, Question, Questionnaire, ScaleOption } from './questionnaire.ts';

/** Question key → chosen option value (null or absent: unanswered). */
export type AnswerValues = ReadonlyMap<string, string | null | undefined>;

export type DomainScore = {
  domainKey: string;
  /** 0..1 weighted by question weights, or null when nothing in the domain was scored. */
  score: number | null;
  /** Questions answered with a scored option. */
  answered: number;
  notApplicable: number;
  unanswered: number;
  questions: number;
};

export type AuditScores = {
  /** 0..1 weighted by domain weights over the domains that have a score, or null. */
  overall: number | null;
  domains: DomainScore[];
  answered: number;
  questions: number;
};

export type ActionItem = {
  domain: Domain;
  question: Question;
  option: ScaleOption;
  /** The chosen option's score (0..1). */
  score: number;
  /** (1 - score) × question weight × domain weight: larger comes first. */
  priority: number;
};

/** The option a value names on a question's scale, if any. */
export function optionOf(question: Question, value: string | null | undefined): ScaleOption | undefined {
  if (value === null || value === undefined) return undefined;
  return question.scale.options.find((o) => o.value === value);
}

/** The highest score any option of the question's scale gives (1 on the shipped scale). */
export function bestScore(question: Question): number | null {
  let best: number | null = null;
  for (const o of question.scale.options) if (o.score !== null && (best === null || o.score > best)) best = o.score;
  return best;
}

export function scoreDomain(domain: Domain, answers: AnswerValues): DomainScore {
  let weightSum = 0;
  let earned = 0;
  const result = { domainKey: domain.key, answered: 0, notApplicable: 0, unanswered: 0, questions: domain.questions.length };
  for (const question of domain.questions) {
    const option = optionOf(question, answers.get(question.key));
    if (!option) result.unanswered++;
    else if (option.score === null) result.notApplicable++;
    else {
      result.answered++;
      weightSum += question.weight;
      earned += question.weight * option.score;
    }
  }
  return { ...result, score: weightSum > 0 ? earned / weightSum : null };
}

export function scoreAudit(questionnaire: Questionnaire, answers: AnswerValues): AuditScores {
  const domains = questionnaire.domains.map((d) => scoreDomain(d, answers));
  let weightSum = 0;
  let earned = 0;
  questionnaire.domains.forEach((domain, i) => {
    const score = domains[i]!.score;
    if (score === null) return;
    weightSum += domain.weight;
    earned += domain.weight * score;
  });
  return {
    overall: weightSum > 0 ? earned / weightSum : null,
    domains,
    answered: domains.reduce((n, d) => n + d.answered + d.notApplicable, 0),
    questions: domains.reduce((n, d) => n + d.questions, 0),
  };
}

/**
 * The prioritised action plan: every question answered below its best option, most urgent first
 * ((1 - score) × question weight × domain weight), ties in questionnaire order.
 */
export function actionPlan(questionnaire: Questionnaire, answers: AnswerValues): ActionItem[] {
  const items: (ActionItem & { order: number })[] = [];
  let order = 0;
  for (const domain of questionnaire.domains) {
    for (const question of domain.questions) {
      order++;
      const option = optionOf(question, answers.get(question.key));
      const best = bestScore(question);
      if (!option || option.score === null || best === null || option.score >= best) continue;
      const priority = (1 - option.score) * question.weight * domain.weight;
      items.push({ domain, question, option, score: option.score, priority, order });
    }
  }
  items.sort((a, b) => b.priority - a.priority || a.order - b.order);
  return items.map(({ order: _order, ...item }) => item);
}

/** A 0..1 score as a whole percentage, for display. */
export function percent(score: number): number {
  return Math.round(score * 100);
}

/** A 0..1 score as a whole percentage in the reader's digits and style ("75%", "٧٥٪", "75 %"). */
export function formatPercent(locale: string, score: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent(score) / 100);
}
