// Fixtures for the self-audit back-office tests, written with SQL so that they do not depend on the
// public self-audit: a scale, a questionnaire with two domains and three questions, and audits.
import { sql } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Questionnaire } from '../safeguarding/questionnaire.ts';

export const SCALE = 'test-status';

/** no 0, partly 0.5, yes 1, na (not applicable, never scored). */
export async function makeScale(db: Db, key = SCALE): Promise<void> {
  const options = [
    { value: 'no', score: 0, label: { en: 'No', fa: 'خیر' } },
    { value: 'partly', score: 0.5, label: { en: 'Partly' } },
    { value: 'yes', score: 1, label: { en: 'Yes' } },
    { value: 'na', score: null, label: { en: 'Not applicable' } },
  ];
  await sql`INSERT INTO safeguarding_scales (key, name, options) VALUES (${key}, ${JSON.stringify({ en: 'Status' })}::jsonb, ${JSON.stringify(options)}::jsonb)
    ON CONFLICT (key) DO NOTHING`.execute(db);
}

/** Domains d1 (weight 1: q1 weight 1, q2 weight 3) and d2 (weight 2: q3). */
export async function makeQuestionnaire(db: Db, key: string, status = 'published'): Promise<void> {
  await makeScale(db);
  await sql`INSERT INTO safeguarding_questionnaires (key, title, status) VALUES (${key}, ${JSON.stringify({ en: `Questionnaire ${key}` })}::jsonb, ${status})`.execute(db);
  await sql`INSERT INTO safeguarding_domains (questionnaire_key, key, title, weight, position) VALUES
    (${key}, 'd1', ${JSON.stringify({ en: 'Policies' })}::jsonb, 1, 0),
    (${key}, 'd2', ${JSON.stringify({ en: 'Recruitment' })}::jsonb, 2, 1)`.execute(db);
  await sql`INSERT INTO safeguarding_questions (questionnaire_key, domain_key, key, text, scale_key, weight, position) VALUES
    (${key}, 'd1', 'q1', ${JSON.stringify({ en: 'Is there a written policy?' })}::jsonb, ${SCALE}, 1, 0),
    (${key}, 'd1', 'q2', ${JSON.stringify({ en: 'Is there a code of conduct?' })}::jsonb, ${SCALE}, 3, 1),
    (${key}, 'd2', 'q3', ${JSON.stringify({ en: 'Are references checked?' })}::jsonb, ${SCALE}, 1, 0)`.execute(db);
}

export type TestAudit = { kind?: string | null; country?: string | null; completed?: boolean; label?: string; answers: Record<string, string> };

/** Inserts audits as the public side would; returns their token hashes. */
export async function addAudits(db: Db, questionnaire: string, audits: TestAudit[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const a of audits) {
    const hash = createHash('sha256').update(randomBytes(16)).digest('hex');
    hashes.push(hash);
    const r = await sql<{ id: string }>`INSERT INTO safeguarding_audits (token_hash, questionnaire_key, organisation_kind, country, label, completed_at)
      VALUES (${hash}, ${questionnaire}, ${a.kind ?? null}, ${a.country ?? null}, ${a.label ?? null}, ${a.completed === false ? null : sql`now()`})
      RETURNING id::text AS id`.execute(db);
    const id = r.rows[0]!.id;
    for (const [question, value] of Object.entries(a.answers)) {
      await sql`INSERT INTO safeguarding_answers (audit_id, question_key, value) VALUES (${id}::bigint, ${question}, ${value})`.execute(db);
    }
  }
  return hashes;
}

export async function auditEntries(db: Db, key: string): Promise<string[]> {
  const r = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_id = ${key} AND action LIKE 'safeguarding.%' ORDER BY id`.execute(db);
  return r.rows.map((x) => x.action);
}

/** The tree makeQuestionnaire writes, built in memory for tests that need no database. */
export function questionnaireTree(key: string): Questionnaire {
  const scale = {
    key: SCALE,
    name: { en: 'Status' },
    options: [
      { value: 'no', score: 0, label: { en: 'No' } },
      { value: 'partly', score: 0.5, label: { en: 'Partly' } },
      { value: 'yes', score: 1, label: { en: 'Yes' } },
      { value: 'na', score: null, label: { en: 'Not applicable' } },
    ],
  };
  const question = (domainKey: string, k: string, weight: number, position: number) => ({ key: k, domainKey, text: { en: k }, guidance: {}, action: {}, scale, weight, topics: [], position });
  return {
    key,
    title: { en: key },
    intro: {},
    audience: 'any',
    status: 'published',
    version: 1,
    position: 0,
    updatedAt: new Date(0),
    domains: [
      { key: 'd1', title: { en: 'Policies' }, description: {}, weight: 1, position: 0, questions: [question('d1', 'q1', 1, 0), question('d1', 'q2', 3, 1)] },
      { key: 'd2', title: { en: 'Recruitment' }, description: {}, weight: 2, position: 1, questions: [question('d2', 'q3', 1, 0)] },
    ],
  };
}
