// Reads what the statistics need of each audit of a questionnaire: its coarse facts and its chosen
// options. Nothing else is selected (no label, token hash, evidence, owner or date), and the rows
// go only to stats.ts, which returns aggregates.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { listQuestionnaires, loadQuestionnaire, type Questionnaire } from '../safeguarding/questionnaire.ts';
import { breakdown, overallFigures, type AuditFacts, type Dimension, type Figures, type Group } from './stats.ts';

export async function auditFacts(db: Db, questionnaireKey: string): Promise<AuditFacts[]> {
  const [audits, answers] = await Promise.all([
    sql<{ id: string; organisation_kind: string | null; country: string | null; completed: boolean }>`
      SELECT id::text AS id, organisation_kind, trim(country) AS country, completed_at IS NOT NULL AS completed
      FROM safeguarding_audits WHERE questionnaire_key = ${questionnaireKey}`.execute(db),
    sql<{ audit_id: string; question_key: string; value: string }>`
      SELECT x.audit_id::text AS audit_id, x.question_key, x.value FROM safeguarding_answers x
      JOIN safeguarding_audits a ON a.id = x.audit_id
      WHERE a.questionnaire_key = ${questionnaireKey} AND x.value IS NOT NULL`.execute(db),
  ]);
  const byAudit = new Map<string, Map<string, string>>();
  for (const a of answers.rows) {
    let map = byAudit.get(a.audit_id);
    if (!map) byAudit.set(a.audit_id, (map = new Map()));
    map.set(a.question_key, a.value);
  }
  return audits.rows.map((a) => ({
    organisationKind: a.organisation_kind,
    country: a.country,
    completed: a.completed,
    answers: byAudit.get(a.id) ?? new Map(),
  }));
}

export type QuestionnaireStats = {
  questionnaire: Questionnaire;
  overall: Figures;
  breakdown: { by: Dimension; groups: Group[] } | undefined;
};

export async function questionnaireStats(db: Db, key: string, by: Dimension | undefined): Promise<QuestionnaireStats | undefined> {
  const questionnaire = await loadQuestionnaire(db, key, { publishedOnly: false });
  if (!questionnaire) return undefined;
  const facts = await auditFacts(db, key);
  return {
    questionnaire,
    overall: overallFigures(questionnaire, facts),
    breakdown: by ? { by, groups: breakdown(questionnaire, facts, by) } : undefined,
  };
}

export async function allStats(db: Db, by: Dimension | undefined): Promise<QuestionnaireStats[]> {
  const list = await listQuestionnaires(db, { publishedOnly: false });
  const out: QuestionnaireStats[] = [];
  for (const q of list) {
    const stats = await questionnaireStats(db, q.key, by);
    if (stats) out.push(stats);
  }
  return out;
}
