// Sessions live in the database: the cookie holds a random token, the table its SHA-256. A session
// ends after `sessionHours` without a request, and in any case a week after sign-in. Signing in
// always makes a new session (rotation), so a token planted before sign-in is worth nothing.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { User } from './users.ts';
import { newToken, tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'atlas_session';
const ABSOLUTE_LIMIT_DAYS = 7;

export type Session = { user: User; csrfToken: string; idHash: string };

export async function createSession(
  db: Db,
  userId: string,
  opts: { hours: number; ip?: string | undefined; userAgent?: string | undefined; replacing?: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction().execute(async (trx) => {
    if (opts.replacing) await sql`DELETE FROM sessions WHERE id_hash = ${tokenHash(opts.replacing)}`.execute(trx);
    // Housekeeping: expired sessions of anyone, so the table stays small without a scheduler.
    await sql`DELETE FROM sessions WHERE expires_at < now()`.execute(trx);
    await sql`INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at, ip, user_agent)
      VALUES (${tokenHash(token)}, ${userId}::bigint, ${csrfToken}, now() + make_interval(hours => ${opts.hours}),
        ${opts.ip ?? null}, ${opts.userAgent?.slice(0, 300) ?? null})`.execute(trx);
  });
  return { token, csrfToken };
}

/** The live session of a cookie token, extended by this request; undefined when expired or unknown. */
export async function resumeSession(db: Db, token: string, hours: number): Promise<Session | undefined> {
  const idHash = tokenHash(token);
  const result = await sql<User & { csrfToken: string }>`
    UPDATE sessions s SET last_seen_at = now(),
      expires_at = least(now() + make_interval(hours => ${hours}), s.created_at + make_interval(days => ${ABSOLUTE_LIMIT_DAYS}))
    FROM users u
    WHERE s.id_hash = ${idHash} AND u.id = s.user_id AND s.expires_at > now() AND NOT u.disabled
    RETURNING u.id::text AS id, u.email, u.name, u.role, u.locales, u.disabled, u.password_hash IS NOT NULL AS "hasPassword",
      to_json(u.created_at)#>>'{}' AS created_at, s.csrf_token AS "csrfToken"`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { csrfToken, ...user } = row;
  return { user, csrfToken, idHash };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE id_hash = ${tokenHash(token)}`.execute(db);
}
