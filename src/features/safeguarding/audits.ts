// Self-audits: created without an account, reached only through a secret token of which the
// database keeps a SHA-256 (a stolen backup does not open anyone's audit). Nothing here writes to
// the audit log or the revisions: an audit's content belongs to the organisation that took it.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';

export const ORGANISATION_KINDS = ['school', 'youth-organisation', 'sports-club', 'faith-group', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type Audit = {
  id: number;
  questionnaireKey: string;
  organisationKind: OrganisationKind | null;
  country: string | null;
  label: string | null;
  locale: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
};

/** One audit item: the status on the question's scale, with the evidence and the action decided. */
export type Answer = {
  questionKey: string;
  value: string | null;
  evidence: string;
  action: string;
  owner: string;
  /** YYYY-MM-DD, or null. */
  deadline: string | null;
  updatedAt?: Date;
};

/** A token has 32 random bytes: 43 base64url characters. Anything else cannot be one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createAudit(
  db: Db,
  input: { questionnaireKey: string; label: string | null; organisationKind: OrganisationKind | null; country: string | null; locale: Locale },
): Promise<{ id: number; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const r = await sql<{ id: string }>`
    INSERT INTO safeguarding_audits (token_hash, questionnaire_key, organisation_kind, country, label, locale)
    VALUES (${hashToken(token)}, ${input.questionnaireKey}, ${input.organisationKind}, ${input.country}, ${input.label}, ${input.locale})
    RETURNING id`.execute(db);
  return { id: Number(r.rows[0]!.id), token };
}

export async function findAudit(db: Db, token: string): Promise<Audit | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const r = await sql<{
    id: string;
    questionnaire_key: string;
    organisation_kind: OrganisationKind | null;
    country: string | null;
    label: string | null;
    locale: string;
    created_at: Date;
    updated_at: Date;
    completed_at: Date | null;
  }>`SELECT id, questionnaire_key, organisation_kind, country, label, locale, created_at, updated_at, completed_at
     FROM safeguarding_audits WHERE token_hash = ${hashToken(token)}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    id: Number(row.id),
    questionnaireKey: row.questionnaire_key,
    organisationKind: row.organisation_kind,
    country: row.country,
    label: row.label,
    locale: row.locale,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: row.completed_at ? new Date(row.completed_at) : null,
  };
}

export async function loadAnswers(db: Db, auditId: number): Promise<Map<string, Answer>> {
  const r = await sql<{ question_key: string; value: string | null; evidence: string; action: string; owner: string; deadline: string | null; updated_at: Date }>`
    SELECT question_key, value, evidence, action, owner, to_char(deadline, 'YYYY-MM-DD') AS deadline, updated_at
    FROM safeguarding_answers WHERE audit_id = ${auditId}`.execute(db);
  return new Map(
    r.rows.map((a) => [
      a.question_key,
      { questionKey: a.question_key, value: a.value, evidence: a.evidence, action: a.action, owner: a.owner, deadline: a.deadline, updatedAt: new Date(a.updated_at) },
    ]),
  );
}

/**
 * Saves answers (already validated against the questionnaire) in one transaction, and marks the
 * audit complete while every question has an answer (for the aggregate statistics).
 */
export async function saveAnswers(db: Db, auditId: number, answers: Answer[], questionCount: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const a of answers) {
      await sql`
        INSERT INTO safeguarding_answers (audit_id, question_key, value, evidence, action, owner, deadline)
        VALUES (${auditId}, ${a.questionKey}, ${a.value}, ${a.evidence}, ${a.action}, ${a.owner}, ${a.deadline}::date)
        ON CONFLICT (audit_id, question_key) DO UPDATE SET value = excluded.value, evidence = excluded.evidence,
          action = excluded.action, owner = excluded.owner, deadline = excluded.deadline, updated_at = now()`.execute(trx);
    }
    await sql`
      UPDATE safeguarding_audits a SET updated_at = now(),
        completed_at = CASE
          WHEN (SELECT count(*) FROM safeguarding_answers x WHERE x.audit_id = a.id AND x.value IS NOT NULL) >= ${questionCount}
          THEN coalesce(a.completed_at, now()) END
      WHERE a.id = ${auditId}`.execute(trx);
  });
}

/** Deletes the audit; its answers go with it (ON DELETE CASCADE). One statement, nothing kept. */
export async function deleteAudit(db: Db, auditId: number): Promise<boolean> {
  const r = await sql`DELETE FROM safeguarding_audits WHERE id = ${auditId}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
