// What the content editors' routes (resources, practices) share: who is acting, reading a posted
// form, the filters of a list, the confirmations a redirect after a write asks for, and the answer
// to a workflow step that is refused.
import type { Context } from 'hono';
import { z } from 'zod';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { AppEnv } from '../../../web/env.ts';
import { HttpError } from '../../../web/errors.ts';
import type { Actor } from '../../audit/log.ts';
import { TRANSITIONS, type TransitionAction, type TransitionRefusedError } from '../workflow.ts';

type C = Context<AppEnv>;

export function actorOf(c: C): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

/** A parsed form body (`parseBody({ all: true })`): a repeated field is a list. */
export type Body = Record<string, string | File | (string | File)[]>;

/** A field's first value as text ('' when missing or a file). */
export function one(body: Body, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** Every text value of a repeated field (checkboxes, multiple selects). */
export function many(body: Body, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** A number when it looks like one, so that "abc" fails as not-a-number rather than vanishing. */
export function yearInput(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A version number as a form or a query string carries it; undefined when missing or not one. */
export function versionNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** The version the form was loaded at; undefined when missing or not a number. */
export function readVersion(body: Body): number | undefined {
  return versionNumber(one(body, 'version'));
}

/** The note a workflow step may carry (sending back says why), cut to the length the form allows. */
export function stepNote(body: Body): string | undefined {
  return typeof body.note === 'string' ? body.note.slice(0, 1000) : undefined;
}

/** An empty field of a GET form means "no filter", not a wrong value. */
export const emptyIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

/** The query string of the redirect after a save: the new version, or that nothing changed. */
export function savedQuery(saved: { version: number; changed: readonly unknown[] }): string {
  return saved.changed.length ? `saved=${saved.version}` : 'unchanged=1';
}

/** The confirmation of a save the redirect asks for (?saved=3, ?unchanged=1). */
export function savedNotice(c: C): string | undefined {
  const { t } = c.var.ctx;
  if (c.req.query('unchanged') !== undefined) return t('editor.notice.unchanged');
  const saved = versionNumber(c.req.query('saved'));
  return saved === undefined ? undefined : t('editor.notice.saved', { version: saved });
}

/** The workflow step a redirect names (?done=publish), when it is one. */
export function doneStep(c: C): TransitionAction | undefined {
  const done = c.req.query('done');
  return TRANSITIONS.find((tr) => tr.action === done)?.action;
}

/** A step the workflow refuses: 403 when the role may not take it, else 409 naming the step and the state (`key`). */
export function refusedStep(c: C, error: TransitionRefusedError, key: MessageKey): never {
  const { t } = c.var.ctx;
  if (error.reason === 'role') throw new HttpError(403, 'error.forbidden');
  throw new HttpError(409, key, { action: t(`editor.action.${error.action}`), state: t(`admin.state.${error.from}`) });
}
