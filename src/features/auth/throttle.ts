// Sign-in throttling: after too many failures in a sliding window, an account (from anywhere) and
// an address (for any account) must wait. Failures are rows, so the limit holds across processes.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

/** Minutes to wait before the next attempt, or 0 when an attempt is allowed. */
export async function signInWait(db: Db, email: string, ip: string): Promise<number> {
  const result = await sql<{ account: number; address: number; oldest_account: string | null; oldest_address: string | null }>`
    SELECT
      count(*) FILTER (WHERE email = ${email})::int AS account,
      count(*) FILTER (WHERE ip = ${ip})::int AS address,
      to_json(min(at) FILTER (WHERE email = ${email}))#>>'{}' AS oldest_account,
      to_json(min(at) FILTER (WHERE ip = ${ip}))#>>'{}' AS oldest_address
    FROM login_failures
    WHERE at > now() - make_interval(mins => ${THROTTLE.windowMinutes}) AND (email = ${email} OR ip = ${ip})`.execute(db);
  const row = result.rows[0]!;
  const waitFrom = (oldest: string | null) =>
    oldest ? Math.max(1, Math.ceil((Date.parse(oldest) + THROTTLE.windowMinutes * 60_000 - Date.now()) / 60_000)) : 0;
  let wait = 0;
  if (row.account >= THROTTLE.perAccount) wait = Math.max(wait, waitFrom(row.oldest_account));
  if (row.address >= THROTTLE.perAddress) wait = Math.max(wait, waitFrom(row.oldest_address));
  return wait;
}

export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  await sql`INSERT INTO login_failures (email, ip) VALUES (${email}, ${ip})`.execute(db);
  await sql`DELETE FROM login_failures WHERE at < now() - interval '1 day'`.execute(db);
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await sql`DELETE FROM login_failures WHERE email = ${email}`.execute(db);
}
