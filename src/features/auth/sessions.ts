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

/**
 * The live session of a cookie token, extended by this request; undefined when expired or unknown.
 * The extension is written at most once a minute per session (the idle limit is hours long), so
 * a busy back-office page does not turn every read into a write.
 */
export async function resumeSession(db: Db, token: string, hours: number): Promise<Session | undefined> {
  const idHash = tokenHash(token);
  const result = await sql<User & { csrfToken: string }>`
    WITH live AS (
      SELECT s.id_hash, s.csrf_token, s.last_seen_at, u.id, u.email, u.name, u.role, u.locales, u.disabled, u.password_hash, u.created_at
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = ${idHash} AND s.expires_at > now() AND NOT u.disabled
    ), touched AS (
      UPDATE sessions s SET last_seen_at = now(),
        expires_at = least(now() + make_interval(hours => ${hours}), s.created_at + make_interval(days => ${ABSOLUTE_LIMIT_DAYS}))
      FROM live WHERE s.id_hash = live.id_hash AND live.last_seen_at < now() - interval '1 minute'
    )
    SELECT id::text AS id, email, name, role, locales, disabled, password_hash IS NOT NULL AS "hasPassword",
      to_json(created_at)#>>'{}' AS created_at, csrf_token AS "csrfToken"
    FROM live`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { csrfToken, ...user } = row;
  return { user, csrfToken, idHash };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE id_hash = ${tokenHash(token)}`.execute(db);
}
