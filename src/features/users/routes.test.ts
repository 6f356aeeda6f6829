// User management through the app, on both databases: invitations and one-time links, role changes
// that take effect at once, disabling, password change and sessions, the API, and RTL forms.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { createUser, getUser } from '../auth/users.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { linkPath, openForm, postForm, setCookies, signIn } from '../../testing/anonymous-browser.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/** The table row of the list that shows an e-mail address. */
function row(html: string, email: string): string {
  const found = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(`>${email}<`));
  assert.ok(found, `a row for ${email}`);
  return found!;
}

for (const kind of DATABASE_KINDS) {
  describe(`user management on ${kind}`, () => {
    let t: App;
    let admin: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      admin = await testSession(t.db, 'admin');
    });
    after(() => t.close());

    const get = (path: string, session: { headers(): Record<string, string> } = admin) => t.app.request(path, { headers: session.headers() });
    const post = (path: string, fields: Record<string, string | string[]>, session: TestSession = admin) => t.app.request(path, session.form(fields));
    const auditActions = async (entityId: string) =>
      (await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = ${entityId} ORDER BY id`.execute(t.db)).rows.map((r) => r.action);

    async function invite(fields: Record<string, string | string[]>) {
      const res = await post('/en/admin/users', fields);
      assert.equal(res.status, 201);
      const html = await res.text();
      const id = /href="\/en\/admin\/users\/(\d+)"/.exec(html)![1]!;
      return { html, id, path: linkPath(html) };
    }

    it('invites a user who chooses a password through the link and signs in through the form', async () => {
      const { html, id, path } = await invite({ email: ' Lina@Example.org ', name: 'Lina', role: 'editor' });
      assert.match(html, /lina@example\.org/);
      assert.match(html, /The Atlas sends no e-mail/);
      assert.match(path, /^\/en\/admin\/welcome\/[A-Za-z0-9_-]{43}$/);
      const list = await (await get('/en/admin/users')).text();
      assert.match(row(list, 'lina@example.org'), /Invited/);
      assert.doesNotMatch(list, /admin\/welcome\//, 'the list never shows the link again');

      const page = await openForm(t.app, path);
      assert.match(page.html, /value="lina@example\.org"/);
      const short = await postForm(t.app, path, { password: 'short', password2: 'short' });
      assert.equal(short.status, 422);
      const shortHtml = await short.text();
      assert.match(shortHtml, /aria-invalid="true" aria-describedby="password-hint password-error"/);
      assert.match(shortHtml, /id="password-error">The password must have at least 10 characters/);
      const differ = await postForm(t.app, path, { password: 'a long enough secret', password2: 'another long secret' });
      assert.equal(differ.status, 422);
      assert.match(await differ.text(), /id="password2-error">The two passwords differ/);

      const done = await postForm(t.app, path, { password: 'a long enough secret', password2: 'a long enough secret' });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), `${path}?done=1`);
      const confirmation = await t.app.request(done.headers.get('location')!);
      assert.equal(confirmation.status, 200);
      const confirmationHtml = await confirmation.text();
      assert.match(confirmationHtml, /Your password is saved/);
      assert.match(confirmationHtml, /href="\/en\/admin\/login"/);

      const cookie = await signIn(t.app, 'lina@example.org', 'a long enough secret');
      assert.ok(cookie, 'signs in with the chosen password');
      assert.equal((await t.app.request('/en/admin', { headers: { cookie } })).status, 200);
      assert.match(row(await (await get('/en/admin/users')).text(), 'lina@example.org'), /Active/);
      assert.deepEqual(await auditActions(id), ['user.invite', 'user.password_set', 'user.login']);
    });

    it('refuses a used link and an expired one with a 404 in the page language', async () => {
      const used = await invite({ email: 'once@example.org', name: '', role: 'reviewer' });
      assert.equal((await postForm(t.app, used.path, { password: 'first password here', password2: 'first password here' })).status, 303);
      assert.equal((await t.app.request(used.path)).status, 404);
      const again = await t.app.request(used.path, {
        method: 'POST',
        body: new URLSearchParams({ password: 'second password here', password2: 'second password here', _csrf: 'x' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'atlas_csrf=x', origin: 'http://atlas.test' },
      });
      assert.equal(again.status, 404);
      assert.ok(await signIn(t.app, 'once@example.org', 'first password here'), 'the first password still holds');

      const expired = await invite({ email: 'late@example.org', name: '', role: 'reviewer' });
      await sql`UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = ${expired.id}::bigint`.execute(t.db);
      const es = await t.app.request(expired.path.replace('/en/', '/es/'));
      assert.equal(es.status, 404);
      const html = await es.text();
      assert.match(html, /<html lang="es"/);
      assert.ok(html.includes(CATALOGS.es['users.link.invalid']!));
      assert.equal((await t.app.request(`${expired.path}?done=1`)).status, 404, 'no confirmation for a link never used');
      const fresh = await invite({ email: 'fresh@example.org', name: '', role: 'reviewer' });
      assert.equal((await t.app.request(fresh.path)).status, 200);
      assert.equal((await t.app.request(fresh.path.replace('/welcome/', '/reset/'))).status, 404, 'an invitation is not a reset link');
      assert.equal((await getUser(t.db, expired.id))!.hasPassword, false);
    });

    it('says next to the field when the e-mail is taken or a translator has no locale', async () => {
      const taken = await post('/en/admin/users', { email: 'LINA@example.org', name: 'Other', role: 'editor' });
      assert.equal(taken.status, 409);
      const takenHtml = await taken.text();
      assert.match(takenHtml, /id="email"[^>]*aria-invalid="true" aria-describedby="email-error"/);
      assert.match(takenHtml, /id="email-error">An account with this e-mail address already exists/);
      assert.match(takenHtml, /value="LINA@example.org"/, 'what was typed is kept');

      const noLocale = await post('/en/admin/users', { email: 'tr@example.org', name: 'Tara', role: 'translator' });
      assert.equal(noLocale.status, 422);
      const noLocaleHtml = await noLocale.text();
      assert.match(noLocaleHtml, /id="locales-error">A translator needs at least one locale/);
      assert.match(noLocaleHtml, /<option value="translator" selected="">/);
      assert.match(noLocaleHtml, /value="Tara"/);
      assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE email = 'tr@example.org'`.execute(t.db)).rows[0]!.n, 0);

      const bad = await post('/en/admin/users', { email: 'not-an-address', name: '', role: 'owner', locales: 'de' });
      assert.equal(bad.status, 422);
      const badHtml = await bad.text();
      assert.match(badHtml, /id="email-error"/);
      assert.match(badHtml, /id="role-error"/);
      assert.match(badHtml, /id="locales-error"/);

      const ok = await invite({ email: 'tr@example.org', name: 'Tara', role: 'translator', locales: ['fa', 'ar'] });
      assert.deepEqual((await getUser(t.db, ok.id))!.locales, ['ar', 'fa']);
    });

    it('ends the sessions of a user whose role changes, so the old rights go at once', async () => {
      const editor = await testSession(t.db, 'editor');
      assert.equal((await get('/en/admin', editor)).status, 200);
      const res = await post(`/en/admin/users/${editor.user.id}`, { name: 'Now a reviewer', role: 'reviewer' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/en/admin/users/${editor.user.id}?done=saved`);
      const next = await get('/en/admin', editor);
      assert.equal(next.status, 302);
      assert.match(next.headers.get('location')!, /^\/en\/admin\/login/);
      const changed = await getUser(t.db, editor.user.id);
      assert.equal(changed!.role, 'reviewer');
      const entry = await sql<{ details: { changed: Record<string, { from: unknown; to: unknown }>; sessionsEnded: number } }>`
        SELECT details FROM audit_log WHERE action = 'user.update' AND entity_id = ${editor.user.id} ORDER BY id DESC LIMIT 1`.execute(t.db);
      assert.deepEqual(entry.rows[0]!.details.changed.role, { from: 'editor', to: 'reviewer' });
      assert.equal(entry.rows[0]!.details.sessionsEnded, 1);

      // A change of name alone leaves sessions alone.
      const reviewer = await testSession(t.db, 'reviewer');
      assert.equal((await post(`/en/admin/users/${reviewer.user.id}`, { name: 'Renamed', role: 'reviewer' })).status, 303);
      assert.equal((await get('/en/admin', reviewer)).status, 200);
      const page = await (await get(`/en/admin/users/${reviewer.user.id}?done=saved`)).text();
      assert.match(page, /The changes were saved/);
      assert.match(page, /value="Renamed"/);
    });

    it('keeps an administrator from demoting or disabling themself', async () => {
      const demote = await post(`/en/admin/users/${admin.user.id}`, { name: 'Me', role: 'editor' });
      assert.equal(demote.status, 409);
      assert.match(await demote.text(), /id="role-error">You cannot remove your own administrator rights/);
      const disable = await post(`/en/admin/users/${admin.user.id}/disable`, {});
      assert.equal(disable.status, 409);
      assert.match(await disable.text(), /role="alert" id="problem">You cannot remove your own administrator rights/);
      assert.equal((await getUser(t.db, admin.user.id))!.role, 'admin');
      assert.equal((await get('/en/admin/users', admin)).status, 200, 'still signed in');
    });

    it('disables an account: its sessions and links end; enabling lets it sign in again', async () => {
      await createUser(t.db, { email: 'dora@example.org', role: 'editor', password: 'dora password 1' });
      const cookie = await signIn(t.app, 'dora@example.org', 'dora password 1');
      assert.ok(cookie);
      const dora = (await sql<{ id: string }>`SELECT id::text AS id FROM users WHERE email = 'dora@example.org'`.execute(t.db)).rows[0]!.id;
      const reset = linkPath(await (await post(`/en/admin/users/${dora}/reset-link`, {})).text());

      const off = await post(`/en/admin/users/${dora}/disable`, {});
      assert.equal(off.status, 303);
      assert.equal((await t.app.request('/en/admin', { headers: { cookie } })).status, 302, 'the open session ended');
      assert.equal(await signIn(t.app, 'dora@example.org', 'dora password 1'), undefined, 'cannot sign in');
      assert.equal((await t.app.request(reset)).status, 404, 'the unused link is void');
      const page = await (await get(`/en/admin/users/${dora}?done=disabled`)).text();
      assert.match(page, /The account was disabled/);
      assert.match(page, /action="\/en\/admin\/users\/\d+\/enable"/);
      assert.doesNotMatch(page, /reset-link/, 'no reset link for a disabled account');
      assert.equal((await post(`/en/admin/users/${dora}/reset-link`, {})).status, 409);

      assert.equal((await post(`/en/admin/users/${dora}/enable`, {})).status, 303);
      assert.equal((await t.app.request(reset)).status, 404, 'enabling does not revive the old link');
      assert.ok(await signIn(t.app, 'dora@example.org', 'dora password 1'));
      assert.deepEqual((await auditActions(dora)).filter((a) => a.startsWith('user.') && a !== 'user.login' && a !== 'user.login_failed'), [
        'user.reset_link',
        'user.disable',
        'user.enable',
      ]);
    });

    it('makes a reset link that sets a new password once and replaces the earlier link', async () => {
      await createUser(t.db, { email: 'rita@example.org', role: 'reviewer', password: 'old password of rita' });
      const rita = (await sql<{ id: string }>`SELECT id::text AS id FROM users WHERE email = 'rita@example.org'`.execute(t.db)).rows[0]!.id;
      const oldSession = await signIn(t.app, 'rita@example.org', 'old password of rita');
      const first = await post(`/en/admin/users/${rita}/reset-link`, {});
      assert.equal(first.status, 201);
      const firstHtml = await first.text();
      assert.match(firstHtml, /It works once, for 2 days/);
      const firstPath = linkPath(firstHtml);
      const secondPath = linkPath(await (await post(`/en/admin/users/${rita}/reset-link`, {})).text());
      assert.match(secondPath, /^\/en\/admin\/reset\//);
      assert.equal((await t.app.request(firstPath)).status, 404, 'the newer link replaces the older');

      const form = await openForm(t.app, secondPath);
      assert.match(form.html, /Choose a new password/);
      const done = await postForm(t.app, secondPath, { password: 'new password of rita', password2: 'new password of rita' });
      assert.equal(done.status, 303);
      assert.equal((await t.app.request('/en/admin', { headers: { cookie: oldSession! } })).status, 302, 'the reset ends open sessions');
      assert.equal(await signIn(t.app, 'rita@example.org', 'old password of rita'), undefined);
      assert.ok(await signIn(t.app, 'rita@example.org', 'new password of rita'));
      const actions = await auditActions(rita);
      assert.ok(actions.includes('user.reset_link') && actions.includes('user.password_set'), actions.join());
    });

    it('changes the own password: this browser stays signed in, the other sessions end', async () => {
      await createUser(t.db, { email: 'paula@example.org', role: 'translator', locales: ['ru'], password: 'paula first secret' });
      const here = (await signIn(t.app, 'paula@example.org', 'paula first secret'))!;
      const elsewhere = (await signIn(t.app, 'paula@example.org', 'paula first secret'))!;
      const page = await (await t.app.request('/en/admin/account', { headers: { cookie: here } })).text();
      assert.match(page, /2 open sessions/);
      assert.match(page, /\(this browser\)/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const send = (fields: Record<string, string>) =>
        t.app.request('/en/admin/account/password', {
          method: 'POST',
          body: new URLSearchParams({ ...fields, _csrf: csrf }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: here, origin: 'http://atlas.test' },
        });

      const wrong = await send({ current: 'not my password', password: 'paula second secret', password2: 'paula second secret' });
      assert.equal(wrong.status, 422);
      assert.match(await wrong.text(), /id="current"[^>]*aria-invalid="true" aria-describedby="current-error"[\s\S]*id="current-error">This is not your current password/);

      const ok = await send({ current: 'paula first secret', password: 'paula second secret', password2: 'paula second secret' });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/en/admin/account?done=password');
      const fresh = setCookies(ok).get(SESSION_COOKIE);
      assert.ok(fresh, 'a new session cookie for this browser');
      assert.match(ok.headers.getSetCookie().find((l) => l.startsWith(SESSION_COOKIE))!, /HttpOnly/i);
      const after = await t.app.request('/en/admin/account?done=password', { headers: { cookie: `${SESSION_COOKIE}=${fresh}` } });
      assert.equal(after.status, 200);
      const afterHtml = await after.text();
      assert.match(afterHtml, /Your password was changed/);
      assert.match(afterHtml, /1 open session\b/);
      assert.equal((await t.app.request('/en/admin', { headers: { cookie: elsewhere } })).status, 302, 'the other browser is signed out');
      assert.equal((await t.app.request('/en/admin', { headers: { cookie: here } })).status, 302, 'the old token of this browser is gone too');
      assert.ok(await signIn(t.app, 'paula@example.org', 'paula second secret'));
      const paula = (await sql<{ id: string }>`SELECT id::text AS id FROM users WHERE email = 'paula@example.org'`.execute(t.db)).rows[0]!.id;
      assert.ok((await auditActions(paula)).includes('user.password_change'));
    });

    it('signs out everywhere else and says how many sessions ended', async () => {
      const me = await testSession(t.db, 'reviewer');
      await sql`INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at)
        SELECT 'other-' || g, ${me.user.id}::bigint, 'x', now() + interval '1 hour' FROM generate_series(1, 2) g`.execute(t.db);
      const res = await post('/en/admin/account/sessions/end-others', {}, me);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/admin/account?done=sessions&count=2');
      const page = await (await get(res.headers.get('location')!, me)).text();
      assert.match(page, /2 other sessions ended/);
      assert.match(page, /1 open session\b/);
      const entry = await sql<{ details: { count: number } }>`SELECT details FROM audit_log WHERE action = 'user.sessions_revoked' AND actor_id = ${me.user.id}::bigint`.execute(t.db);
      assert.equal(entry.rows[0]!.details.count, 2);
    });

    it('lists users in the API without any secret', async () => {
      const res = await get('/api/v1/admin/users');
      assert.equal(res.status, 200);
      const text = await res.text();
      const body = JSON.parse(text) as { users: Record<string, unknown>[] };
      const lina = body.users.find((u) => u.email === 'lina@example.org')!;
      assert.deepEqual(Object.keys(lina).sort(), ['createdAt', 'email', 'id', 'locales', 'name', 'role', 'state']);
      assert.deepEqual({ state: lina.state, role: lina.role, name: lina.name }, { state: 'active', role: 'editor', name: 'Lina' });
      assert.equal(body.users.find((u) => u.email === 'fresh@example.org')?.state, 'invited');
      assert.deepEqual(body.users.find((u) => u.email === 'tr@example.org')?.locales, ['ar', 'fa']);
      assert.doesNotMatch(text, /argon2|password|hash|token/i);
    });

    it('renders the forms in Arabic right to left with Arabic labels', async () => {
      const ar = CATALOGS.ar;
      const users = await (await get('/ar/admin/users')).text();
      assert.match(users, /<html lang="ar" dir="rtl">/);
      assert.ok(users.includes(`<label for="email">${ar['users.field.email']}</label>`));
      assert.ok(users.includes(ar['users.invite.title']!));
      assert.match(users, /<label for="locale-ru" lang="ru" dir="ltr">Русский<\/label>/);
      const account = await (await get('/ar/admin/account')).text();
      assert.match(account, /<html lang="ar" dir="rtl">/);
      assert.ok(account.includes(ar['users.account.current']!));
      const { path } = await invite({ email: 'arabic@example.org', name: '', role: 'editor' });
      const welcome = await t.app.request(path.replace('/en/', '/ar/'));
      const html = await welcome.text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.ok(html.includes(ar['users.welcome.title']!) && html.includes(ar['users.password.new']!));
      const refused = await postForm(t.app, path.replace('/en/', '/ar/'), { password: 'short', password2: 'short' });
      assert.ok((await refused.text()).includes('يجب أن تتكون كلمة المرور'), 'the message next to the field is Arabic');
    });
  });
}
