// Pieces the model-law back-office routes share: the actor, the edition and node named in the
// URL, form fields, and the HTTP answer to each refusal of the store.
import type { EditionAction } from '../admin/workflow.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import type { Actor } from '../audit/log.ts';
import { getEdition, loadEditionTree, type Edition, type EditionTree, type LawNode } from '../model-law/store.ts';
import { EditionTransitionError } from './editions.ts';
import {
  DuplicateSourceError,
  EditionNotFoundError,
  EditionReadOnlyError,
  InvalidMoveError,
  InvalidParentError,
  NodeNotEmptyError,
  NodeNotFoundError,
  StaleVersionError,
} from './errors.ts';
import { allNodes } from './progress.ts';

export type C = Context<AppEnv>;

/** Where an edition's pages live, below /:locale/admin. */
export const EDITION = '/model-law/:editionId{[0-9]+}';
export type Body = Record<string, string | File | (string | File)[]>;

export function actorOf(c: C): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

export function field(body: Body, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** The version a form was loaded at; undefined when missing or not a number. */
export function formVersion(body: Body): number | undefined {
  const v = field(body, 'version');
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export async function editionOr404(c: C): Promise<Edition> {
  const edition = await getEdition(c.var.db, c.req.param('editionId') ?? '');
  if (!edition) throw notFound();
  return edition;
}

export async function treeOr404(c: C): Promise<EditionTree> {
  return loadEditionTree(c.var.db, await editionOr404(c));
}

export function nodeOr404(c: C, tree: EditionTree): LawNode {
  const id = c.req.param('nodeId');
  const node = allNodes(tree).find((n) => n.id === id);
  if (!node) throw notFound();
  return node;
}

/** The store's refusals as HTTP answers, in the request's language. */
export function failure(c: C, error: unknown): never {
  const { t } = c.var.ctx;
  if (error instanceof EditionNotFoundError || error instanceof NodeNotFoundError) throw notFound();
  if (error instanceof EditionReadOnlyError) throw new HttpError(409, 'modelLawAdmin.error.readOnly', { state: error.status });
  if (error instanceof StaleVersionError) throw new HttpError(409, 'modelLawAdmin.error.stale', { version: error.current });
  if (error instanceof InvalidMoveError) throw new HttpError(409, 'modelLawAdmin.error.move');
  if (error instanceof InvalidParentError) throw new HttpError(422, 'modelLawAdmin.error.parent');
  if (error instanceof NodeNotEmptyError) throw new HttpError(409, 'modelLawAdmin.error.notEmpty');
  if (error instanceof DuplicateSourceError) throw new HttpError(409, 'modelLawAdmin.error.sourceDuplicate');
  if (error instanceof EditionTransitionError) {
    if (error.reason === 'role') throw new HttpError(403, 'error.forbidden');
    // Editions have no "unarchive" step, so the refused action is one of theirs.
    throw new HttpError(409, 'modelLawAdmin.error.transition', { action: t(`modelLawAdmin.action.${error.action as EditionAction}`), state: error.from });
  }
  throw error;
}

const DONE = [
  'copied',
  'imported',
  'submit',
  'publish',
  'send_back',
  'archive',
  'added',
  'moved',
  'deleted',
  'saved',
  'confirmed',
  'unchanged',
  'sourceAdded',
  'sourceRemoved',
  'sourceMoved',
  'restored',
] as const;

/** The confirmation a redirect after a write asks for (?done=saved). */
export function doneNotice(c: C): string | undefined {
  const done = c.req.query('done');
  return done && (DONE as readonly string[]).includes(done) ? c.var.ctx.t(`modelLawAdmin.done.${done as (typeof DONE)[number]}`) : undefined;
}
