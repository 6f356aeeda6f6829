// Writes to the questionnaires of the self-audit. Every change is one transaction that checks the
// questionnaire's version (optimistic locking), applies the change, bumps the version, and keeps a
// revision of the whole tree and an audit-log entry, so that history and data cannot disagree.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { contentChanged } from '../../web/cache.ts';
import { checkTransition, transitionFor, type TransitionAction, type WorkflowState } from '../admin/workflow.ts';
import type { Role } from '../auth/roles.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { recordRevision } from '../history/revisions.ts';
import { loadQuestionnaire, type Questionnaire } from '../safeguarding/questionnaire.ts';

export const QUESTIONNAIRE_ENTITY = 'safeguarding-questionnaire';
export const SCALE_ENTITY = 'safeguarding-scale';

export class QuestionnaireNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no questionnaire ${key}`);
  }
}

/** A domain, question or scale named in the request is not (or no longer) there. */
export class PartNotFoundError extends Error {
  constructor(readonly part: string) {
    super(`no such part: ${part}`);
  }
}

/** Someone saved the questionnaire (or scale) since the user loaded it. */
export class StaleVersionError extends Error {
  constructor(readonly current: number) {
    super(`stale version: now at version ${current}`);
  }
}

/** A key already used where keys must be unique. */
export class KeyTakenError extends Error {
  constructor(readonly key: string) {
    super(`the key ${key} is taken`);
  }
}

/** What a revision keeps: the whole tree as editors see it, scales by key with their options. */
export type QuestionnaireSnapshot = {
  key: string;
  title: Localized;
  intro: Localized;
  audience: string;
  status: WorkflowState;
  domains: {
    key: string;
    title: Localized;
    description: Localized;
    weight: number;
    questions: { key: string; text: Localized; guidance: Localized; action: Localized; scale: string; weight: number; topics: string[] }[];
  }[];
  scales: Record<string, { name: Localized; options: { value: string; score: number | null; label: Localized }[] }>;
};

export function snapshotOf(q: Questionnaire): QuestionnaireSnapshot {
  const scales: QuestionnaireSnapshot['scales'] = {};
  for (const d of q.domains) for (const x of d.questions) scales[x.scale.key] = { name: x.scale.name, options: x.scale.options };
  return {
    key: q.key,
    title: q.title,
    intro: q.intro,
    audience: q.audience,
    status: q.status,
    domains: q.domains.map((d) => ({
      key: d.key,
      title: d.title,
      description: d.description,
      weight: d.weight,
      questions: d.questions.map((x) => ({ key: x.key, text: x.text, guidance: x.guidance, action: x.action, scale: x.scale.key, weight: x.weight, topics: x.topics })),
    })),
    scales,
  };
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export type Change = {
  /** The audit-log action, e.g. safeguarding.domain.add. */
  action: string;
  details?: Record<string, unknown>;
};

/**
 * Runs one change to a questionnaire: locks its row, checks the version the user started from,
 * hands the current tree to `apply`, then bumps the version and records revision and audit entry.
 * Returns the new version.
 */
export async function changeQuestionnaire(
  db: Db,
  actor: Actor,
  key: string,
  expectedVersion: number | undefined,
  apply: (trx: Db, current: Questionnaire) => Promise<Change>,
): Promise<number> {
  const version = await db.transaction().execute(async (trx) => {
    const locked = await sql<{ version: number }>`SELECT version FROM safeguarding_questionnaires WHERE key = ${key} FOR UPDATE`.execute(trx);
    const row = locked.rows[0];
    if (!row) throw new QuestionnaireNotFoundError(key);
    if (expectedVersion !== row.version) throw new StaleVersionError(row.version);
    const current = (await loadQuestionnaire(trx, key, { publishedOnly: false }))!;
    const change = await apply(trx, current);
    return bump(trx, actor, key, change);
  });
  contentChanged();
  return version;
}

/** The version bump, revision and audit entry that close every change (inside its transaction). */
export async function bump(trx: Db, actor: Actor, key: string, change: Change): Promise<number> {
  const updated = await sql<{ version: number }>`UPDATE safeguarding_questionnaires
    SET version = version + 1, updated_at = now(), updated_by = ${actor.id}::bigint WHERE key = ${key} RETURNING version`.execute(trx);
  const version = updated.rows[0]!.version;
  const after = (await loadQuestionnaire(trx, key, { publishedOnly: false }))!;
  await recordRevision(trx, actor, { entityType: QUESTIONNAIRE_ENTITY, entityId: key, version, data: snapshotOf(after), action: change.action });
  await recordAudit(trx, actor, {
    action: change.action,
    entityType: QUESTIONNAIRE_ENTITY,
    entityId: key,
    entityLabel: after.title.en ?? Object.values(after.title)[0] ?? key,
    details: { version, ...change.details },
  });
  return version;
}

export async function createQuestionnaire(db: Db, actor: Actor, input: { key: string; title: Localized; intro: Localized; audience: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const taken = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_questionnaires WHERE key = ${input.key}`.execute(trx);
    if (taken.rows[0]!.n > 0) throw new KeyTakenError(input.key);
    await sql`INSERT INTO safeguarding_questionnaires (key, title, intro, audience, status, version, position, updated_by)
      VALUES (${input.key}, ${json(input.title)}, ${json(input.intro)}, ${input.audience}, 'draft', 1,
        (SELECT coalesce(max(position), 0) + 1 FROM safeguarding_questionnaires), ${actor.id}::bigint)`.execute(trx);
    const created = (await loadQuestionnaire(trx, input.key, { publishedOnly: false }))!;
    await recordRevision(trx, actor, { entityType: QUESTIONNAIRE_ENTITY, entityId: input.key, version: 1, data: snapshotOf(created), action: 'safeguarding.questionnaire.create' });
    await recordAudit(trx, actor, {
      action: 'safeguarding.questionnaire.create',
      entityType: QUESTIONNAIRE_ENTITY,
      entityId: input.key,
      entityLabel: input.title.en ?? Object.values(input.title)[0] ?? input.key,
      details: { version: 1 },
    });
  });
  contentChanged();
}

export async function updateQuestionnaireTexts(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, input: { title: Localized; intro: Localized; audience: string }) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx) => {
    await sql`UPDATE safeguarding_questionnaires SET title = ${json(input.title)}, intro = ${json(input.intro)}, audience = ${input.audience} WHERE key = ${key}`.execute(trx);
    return { action: 'safeguarding.questionnaire.update' };
  });
}

export type DomainInput = { title: Localized; description: Localized; weight: number };

export async function addDomain(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, domainKey: string, input: DomainInput) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    if (current.domains.some((d) => d.key === domainKey)) throw new KeyTakenError(domainKey);
    await sql`INSERT INTO safeguarding_domains (questionnaire_key, key, title, description, weight, position)
      VALUES (${key}, ${domainKey}, ${json(input.title)}, ${json(input.description)}, ${input.weight}, ${current.domains.length})`.execute(trx);
    return { action: 'safeguarding.domain.add', details: { domain: domainKey } };
  });
}

export async function updateDomain(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, domainKey: string, input: DomainInput) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    if (!current.domains.some((d) => d.key === domainKey)) throw new PartNotFoundError(domainKey);
    await sql`UPDATE safeguarding_domains SET title = ${json(input.title)}, description = ${json(input.description)}, weight = ${input.weight}
      WHERE questionnaire_key = ${key} AND key = ${domainKey}`.execute(trx);
    return { action: 'safeguarding.domain.update', details: { domain: domainKey } };
  });
}

export type Direction = 'up' | 'down';

/** Keys in their new order after moving one a step; unchanged at either end. */
export function moved(keys: string[], key: string, direction: Direction): string[] {
  const i = keys.indexOf(key);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= keys.length) return keys;
  const out = [...keys];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export async function moveDomain(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, domainKey: string, direction: Direction) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    const keys = current.domains.map((d) => d.key);
    if (!keys.includes(domainKey)) throw new PartNotFoundError(domainKey);
    // Positions are rewritten 0..n-1, which also repairs gaps and ties left by imports.
    for (const [position, k] of moved(keys, domainKey, direction).entries()) {
      await sql`UPDATE safeguarding_domains SET position = ${position} WHERE questionnaire_key = ${key} AND key = ${k}`.execute(trx);
    }
    return { action: 'safeguarding.domain.move', details: { domain: domainKey, direction } };
  });
}

export async function removeDomain(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, domainKey: string) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    const domain = current.domains.find((d) => d.key === domainKey);
    if (!domain) throw new PartNotFoundError(domainKey);
    // Its questions go with it (cascade); answers given to them stay with their audits but no longer count.
    await sql`DELETE FROM safeguarding_domains WHERE questionnaire_key = ${key} AND key = ${domainKey}`.execute(trx);
    return { action: 'safeguarding.domain.remove', details: { domain: domainKey, questions: domain.questions.map((q) => q.key) } };
  });
}

export type QuestionInput = {
  domainKey: string;
  text: Localized;
  guidance: Localized;
  action: Localized;
  scaleKey: string;
  weight: number;
  topics: string[];
};

async function checkScale(trx: Db, scaleKey: string) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM safeguarding_scales WHERE key = ${scaleKey}`.execute(trx);
  if (r.rows[0]!.n === 0) throw new PartNotFoundError(scaleKey);
}

export async function addQuestion(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, questionKey: string, input: QuestionInput) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    const domain = current.domains.find((d) => d.key === input.domainKey);
    if (!domain) throw new PartNotFoundError(input.domainKey);
    if (current.domains.some((d) => d.questions.some((q) => q.key === questionKey))) throw new KeyTakenError(questionKey);
    await checkScale(trx, input.scaleKey);
    const position = Math.max(-1, ...domain.questions.map((q) => q.position)) + 1;
    await sql`INSERT INTO safeguarding_questions (questionnaire_key, domain_key, key, text, guidance, action, scale_key, weight, topics, position)
      VALUES (${key}, ${input.domainKey}, ${questionKey}, ${json(input.text)}, ${json(input.guidance)}, ${json(input.action)}, ${input.scaleKey},
        ${input.weight}, ${sql`${input.topics}::text[]`}, ${position})`.execute(trx);
    return { action: 'safeguarding.question.add', details: { question: questionKey, domain: input.domainKey } };
  });
}

export async function updateQuestion(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, questionKey: string, input: QuestionInput) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    const from = current.domains.find((d) => d.questions.some((q) => q.key === questionKey));
    if (!from) throw new PartNotFoundError(questionKey);
    const to = current.domains.find((d) => d.key === input.domainKey);
    if (!to) throw new PartNotFoundError(input.domainKey);
    await checkScale(trx, input.scaleKey);
    // A question moved to another domain goes to its end.
    const position = to.key === from.key ? from.questions.find((q) => q.key === questionKey)!.position : Math.max(-1, ...to.questions.map((q) => q.position)) + 1;
    await sql`UPDATE safeguarding_questions SET domain_key = ${input.domainKey}, text = ${json(input.text)}, guidance = ${json(input.guidance)},
      action = ${json(input.action)}, scale_key = ${input.scaleKey}, weight = ${input.weight}, topics = ${sql`${input.topics}::text[]`}, position = ${position}
      WHERE questionnaire_key = ${key} AND key = ${questionKey}`.execute(trx);
    return { action: 'safeguarding.question.update', details: { question: questionKey, ...(to.key !== from.key ? { movedFrom: from.key, movedTo: to.key } : {}) } };
  });
}

export async function moveQuestion(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, questionKey: string, direction: Direction) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    const domain = current.domains.find((d) => d.questions.some((q) => q.key === questionKey));
    if (!domain) throw new PartNotFoundError(questionKey);
    for (const [position, k] of moved(domain.questions.map((q) => q.key), questionKey, direction).entries()) {
      await sql`UPDATE safeguarding_questions SET position = ${position} WHERE questionnaire_key = ${key} AND key = ${k}`.execute(trx);
    }
    return { action: 'safeguarding.question.move', details: { question: questionKey, direction } };
  });
}

export async function removeQuestion(db: Db, actor: Actor, key: string, expectedVersion: number | undefined, questionKey: string) {
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    if (!current.domains.some((d) => d.questions.some((q) => q.key === questionKey))) throw new PartNotFoundError(questionKey);
    // Answers are keyed by the question's key and stay with their audits; the scores skip them.
    await sql`DELETE FROM safeguarding_questions WHERE questionnaire_key = ${key} AND key = ${questionKey}`.execute(trx);
    return { action: 'safeguarding.question.remove', details: { question: questionKey } };
  });
}

export class TransitionError extends Error {
  constructor(
    readonly action: TransitionAction,
    readonly from: WorkflowState,
    readonly reason: 'state' | 'role',
  ) {
    super(`cannot ${action} a ${from} questionnaire (${reason})`);
  }
}

export async function transitionQuestionnaire(db: Db, actor: Actor & { role: Role }, key: string, expectedVersion: number | undefined, action: TransitionAction) {
  const transition = transitionFor(action);
  return changeQuestionnaire(db, actor, key, expectedVersion, async (trx, current) => {
    try {
      checkTransition(actor.role, transition, current.status);
    } catch {
      throw new TransitionError(action, current.status, transition.from.includes(current.status) ? 'role' : 'state');
    }
    await sql`UPDATE safeguarding_questionnaires SET status = ${transition.to} WHERE key = ${key}`.execute(trx);
    return { action: `safeguarding.questionnaire.${action}`, details: { from: current.status, to: transition.to } };
  });
}

/**
 * How many audits of a questionnaire gave an answer to any of these questions. Only used to warn
 * before a removal; the page shows the number only from five up.
 */
export async function auditsAnswering(db: Db, key: string, questionKeys: string[]): Promise<number> {
  if (questionKeys.length === 0) return 0;
  const r = await sql<{ n: number }>`SELECT count(DISTINCT a.id)::int AS n FROM safeguarding_audits a
    JOIN safeguarding_answers x ON x.audit_id = a.id
    WHERE a.questionnaire_key = ${key} AND x.value IS NOT NULL AND x.question_key = ANY(${sql`${questionKeys}::text[]`})`.execute(db);
  return r.rows[0]!.n;
}
