// Signing in and out through the real form, on both databases: sessions, rotation, throttling,
// CSRF, the audit trail, and the redirect/401/403 of guarded routes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession } from '../../testing/sessions.ts';
import { createUser } from '../auth/users.ts';
import { THROTTLE } from '../auth/throttle.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { openForm, setCookies } from '../../testing/anonymous-browser.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/** Opens the sign-in page like a browser: returns its pre-session CSRF cookie and token. */
const openSignIn = (app: App['app']) => openForm(app, '/en/admin/login');

async function postSignIn(app: App['app'], email: string, password: string, extra: { cookie?: string; origin?: string; next?: string } = {}) {
  const form = await openSignIn(app);
  const body = new URLSearchParams({ email, password, _csrf: form.token, ...(extra.next ? { next: extra.next } : {}) });
  return app.request('/en/admin/login', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [form.cookie, extra.cookie].filter(Boolean).join('; '), origin: extra.origin ?? 'http://atlas.test' },
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`signing in on ${kind}`, () => {
    let t: App;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      await createUser(t.db, { email: 'ana@example.org', role: 'editor', password: 'correct horse battery' });
    });
    after(() => t.close());

    it('signs in with the right password, sets an HttpOnly SameSite session cookie and logs it', async () => {
      const res = await postSignIn(t.app, 'Ana@Example.org', 'correct horse battery', { next: '/en/admin/resources' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/admin/resources');
      const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`))!;
      assert.match(line, /HttpOnly/i);
      assert.match(line, /SameSite=Lax/i);
      assert.doesNotMatch(line, /Secure/, 'plain http in tests: Secure only behind TLS');
      const token = setCookies(res).get(SESSION_COOKIE)!;
      const dashboard = await t.app.request('/en/admin', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      assert.equal(dashboard.status, 200);
      assert.match(dashboard.headers.get('cache-control') ?? '', /no-store/);
      assert.match(await dashboard.text(), /ana@example\.org/);
      const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE actor_email = 'ana@example.org' ORDER BY id DESC LIMIT 1`.execute(t.db);
      assert.equal(audit.rows[0]?.action, 'user.login');
    });

    it('rotates the session on sign-in: the old token stops working', async () => {
      const first = setCookies(await postSignIn(t.app, 'ana@example.org', 'correct horse battery')).get(SESSION_COOKIE)!;
      // Signing in again while signed in (another tab): the form carries the session's token.
      const page = await (await t.app.request('/en/admin', { headers: { cookie: `${SESSION_COOKIE}=${first}` } })).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const again = await t.app.request('/en/admin/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'ana@example.org', password: 'correct horse battery', _csrf: token }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${SESSION_COOKIE}=${first}`, origin: 'http://atlas.test' },
      });
      assert.equal(again.status, 303);
      const second = setCookies(again).get(SESSION_COOKIE)!;
      assert.ok(second && second !== first);
      const old = await t.app.request('/en/admin', { headers: { cookie: `${SESSION_COOKIE}=${first}` } });
      assert.equal(old.status, 302, 'the replaced session is gone');
      const fresh = await t.app.request('/en/admin', { headers: { cookie: `${SESSION_COOKIE}=${second}` } });
      assert.equal(fresh.status, 200);
    });

    it('refuses a wrong password with one message for unknown and known accounts, and never stores the password', async () => {
      const wrong = await postSignIn(t.app, 'ana@example.org', 'not the password');
      const unknown = await postSignIn(t.app, 'nobody@example.org', 'whatever it is');
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      const a = await wrong.text();
      assert.match(a, /The e-mail address or the password is wrong/);
      assert.match(await unknown.text(), /The e-mail address or the password is wrong/);
      const stored = await sql<{ password_hash: string }>`SELECT password_hash FROM users WHERE email = 'ana@example.org'`.execute(t.db);
      assert.match(stored.rows[0]!.password_hash, /^\$argon2id\$/);
    });

    it('throttles an account after repeated failures, in the reader language', async () => {
      await createUser(t.db, { email: 'target@example.org', role: 'reviewer', password: 'the real password' });
      for (let i = 0; i < THROTTLE.perAccount; i++) assert.equal((await postSignIn(t.app, 'target@example.org', `guess ${i}`)).status, 401);
      const blocked = await postSignIn(t.app, 'target@example.org', 'the real password');
      assert.equal(blocked.status, 429, 'even the right password waits');
      assert.match(await blocked.text(), /Too many failed attempts\. Try again in \d+ minutes?/);
      const form = await t.app.request('/es/admin/login');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const cookie = `atlas_csrf=${setCookies(form).get('atlas_csrf')}`;
      const es = await t.app.request('/es/admin/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'target@example.org', password: 'x', _csrf: token }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'http://atlas.test' },
      });
      assert.equal(es.status, 429);
      assert.match(await es.text(), /Demasiados intentos fallidos/);
    });

    it('refuses a sign-in post without the token or from another origin', async () => {
      const form = await openSignIn(t.app);
      const noToken = await t.app.request('/en/admin/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'ana@example.org', password: 'correct horse battery' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: 'http://atlas.test' },
      });
      assert.equal(noToken.status, 403);
      const foreign = await postSignIn(t.app, 'ana@example.org', 'correct horse battery', { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
      assert.match(await foreign.text(), /did not come from the Atlas/);
    });

    it('does not follow a next= that leaves the back office', async () => {
      const res = await postSignIn(t.app, 'ana@example.org', 'correct horse battery', { next: 'https://evil.example/' });
      assert.equal(res.headers.get('location'), '/en/admin');
      const res2 = await postSignIn(t.app, 'ana@example.org', 'correct horse battery', { next: '//evil.example/en/admin' });
      assert.equal(res2.headers.get('location'), '/en/admin');
    });

    it('signs out: the session ends and the sign-out is logged', async () => {
      const s = await testSession(t.db, 'reviewer');
      const out = await t.app.request('/en/admin/logout', s.form({}));
      assert.equal(out.status, 303);
      const after = await t.app.request('/en/admin', { headers: s.headers() });
      assert.equal(after.status, 302);
      const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.logout' AND actor_id = ${s.user.id}::bigint`.execute(t.db);
      assert.equal(audit.rows[0]!.n, 1);
    });

    it('marks the session cookie Secure when the Atlas is served over https', async () => {
      const tls = await testApp(kind, { shipped: false, config: { publicUrl: 'https://atlas.test', secureCookies: true } });
      try {
        await createUser(tls.db, { email: 'tls@example.org', role: 'editor', password: 'correct horse battery' });
        const form = await openForm(tls.app, '/en/admin/login');
        const res = await tls.app.request('https://atlas.test/en/admin/login', {
          method: 'POST',
          body: new URLSearchParams({ email: 'tls@example.org', password: 'correct horse battery', _csrf: form.token }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: 'https://atlas.test' },
        });
        assert.equal(res.status, 303);
        const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`))!;
        assert.match(line, /;\s*Secure/i);
        assert.match(line, /HttpOnly/i);
      } finally {
        await tls.close();
      }
    });

    it('keeps the audit log append-only', async () => {
      await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(t.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log`.execute(t.db), /append-only/);
    });
  });
}
