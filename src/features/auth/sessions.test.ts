import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { createSession, endSession, resumeSession } from './sessions.ts';
import { createUser } from './users.ts';
import { tokenHash } from './tokens.ts';

for (const kind of DATABASE_KINDS) {
  describe(`sessions on ${kind}`, () => {
    let database: Awaited<ReturnType<typeof testDatabase>>;
    let userId: string;
    before(async () => {
      database = await testDatabase(kind);
      userId = (await createUser(database.db, { email: `sessions-${kind}@atlas.test`, role: 'editor', locales: [] })).id;
    });
    after(() => database.close());

    const row = async (token: string) =>
      (
        await sql<{ last_seen: number; expires: number; created: number }>`
          SELECT extract(epoch FROM last_seen_at)::float8 AS last_seen, extract(epoch FROM expires_at)::float8 AS expires,
            extract(epoch FROM created_at)::float8 AS created
          FROM sessions WHERE id_hash = ${tokenHash(token)}`.execute(database.db)
      ).rows[0];

    it('resumes a live session with its user and CSRF token; an unknown token is nobody', async () => {
      const { token, csrfToken } = await createSession(database.db, userId, { hours: 2 });
      const session = await resumeSession(database.db, token, 2);
      assert.equal(session?.user.id, userId);
      assert.equal(session?.user.role, 'editor');
      assert.equal(session?.csrfToken, csrfToken);
      assert.equal(await resumeSession(database.db, `${token}x`, 2), undefined);
    });

    it('writes the extension at most once a minute, and extends an idle session when it is older', async () => {
      const { token } = await createSession(database.db, userId, { hours: 2 });
      await sql`UPDATE sessions SET last_seen_at = now() - interval '30 seconds', expires_at = now() + interval '10 minutes'
        WHERE id_hash = ${tokenHash(token)}`.execute(database.db);
      const before = await row(token);
      assert.ok(await resumeSession(database.db, token, 2));
      assert.deepEqual(await row(token), before, 'a session seen 30 s ago is not written again');

      await sql`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE id_hash = ${tokenHash(token)}`.execute(database.db);
      assert.ok(await resumeSession(database.db, token, 2));
      const after = (await row(token))!;
      assert.ok(after.expires - after.last_seen > 2 * 3600 - 5, 'extended to two idle hours from now');
    });

    it('ends after the idle limit, a week after sign-in at the latest, when the user is disabled, and at sign-out', async () => {
      const idle = await createSession(database.db, userId, { hours: 2 });
      await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = ${tokenHash(idle.token)}`.execute(database.db);
      assert.equal(await resumeSession(database.db, idle.token, 2), undefined);

      const old = await createSession(database.db, userId, { hours: 2 });
      await sql`UPDATE sessions SET created_at = now() - interval '7 days' + interval '30 minutes', last_seen_at = now() - interval '1 hour'
        WHERE id_hash = ${tokenHash(old.token)}`.execute(database.db);
      assert.ok(await resumeSession(database.db, old.token, 2));
      const capped = (await row(old.token))!;
      assert.ok(Math.abs(capped.expires - (capped.created + 7 * 86400)) < 2, 'capped at a week after sign-in');

      const other = await createUser(database.db, { email: `disabled-${kind}@atlas.test`, role: 'reviewer', locales: [] });
      const disabled = await createSession(database.db, other.id, { hours: 2 });
      await sql`UPDATE users SET disabled = true WHERE id = ${other.id}::bigint`.execute(database.db);
      assert.equal(await resumeSession(database.db, disabled.token, 2), undefined);

      const out = await createSession(database.db, userId, { hours: 2 });
      await endSession(database.db, out.token);
      assert.equal(await resumeSession(database.db, out.token, 2), undefined);
    });
  });
}
