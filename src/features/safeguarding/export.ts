// The export of one audit as JSON: enough to keep a record, compare with a later audit, or load
// into another tool. It names the questionnaire's key and version so that answers can be matched.
import type { Answer, Audit } from './audits.ts';
import type { Questionnaire } from './questionnaire.ts';
import { actionPlan, scoreAudit } from './scoring.ts';

export const EXPORT_FORMAT = 'atlas-safeguarding-self-audit';

const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);

export function exportAudit(audit: Audit, questionnaire: Questionnaire, answers: Map<string, Answer>) {
  const values = new Map([...answers].map(([k, a]) => [k, a.value]));
  const scores = scoreAudit(questionnaire, values);
  return {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    questionnaire: { key: questionnaire.key, version: questionnaire.version, title: questionnaire.title },
    audit: {
      label: audit.label,
      organisationKind: audit.organisationKind,
      country: audit.country,
      createdAt: audit.createdAt.toISOString(),
      updatedAt: audit.updatedAt.toISOString(),
      completedAt: audit.completedAt?.toISOString() ?? null,
    },
    answers: questionnaire.domains.flatMap((d) =>
      d.questions.map((q) => {
        const a = answers.get(q.key);
        return { domain: d.key, question: q.key, value: a?.value ?? null, evidence: a?.evidence ?? '', action: a?.action ?? '', owner: a?.owner ?? '', deadline: a?.deadline ?? null };
      }),
    ),
    scores: {
      overall: round(scores.overall),
      domains: scores.domains.map((s) => ({ domain: s.domainKey, score: round(s.score), answered: s.answered, notApplicable: s.notApplicable, unanswered: s.unanswered })),
    },
    actionPlan: actionPlan(questionnaire, values).map((item, i) => ({ rank: i + 1, domain: item.domain.key, question: item.question.key, value: item.option.value, priority: round(item.priority) })),
  };
}
