import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../testing/databases.ts';
import { clientNetwork, takeRateLimit } from './rate-limit.ts';

describe('whom a rate limit counts', () => {
  it('an IPv4 address, or an IPv6 /64', () => {
    assert.equal(clientNetwork('203.0.113.5'), '203.0.113.5');
    assert.equal(clientNetwork('::ffff:203.0.113.5'), '203.0.113.5');
    assert.equal(clientNetwork('2001:db8:aa:1::1'), '2001:db8:aa:1::/64');
    assert.equal(clientNetwork('2001:0db8:00aa:0001:ffff:1:2:3'), '2001:db8:aa:1::/64');
    assert.equal(clientNetwork('2001:db8::5'), '2001:db8:0:0::/64');
    assert.equal(clientNetwork('::1'), '0:0:0:0::/64');
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`public rate limits on ${kind}`, () => {
    let database: Awaited<ReturnType<typeof testDatabase>>;
    before(async () => {
      database = await testDatabase(kind);
    });
    after(() => database.close());

    it('allows the limit, then says how long to wait; other clients and buckets are not affected', async () => {
      const limit = { bucket: 'test', max: 3, windowMinutes: 10 };
      for (let i = 0; i < 3; i++) assert.equal(await takeRateLimit(database.db, limit, '203.0.113.5'), 0);
      const wait = await takeRateLimit(database.db, limit, '203.0.113.5');
      assert.ok(wait >= 1 && wait <= 10, `wait ${wait}`);
      assert.equal(await takeRateLimit(database.db, limit, '203.0.113.6'), 0);
      assert.equal(await takeRateLimit(database.db, { ...limit, bucket: 'other' }, '203.0.113.5'), 0);
      const stored = await sql<{ key: string }>`SELECT key FROM rate_limit_events`.execute(database.db);
      assert.ok(stored.rows.every((r) => !r.key.includes('203.0.113')), 'the address itself is not kept');
    });

    it('forgets events older than the window', async () => {
      const limit = { bucket: 'window', max: 1, windowMinutes: 5 };
      assert.equal(await takeRateLimit(database.db, limit, '198.51.100.1'), 0);
      assert.ok((await takeRateLimit(database.db, limit, '198.51.100.1')) > 0);
      await sql`UPDATE rate_limit_events SET at = now() - interval '6 minutes' WHERE bucket = 'window'`.execute(database.db);
      assert.equal(await takeRateLimit(database.db, limit, '198.51.100.1'), 0);
    });
  });
}
