// Back office for the self-audit: questionnaires (texts, domains, questions, answer scales, the
// workflow) and aggregate statistics. Structure changes need content.edit; texts need
// content.translate, and a translator's post changes only the texts of their languages.
import type { Context } from 'hono';
import { HttpError, notFound } from '../../web/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { TRANSITIONS } from '../admin/workflow.ts';
import type { Actor } from '../audit/log.ts';
import { editScope, type EditScope } from '../editor/form.ts';
import { vocabularyChoices } from '../editor/queries.ts';
import type { Localized } from '../../i18n/locales.ts';
import { listQuestionnaires, loadQuestionnaire, type Questionnaire } from '../safeguarding/questionnaire.ts';
import {
  checkDomain,
  checkQuestion,
  checkQuestionnaire,
  checkScale,
  cleanTexts,
  domainValues,
  emptyDomain,
  emptyQuestion,
  emptyQuestionnaire,
  emptyScale,
  field,
  questionnaireValues,
  questionValues,
  readDomain,
  readQuestion,
  readQuestionnaire,
  readScale,
  scaleValues,
  versionOf,
  withBlankRows,
  type Body,
  type Problems,
} from './forms.ts';
import { createScale, getScale, listScales, updateScale } from './scales.ts';
import { allStats, questionnaireStats } from './stats-query.ts';
import { MIN_AUDITS, type Dimension } from './stats.ts';
import {
  addDomain,
  addQuestion,
  auditsAnswering,
  createQuestionnaire,
  KeyTakenError,
  moveDomain,
  moveQuestion,
  PartNotFoundError,
  QuestionnaireNotFoundError,
  removeDomain,
  removeQuestion,
  StaleVersionError,
  transitionQuestionnaire,
  TransitionError,
  updateDomain,
  updateQuestion,
  updateQuestionnaireTexts,
} from './store.ts';
import { domainPath, questionnairePath, questionPath, scalesPath, textOf } from './views/common.tsx';
import { IndexPage } from './views/index-page.tsx';
import { DomainPage, QuestionPage, RemovePage } from './views/part-pages.tsx';
import { QuestionnairePage } from './views/questionnaire-page.tsx';
import { ScalePage, ScalesPage } from './views/scale-pages.tsx';
import { StatsPage } from './views/stats-page.tsx';

type C = Context<AppEnv>;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const Q = `/safeguarding/questionnaires/:key{${SLUG}}`;
const DOMAIN = `${Q}/domains/:domain{${SLUG}}`;
const QUESTION = `${Q}/questions/:question{${SLUG}}`;
const SCALE = `/safeguarding/scales/:scale{${SLUG}}`;

const DONE = ['created', 'saved', 'moved', 'removed', 'submit', 'publish', 'send_back', 'archive', 'unarchive'] as const;
type Done = (typeof DONE)[number];

function actorOf(c: C): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

function doneNotice(c: C): string | undefined {
  const done = c.req.query('done');
  return done && (DONE as readonly string[]).includes(done) ? c.var.ctx.t(`safeguardingAdmin.done.${done as Done}`) : undefined;
}

async function questionnaireOr404(c: C): Promise<Questionnaire> {
  const q = await loadQuestionnaire(c.var.db, c.req.param('key') ?? '', { publishedOnly: false });
  if (!q) throw notFound();
  return q;
}

/** What a translator without languages may not do: save anything. */
function scopeOf(c: C): EditScope {
  const scope = editScope(c.var.user!);
  if (!scope.all && scope.locales.length === 0) throw new HttpError(403, 'error.forbidden');
  return scope;
}

async function body(c: C): Promise<Body> {
  return (await c.req.parseBody({ all: true })) as Body;
}

/** The stores' refusals that are not answered by re-rendering a form. */
function failure(c: C, error: unknown): never {
  const { t } = c.var.ctx;
  if (error instanceof QuestionnaireNotFoundError || error instanceof PartNotFoundError) throw notFound();
  if (error instanceof StaleVersionError) throw new HttpError(409, 'safeguardingAdmin.error.stale', { version: error.current });
  if (error instanceof KeyTakenError) throw new HttpError(409, 'safeguardingAdmin.error.keyTaken', { key: error.key });
  if (error instanceof TransitionError) {
    if (error.reason === 'role') throw new HttpError(403, 'error.forbidden');
    throw new HttpError(409, 'safeguardingAdmin.error.transition', { action: t(`safeguardingAdmin.action.${error.action}`), state: t(`admin.state.${error.from}`) });
  }
  throw error;
}

/** After a change, back to the questionnaire's page, which says what was done. */
function backTo(c: C, q: Questionnaire, done: Done): Response {
  return c.redirect(`${questionnairePath(c.var.ctx.locale, q.key)}?done=${done}`, 303);
}

/**
 * A change without a form to show again (a move, a removal, a workflow step): the store's refusals,
 * a stale version included, become error pages.
 */
async function changeThenBack(c: C, q: Questionnaire, done: Done, change: (version: number | undefined, form: Body) => Promise<unknown>): Promise<Response> {
  const form = await body(c);
  try {
    await change(versionOf(form), form);
  } catch (error) {
    failure(c, error);
  }
  return backTo(c, q, done);
}

/**
 * Saves a checked form. When someone saved meanwhile, the form is shown again with what the user
 * typed, at the version now current, so that saving again overwrites knowingly.
 */
async function saveOrConflict(c: C, save: () => Promise<unknown>, conflict: (current: number) => Response | Promise<Response>, next: () => Response): Promise<Response> {
  try {
    await save();
  } catch (error) {
    if (error instanceof StaleVersionError) return conflict(error.current);
    failure(c, error);
  }
  return next();
}

/** Saves a form of the questionnaire page or of one of its parts, then goes back to the questionnaire. */
function saveThenBack(c: C, q: Questionnaire, done: Done, save: () => Promise<unknown>, render: (status: 409, version: number, conflict: number) => Response | Promise<Response>): Promise<Response> {
  return saveOrConflict(c, save, (current) => render(409, current, current), () => backTo(c, q, done));
}

const questionKeys = (q: Questionnaire) => new Set(q.domains.flatMap((d) => d.questions.map((x) => x.key)));

export function safeguardingAdminRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  // --- Questionnaires ----------------------------------------------------------------------------

  const renderIndex = async (c: C, create = { values: emptyQuestionnaire(), problems: new Map() as Problems }, status: 200 | 409 | 422 = 200) => {
    const { db, ctx, user, csrfToken } = c.var;
    const questionnaires = await listQuestionnaires(db, { publishedOnly: false });
    return c.html(<IndexPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaires={questionnaires} create={create} notice={doneNotice(c)} />, status);
  };

  pages.get('/safeguarding', 'backoffice.read', (c) => renderIndex(c));

  pages.post('/safeguarding', 'content.edit', async (c) => {
    const { db, ctx } = c.var;
    const values = readQuestionnaire(await body(c), { all: true, locales: [] }, undefined);
    const problems = checkQuestionnaire(values, true);
    if (problems.size > 0) return renderIndex(c, { values, problems }, 422);
    try {
      await createQuestionnaire(db, actorOf(c), { key: values.key, title: cleanTexts(values.title), intro: cleanTexts(values.intro), audience: values.audience });
    } catch (error) {
      if (error instanceof KeyTakenError) return renderIndex(c, { values, problems: new Map([['key', { key: 'safeguardingAdmin.error.keyTaken', values: { key: values.key } }]]) }, 422);
      throw error;
    }
    return c.redirect(`${questionnairePath(ctx.locale, values.key)}?done=created`, 303);
  });

  pages.get(Q, 'backoffice.read', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    return c.html(
      <QuestionnairePage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} values={questionnaireValues(q)} version={q.version} problems={new Map()} scope={editScope(user!)} notice={doneNotice(c)} />,
    );
  });

  pages.post(`${Q}/texts`, 'content.translate', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const scope = scopeOf(c);
    const form = await body(c);
    const values = readQuestionnaire(form, scope, questionnaireValues(q));
    const problems = checkQuestionnaire(values, false);
    const render = (status: 409 | 422, version: number, conflict?: number) =>
      c.html(<QuestionnairePage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} values={values} version={version} problems={problems} scope={scope} conflict={conflict} />, status);
    if (problems.size > 0) return render(422, versionOf(form) ?? q.version);
    const input = { title: cleanTexts(values.title), intro: cleanTexts(values.intro), audience: values.audience };
    return saveThenBack(c, q, 'saved', () => updateQuestionnaireTexts(db, actorOf(c), q.key, versionOf(form), input), render);
  });

  for (const transition of TRANSITIONS) {
    pages.post(`${Q}${transition.path}`, transition.permission, async (c) => {
      const q = await questionnaireOr404(c);
      return changeThenBack(c, q, transition.action, (version) => transitionQuestionnaire(c.var.db, { ...actorOf(c), role: c.var.user!.role }, q.key, version, transition.action));
    });
  }

  // --- Domains -----------------------------------------------------------------------------------

  const domainOr404 = (c: C, q: Questionnaire) => {
    const domain = q.domains.find((d) => d.key === c.req.param('domain'));
    if (!domain) throw notFound();
    return domain;
  };

  pages.get(`${Q}/new-domain`, 'content.edit', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    return c.html(<DomainPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} domainKey={undefined} values={emptyDomain()} version={q.version} problems={new Map()} scope={editScope(user!)} />);
  });

  const saveDomain = async (c: C, existing: boolean) => {
    const { db, ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const domain = existing ? domainOr404(c, q) : undefined;
    const scope = existing ? scopeOf(c) : editScope(user!);
    const form = await body(c);
    const values = readDomain(form, scope, domain && domainValues(domain));
    const { problems, weight } = checkDomain(values, !existing, existing ? () => false : (k) => q.domains.some((d) => d.key === k));
    const render = (status: 409 | 422, version: number, conflict?: number) =>
      c.html(<DomainPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} domainKey={domain?.key} values={values} version={version} problems={problems} scope={scope} conflict={conflict} />, status);
    if (problems.size > 0) return render(422, versionOf(form) ?? q.version);
    const input = { title: cleanTexts(values.title), description: cleanTexts(values.description), weight };
    const save = () => (domain ? updateDomain(db, actorOf(c), q.key, versionOf(form), domain.key, input) : addDomain(db, actorOf(c), q.key, versionOf(form), values.key, input));
    return saveThenBack(c, q, domain ? 'saved' : 'created', save, render);
  };

  pages.post(`${Q}/domains`, 'content.edit', (c) => saveDomain(c, false));

  pages.get(DOMAIN, 'backoffice.read', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const domain = domainOr404(c, q);
    return c.html(<DomainPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} domainKey={domain.key} values={domainValues(domain)} version={q.version} problems={new Map()} scope={editScope(user!)} />);
  });

  pages.post(DOMAIN, 'content.translate', (c) => saveDomain(c, true));

  // --- Questions ---------------------------------------------------------------------------------

  const questionOr404 = (c: C, q: Questionnaire) => {
    const question = q.domains.flatMap((d) => d.questions).find((x) => x.key === c.req.param('question'));
    if (!question) throw notFound();
    return question;
  };

  const questionChoices = async (c: C) => {
    const [scales, vocabulary] = await Promise.all([listScales(c.var.db), vocabularyChoices(c.var.db)]);
    return { scales, topics: vocabulary.topics };
  };

  pages.get(`${Q}/new-question`, 'content.edit', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const { scales, topics } = await questionChoices(c);
    const domain = q.domains.find((d) => d.key === c.req.query('domain'))?.key ?? q.domains[0]?.key ?? '';
    const values = emptyQuestion(domain, scales[0]?.key ?? '');
    return c.html(<QuestionPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} questionKey={undefined} values={values} version={q.version} problems={new Map()} scope={editScope(user!)} scales={scales} topics={topics} />);
  });

  const saveQuestion = async (c: C, existing: boolean) => {
    const { db, ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const question = existing ? questionOr404(c, q) : undefined;
    const scope = existing ? scopeOf(c) : editScope(user!);
    const form = await body(c);
    const values = readQuestion(form, scope, question && questionValues(question));
    const { scales, topics } = await questionChoices(c);
    const { problems, weight } = checkQuestion(values, !existing, {
      domains: new Set(q.domains.map((d) => d.key)),
      scales: new Set(scales.map((s) => s.key)),
      topics: new Set(topics.map((t) => t.value)),
      takenKeys: questionKeys(q),
    });
    const render = (status: 409 | 422, version: number, conflict?: number) =>
      c.html(
        <QuestionPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} questionKey={question?.key} values={values} version={version} problems={problems} scope={scope} scales={scales} topics={topics} conflict={conflict} />,
        status,
      );
    if (problems.size > 0) return render(422, versionOf(form) ?? q.version);
    const input = {
      domainKey: values.domain,
      text: cleanTexts(values.text),
      guidance: cleanTexts(values.guidance),
      action: cleanTexts(values.action),
      scaleKey: values.scale,
      weight,
      topics: [...new Set(values.topics)].sort(),
    };
    const save = () => (question ? updateQuestion(db, actorOf(c), q.key, versionOf(form), question.key, input) : addQuestion(db, actorOf(c), q.key, versionOf(form), values.key, input));
    return saveThenBack(c, q, question ? 'saved' : 'created', save, render);
  };

  pages.post(`${Q}/questions`, 'content.edit', (c) => saveQuestion(c, false));

  pages.get(QUESTION, 'backoffice.read', async (c) => {
    const { ctx, user, csrfToken } = c.var;
    const q = await questionnaireOr404(c);
    const question = questionOr404(c, q);
    const { scales, topics } = await questionChoices(c);
    return c.html(
      <QuestionPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaire={q} questionKey={question.key} values={questionValues(question)} version={q.version} problems={new Map()} scope={editScope(user!)} scales={scales} topics={topics} />,
    );
  });

  pages.post(QUESTION, 'content.translate', (c) => saveQuestion(c, true));

  // --- Moving and removing a domain or a question ----------------------------------------------

  /** What moving and removing need of a domain or a question. */
  type Part = { key: string; label: Localized; questionKeys: string[] };
  const parts = [
    {
      kind: 'domain',
      path: DOMAIN,
      find: (c: C, q: Questionnaire): Part => {
        const domain = domainOr404(c, q);
        return { key: domain.key, label: domain.title, questionKeys: domain.questions.map((x) => x.key) };
      },
      href: domainPath,
      move: moveDomain,
      remove: removeDomain,
    },
    {
      kind: 'question',
      path: QUESTION,
      find: (c: C, q: Questionnaire): Part => {
        const question = questionOr404(c, q);
        return { key: question.key, label: question.text, questionKeys: [question.key] };
      },
      href: questionPath,
      move: moveQuestion,
      remove: removeQuestion,
    },
  ] as const;

  for (const part of parts) {
    pages.post(`${part.path}/move`, 'content.edit', async (c) => {
      const q = await questionnaireOr404(c);
      const { key } = part.find(c, q);
      return changeThenBack(c, q, 'moved', (version, form) => part.move(c.var.db, actorOf(c), q.key, version, key, field(form, 'direction') === 'up' ? 'up' : 'down'));
    });

    // How many audits answered what goes, so that the confirmation can say what is lost.
    pages.get(`${part.path}/remove`, 'content.edit', async (c) => {
      const { db, ctx, user, csrfToken } = c.var;
      const q = await questionnaireOr404(c);
      const { key, label, questionKeys } = part.find(c, q);
      const affected = await auditsAnswering(db, q.key, questionKeys);
      return c.html(
        <RemovePage
          ctx={ctx}
          user={user!}
          csrfToken={csrfToken}
          questionnaire={q}
          kind={part.kind}
          label={textOf(ctx, label, key)}
          action={part.href(ctx.locale, q.key, key, '/remove')}
          questions={questionKeys.length}
          affected={affected}
        />,
      );
    });

    pages.post(`${part.path}/remove`, 'content.edit', async (c) => {
      const q = await questionnaireOr404(c);
      const { key } = part.find(c, q);
      return changeThenBack(c, q, 'removed', (version) => part.remove(c.var.db, actorOf(c), q.key, version, key));
    });
  }

  // --- Scales ------------------------------------------------------------------------------------

  pages.get('/safeguarding/scales', 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    return c.html(<ScalesPage ctx={ctx} user={user!} csrfToken={csrfToken} scales={await listScales(db)} notice={doneNotice(c)} />);
  });

  // Outside /scales/ so that no scale key is reserved.
  pages.get('/safeguarding/new-scale', 'content.edit', (c) => {
    const { ctx, user, csrfToken } = c.var;
    return c.html(<ScalePage ctx={ctx} user={user!} csrfToken={csrfToken} scale={undefined} values={emptyScale()} problems={new Map()} scope={editScope(user!)} />);
  });

  pages.post('/safeguarding/scales', 'content.edit', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const scope = editScope(user!);
    const values = readScale(await body(c), scope, undefined);
    const existing = new Set((await listScales(db)).map((s) => s.key));
    const { problems, options } = checkScale(values, true, (k) => existing.has(k));
    if (problems.size > 0) return c.html(<ScalePage ctx={ctx} user={user!} csrfToken={csrfToken} scale={undefined} values={withBlankRows(values)} problems={problems} scope={scope} />, 422);
    try {
      await createScale(db, actorOf(c), values.key, { name: cleanTexts(values.name), options });
    } catch (error) {
      failure(c, error);
    }
    return c.redirect(`${scalesPath(ctx.locale)}?done=created`, 303);
  });

  pages.get(SCALE, 'backoffice.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const scale = await getScale(db, c.req.param('scale') ?? '');
    if (!scale) throw notFound();
    const scope = editScope(user!);
    const values = scaleValues(scale);
    return c.html(<ScalePage ctx={ctx} user={user!} csrfToken={csrfToken} scale={scale} values={scope.all ? withBlankRows(values) : values} problems={new Map()} scope={scope} />);
  });

  pages.post(SCALE, 'content.translate', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const scale = await getScale(db, c.req.param('scale') ?? '');
    if (!scale) throw notFound();
    const scope = scopeOf(c);
    const form = await body(c);
    const values = readScale(form, scope, scaleValues(scale));
    const { problems, options } = checkScale(values, false, () => false);
    const render = (status: 409 | 422, conflict?: number) =>
      c.html(<ScalePage ctx={ctx} user={user!} csrfToken={csrfToken} scale={scale} values={scope.all ? withBlankRows(values) : values} problems={problems} scope={scope} conflict={conflict} />, status);
    if (problems.size > 0) return render(422);
    return saveOrConflict(
      c,
      () => updateScale(db, actorOf(c), scale.key, versionOf(form), { name: cleanTexts(values.name), options }),
      (current) => render(409, current),
      () => c.redirect(`${scalesPath(ctx.locale)}?done=saved`, 303),
    );
  });

  // --- Statistics --------------------------------------------------------------------------------

  const dimensionOf = (c: C): Dimension | undefined => {
    const by = c.req.query('by') ?? '';
    if (by === '') return undefined;
    if (by === 'kind' || by === 'country') return by;
    throw new HttpError(400, 'safeguardingAdmin.error.by', {}, 'by');
  };

  pages.get('/safeguarding/stats', 'safeguarding.stats', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const by = dimensionOf(c);
    const questionnaires = await listQuestionnaires(db, { publishedOnly: false });
    const chosen = questionnaires.find((q) => q.key === c.req.query('questionnaire'))?.key ?? questionnaires[0]?.key;
    const stats = chosen ? await questionnaireStats(db, chosen, by) : undefined;
    return c.html(<StatsPage ctx={ctx} user={user!} csrfToken={csrfToken} questionnaires={questionnaires} chosen={chosen} by={by} stats={stats} />);
  });

  api.get('/safeguarding/stats', 'safeguarding.stats', async (c) => {
    const { db } = c.var;
    const by = dimensionOf(c);
    const only = c.req.query('questionnaire');
    const stats = only ? [await questionnaireStats(db, only, by)].filter((s) => s !== undefined) : await allStats(db, by);
    if (only && stats.length === 0) throw notFound();
    return c.json({
      minimumAudits: MIN_AUDITS,
      by: by ?? null,
      questionnaires: stats.map((s) => ({
        key: s.questionnaire.key,
        title: s.questionnaire.title,
        status: s.questionnaire.status,
        overall: s.overall,
        ...(s.breakdown ? { groups: s.breakdown.groups.map((g) => ({ group: g.key, ...g.figures })) } : {}),
      })),
    });
  });
}
