// The public safeguarding self-audit: start one without an account, answer it (saved as you go),
// see the results and the action plan, export it, delete it. Everything about one audit lives under
// /{locale}/self-audit/a/{token}; the app keeps those pages out of its cache and its request log.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import { takeRateLimit } from '../../web/rate-limit.ts';
import { pickText } from '../../i18n/locales.ts';
import { formToken } from '../auth/middleware.ts';
import { checkAnswer, JsonAnswerSchema, rawFromForm, rawFromJson, type AnswerError } from './answer-input.ts';
import { AuditPage } from './audit-page.tsx';
import { createAudit, deleteAudit, findAudit, loadAnswers, ORGANISATION_KINDS, saveAnswers, type Audit, type OrganisationKind } from './audits.ts';
import { auditPath, startPath } from './components.tsx';
import { DeletePage } from './delete-page.tsx';
import { exportAudit } from './export.ts';
import { listQuestionnaires, loadQuestionnaire, questionsByKey, type Questionnaire } from './questionnaire.ts';
import { resourcesForTopics } from './resource-links.ts';
import { ResultsPage } from './results-page.tsx';
import { actionPlan, scoreAudit } from './scoring.ts';
import { DeletedPage, StartPage, type StartErrors, type StartValues } from './start-page.tsx';

type C = Context<AppEnv>;

/** New audits per address: plenty for a team trying it out, few enough to stop a script filling the table. */
export const NEW_AUDIT_LIMIT = { bucket: 'self-audit', max: 10, windowMinutes: 60 } as const;
const LABEL_MAX = 200;

async function renderStart(c: C, values: StartValues, errors: StartErrors, status: 200 | 422 | 429 = 200, waitMinutes?: number) {
  const { db, ctx } = c.var;
  const [questionnaires, labels] = await Promise.all([listQuestionnaires(db, { publishedOnly: true }), c.var.labels()]);
  const collator = new Intl.Collator(ctx.locale);
  const countries = [...labels.country]
    .map(([code, names]) => ({ code, name: pickText(names, ctx.locale).text || code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  // formToken() marks the page private, no-store: its per-visitor token is never shared by a cache.
  return c.html(
    <StartPage ctx={ctx} csrfToken={formToken(c)} questionnaires={questionnaires} countries={countries} values={values} errors={errors} waitMinutes={waitMinutes} />,
    status,
  );
}

/** The audit a request's token opens, with its questionnaire; a 404 that says nothing otherwise. */
async function openAudit(c: C): Promise<{ token: string; audit: Audit; questionnaire: Questionnaire }> {
  const token = c.req.param('token') ?? '';
  const audit = await findAudit(c.var.db, token);
  // An archived questionnaire stays readable for the audits taken with it.
  const questionnaire = audit && (await loadQuestionnaire(c.var.db, audit.questionnaireKey, { publishedOnly: false }));
  if (!audit || !questionnaire) throw new HttpError(404, 'error.notFound');
  return { token, audit, questionnaire };
}

function questionCount(questionnaire: Questionnaire): number {
  return questionnaire.domains.reduce((n, d) => n + d.questions.length, 0);
}

export function safeguardingPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/self-audit', (c) => renderStart(c, { questionnaire: '', label: '', organisationKind: '', country: '' }, new Map()));

  app.post('/:locale/self-audit', async (c) => {
    const { db, ctx } = c.var;
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const values: StartValues = { questionnaire: text('questionnaire'), label: text('label'), organisationKind: text('organisationKind'), country: text('country') };
    const errors: StartErrors = new Map();
    const published = await listQuestionnaires(db, { publishedOnly: true });
    if (!values.questionnaire) errors.set('questionnaire', 'required');
    else if (!published.some((q) => q.key === values.questionnaire)) errors.set('questionnaire', 'invalid');
    if (values.label.length > LABEL_MAX) errors.set('label', 'tooLong');
    if (values.organisationKind && !(ORGANISATION_KINDS as readonly string[]).includes(values.organisationKind)) errors.set('organisationKind', 'invalid');
    if (values.country && !(await c.var.labels()).country.has(values.country)) errors.set('country', 'invalid');
    if (errors.size > 0) return renderStart(c, values, errors, 422);
    const wait = await takeRateLimit(db, NEW_AUDIT_LIMIT, c.var.clientIp);
    if (wait > 0) {
      c.header('Retry-After', String(wait * 60));
      return renderStart(c, values, new Map(), 429, wait);
    }
    const { token } = await createAudit(db, {
      questionnaireKey: values.questionnaire,
      label: values.label || null,
      organisationKind: (values.organisationKind || null) as OrganisationKind | null,
      country: values.country || null,
      locale: ctx.locale,
    });
    return c.redirect(auditPath(ctx.locale, token), 303);
  });

  app.get('/:locale/self-audit/deleted', (c) => c.html(<DeletedPage ctx={c.var.ctx} />));

  // Everything reached through a token: no referrer leaves the site with the address (same-origin:
  // see PrivatePage), nothing is stored by a browser or a proxy, search engines keep out. The 404
  // of a wrong token gets the same.
  app.use('/:locale/self-audit/a/*', async (c, next) => {
    await next();
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
  });

  const renderAudit = async (c: C, opened: Awaited<ReturnType<typeof openAudit>>, extra: { saved?: string; rejected?: { domainKey: string; raw: ReturnType<typeof rawFromForm>; errors: AnswerError[] } }, status: 200 | 400 | 422 = 200) => {
    const answers = await loadAnswers(c.var.db, opened.audit.id);
    const link = `${c.var.config.publicUrl.replace(/\/$/, '')}${auditPath(c.var.ctx.locale, opened.token)}`;
    return c.html(
      <AuditPage ctx={c.var.ctx} csrfToken={formToken(c)} token={opened.token} link={link} audit={opened.audit} questionnaire={opened.questionnaire} answers={answers} saved={extra.saved} rejected={extra.rejected} />,
      status,
    );
  };

  app.get('/:locale/self-audit/a/:token', async (c) => {
    const opened = await openAudit(c);
    const saved = c.req.query('saved');
    return renderAudit(c, opened, { saved: opened.questionnaire.domains.some((d) => d.key === saved) ? saved : undefined });
  });

  // Saving one section without JavaScript: post/redirect/get back to that section.
  app.post('/:locale/self-audit/a/:token/d/:domain', async (c) => {
    const opened = await openAudit(c);
    const domain = opened.questionnaire.domains.find((d) => d.key === c.req.param('domain'));
    if (!domain) throw new HttpError(404, 'error.notFound');
    const raw = rawFromForm(domain.questions, await c.req.parseBody());
    const checked = domain.questions.map((q, i) => checkAnswer(q, raw[i]!));
    const errors = checked.flatMap((x) => x.errors);
    if (errors.length > 0) {
      // A value not on the scale cannot come from our form: a bad request, not a typing mistake.
      const status = errors.some((e) => e.problem === 'valueInvalid') ? 400 : 422;
      return renderAudit(c, opened, { rejected: { domainKey: domain.key, raw, errors } }, status);
    }
    await saveAnswers(c.var.db, opened.audit.id, checked.map((x) => x.answer), questionCount(opened.questionnaire));
    return c.redirect(`${auditPath(c.var.ctx.locale, opened.token)}?saved=${domain.key}#domain-${domain.key}`, 303);
  });

  // Saving one question at once (safeguarding.js). Fields left out keep their saved value.
  app.post('/:locale/self-audit/a/:token/answers', async (c) => {
    const opened = await openAudit(c);
    const { t } = c.var.ctx;
    const bad = (field: string, message: string) => c.json({ error: { code: 'invalidAnswer', field, message } }, 400);
    let parsed;
    try {
      parsed = JsonAnswerSchema.safeParse(await c.req.json());
    } catch {
      return bad('body', t('error.badRequest'));
    }
    if (!parsed.success) return bad('body', t('error.badRequest'));
    const question = questionsByKey(opened.questionnaire).get(parsed.data.question);
    if (!question) return bad('question', t('safeguarding.error.unknownQuestion'));
    const saved = (await loadAnswers(c.var.db, opened.audit.id)).get(question.key);
    const raw = rawFromJson(parsed.data);
    const keep = <K extends 'value' | 'evidence' | 'action' | 'owner' | 'deadline'>(field: K) =>
      parsed.data[field] === undefined ? (saved?.[field] ?? '') : raw[field];
    const { answer, errors } = checkAnswer(question, {
      questionKey: question.key,
      value: keep('value'),
      evidence: keep('evidence'),
      action: keep('action'),
      owner: keep('owner'),
      deadline: keep('deadline'),
    });
    const first = errors[0];
    if (first) return bad(first.field, t(`safeguarding.error.${first.problem}`, first.max ? { max: first.max } : {}));
    await saveAnswers(c.var.db, opened.audit.id, [answer], questionCount(opened.questionnaire));
    const values = new Map([...(await loadAnswers(c.var.db, opened.audit.id))].map(([k, a]) => [k, a.value]));
    const scores = scoreAudit(opened.questionnaire, values);
    return c.json({
      saved: true,
      question: question.key,
      answered: scores.answered,
      total: scores.questions,
      domains: scores.domains.map((d) => ({ domain: d.domainKey, answered: d.answered + d.notApplicable, total: d.questions, progress: t('safeguarding.audit.domainProgress', { answered: d.answered + d.notApplicable, total: d.questions }) })),
      message: t('safeguarding.audit.autosaved'),
    });
  });

  app.get('/:locale/self-audit/a/:token/results', async (c) => {
    const { token, audit, questionnaire } = await openAudit(c);
    const answers = await loadAnswers(c.var.db, audit.id);
    const values = new Map([...answers].map(([k, a]) => [k, a.value]));
    const scores = scoreAudit(questionnaire, values);
    const plan = actionPlan(questionnaire, values);
    const resources = await resourcesForTopics(c.var.db, plan.map((item) => item.question.topics));
    return c.html(<ResultsPage ctx={c.var.ctx} token={token} audit={audit} questionnaire={questionnaire} answers={answers} scores={scores} plan={plan} resources={resources} />);
  });

  app.get('/:locale/self-audit/a/:token/export.json', async (c) => {
    const { audit, questionnaire } = await openAudit(c);
    const data = exportAudit(audit, questionnaire, await loadAnswers(c.var.db, audit.id));
    const day = new Date().toISOString().slice(0, 10);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="self-audit-${questionnaire.key}-${day}.json"`,
    });
  });

  app.get('/:locale/self-audit/a/:token/delete', async (c) => {
    const { token, audit } = await openAudit(c);
    return c.html(<DeletePage ctx={c.var.ctx} token={token} csrfToken={formToken(c)} label={audit.label} />);
  });

  app.post('/:locale/self-audit/a/:token/delete', async (c) => {
    const { audit } = await openAudit(c);
    await deleteAudit(c.var.db, audit.id);
    return c.redirect(`${startPath(c.var.ctx.locale)}/deleted`, 303);
  });

  return app;
}

