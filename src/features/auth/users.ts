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
  await db.transaction().execute(async (trx) => {
    await sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = now() WHERE id = ${userId}::bigint`.execute(trx);
    await sql`DELETE FROM sessions WHERE user_id = ${userId}::bigint`.execute(trx);
  });
}

const TOKEN_DAYS = { invite: 7, reset: 2 } as const;

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
  return db.transaction().execute(async (trx) => {
    const used = await sql<{ user_id: string }>`UPDATE user_tokens SET used_at = now()
      WHERE token_hash = ${tokenHash(token)} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id::text`.execute(trx);
    const userId = used.rows[0]?.user_id;
    if (!userId) return undefined;
    await sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = now() WHERE id = ${userId}::bigint AND NOT disabled`.execute(trx);
    await sql`DELETE FROM sessions WHERE user_id = ${userId}::bigint`.execute(trx);
    return getUser(trx, userId);
  });
}
