// The practice editor through the app, on both databases: create, validation, edit, a stale save
// (conflict, input kept), a translator's scope, the list's filters, and publication, which makes
// the practice public in the directory and forgets its submitter's contact details.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { auditActions, practiceForm } from './test-helpers.ts';
import { createSubmission } from './submission-store.ts';

type Row = { slug: string; status: string; version: number; title: Record<string, string>; summary: Record<string, string>; actor: string; links: unknown; regions: string[]; published_at: string | null };

for (const kind of DATABASE_KINDS) {
  describe(`practice editor on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let editor: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      editor = await testSession(t.db, 'editor');
    });
    after(() => t.close());

    const row = async (id: string) =>
      (await sql<Row>`SELECT slug, status, version, title, summary, actor, links, regions, to_json(published_at)#>>'{}' AS published_at
        FROM practices WHERE id = ${id}::bigint`.execute(t.db)).rows[0]!;

    async function create(overrides: Record<string, string | string[]> = {}): Promise<string> {
      const res = await t.app.request('/en/admin/practices/new', editor.form(practiceForm(overrides)));
      assert.equal(res.status, 303);
      return /\/en\/admin\/practices\/(\d+)\?created=1$/.exec(res.headers.get('location')!)![1]!;
    }

    it('creates a draft with a revision and an audit entry, languages side by side', async () => {
      const id = await create();
      const r = await row(id);
      assert.equal(r.slug, 'safe-school-transport');
      assert.equal(r.status, 'draft');
      assert.equal(r.version, 1);
      assert.deepEqual(r.title, { ar: 'النقل المدرسي الآمن', en: 'Safe school transport' });
      assert.deepEqual(r.links, [{ url: 'https://example.org/transport', label: 'Evaluation report' }]);
      assert.ok(r.regions.length > 0, 'regions derived from the countries');
      assert.deepEqual(await auditActions(t.db, 'practice', id), ['practice.create']);
      const revisions = await sql<{ version: number; action: string }>`SELECT version, action FROM revisions WHERE entity_type = 'practice' AND entity_id = ${id}`.execute(t.db);
      assert.deepEqual(revisions.rows, [{ version: 1, action: 'create' }]);
      const html = await (await t.app.request(`/en/admin/practices/${id}?created=1`, { headers: editor.headers() })).text();
      assert.match(html, /<input id="title-ar" name="title_ar" lang="ar" dir="rtl"[^>]*aria-labelledby="col-title-summary-title row-title-summary-ar" value="النقل المدرسي الآمن"/);
      assert.match(html, /<textarea id="description-fa" name="description_fa" lang="fa" dir="rtl"/);
      assert.match(html, /The practice was created as a draft\./);
    });

    it('answers invalid fields next to them and keeps the input', async () => {
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices`.execute(t.db)).rows[0]!.n;
      const res = await t.app.request(
        '/es/admin/practices/new',
        editor.form(practiceForm({ title_en: '', title_ar: '', summary_en: 'Resumen conservado', links: 'javascript:alert(1)', related: 'no-such-resource', actor: '' })),
      );
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.ok(html.includes(CATALOGS.es['practicesAdmin.error.titleRequired']!));
      assert.ok(html.includes('id="links-error"'));
      assert.ok(html.includes('Ningún recurso de la biblioteca tiene estos identificadores: no-such-resource'));
      assert.ok(html.includes(`id="actor-error">${CATALOGS.es['practicesAdmin.error.actor']}`));
      assert.match(html, /<textarea id="summary-en"[^>]*>Resumen conservado<\/textarea>/);
      assert.match(html, /<textarea id="links" name="links"[^>]*aria-invalid="true"[^>]*>javascript:alert\(1\)<\/textarea>/);
      assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices`.execute(t.db)).rows[0]!.n, before);
    });

    it('saves an edit as a new version, and answers a stale save with a conflict that keeps the input', async () => {
      const id = await create({ title_en: 'Foster family network', title_ar: '' });
      const save = await t.app.request(`/en/admin/practices/${id}`, editor.form(practiceForm({ title_en: 'Foster family network', title_ar: '', summary_en: 'Second text.', version: '1' })));
      assert.equal(save.status, 303);
      assert.equal(save.headers.get('location'), `/en/admin/practices/${id}?saved=2`);
      assert.equal((await row(id)).summary.en, 'Second text.');
      assert.deepEqual(await auditActions(t.db, 'practice', id), ['practice.create', 'practice.update']);

      const stale = await t.app.request(`/en/admin/practices/${id}`, editor.form(practiceForm({ title_en: 'Foster family network', title_ar: '', summary_en: 'My competing text.', version: '1' })));
      assert.equal(stale.status, 409);
      const html = await stale.text();
      assert.match(html, /Someone else saved this practice while you were editing/);
      assert.match(html, /<textarea id="summary-en"[^>]*>My competing text\.<\/textarea>/, 'the input is kept');
      assert.match(html, /<input type="hidden" name="version" value="2"\/>/, 'the form now saves over the current version');
      assert.match(html, /<del>Second<\/del>/);
      const r = await row(id);
      assert.equal(r.version, 2);
      assert.equal(r.summary.en, 'Second text.', 'nothing overwritten');
    });

    it('lets a translator change only the texts of their languages', async () => {
      const id = await create({ title_en: 'Helpline for children', title_ar: '' });
      const translator = await testSession(t.db, 'translator', { locales: ['ar'] });
      const res = await t.app.request(
        `/en/admin/practices/${id}`,
        translator.form(practiceForm({ title_en: 'Changed by a translator', title_ar: 'خط مساعدة للأطفال', actor: 'business', version: '1' })),
      );
      assert.equal(res.status, 303);
      const r = await row(id);
      assert.deepEqual(r.title, { ar: 'خط مساعدة للأطفال', en: 'Helpline for children' });
      assert.equal(r.actor, 'government');
    });

    it('lists every state with a status filter and a title search, in the page and the API', async () => {
      const id = await create({ title_en: 'Searchable kinship care', title_ar: '' });
      const html = await (await t.app.request('/en/admin/practices?q=kinship&status=draft', { headers: editor.headers() })).text();
      assert.match(html, new RegExp(`href="/en/admin/practices/${id}"[^>]*>Searchable kinship care<`));
      assert.match(html, /1 practice</);
      const none = await (await t.app.request('/en/admin/practices?q=kinship&status=published', { headers: editor.headers() })).text();
      assert.match(none, /No practices match/);
      const api = (await (await t.app.request('/api/v1/admin/practices?q=kinship', { headers: editor.headers() })).json()) as { total: number; items: { id: string }[] };
      assert.equal(api.total, 1);
      assert.equal(api.items[0]!.id, id);
      assert.equal((await t.app.request('/en/admin/practices?status=lost', { headers: editor.headers() })).status, 400);
    });

    it('publishes through the workflow: public in the directory, contact details of its submission forgotten', async () => {
      const submissionId = await createSubmission(t.db, {
        locale: 'en',
        payload: {
          actor: 'civil-society',
          title: { en: 'Street educators for runaway children' },
          summary: { en: 'Outreach at night.' },
          description: {},
          outcomes: {},
          topics: [],
          countries: ['LA'],
          yearFrom: null,
          yearTo: null,
          links: [],
          relatedResources: [],
        },
        contactName: 'Kim',
        contactEmail: 'kim@example.org',
      });
      const accepted = await t.app.request(`/en/admin/practices/submissions/${submissionId}/accept`, editor.form({}));
      const id = /practices\/(\d+)/.exec(accepted.headers.get('location')!)![1]!;
      const slug = (await row(id)).slug;
      assert.equal((await t.app.request(`/en/practices/${slug}`)).status, 404, 'a draft is not public');

      const reviewer = await testSession(t.db, 'reviewer');
      assert.equal((await t.app.request(`/en/admin/practices/${id}/publish`, reviewer.form({ version: '1' }))).status, 403, 'a reviewer publishes only what was submitted');
      assert.equal((await t.app.request(`/en/admin/practices/${id}/submit`, editor.form({ version: '1' }))).status, 303);
      const published = await t.app.request(`/en/admin/practices/${id}/publish`, reviewer.form({ version: '2' }));
      assert.equal(published.status, 303);
      assert.equal(published.headers.get('location'), `/en/admin/practices/${id}?done=publish`);
      const r = await row(id);
      assert.equal(r.status, 'published');
      assert.ok(r.published_at);
      assert.deepEqual(await auditActions(t.db, 'practice', id), ['practice.create', 'practice.submit', 'practice.publish']);
      const contact = (await sql<{ contact_name: string | null; contact_email: string | null }>`
        SELECT contact_name, contact_email FROM practice_submissions WHERE id = ${submissionId}::bigint`.execute(t.db)).rows[0]!;
      assert.deepEqual(contact, { contact_name: null, contact_email: null });
      const page = await t.app.request(`/en/practices/${slug}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Street educators for runaway children/);

      const again = await t.app.request(`/en/admin/practices/${id}/publish`, editor.form({ version: '3' }));
      assert.equal(again.status, 409, 'no step from published to published');
      const stale = await t.app.request(`/en/admin/practices/${id}/archive`, editor.form({ version: '1' }));
      assert.equal(stale.status, 409, 'a transition from a stale page is refused');
    });

    it('refuses creation to a reviewer', async () => {
      const reviewer = await testSession(t.db, 'reviewer');
      assert.equal((await t.app.request('/en/admin/practices/new', { headers: reviewer.headers() })).status, 403);
      assert.equal((await t.app.request('/en/admin/practices/new', reviewer.form(practiceForm()))).status, 403);
    });
  });
}
