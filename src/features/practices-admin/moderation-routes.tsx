// Moderation of public submissions: the queue, one submission, accept (a draft practice is made
// from it, and the moderator lands in its editor) and reject (the contact details are deleted).
import { HttpError, notFound } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { vocabularyChoices } from '../admin/content-editor/vocabulary.ts';
import { actorOf } from '../admin/content-editor/http.ts';
import { practicePath, submissionPath, type C } from './paths.ts';
import {
  acceptSubmission,
  countPendingSubmissions,
  getSubmission,
  pendingSubmissions,
  rejectSubmission,
  SubmissionDecidedError,
  SubmissionNotFoundError,
  type Submission,
} from './submission-store.ts';
import { QueuePage, SubmissionPage } from './views/moderation-pages.tsx';

async function submissionOr404(c: C): Promise<Submission> {
  const submission = await getSubmission(c.var.db, c.req.param('id') ?? '');
  if (!submission) throw notFound();
  return submission;
}

/** A second decision on the same submission: 409, saying what was decided. */
function refuseDecided(c: C, error: unknown): never {
  if (error instanceof SubmissionNotFoundError) throw notFound();
  if (error instanceof SubmissionDecidedError) {
    throw new HttpError(409, 'practicesAdmin.error.decided', { state: c.var.ctx.t(`practicesAdmin.submission.state.${error.status}`) });
  }
  throw error;
}

function apiSubmission(s: Submission) {
  return { id: s.id, locale: s.locale, status: s.status, created_at: s.created_at, practice: s.payload, practice_id: s.practice_id };
}

export function moderationRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/practices/submissions', 'submissions.moderate', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const [submissions, total] = await Promise.all([pendingSubmissions(db), countPendingSubmissions(db)]);
    return c.html(<QueuePage ctx={ctx} user={user!} csrfToken={csrfToken} submissions={submissions} total={total} />);
  });

  pages.get('/practices/submissions/:id{[0-9]+}', 'submissions.moderate', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const submission = await submissionOr404(c);
    const choices = await vocabularyChoices(db);
    return c.html(<SubmissionPage ctx={ctx} user={user!} csrfToken={csrfToken} submission={submission} choices={choices} />);
  });

  pages.post('/practices/submissions/:id{[0-9]+}/accept', 'submissions.moderate', async (c) => {
    const id = c.req.param('id') ?? '';
    try {
      const { practiceId } = await acceptSubmission(c.var.db, actorOf(c), id);
      return c.redirect(`${practicePath(c.var.ctx.locale, practiceId)}?accepted=1`, 303);
    } catch (error) {
      refuseDecided(c, error);
    }
  });

  pages.post('/practices/submissions/:id{[0-9]+}/reject', 'submissions.moderate', async (c) => {
    const id = c.req.param('id') ?? '';
    try {
      await rejectSubmission(c.var.db, actorOf(c), id);
      return c.redirect(submissionPath(c.var.ctx.locale, id), 303);
    } catch (error) {
      refuseDecided(c, error);
    }
  });

  // The queue, without contact details: enough for a tool that watches for new submissions.
  api.get('/practices/submissions', 'submissions.moderate', async (c) => {
    const { db } = c.var;
    const [submissions, total] = await Promise.all([pendingSubmissions(db), countPendingSubmissions(db)]);
    return c.json({ total, items: submissions.map(apiSubmission) });
  });
}
