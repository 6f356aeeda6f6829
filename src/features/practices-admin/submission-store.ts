// Public submissions of practices, from the form to a moderator's decision. The payload is the
// validated input exactly as typed; accepting turns it into a draft practice, rejecting keeps a
// trace of the decision but forgets who sent it.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { pickText, type Locale } from '../../i18n/locales.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { PracticeInputSchema } from '../practices/schema.ts';
import type { PracticeFields } from './fields.ts';
import { insertDraftPractice } from './practice-store.ts';

export type SubmissionStatus = 'pending' | 'accepted' | 'rejected';

export type Submission = {
  id: string;
  locale: Locale;
  payload: PracticeFields;
  contact_name: string | null;
  contact_email: string | null;
  status: SubmissionStatus;
  created_at: string;
  decided_at: string | null;
  decided_by_email: string | null;
  practice_id: string | null;
};

export class SubmissionDecidedError extends Error {
  constructor(readonly status: SubmissionStatus) {
    super(`the submission is already ${status}`);
  }
}

export class SubmissionNotFoundError extends Error {}

/** The public writes without an account: the audit log names the form, never the sender's address. */
const PUBLIC_ACTOR: Actor = { id: null, email: 'public submission form' };

export async function createSubmission(
  db: Db,
  submission: { locale: Locale; payload: PracticeFields; contactName: string | null; contactEmail: string | null },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`INSERT INTO practice_submissions (locale, payload, contact_name, contact_email)
      VALUES (${submission.locale}, ${JSON.stringify(submission.payload)}::jsonb, ${submission.contactName}, ${submission.contactEmail})
      RETURNING id::text AS id`.execute(trx);
    const id = r.rows[0]!.id;
    await recordAudit(trx, PUBLIC_ACTOR, {
      action: 'practice_submission.create',
      entityType: 'practice_submission',
      entityId: id,
      entityLabel: pickText(submission.payload.title, submission.locale).text,
    });
    return id;
  });
}

const COLUMNS = sql`s.id::text AS id, s.locale, s.payload, s.contact_name, s.contact_email, s.status,
  to_json(s.created_at)#>>'{}' AS created_at, to_json(s.decided_at)#>>'{}' AS decided_at, u.email AS decided_by_email,
  s.practice_id::text AS practice_id`;

/** Waiting submissions, oldest first (the queue is worked from the front). */
export async function pendingSubmissions(db: Db, limit = 200): Promise<Submission[]> {
  const r = await sql<Submission>`SELECT ${COLUMNS} FROM practice_submissions s LEFT JOIN users u ON u.id = s.decided_by
    WHERE s.status = 'pending' ORDER BY s.created_at, s.id LIMIT ${limit}`.execute(db);
  return r.rows;
}

export async function countPendingSubmissions(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM practice_submissions WHERE status = 'pending'`.execute(db);
  return r.rows[0]!.n;
}

export async function getSubmission(db: Db, id: string): Promise<Submission | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await sql<Submission>`SELECT ${COLUMNS} FROM practice_submissions s LEFT JOIN users u ON u.id = s.decided_by
    WHERE s.id = ${id}::bigint`.execute(db);
  return r.rows[0];
}

/** Locks a pending submission for a decision; a decided one is refused. */
async function lockPending(trx: Db, id: string): Promise<Submission> {
  if (!/^\d{1,18}$/.test(id)) throw new SubmissionNotFoundError(id);
  const locked = await sql<{ status: SubmissionStatus }>`SELECT status FROM practice_submissions WHERE id = ${id}::bigint FOR UPDATE`.execute(trx);
  const status = locked.rows[0]?.status;
  if (!status) throw new SubmissionNotFoundError(id);
  if (status !== 'pending') throw new SubmissionDecidedError(status);
  return (await getSubmission(trx, id))!;
}

/** Accepts a submission: a draft practice made from what was sent (a unique slug from its title). */
export async function acceptSubmission(db: Db, actor: Actor, id: string): Promise<{ practiceId: string }> {
  return db.transaction().execute(async (trx) => {
    const submission = await lockPending(trx, id);
    // The payload was validated when it was sent; parsing again keeps a hand-edited row from slipping through.
    const { status: _status, slug: _slug, ...fields } = PracticeInputSchema.parse({ ...submission.payload, status: 'draft', slug: undefined });
    const practice = await insertDraftPractice(trx, actor, fields, { fromSubmission: id });
    await sql`UPDATE practice_submissions SET status = 'accepted', decided_at = now(), decided_by = ${actor.id}::bigint,
        practice_id = ${practice.id}::bigint WHERE id = ${id}::bigint`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'practice_submission.accept',
      entityType: 'practice_submission',
      entityId: id,
      entityLabel: pickText(submission.payload.title, submission.locale).text,
      details: { practiceId: practice.id },
    });
    return { practiceId: practice.id };
  });
}

/** Rejects a submission and deletes its contact details in the same step. */
export async function rejectSubmission(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const submission = await lockPending(trx, id);
    await sql`UPDATE practice_submissions SET status = 'rejected', decided_at = now(), decided_by = ${actor.id}::bigint,
        contact_name = NULL, contact_email = NULL WHERE id = ${id}::bigint`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'practice_submission.reject',
      entityType: 'practice_submission',
      entityId: id,
      entityLabel: pickText(submission.payload.title, submission.locale).text,
    });
  });
}
