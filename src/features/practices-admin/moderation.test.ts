// Moderation of public submissions through the app, on both databases: the queue, a hostile
// submission rendered inert, accept (a draft practice with a unique slug), reject (contact details
// deleted), a second decision refused, and roles without the permission refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { auditActions, postSubmission, resetRateLimit, submissionForm } from './test-helpers.ts';
import { createSubmission } from './submission-store.ts';
import type { PracticeFields } from './fields.ts';

const HOSTILE = '<script>alert("x")</script> Safe havens';

function payload(title: string): PracticeFields {
  return {
    actor: 'business',
    title: { en: title },
    summary: { en: 'A summary.' },
    description: {},
    outcomes: {},
    topics: [],
    countries: ['KH'],
    yearFrom: 2019,
    yearTo: null,
    links: [{ url: 'https://example.org/a', label: '' }],
    relatedResources: [],
  };
}

for (const kind of DATABASE_KINDS) {
  describe(`moderation of submitted practices on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let reviewer: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      reviewer = await testSession(t.db, 'reviewer');
    });
    after(() => t.close());

    const submit = (title: string, contact = true) =>
      createSubmission(t.db, { locale: 'en', payload: payload(title), contactName: contact ? 'Sam' : null, contactEmail: contact ? 'sam@example.org' : null });

    it('lists pending submissions oldest first and counts them on the practices page', async () => {
      const first = await submit('Queue first');
      const second = await submit('Queue second');
      const html = await (await t.app.request('/en/admin/practices/submissions', { headers: reviewer.headers() })).text();
      const a = html.indexOf(`/en/admin/practices/submissions/${first}`);
      const b = html.indexOf(`/en/admin/practices/submissions/${second}`);
      assert.ok(a > 0 && b > a, 'the oldest comes first');
      const list = await (await t.app.request('/en/admin/practices', { headers: reviewer.headers() })).text();
      const pending = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM practice_submissions WHERE status = 'pending'`.execute(t.db)).rows[0]!.n;
      assert.match(list, new RegExp(`id="pending-submissions">${pending} submissions waiting for moderation<`));
      const api = await t.app.request('/api/v1/admin/practices/submissions', { headers: reviewer.headers() });
      assert.equal(api.status, 200);
      const json = (await api.json()) as { total: number; items: { id: string; practice: { title: { en: string } } }[] };
      assert.equal(json.total, pending);
      assert.ok(json.items.some((i) => i.id === first && i.practice.title.en === 'Queue first'));
      assert.doesNotMatch(JSON.stringify(json), /sam@example\.org/, 'no contact details in the API');
    });

    it('renders a hostile submission sent through the form as inert text, links as plain text', async () => {
      await resetRateLimit(t.db);
      const sent = await postSubmission(t.app, 'en', submissionForm({ title: HOSTILE, link_1: 'https://evil.example/x' }));
      assert.equal(sent.status, 303);
      const id = (await sql<{ id: string }>`SELECT id::text AS id FROM practice_submissions ORDER BY id DESC LIMIT 1`.execute(t.db)).rows[0]!.id;
      const queue = await (await t.app.request('/en/admin/practices/submissions', { headers: reviewer.headers() })).text();
      const page = await (await t.app.request(`/en/admin/practices/submissions/${id}`, { headers: reviewer.headers() })).text();
      for (const html of [queue, page]) {
        assert.doesNotMatch(html, /<script>alert/);
        assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Safe havens'));
      }
      assert.doesNotMatch(page, /href="https:\/\/evil\.example/, 'the link is not live');
      assert.match(page, /<code dir="ltr">https:\/\/evil\.example\/x<\/code>/);
      assert.match(page, /ana@example\.org/, 'moderators see the contact details');
    });

    it('accepts a submission into a draft practice with a unique slug, in one step with its audit entry', async () => {
      const one = await submit('Mobile outreach clinics');
      const two = await submit('Mobile outreach clinics');
      const res = await t.app.request(`/en/admin/practices/submissions/${one}/accept`, reviewer.form({}));
      assert.equal(res.status, 303);
      const location = res.headers.get('location')!;
      const practiceId = /^\/en\/admin\/practices\/(\d+)\?accepted=1$/.exec(location)?.[1];
      assert.ok(practiceId, location);
      const practice = (await sql<{ slug: string; status: string; title: unknown; countries: string[]; links: unknown; regions: string[] }>`
        SELECT slug, status, title, countries, links, regions FROM practices WHERE id = ${practiceId}::bigint`.execute(t.db)).rows[0]!;
      assert.equal(practice.slug, 'mobile-outreach-clinics');
      assert.equal(practice.status, 'draft');
      assert.deepEqual(practice.title, { en: 'Mobile outreach clinics' });
      assert.deepEqual(practice.countries, ['KH']);
      assert.ok(practice.regions.length > 0, 'regions derived from the countries');
      const submission = (await sql<{ status: string; practice_id: string; decided_by: string }>`
        SELECT status, practice_id::text AS practice_id, decided_by::text AS decided_by FROM practice_submissions WHERE id = ${one}::bigint`.execute(t.db)).rows[0]!;
      assert.deepEqual(submission, { status: 'accepted', practice_id: practiceId, decided_by: reviewer.user.id });
      assert.deepEqual(await auditActions(t.db, 'practice_submission', one), ['practice_submission.create', 'practice_submission.accept']);
      assert.deepEqual(await auditActions(t.db, 'practice', practiceId!), ['practice.create']);
      const revisions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM revisions WHERE entity_type = 'practice' AND entity_id = ${practiceId}`.execute(t.db);
      assert.equal(revisions.rows[0]!.n, 1);
      const edit = await t.app.request(location, { headers: reviewer.headers() });
      assert.equal(edit.status, 200);
      assert.match(await edit.text(), /this draft was made from it/);

      const second = await t.app.request(`/en/admin/practices/submissions/${two}/accept`, reviewer.form({}));
      const secondId = /practices\/(\d+)/.exec(second.headers.get('location')!)![1]!;
      const slug = (await sql<{ slug: string }>`SELECT slug FROM practices WHERE id = ${secondId}::bigint`.execute(t.db)).rows[0]!.slug;
      assert.equal(slug, 'mobile-outreach-clinics-2');
    });

    it('rejects a submission and deletes its contact details; a decided submission cannot be decided again', async () => {
      const id = await submit('Rejected idea');
      const res = await t.app.request(`/en/admin/practices/submissions/${id}/reject`, reviewer.form({}));
      assert.equal(res.status, 303);
      const row = (await sql<{ status: string; contact_name: string | null; contact_email: string | null }>`
        SELECT status, contact_name, contact_email FROM practice_submissions WHERE id = ${id}::bigint`.execute(t.db)).rows[0]!;
      assert.deepEqual(row, { status: 'rejected', contact_name: null, contact_email: null });
      assert.deepEqual(await auditActions(t.db, 'practice_submission', id), ['practice_submission.create', 'practice_submission.reject']);
      const practices = await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices`.execute(t.db);
      for (const action of ['accept', 'reject']) {
        const again = await t.app.request(`/es/admin/practices/submissions/${id}/${action}`, reviewer.form({}));
        assert.equal(again.status, 409, action);
        assert.match(await again.text(), /Ya se tomó una decisión sobre este envío: rechazado/);
      }
      assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices`.execute(t.db)).rows[0]!.n, practices.rows[0]!.n, 'no practice made');
      const page = await (await t.app.request(`/en/admin/practices/submissions/${id}`, { headers: reviewer.headers() })).text();
      assert.doesNotMatch(page, /sam@example\.org/);
      assert.doesNotMatch(page, /\/reject"/, 'no decision buttons any more');
    });

    it('refuses moderation to a translator', async () => {
      const translator = await testSession(t.db, 'translator');
      const id = await submit('Not for translators');
      assert.equal((await t.app.request('/en/admin/practices/submissions', { headers: translator.headers() })).status, 403);
      assert.equal((await t.app.request(`/en/admin/practices/submissions/${id}`, { headers: translator.headers() })).status, 403);
      assert.equal((await t.app.request(`/en/admin/practices/submissions/${id}/accept`, translator.form({}))).status, 403);
      const status = (await sql<{ status: string }>`SELECT status FROM practice_submissions WHERE id = ${id}::bigint`.execute(t.db)).rows[0]!.status;
      assert.equal(status, 'pending');
      const list = await (await t.app.request('/en/admin/practices', { headers: translator.headers() })).text();
      assert.doesNotMatch(list, /pending-submissions/, 'no queue link for a role that cannot moderate');
    });
  });
}
