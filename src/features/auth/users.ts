// Accounts: the store behind the CLI, sign-in and the users pages.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Role } from './roles.ts';
import { hashPassword } from './passwords.ts';
import { newToken, tokenHash } from './tokens.ts';

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** For translators: the locales they may edit. */
  locales: Locale[];
  disabled: boolean;
  hasPassword: boolean;
  created_at: string;
};

const USER_COLUMNS = sql`id::text AS id, email, name, role, locales, disabled, password_hash IS NOT NULL AS "hasPassword",
  to_json(created_at)#>>'{}' AS created_at`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`A user with the e-mail ${email} already exists.`);
  }
}

export async function createUser(
  db: Db,
  input: { email: string; name?: string; role: Role; locales?: Locale[]; password?: string },
): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    const result = await sql<User>`INSERT INTO users (email, name, role, locales, password_hash)
      VALUES (${normalizeEmail(input.email)}, ${input.name ?? ''}, ${input.role}, ${input.locales ?? []}::text[], ${passwordHash})
      RETURNING ${USER_COLUMNS}`.execute(db);
    return result.rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new EmailTakenError(input.email);
    throw error;
  }
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<User>`SELECT ${USER_COLUMNS} FROM users WHERE id = ${id}::bigint`.execute(db);
  return result.rows[0];
}

/** The user and their password hash, for sign-in only. */
export async function findForSignIn(db: Db, email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
  const result = await sql<User & { passwordHash: string | null }>`SELECT ${USER_COLUMNS}, password_hash AS "passwordHash"
    FROM users WHERE email = ${normalizeEmail(email)}`.execute(db);
  return result.rows[0];
}

export async function listUsers(db: Db): Promise<User[]> {
  const result = await sql<User>`SELECT ${USER_COLUMNS} FROM users ORDER BY disabled, email`.execute(db);
  return result.rows;
}

export async function countAdmins(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`.execute(db);
  return result.rows[0]!.n;
}

/** Sets a password and ends every session of the user (a changed password signs out elsewhere). */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute((trx) => storePasswordHash(trx, userId, passwordHash));
}

/**
 * setPassword's writes without a transaction of their own, for a caller that writes more (its audit
 * entry) in its transaction. The hash is made beforehand, so the transaction does not wait on argon2.
 */
export async function storePasswordHash(trx: Db, userId: string, passwordHash: string): Promise<void> {
  await sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = now() WHERE id = ${userId}::bigint`.execute(trx);
  await sql`DELETE FROM sessions WHERE user_id = ${userId}::bigint`.execute(trx);
}

/** Changes an account's name, role, locales or state; undefined when there is no such user. */
export async function updateUser(
  db: Db,
  id: string,
  changes: { name?: string; role?: Role; locales?: Locale[]; disabled?: boolean },
): Promise<User | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<User>`UPDATE users SET
      name = coalesce(${changes.name ?? null}, name),
      role = coalesce(${changes.role ?? null}, role),
      locales = coalesce(${changes.locales ?? null}::text[], locales),
      disabled = coalesce(${changes.disabled ?? null}::boolean, disabled),
      updated_at = now()
    WHERE id = ${id}::bigint
    RETURNING ${USER_COLUMNS}`.execute(db);
  return result.rows[0];
}

/** How long a one-time link works (the pages that show a link say so). */
export const TOKEN_DAYS = { invite: 7, reset: 2 } as const;

/** A one-time link token (invite: choose a first password; reset: choose a new one). */
export async function createUserToken(db: Db, userId: string, purpose: 'invite' | 'reset'): Promise<string> {
  const token = newToken();
  await sql`INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at)
    VALUES (${tokenHash(token)}, ${userId}::bigint, ${purpose}, now() + make_interval(days => ${TOKEN_DAYS[purpose]}))`.execute(db);
  return token;
}

/** The user a valid, unused, unexpired token belongs to. */
export async function userForToken(db: Db, token: string): Promise<{ user: User; purpose: 'invite' | 'reset' } | undefined> {
  const result = await sql<User & { purpose: 'invite' | 'reset' }>`SELECT ${sql`u.id::text AS id, u.email, u.name, u.role, u.locales, u.disabled,
      u.password_hash IS NOT NULL AS "hasPassword", to_json(u.created_at)#>>'{}' AS created_at`}, t.purpose
    FROM user_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${tokenHash(token)} AND t.used_at IS NULL AND t.expires_at > now() AND NOT u.disabled`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { purpose, ...user } = row;
  return { user, purpose };
}

/** Uses a token up and sets the password, in one transaction; false when the token is no longer valid. */
export async function redeemUserToken(db: Db, token: string, password: string): Promise<User | undefined> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => (await useUserToken(trx, token, passwordHash))?.user);
}

/**
 * redeemUserToken's writes inside the caller's transaction (which adds its audit entry), with a hash
 * made beforehand. A disabled account's token is refused (and stays unused).
 */
export async function useUserToken(
  trx: Db,
  token: string,
  passwordHash: string,
): Promise<{ user: User; purpose: 'invite' | 'reset' } | undefined> {
  const used = await sql<{ user_id: string; purpose: 'invite' | 'reset' }>`UPDATE user_tokens t SET used_at = now()
    FROM users u
    WHERE t.token_hash = ${tokenHash(token)} AND t.used_at IS NULL AND t.expires_at > now() AND u.id = t.user_id AND NOT u.disabled
    RETURNING t.user_id::text AS user_id, t.purpose`.execute(trx);
  const row = used.rows[0];
  if (!row) return undefined;
  await storePasswordHash(trx, row.user_id, passwordHash);
  const user = await getUser(trx, row.user_id);
  return user && { user, purpose: row.purpose };
}
