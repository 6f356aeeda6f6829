// Pieces the reviews back-office routes share: paths, the actor, the edition and country named in
// the URL, and the HTTP answer to each refusal of the stores.
import type { EditionAction } from '../admin/workflow.ts';
import type { Context } from 'hono';
import { sql } from 'kysely';
import type { Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import type { Actor } from '../audit/log.ts';
import { getFramework, getReviewEdition, type Framework, type ReviewEdition } from '../reviews/store.ts';
import { EditionTransitionError } from './editions.ts';
import { EditionNotFoundError, EditionReadOnlyError, LabelTakenError, StaleVersionError } from './errors.ts';

export type C = Context<AppEnv>;

export const EDITION = '/reviews/editions/:editionId{[0-9]+}';

export const reviewsPath = (locale: Locale) => `/${locale}/admin/reviews`;
export const frameworkPath = (locale: Locale, key: string) => `${reviewsPath(locale)}/frameworks/${key}`;
export const editionPath = (locale: Locale, id: string, rest = '') => `${reviewsPath(locale)}/editions/${id}${rest}`;
export const gridPath = (locale: Locale, id: string, country: string) => editionPath(locale, id, `/countries/${country}`);
export const regionPath = (locale: Locale, id: string, region: string) => editionPath(locale, id, `/regions/${region}`);
export const ratificationsPath = (locale: Locale, country?: string) => `${reviewsPath(locale)}/ratifications${country ? `?country=${country}` : ''}`;

export function actorOf(c: C): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

export async function editionOr404(c: C): Promise<{ edition: ReviewEdition; framework: Framework }> {
  const edition = await getReviewEdition(c.var.db, c.req.param('editionId') ?? '');
  if (!edition) throw notFound();
  const framework = await getFramework(c.var.db, edition.frameworkKey);
  if (!framework) throw notFound();
  return { edition, framework };
}

/** A country code of the URL or a query, upper-cased; undefined when there is no such country. */
export async function knownCountry(c: C, code: string | undefined): Promise<string | undefined> {
  const upper = (code ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return undefined;
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM countries WHERE code = ${upper}`.execute(c.var.db);
  return r.rows[0]!.n > 0 ? upper : undefined;
}

/** The stores' refusals as HTTP answers, in the request's language. */
export function failure(c: C, error: unknown): never {
  const { t } = c.var.ctx;
  if (error instanceof EditionNotFoundError) throw notFound();
  if (error instanceof EditionReadOnlyError) throw new HttpError(409, 'reviewsAdmin.error.readOnly', { state: t(`admin.state.${error.status}`) });
  if (error instanceof StaleVersionError) throw new HttpError(409, 'reviewsAdmin.error.stale', { version: error.current });
  if (error instanceof LabelTakenError) throw new HttpError(409, 'reviewsAdmin.error.labelTaken', { label: error.label });
  if (error instanceof EditionTransitionError) {
    if (error.reason === 'role') throw new HttpError(403, 'error.forbidden');
    // Editions have no "unarchive" step, so the refused action is one of theirs.
    throw new HttpError(409, 'reviewsAdmin.error.transition', { action: t(`reviewsAdmin.action.${error.action as EditionAction}`), state: t(`admin.state.${error.from}`) });
  }
  throw error;
}

const DONE = ['created', 'submit', 'publish', 'send_back', 'archive', 'weights', 'unchanged', 'saved', 'imported'] as const;

/** The confirmation a redirect after a write asks for (?done=saved). */
export function doneNotice(c: C): string | undefined {
  const done = c.req.query('done');
  return done && (DONE as readonly string[]).includes(done) ? c.var.ctx.t(`reviewsAdmin.done.${done as (typeof DONE)[number]}`) : undefined;
}
