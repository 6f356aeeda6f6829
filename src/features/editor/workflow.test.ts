// The workflow through the app, on both databases: transition buttons and their permissions, what
// the public sees in each state, preview, history with diff and restore, the JSON API, the audit log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { resourceSnapshot } from './snapshot.ts';
import { createThroughForm, formFields, page, type App } from './test-helpers.ts';

for (const kind of DATABASE_KINDS) {
  describe(`editor workflow on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    let reviewer: TestSession;
    let translator: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      translator = await testSession(t.db, 'translator');
    });
    after(() => t.close());

    const step = async (session: TestSession, id: string, path: string, fields: Record<string, string> = {}) =>
      t.app.request(`/en/admin/resources/${id}/${path}`, session.form(fields));
    const version = async (id: string) => (await resourceSnapshot(t.db, id))!.version;

    /** Where the resource shows to an anonymous reader: page, API item, API search, CSV export, Atom feed. */
    async function publicSightings(id: string, slug: string, word: string, title: string) {
      const get = (path: string) => t.app.request(path);
      const search = (await (await get(`/api/v1/resources?q=${word}`)).json()) as { total: number };
      return {
        page: (await get(`/en/library/${id}-${slug}`)).status === 200,
        api: (await get(`/api/v1/resources/${id}`)).status === 200,
        search: search.total > 0,
        csv: (await (await get(`/api/v1/resources/export.csv?q=${word}`)).text()).includes(title),
        feed: (await (await get(`/api/v1/resources/feed.atom?q=${word}`)).text()).includes(title),
      };
    }
    const nowhere = { page: false, api: false, search: false, csv: false, feed: false };
    const everywhere = { page: true, api: true, search: true, csv: true, feed: true };

    it('shows only published resources to the public, in every channel, at every step of the workflow', async () => {
      const title = 'Xylophonist safeguarding guide';
      const id = await createThroughForm(t, editor, { title: { en: title } });
      const slug = 'xylophonist-safeguarding-guide';
      assert.deepEqual(await publicSightings(id, slug, 'xylophonist', title), nowhere, 'draft');
      assert.equal((await step(editor, id, 'submit', { version: String(await version(id)) })).status, 303);
      assert.deepEqual(await publicSightings(id, slug, 'xylophonist', title), nowhere, 'in review');
      const published = await step(reviewer, id, 'publish', { version: String(await version(id)) });
      assert.equal(published.status, 303);
      assert.match(published.headers.get('location') ?? '', /\?done=publish$/);
      assert.deepEqual(await publicSightings(id, slug, 'xylophonist', title), everywhere, 'published');
      assert.equal((await step(editor, id, 'archive')).status, 303);
      assert.deepEqual(await publicSightings(id, slug, 'xylophonist', title), nowhere, 'archived');
      assert.equal((await step(editor, id, 'unarchive')).status, 303);
      assert.equal((await resourceSnapshot(t.db, id))!.data.status, 'draft');
    });

    it('offers each role its own buttons and refuses the steps it may not take', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Permissions of the workflow' } });
      const asEditor = (await page(t, editor, `/en/admin/resources/${id}`)).html;
      assert.match(asEditor, /action="\/en\/admin\/resources\/\d+\/submit"/);
      assert.match(asEditor, /action="\/en\/admin\/resources\/\d+\/publish"/, 'editors may publish a draft directly');
      const asReviewer = (await page(t, reviewer, `/en/admin/resources/${id}`)).html;
      assert.doesNotMatch(asReviewer, /\/submit"|\/publish"/, 'a reviewer reviews submitted resources only');
      assert.equal((await step(translator, id, 'submit')).status, 403);
      assert.equal((await step(reviewer, id, 'submit')).status, 403);
      assert.equal((await step(reviewer, id, 'publish')).status, 403, 'a reviewer cannot skip the review');
      const archiveDraft = await step(editor, id, 'archive');
      assert.equal(archiveDraft.status, 409);
      assert.match(await archiveDraft.text(), /“Archive” is not possible while the resource is in the state “Draft”/);
      assert.equal((await step(editor, id, 'send-back')).status, 409);
      assert.equal((await step(editor, id, 'submit', { version: '99' })).status, 409, 'a step on a state the user has not seen');
      assert.equal((await step(editor, id, 'submit')).status, 303);
      const inReview = (await page(t, reviewer, `/en/admin/resources/${id}?done=submit`)).html;
      assert.match(inReview, /Submitted for review\./);
      assert.match(inReview, /\/send-back"/);
      const back = await step(reviewer, id, 'send-back', { note: 'Needs an Arabic title.' });
      assert.equal(back.status, 303);
      const audit = await sql<{ details: { note?: string } }>`SELECT details FROM audit_log WHERE entity_id = ${id} AND action = 'resource.send_back'`.execute(t.db);
      assert.equal(audit.rows[0]!.details.note, 'Needs an Arabic title.');
      assert.equal((await step(editor, id, 'publish')).status, 303);
      assert.equal((await step(translator, id, 'archive')).status, 403);
      assert.equal((await step(reviewer, id, 'archive')).status, 403);
    });

    it('previews any state with the public page and a banner', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Preview me' }, summary: { en: 'Seen before publication.' }, countries: 'KH' });
      const res = await t.app.request(`/en/admin/resources/${id}/preview`, { headers: reviewer.headers() });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const html = await res.text();
      assert.match(html, /Preview — state: Draft\. Not public/);
      assert.match(html, /<header class="site">/, 'the public frame');
      assert.match(html, /<h1>Preview me<\/h1>/);
      assert.match(html, /Seen before publication\./);
      assert.match(html, /href="\/en\/library\/countries\/KH">Cambodia</);
      assert.match(html, /<meta name="robots" content="noindex"\/>/);
      assert.equal((await t.app.request('/en/admin/resources/999999/preview', { headers: reviewer.headers() })).status, 404);
      assert.equal((await t.app.request(`/en/admin/resources/${id}/preview`)).status, 302, 'not for anonymous readers');
    });

    it('keeps every save in the history, shows a word-level diff, and restores a version as a new one', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'History of a guide' }, summary: { en: 'The quick brown fox.' }, year: '2001' });
      const edit = await t.app.request(
        `/en/admin/resources/${id}`,
        editor.form(formFields({ version: 1, title: { en: 'History of a guide' }, summary: { en: 'The slow brown <b>fox</b>.' }, year: '2002' })),
      );
      assert.equal(edit.status, 303);
      const list = (await page(t, reviewer, `/en/admin/resources/${id}/history`)).html;
      assert.match(list, /Version 2<\/a><span class="muted"> \(current\)/);
      assert.match(list, /Edited/);
      assert.match(list, /Created/);
      assert.ok(list.includes(editor.user.email));
      const diff = await page(t, reviewer, `/en/admin/resources/${id}/history/2`);
      assert.equal(diff.status, 200);
      assert.match(diff.html, /Changes since version 1/);
      assert.match(diff.html, /<del>quick<\/del><ins>slow<\/ins>/);
      assert.match(diff.html, /<ins>&lt;b&gt;<\/ins>fox<ins>&lt;\/b&gt;<\/ins>/, 'typed markup stays text');
      assert.doesNotMatch(diff.html, /<b>fox/);
      assert.match(diff.html, /<del>2001<\/del><ins>2002<\/ins>/);
      assert.doesNotMatch(diff.html, /\/restore"/, 'a reviewer cannot restore');
      assert.equal((await t.app.request(`/en/admin/resources/${id}/history/1/restore`, reviewer.form({ version: '2' }))).status, 403);
      assert.equal((await t.app.request(`/en/admin/resources/${id}/history/1/restore`, editor.form({ version: '1' }))).status, 409, 'stale');
      const restore = await t.app.request(`/en/admin/resources/${id}/history/1/restore`, editor.form({ version: '2' }));
      assert.equal(restore.status, 303);
      assert.match(restore.headers.get('location') ?? '', /\?restored=1$/);
      const now = (await resourceSnapshot(t.db, id))!;
      assert.equal(now.version, 3);
      assert.equal(now.data.summary.en, 'The quick brown fox.');
      assert.equal(now.data.year, 2001);
      const after = (await page(t, editor, `/en/admin/resources/${id}/history`)).html;
      assert.match(after, /Earlier version restored/);
      assert.deepEqual([...after.matchAll(/>Version (\d+)<\/a>/g)].map((m) => m[1]), ['3', '2', '1']);
      assert.equal((await page(t, editor, `/en/admin/resources/${id}/history/9`)).status, 404);
    });

    it('serves the admin JSON API: every state, filters, one item with its version, transitions with the CSRF header', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Through the API' }, type: 'handbook' });
      const list = (await (await t.app.request('/api/v1/admin/resources?status=draft&type=handbook', { headers: editor.headers() })).json()) as {
        total: number;
        items: { id: string; status: string }[];
      };
      assert.ok(list.items.some((i) => i.id === id && i.status === 'draft'));
      const item = (await (await t.app.request(`/api/v1/admin/resources/${id}`, { headers: translator.headers() })).json()) as { version: number; status: string; title: { en: string } };
      assert.deepEqual([item.version, item.status, item.title.en], [1, 'draft', 'Through the API']);
      const post = (session: TestSession, body: unknown, withToken = true) =>
        t.app.request(`/api/v1/admin/resources/${id}/transition`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: session.headers({ 'content-type': 'application/json', ...(withToken ? { 'x-csrf-token': session.csrfToken } : {}) }),
        });
      assert.equal((await post(editor, { to: 'in_review' }, false)).status, 403, 'no token, no write');
      assert.equal((await post(translator, { to: 'in_review' })).status, 403);
      assert.equal((await post(editor, { to: 'sideways' })).status, 400);
      const invalid = await post(editor, { to: 'archived' });
      assert.equal(invalid.status, 409);
      assert.match(((await invalid.json()) as { error: { message: string } }).error.message, /no step from “Draft” to “Archived”/);
      const submitted = await post(editor, { to: 'in_review', version: 1 });
      assert.equal(submitted.status, 200);
      assert.deepEqual(((await submitted.json()) as { status: string; version: number }).status, 'in_review');
      const published = await post(reviewer, { to: 'published' });
      assert.equal(((await published.json()) as { status: string }).status, 'published');
      assert.equal((await t.app.request(`/api/v1/admin/resources/${id}`)).status, 401);
    });

    it('writes an audit entry for every write', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Audited' } });
      await t.app.request(`/en/admin/resources/${id}`, editor.form(formFields({ version: 1, title: { en: 'Audited', es: 'Auditado' } })));
      for (const path of ['submit', 'send-back', 'publish', 'archive', 'unarchive']) assert.equal((await step(editor, id, path)).status, 303, path);
      assert.equal((await t.app.request(`/en/admin/resources/${id}/history/1/restore`, editor.form({ version: String(await version(id)) }))).status, 303);
      const rows = await sql<{ action: string; actor_email: string }>`SELECT action, actor_email FROM audit_log
        WHERE entity_type = 'resource' AND entity_id = ${id} ORDER BY id`.execute(t.db);
      assert.deepEqual(
        rows.rows.map((r) => r.action),
        ['resource.create', 'resource.update', 'resource.submit', 'resource.send_back', 'resource.publish', 'resource.archive', 'resource.unarchive', 'resource.restore'],
      );
      assert.ok(rows.rows.every((r) => r.actor_email === editor.user.email));
    });
  });
}
