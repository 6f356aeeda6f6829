// The guards that keep the Atlas administrable, on both databases: the last active administrator is
// never demoted or disabled, not even by a request that started before its sender lost the role,
// nor by two administrators demoting each other at the same moment.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { countAdmins, createUser, getUser, type User } from '../auth/users.ts';
import { saveProfile, setDisabled, type ProfileInput, type UserActor } from './store.ts';

const actor = (user: User): UserActor => ({ id: user.id, email: user.email, ip: 'test' });
const demote: ProfileInput = { name: '', role: 'editor', locales: [] };

for (const kind of DATABASE_KINDS) {
  describe(`administrator guards on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
    });
    after(() => database.close());

    /** Makes `users` the only active administrators. */
    async function onlyAdmins(...users: User[]) {
      const ids = users.map((u) => u.id);
      await sql`UPDATE users SET disabled = true WHERE role = 'admin' AND NOT (id::text = ANY(${ids}::text[]))`.execute(database.db);
    }

    it('never demotes or disables the last active administrator, even for someone who just lost the role', async () => {
      const { db } = database;
      const a = await createUser(db, { email: 'a@example.org', role: 'admin' });
      const b = await createUser(db, { email: 'b@example.org', role: 'admin' });
      await onlyAdmins(a, b);
      const first = await saveProfile(db, actor(a), b.id, demote);
      assert.ok(first && 'user' in first && first.user.role === 'editor');
      // B's request was under way with B's old rights: A is now the last administrator.
      assert.deepEqual(await saveProfile(db, actor(b), a.id, demote), { refusal: 'lastAdmin' });
      assert.deepEqual(await setDisabled(db, actor(b), a.id, true), { refusal: 'lastAdmin' });
      assert.deepEqual(await setDisabled(db, actor(a), a.id, true), { refusal: 'self' });
      assert.equal((await getUser(db, a.id))!.role, 'admin');
      assert.equal(await countAdmins(db), 1);

      // With another administrator, someone who lost the role still cannot act as one.
      const c = await createUser(db, { email: 'c@example.org', role: 'admin' });
      assert.deepEqual(await saveProfile(db, actor(b), c.id, demote), { refusal: 'notAdmin' });
      // A disabled administrator does not count: disabling C leaves A the last one again.
      assert.ok(await setDisabled(db, actor(a), c.id, true));
      assert.deepEqual(await setDisabled(db, actor(c), a.id, true), { refusal: 'lastAdmin' });
      const audit = await sql<{ action: string }>`SELECT action FROM audit_log ORDER BY id`.execute(db);
      assert.deepEqual(audit.rows.map((r) => r.action), ['user.update', 'user.disable'], 'refusals write nothing');
    });

    it('lets only one of two administrators demoting each other at the same moment succeed', async () => {
      const { db } = database;
      const x = await createUser(db, { email: 'x@example.org', role: 'admin' });
      const y = await createUser(db, { email: 'y@example.org', role: 'admin' });
      await onlyAdmins(x, y);
      const results = await Promise.all([saveProfile(db, actor(x), y.id, demote), saveProfile(db, actor(y), x.id, demote)]);
      assert.equal(results.filter((r) => r && 'user' in r).length, 1, JSON.stringify(results));
      assert.ok(results.some((r) => r && 'refusal' in r));
      assert.equal(await countAdmins(db), 1);
    });
  });
}
