// The editor's pages through the app, on both databases: the list and its filters, the form
// (create, edit, validation in two languages, translators' limits, inert stored markup) and the
// conflict page of two editors saving the same resource.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { buildResource } from '../../testing/builders.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { upsertResources } from '../library/store.ts';
import { resourceSnapshot } from './snapshot.ts';
import { createThroughForm, formFields, formVersion, page, type App } from './test-helpers.ts';

const ar = CATALOGS.ar;
const en = CATALOGS.en;
/** A catalog text as hono/jsx escapes it in the page. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const kind of DATABASE_KINDS) {
  describe(`editor pages on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      editor = await testSession(t.db, 'editor');
    });
    after(() => t.close());

    it('creates a draft through the form and shows every field, texts in their own language and direction', async () => {
      const id = await createThroughForm(t, editor, {
        title: { en: 'Street children in Cairo', ar: 'أطفال الشوارع في القاهرة', fa: 'کودکان خیابانی' },
        summary: { en: 'A field study.' },
        type: 'study',
        year: '2019',
        link: 'https://example.org/street.pdf',
        publishers: 'UNICEF\nSave the Children',
        topics: ['child-labour'],
        countries: 'eg',
        languages: 'en ar',
      });
      const { status, html } = await page(t, editor, `/en/admin/resources/${id}`);
      assert.equal(status, 200);
      assert.match(html, /<input id="title-ar" name="title_ar" lang="ar" dir="rtl" value="أطفال الشوارع في القاهرة"/);
      assert.match(html, /<input id="title-fa" name="title_fa" lang="fa" dir="rtl"/);
      assert.match(html, /<textarea id="summary-en" name="summary_en" lang="en" dir="ltr"[^>]*>A field study\.<\/textarea>/);
      assert.match(html, /<option value="study" selected="">Study<\/option>/);
      assert.match(html, /name="topics" value="child-labour" checked=""/);
      assert.match(html, /Egypt \(EG\)/);
      assert.match(html, /value="street-children-in-cairo"/);
      assert.match(html, /<textarea id="publishers"[^>]*>UNICEF\nSave the Children<\/textarea>/);
      assert.equal(formVersion(html), 1);
      assert.match(html, /class="status status-draft"/);
      assert.match(html, new RegExp(`href="/en/admin/resources/${id}/attachments"`));
      const stored = (await resourceSnapshot(t.db, id))!;
      assert.deepEqual(stored.data.countries, ['EG']);
      assert.deepEqual(stored.data.publishers, ['UNICEF', 'Save the Children']);
    });

    it('puts each validation message next to its field, in English and in Arabic, keeping what was typed', async () => {
      const bad = formFields({ slug: 'Not A Slug', year: '3000', link: 'ftp://example.org/x', countries: 'TH XX', languages: 'english', title: {} });
      for (const [locale, catalog] of [['en', en], ['ar', ar]] as const) {
        const res = await t.app.request(`/${locale}/admin/resources/new`, editor.form(bad));
        assert.equal(res.status, 422);
        const html = await res.text();
        const near = (field: string, key: string, text: string) => {
          assert.match(html, new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-error`), `${locale} ${field} points at its message`);
          assert.ok(html.includes(`id="${field}-error">${escaped(text)}`), `${locale} ${key} next to ${field}`);
        };
        near('slug', 'slug', catalog['editor.error.slug']!);
        near('year', 'year', catalog['editor.error.year']!.replace('{min}', '1800').replace('{max}', '2200'));
        near('countries', 'countries', catalog['editor.error.countries']!.replace('{values}', 'XX'));
        assert.ok(html.includes(`id="title-error">${escaped(catalog['editor.error.titleRequired']!)}`));
        assert.match(html, /id="link-error"/);
        assert.match(html, /id="languages-error"/);
        assert.match(html, /value="ftp:\/\/example.org\/x"/, 'the typed link is kept');
        assert.match(html, /value="TH XX"/);
        assert.match(html, /role="alert" id="form-errors"/);
      }
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resources WHERE slug = 'not-a-slug'`.execute(t.db);
      assert.equal(count.rows[0]!.n, 0);
    });

    it('says next to the slug that another resource has it', async () => {
      await createThroughForm(t, editor, { slug: 'taken-slug', title: { en: 'First' } });
      const res = await t.app.request('/en/admin/resources/new', editor.form(formFields({ slug: 'taken-slug', title: { en: 'Second' } })));
      assert.equal(res.status, 422);
      assert.ok((await res.text()).includes(`id="slug-error">${escaped(en['editor.error.slugTaken']!)}`));
    });

    it('lets a translator change only the texts of their locales; the server ignores the rest', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Translator test', ar: 'قديم' }, year: '2010', type: 'guide' });
      const translator = await testSession(t.db, 'translator', { locales: ['ar'] });
      const { html } = await page(t, translator, `/ar/admin/resources/${id}`);
      assert.match(html, /<input id="title-ar" name="title_ar" lang="ar" dir="rtl" value="قديم" maxlength="500" aria-labelledby/, 'Arabic is editable');
      assert.match(html, /<input id="title-en"[^>]*readonly=""/);
      assert.match(html, /<select id="type" name="type" disabled=""/);
      assert.match(html, /<input id="year"[^>]*readonly=""/);
      const res = await t.app.request(
        `/ar/admin/resources/${id}`,
        translator.form(formFields({ version: 1, title: { en: 'Hijacked', ar: 'جديد' }, summary: { ar: 'ملخص' }, type: 'report', year: '1999', slug: 'hijacked' })),
      );
      assert.equal(res.status, 303);
      const stored = (await resourceSnapshot(t.db, id))!;
      assert.deepEqual(stored.data.title, { en: 'Translator test', ar: 'جديد' });
      assert.deepEqual(stored.data.summary, { ar: 'ملخص' });
      assert.equal(stored.data.type, 'guide');
      assert.equal(stored.data.year, 2010);
      assert.equal(stored.data.slug, 'translator-test');
      const entry = await sql<{ details: { changed: string[] } }>`SELECT details FROM audit_log WHERE entity_id = ${id} AND action = 'resource.update'`.execute(t.db);
      assert.deepEqual(entry.rows[0]!.details.changed, ['title.ar', 'summary.ar']);
      assert.equal((await t.app.request('/en/admin/resources/new', translator.form(formFields({ title: { en: 'x' } })))).status, 403);
      const reviewer = await testSession(t.db, 'reviewer');
      assert.equal((await t.app.request(`/en/admin/resources/${id}`, reviewer.form(formFields({ version: 2, title: { en: 'x' } })))).status, 403);
      const readOnly = await page(t, reviewer, `/en/admin/resources/${id}`);
      assert.doesNotMatch(readOnly.html, /<button type="submit">Save<\/button>/, 'a reviewer gets no save button');
    });

    it('renders stored markup and script links inert', async () => {
      const [row] = await upsertResources(t.db, [buildResource({ slug: 'hostile', title: { en: '<script>alert(1)</script>' }, summary: { en: '<img src=x onerror=alert(2)>' } })]);
      await sql`UPDATE resources SET link = 'javascript:alert(3)' WHERE id = ${row!.id}::bigint`.execute(t.db);
      for (const path of [`/en/admin/resources/${row!.id}`, `/en/admin/resources/${row!.id}/preview`, '/en/admin/resources?q=script']) {
        const { status, html } = await page(t, editor, path);
        assert.equal(status, 200, path);
        assert.doesNotMatch(html, /<script>alert|<img src=x/, path);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, path);
        assert.doesNotMatch(html, /href="javascript:/i, path);
      }
      const res = await t.app.request('/en/admin/resources/new', editor.form(formFields({ title: { en: 'x' }, link: 'javascript:alert(4)' })));
      assert.equal(res.status, 422, 'a script link is refused');
    });

    it('lists every resource whatever its state, with search, filters, sort and pages', async () => {
      await upsertResources(t.db, [
        buildResource({ slug: 'list-prevencion', title: { es: 'Prevención de la violencia' }, status: 'draft', type: 'toolkit', topics: ['child-marriage'], countries: ['PE'] }),
        ...Array.from({ length: 26 }, (_, i) => buildResource({ slug: `list-bulk-${i}`, title: { en: `Bulk item ${i}` }, type: 'article' })),
      ]);
      const search = await page(t, editor, '/en/admin/resources?q=prevencion');
      assert.match(search.html, /Prevención de la violencia/);
      assert.match(search.html, /1 resource</);
      for (const filter of ['status=draft', 'type=toolkit', 'topic=child-marriage', 'country=PE']) {
        const { html } = await page(t, editor, `/en/admin/resources?${filter}`);
        assert.match(html, /Prevención de la violencia/, filter);
        assert.doesNotMatch(html, /Bulk item/, filter);
      }
      const first = await page(t, editor, '/en/admin/resources?type=article');
      assert.match(first.html, /26 resources/);
      assert.match(first.html, /Page 1 of 2/);
      assert.match(first.html, /href="\/en\/admin\/resources\?type=article&amp;page=2"/);
      const second = await page(t, editor, '/en/admin/resources?type=article&page=2');
      assert.equal((second.html.match(/Bulk item/g) ?? []).length, 1);
      const oldest = await page(t, editor, '/en/admin/resources?type=article&sort=updated_asc');
      assert.ok(oldest.html.indexOf('Bulk item 0<') < oldest.html.indexOf('Bulk item 1<'));
      assert.equal((await page(t, editor, '/en/admin/resources?status=bogus')).status, 400);
      const translator = await testSession(t.db, 'translator');
      const asTranslator = await page(t, translator, '/ru/admin/resources?status=draft');
      assert.equal(asTranslator.status, 200);
      assert.match(asTranslator.html, /<html lang="ru"/);
      assert.doesNotMatch(asTranslator.html, /admin\/resources\/new/, 'no "new" link without content.edit');
    });

    it('answers a stale save with a conflict page holding both versions, and saves the second try deliberately', async () => {
      const id = await createThroughForm(t, editor, { title: { en: 'Shared draft' }, summary: { en: 'The original summary.' } });
      const other = await testSession(t.db, 'editor');
      const a = formVersion((await page(t, editor, `/en/admin/resources/${id}`)).html);
      const b = formVersion((await page(t, other, `/en/admin/resources/${id}`)).html);
      assert.equal(a, b);
      const saveA = await t.app.request(`/en/admin/resources/${id}`, editor.form(formFields({ version: a, title: { en: 'Shared draft' }, summary: { en: 'Alpha rewrote the summary.' } })));
      assert.equal(saveA.status, 303);
      const mine = formFields({ version: b, title: { en: 'Shared draft' }, summary: { en: 'Bravo wrote another summary.' } });
      const saveB = await t.app.request(`/en/admin/resources/${id}`, other.form(mine));
      assert.equal(saveB.status, 409);
      const html = await saveB.text();
      assert.match(html, /Someone else saved this resource while you were editing/);
      assert.ok(html.includes(editor.user.email), 'says who saved');
      assert.match(html, /<del>Alpha rewrote the<\/del> summary\./, 'the saved text, its differing words marked');
      assert.match(html, /<ins>Bravo wrote another<\/ins> summary\./, "the user's text, its differing words marked");
      assert.match(html, />Bravo wrote another summary\.<\/textarea>/, 'the form keeps what the user typed');
      assert.equal(formVersion(html), a + 1, 'the form now saves over the current version');
      assert.equal((await resourceSnapshot(t.db, id))!.data.summary.en, 'Alpha rewrote the summary.', "the database has A's save");
      const again = await t.app.request(`/en/admin/resources/${id}`, other.form({ ...mine, version: String(formVersion(html)) }));
      assert.equal(again.status, 303);
      assert.match(again.headers.get('location') ?? '', new RegExp(`saved=${a + 2}$`));
      const stored = (await resourceSnapshot(t.db, id))!;
      assert.equal(stored.version, a + 2);
      assert.equal(stored.data.summary.en, 'Bravo wrote another summary.');
    });
  });
}
