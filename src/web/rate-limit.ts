// Rate limits for the public writes (practice submissions, new self-audits, text checks). Each
// event is a row keyed by a hash of the client's address (the address itself is not kept), counted
// over a sliding window, so a limit holds across processes and restarts.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

export type RateLimit = { bucket: string; max: number; windowMinutes: number };

function keyOf(bucket: string, clientIp: string): string {
  return createHash('sha256').update(`${bucket}\u0000${clientNetwork(clientIp)}`).digest('base64url').slice(0, 32);
}

/**
 * Whom a limit counts: an IPv4 address, or an IPv6 address's /64 (one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would give one client billions of quotas).
 */
export function clientNetwork(address: string): string {
  const ip = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (g || '0').replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Records one event for this client if the limit allows it. Returns 0 when the event is allowed
 * (and recorded), or the whole minutes to wait before the next one.
 */
export async function takeRateLimit(db: Db, limit: RateLimit, clientIp: string): Promise<number> {
  const key = keyOf(limit.bucket, clientIp);
  return db.transaction().execute(async (trx) => {
    // One client's concurrent requests take their turn, so two cannot both pass the last slot.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`${limit.bucket}:${key}`}))`.execute(trx);
    const r = await sql<{ n: number; oldest: string | null }>`
      SELECT count(*)::int AS n, to_json(min(at))#>>'{}' AS oldest FROM rate_limit_events
      WHERE bucket = ${limit.bucket} AND key = ${key} AND at > now() - make_interval(mins => ${limit.windowMinutes})`.execute(trx);
    const { n, oldest } = r.rows[0]!;
    if (n >= limit.max) {
      return Math.max(1, Math.ceil((Date.parse(oldest!) + limit.windowMinutes * 60_000 - Date.now()) / 60_000));
    }
    await sql`INSERT INTO rate_limit_events (bucket, key) VALUES (${limit.bucket}, ${key})`.execute(trx);
    await sql`DELETE FROM rate_limit_events WHERE bucket = ${limit.bucket} AND at < now() - make_interval(mins => ${limit.windowMinutes * 2})`.execute(trx);
    return 0;
  });
}
