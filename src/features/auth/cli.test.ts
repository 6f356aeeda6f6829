// `atlas user create`, on both databases: it makes the first administrator with an argon2id hash and
// an audit entry, and refuses bad input with a message that names the option to fix.
import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { runUserCreate, type UserCreateCommand } from './cli.ts';
import { verifyPassword } from './passwords.ts';
import { findForSignIn } from './users.ts';

/** Runs the command with a given password, capturing what it prints. */
async function run(database: Database, command: UserCreateCommand, password = 'a long enough password') {
  const out: string[] = [];
  const err: string[] = [];
  const log = mock.method(console, 'log', (...args: unknown[]) => void out.push(args.join(' ')));
  const error = mock.method(console, 'error', (...args: unknown[]) => void err.push(args.join(' ')));
  let asked = 0;
  try {
    const code = await runUserCreate(database.db, command, async () => {
      asked++;
      return password;
    });
    return { code, out: out.join('\n'), err: err.join('\n'), asked };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

async function userCount(database: Database): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(database.db)).rows[0]!.n;
}

for (const kind of DATABASE_KINDS) {
  describe(`atlas user create on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await testDatabase(kind);
    });
    after(() => database.close());

    it('creates the first administrator from the prompted password, hashed with argon2id, and logs it', async () => {
      const result = await run(database, { email: ' Root@Example.org ', role: 'admin', name: 'Root' });
      assert.equal(result.code, 0, result.err);
      assert.equal(result.asked, 1);
      assert.match(result.out, /Created admin root@example\.org\. Sign in at \/en\/admin\/login/);
      assert.equal(result.err, '');
      const user = await findForSignIn(database.db, 'root@example.org');
      assert.equal(user?.role, 'admin');
      assert.equal(user?.name, 'Root');
      assert.match(user!.passwordHash!, /^\$argon2id\$/);
      assert.ok(await verifyPassword(user!.passwordHash, 'a long enough password'));
      const audit = await sql<{ action: string; actor_email: string; details: { via: string } }>`
        SELECT action, actor_email, details FROM audit_log WHERE entity_id = ${user!.id}`.execute(database.db);
      assert.deepEqual(audit.rows, [{ action: 'user.create', actor_email: 'system', details: { role: 'admin', via: 'cli' } }]);
    });

    it('makes a translator with the locales given', async () => {
      const result = await run(database, { email: 'tr@example.org', role: 'translator', locales: 'ar, fa' });
      assert.equal(result.code, 0, result.err);
      assert.deepEqual((await findForSignIn(database.db, 'tr@example.org'))?.locales, ['ar', 'fa']);
    });

    it('refuses bad options with a message naming the option, before asking for a password', async () => {
      const before = await userCount(database);
      const cases: [UserCreateCommand, RegExp][] = [
        [{ role: 'admin' }, /^atlas user create: --email: give the e-mail address/],
        [{ email: 'not-an-address', role: 'admin' }, /--email/],
        [{ email: 'x@example.org', role: 'owner' }, /--role: one of admin, editor, reviewer, translator/],
        [{ email: 'x@example.org' }, /--role/],
        [{ email: 'x@example.org', role: 'editor', locales: 'ar,de' }, /--locales: "de" is not one of ar, en, es, fa, ru/],
        [{ email: 'x@example.org', role: 'translator' }, /--locales: a translator needs the locales they translate/],
      ];
      for (const [command, message] of cases) {
        const result = await run(database, command);
        assert.equal(result.code, 2, JSON.stringify(command));
        assert.match(result.err, message);
        assert.equal(result.asked, 0, 'no password asked for a command that cannot succeed');
        assert.equal(result.out, '');
      }
      assert.equal(await userCount(database), before);
    });

    it('refuses a password that is too short or is the e-mail address', async () => {
      const before = await userCount(database);
      const short = await run(database, { email: 'short@example.org', role: 'editor' }, 'tiny');
      assert.equal(short.code, 2);
      assert.match(short.err, /password: the password must have at least 10 characters/);
      const same = await run(database, { email: 'same.address@example.org', role: 'editor' }, 'Same.Address@example.org');
      assert.equal(same.code, 2);
      assert.match(same.err, /password: the password must not be the e-mail address/);
      assert.equal(await userCount(database), before);
    });

    it('refuses an e-mail address that already has an account', async () => {
      const result = await run(database, { email: 'ROOT@example.org', role: 'editor' });
      assert.equal(result.code, 2);
      assert.match(result.err, /--email: A user with the e-mail root@example\.org already exists/);
      assert.equal((await findForSignIn(database.db, 'root@example.org'))?.role, 'admin', 'the existing account is untouched');
      const entries = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create'`.execute(database.db);
      assert.equal(entries.rows[0]!.n, 2, 'no entry for the refused command');
    });
  });
}
