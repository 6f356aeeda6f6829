// User management: each write is one transaction with its audit entry. Changes that could leave the
// Atlas without an administrator lock the administrators' rows first, so that two admins demoting
// each other at the same moment cannot both succeed.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import { tokenHash } from '../auth/tokens.ts';
import { createUser, createUserToken, getUser, storePasswordHash, updateUser, useUserToken, type User } from '../auth/users.ts';

export type UserState = 'active' | 'invited' | 'disabled';

export function userState(user: Pick<User, 'disabled' | 'hasPassword'>): UserState {
  if (user.disabled) return 'disabled';
  return user.hasPassword ? 'active' : 'invited';
}

/** A signed-in user acting in the back office. */
export type UserActor = Actor & { id: string };

/** Why a change to an account was refused. */
export type Refusal = 'self' | 'lastAdmin' | 'notAdmin' | 'disabled';

export type ProfileInput = { name: string; role: Role; locales: Locale[] };

/** Only translators keep locales: for the other roles they would mean nothing and mislead. */
function localesFor(role: Role, locales: Locale[]): Locale[] {
  return role === 'translator' ? [...new Set(locales)].sort() : [];
}

const audited = (user: User) => ({ entityType: 'user', entityId: user.id, entityLabel: user.email });

/** A new account without a password, and the one-time token of its invitation link. Throws EmailTakenError. */
export async function inviteUser(db: Db, actor: UserActor, input: ProfileInput & { email: string }): Promise<{ user: User; token: string }> {
  return db.transaction().execute(async (trx) => {
    const user = await createUser(trx, { email: input.email, name: input.name, role: input.role, locales: localesFor(input.role, input.locales) });
    const token = await createUserToken(trx, user.id, 'invite');
    await recordAudit(trx, actor, { action: 'user.invite', ...audited(user), details: { role: user.role, locales: user.locales } });
    return { user, token };
  });
}

/** Locks the rows of the active administrators (every change to an account takes this lock first). */
async function lockActiveAdmins(trx: Db): Promise<string[]> {
  const admins = await sql<{ id: string }>`SELECT id::text AS id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`.execute(trx);
  return admins.rows.map((r) => r.id);
}

/** Taking `target` out of the active administrators: never oneself, never the last one, and not by someone who lost the role meanwhile. */
function adminRefusal(admins: string[], actor: UserActor, target: User): Refusal | undefined {
  if (!admins.includes(target.id)) return undefined;
  if (target.id === actor.id) return 'self';
  if (admins.length <= 1) return 'lastAdmin';
  if (!admins.includes(actor.id)) return 'notAdmin';
  return undefined;
}

/** Ends every session of a user (or every one but `exceptIdHash`); how many ended. */
async function endSessions(trx: Db, userId: string, exceptIdHash?: string): Promise<number> {
  const ended = await sql<{ id_hash: string }>`DELETE FROM sessions WHERE user_id = ${userId}::bigint
    AND id_hash <> ${exceptIdHash ?? ''} RETURNING id_hash`.execute(trx);
  return ended.rows.length;
}

type Change<T> = { from: T; to: T };

/**
 * Saves name, role and locales. A change of role or locales ends the user's sessions, so that an
 * open browser does not keep rights it just lost.
 */
export async function saveProfile(
  db: Db,
  actor: UserActor,
  userId: string,
  input: ProfileInput,
): Promise<{ user: User; changed: string[] } | { refusal: Refusal } | undefined> {
  return db.transaction().execute(async (trx) => {
    const admins = await lockActiveAdmins(trx);
    const before = await getUser(trx, userId);
    if (!before) return undefined;
    const next = { name: input.name, role: input.role, locales: localesFor(input.role, input.locales) };
    const refusal = next.role !== 'admin' ? adminRefusal(admins, actor, before) : undefined;
    if (refusal) return { refusal };
    const changes: Record<string, Change<unknown>> = {};
    if (next.name !== before.name) changes.name = { from: before.name, to: next.name };
    if (next.role !== before.role) changes.role = { from: before.role, to: next.role };
    if ([...before.locales].sort().join(',') !== next.locales.join(',')) changes.locales = { from: before.locales, to: next.locales };
    if (Object.keys(changes).length === 0) return { user: before, changed: [] };
    const user = (await updateUser(trx, userId, next))!;
    const sessionsEnded = changes.role || changes.locales ? await endSessions(trx, userId) : 0;
    await recordAudit(trx, actor, { action: 'user.update', ...audited(user), details: { changed: changes, sessionsEnded } });
    return { user, changed: Object.keys(changes) };
  });
}

/**
 * Disables or enables an account. Disabling ends its sessions and voids its unused links, so that
 * enabling it later does not bring an old link back to life.
 */
export async function setDisabled(
  db: Db,
  actor: UserActor,
  userId: string,
  disabled: boolean,
): Promise<{ user: User } | { refusal: Refusal } | undefined> {
  return db.transaction().execute(async (trx) => {
    const admins = await lockActiveAdmins(trx);
    const before = await getUser(trx, userId);
    if (!before) return undefined;
    const refusal = disabled ? adminRefusal(admins, actor, before) : undefined;
    if (refusal) return { refusal };
    if (before.disabled === disabled) return { user: before };
    const user = (await updateUser(trx, userId, { disabled }))!;
    let sessionsEnded = 0;
    if (disabled) {
      sessionsEnded = await endSessions(trx, userId);
      await voidLinks(trx, userId);
    }
    await recordAudit(trx, actor, { action: disabled ? 'user.disable' : 'user.enable', ...audited(user), details: disabled ? { sessionsEnded } : {} });
    return { user };
  });
}

async function voidLinks(trx: Db, userId: string): Promise<void> {
  await sql`UPDATE user_tokens SET expires_at = least(expires_at, now()) WHERE user_id = ${userId}::bigint AND used_at IS NULL`.execute(trx);
}

/** A one-time link to choose a new password; it replaces any earlier unused link of the user. */
export async function makeResetLink(db: Db, actor: UserActor, userId: string): Promise<{ user: User; token: string } | { refusal: Refusal } | undefined> {
  return db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) return undefined;
    if (user.disabled) return { refusal: 'disabled' as const };
    await voidLinks(trx, userId);
    const token = await createUserToken(trx, userId, 'reset');
    await recordAudit(trx, actor, { action: 'user.reset_link', ...audited(user) });
    return { user, token };
  });
}

/** Sets the password of a one-time link's account and uses the link up; undefined when it is no longer valid. */
export async function redeemLink(db: Db, token: string, password: string, ip: string): Promise<User | undefined> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const used = await useUserToken(trx, token, passwordHash);
    if (!used) return undefined;
    const { user, purpose } = used;
    await recordAudit(trx, { id: user.id, email: user.email, ip }, { action: 'user.password_set', ...audited(user), details: { purpose } });
    return user;
  });
}

/** Whether a link was used within the last hour: its page then confirms instead of answering 404. */
export async function linkJustUsed(db: Db, token: string, purpose: 'invite' | 'reset'): Promise<boolean> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM user_tokens
    WHERE token_hash = ${tokenHash(token)} AND purpose = ${purpose} AND used_at > now() - interval '1 hour'`.execute(db);
  return result.rows[0]!.n > 0;
}

/** A user's own password change; every session of theirs ends (the caller opens a new one for this browser). */
export async function changeOwnPassword(db: Db, actor: UserActor, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await storePasswordHash(trx, actor.id, passwordHash);
    await recordAudit(trx, actor, { action: 'user.password_change', entityType: 'user', entityId: actor.id, entityLabel: actor.email });
  });
}

export type SessionRow = { idHash: string; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null };

export async function listSessions(db: Db, userId: string): Promise<SessionRow[]> {
  const result = await sql<SessionRow>`SELECT id_hash AS "idHash", to_json(created_at)#>>'{}' AS "createdAt",
      to_json(last_seen_at)#>>'{}' AS "lastSeenAt", ip, user_agent AS "userAgent"
    FROM sessions WHERE user_id = ${userId}::bigint AND expires_at > now() ORDER BY last_seen_at DESC`.execute(db);
  return result.rows;
}

/** Signs a user out everywhere but the current browser; how many sessions ended. */
export async function endOtherSessions(db: Db, actor: UserActor, currentIdHash: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await endSessions(trx, actor.id, currentIdHash);
    await recordAudit(trx, actor, { action: 'user.sessions_revoked', entityType: 'user', entityId: actor.id, entityLabel: actor.email, details: { count } });
    return count;
  });
}
