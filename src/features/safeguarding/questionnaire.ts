// A safeguarding questionnaire as one tree (domains → questions, each with its answer scale), read
// from the database. The public self-audit and the back office both work from this shape.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';

export type QuestionnaireStatus = 'draft' | 'in_review' | 'published' | 'archived';

/** One answer on a scale. `score` is 0..1; null means "not applicable": recorded, never scored. */
export type ScaleOption = { value: string; score: number | null; label: Localized };

export type Scale = { key: string; name: Localized; options: ScaleOption[] };

export type Question = {
  key: string;
  domainKey: string;
  text: Localized;
  guidance: Localized;
  /** The recommended action when the answer is not yet the best one. */
  action: Localized;
  scale: Scale;
  weight: number;
  /** Library topic slugs whose resources help with this question. */
  topics: string[];
  position: number;
};

export type Domain = {
  key: string;
  title: Localized;
  description: Localized;
  weight: number;
  position: number;
  questions: Question[];
};

export type QuestionnaireSummary = {
  key: string;
  title: Localized;
  intro: Localized;
  audience: string;
  status: QuestionnaireStatus;
  version: number;
  position: number;
  updatedAt: Date;
  domainCount: number;
  questionCount: number;
};

export type Questionnaire = Omit<QuestionnaireSummary, 'domainCount' | 'questionCount'> & { domains: Domain[] };

type QueryOptions = { publishedOnly: boolean };

type SummaryRow = {
  key: string;
  title: Localized;
  intro: Localized;
  audience: string;
  status: QuestionnaireStatus;
  version: number;
  position: number;
  updated_at: Date | string;
  domain_count: number;
  question_count: number;
};

function toSummary(row: SummaryRow): QuestionnaireSummary {
  return {
    key: row.key,
    title: row.title,
    intro: row.intro,
    audience: row.audience,
    status: row.status,
    version: row.version,
    position: row.position,
    updatedAt: new Date(row.updated_at),
    domainCount: row.domain_count,
    questionCount: row.question_count,
  };
}

/** Questionnaires in their order; with publishedOnly, only what the public may take. */
export async function listQuestionnaires(db: Db, opts: QueryOptions): Promise<QuestionnaireSummary[]> {
  const r = await sql<SummaryRow>`
    SELECT q.key, q.title, q.intro, q.audience, q.status, q.version, q.position, q.updated_at,
      (SELECT count(*)::int FROM safeguarding_domains d WHERE d.questionnaire_key = q.key) AS domain_count,
      (SELECT count(*)::int FROM safeguarding_questions x WHERE x.questionnaire_key = q.key) AS question_count
    FROM safeguarding_questionnaires q
    WHERE ${opts.publishedOnly} = false OR q.status = 'published'
    ORDER BY q.position, q.key`.execute(db);
  return r.rows.map(toSummary);
}

/** The whole tree of one questionnaire, or undefined (also when it is not published and publishedOnly). */
export async function loadQuestionnaire(db: Db, key: string, opts: QueryOptions): Promise<Questionnaire | undefined> {
  const head = await sql<SummaryRow>`
    SELECT key, title, intro, audience, status, version, position, updated_at, 0 AS domain_count, 0 AS question_count
    FROM safeguarding_questionnaires
    WHERE key = ${key} AND (${opts.publishedOnly} = false OR status = 'published')`.execute(db);
  const row = head.rows[0];
  if (!row) return undefined;
  const [domains, questions] = await Promise.all([
    sql<{ key: string; title: Localized; description: Localized; weight: string; position: number }>`
      SELECT key, title, description, weight, position FROM safeguarding_domains
      WHERE questionnaire_key = ${key} ORDER BY position, key`.execute(db),
    sql<{
      key: string;
      domain_key: string;
      text: Localized;
      guidance: Localized;
      action: Localized;
      weight: string;
      topics: string[];
      position: number;
      scale_key: string;
      scale_name: Localized;
      scale_options: ScaleOption[];
    }>`
      SELECT q.key, q.domain_key, q.text, q.guidance, q.action, q.weight, q.topics, q.position,
        s.key AS scale_key, s.name AS scale_name, s.options AS scale_options
      FROM safeguarding_questions q JOIN safeguarding_scales s ON s.key = q.scale_key
      WHERE q.questionnaire_key = ${key} ORDER BY q.position, q.key`.execute(db),
  ]);
  // Questions sharing a scale share one object, so callers can compare scales by identity.
  const scales = new Map<string, Scale>();
  const byDomain = new Map<string, Question[]>();
  for (const q of questions.rows) {
    let scale = scales.get(q.scale_key);
    if (!scale) {
      scale = { key: q.scale_key, name: q.scale_name, options: q.scale_options.map(normaliseOption) };
      scales.set(q.scale_key, scale);
    }
    const list = byDomain.get(q.domain_key) ?? [];
    list.push({
      key: q.key,
      domainKey: q.domain_key,
      text: q.text,
      guidance: q.guidance,
      action: q.action,
      scale,
      weight: Number(q.weight),
      topics: q.topics,
      position: q.position,
    });
    byDomain.set(q.domain_key, list);
  }
  const { domainCount: _d, questionCount: _q, ...summary } = toSummary(row);
  return {
    ...summary,
    domains: domains.rows.map((d) => ({
      key: d.key,
      title: d.title,
      description: d.description,
      weight: Number(d.weight),
      position: d.position,
      questions: byDomain.get(d.key) ?? [],
    })),
  };
}

function normaliseOption(option: ScaleOption): ScaleOption {
  const score = option.score === null || option.score === undefined ? null : Number(option.score);
  return { value: String(option.value), score, label: option.label ?? {} };
}

/** Every question of a questionnaire by key. */
export function questionsByKey(questionnaire: Questionnaire): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const domain of questionnaire.domains) for (const q of domain.questions) map.set(q.key, q);
  return map;
}
