// The public "submit a practice" form: GET shows it, POST checks the honeypot, validates, applies
// the per-address rate limit and stores the submission for moderation (post/redirect/get).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { takeRateLimit } from '../../web/rate-limit.ts';
import { formToken } from '../auth/middleware.ts';
import { vocabularyChoices } from '../admin/content-editor/vocabulary.ts';
import { createSubmission } from './submission-store.ts';
import { emptySubmitValues, honeypotFilled, readSubmitForm, validateSubmission, type SubmitValues } from './submit-form.ts';
import { submitPath, SubmitPage, ThanksPage } from './views/submit-page.tsx';
import type { FieldErrors } from './views/form-parts.tsx';

type C = Context<AppEnv>;

/** Enough for a person sending a few practices; a script meets the limit quickly. */
export const SUBMISSION_LIMIT = { bucket: 'practice-submission', max: 5, windowMinutes: 60 } as const;

async function renderForm(c: C, values: SubmitValues, errors: FieldErrors, status: 200 | 422 | 429 = 200, waitMinutes?: number) {
  const choices = await vocabularyChoices(c.var.db);
  return c.html(<SubmitPage ctx={c.var.ctx} csrfToken={formToken(c)} values={values} errors={errors} choices={choices} waitMinutes={waitMinutes} />, status);
}

export function submitRoutes(app: Hono<AppEnv>): void {
  app.get('/:locale/practices/submit', (c) => renderForm(c, emptySubmitValues(c.var.ctx.locale), new Map()));

  app.post('/:locale/practices/submit', async (c) => {
    const { db, ctx } = c.var;
    const thanks = `${submitPath(ctx.locale)}/thanks`;
    const body = await c.req.parseBody({ all: true });
    // A bot that filled the hidden field learns nothing: the same answer as a real submission.
    if (honeypotFilled(body)) return c.redirect(thanks, 303);
    const values = readSubmitForm(body);
    const choices = await vocabularyChoices(db);
    const known = { topics: new Set(choices.topics.map((t) => t.value)), countries: new Set(choices.countries.map((t) => t.value)) };
    const checked = validateSubmission(values, known);
    if (!checked.ok) return renderForm(c, values, checked.errors, 422);
    // Only submissions that would be stored count, so a person correcting a typo is not held back.
    const wait = await takeRateLimit(db, SUBMISSION_LIMIT, c.var.clientIp);
    if (wait > 0) {
      c.header('Retry-After', String(wait * 60));
      return renderForm(c, values, new Map(), 429, wait);
    }
    await createSubmission(db, { locale: checked.locale, payload: checked.fields, contactName: checked.contact.name, contactEmail: checked.contact.email });
    return c.redirect(thanks, 303);
  });

  app.get('/:locale/practices/submit/thanks', (c) => c.html(<ThanksPage ctx={c.var.ctx} />));
}
