// The public "submit a practice" form through the app, on both databases: a valid submission is
// stored, each invalid field is answered next to it in the page's language, the honeypot stores
// nothing, the rate limit answers 429, and links other than http(s) are refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { openForm } from '../../testing/anonymous-browser.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { countRows, postSubmission, resetRateLimit, submissionForm } from './test-helpers.ts';
import { SUBMISSION_LIMIT } from './submit-routes.tsx';

const es = CATALOGS.es;

/** hono/jsx escapes quotes and ampersands; messages are compared as the page holds them. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const kind of DATABASE_KINDS) {
  describe(`submit a practice on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind, { shipped: false });
    });
    after(() => t.close());

    const post = (locale: string, fields: Record<string, string | string[]>) => postSubmission(t.app, locale, fields);

    it('shows the form in the page language with a hidden, labelled honeypot and country names', async () => {
      const { html } = await openForm(t.app, '/es/practices/submit');
      assert.match(html, /<html lang="es" dir="ltr">/);
      assert.ok(html.includes(escaped(es['practicesAdmin.submit.title']!)));
      assert.match(html, /<option value="es" selected="" lang="es" dir="ltr">Español<\/option>/);
      assert.match(html, /<label for="website">Deje este campo vacío<\/label><input id="website" name="website" value="" tabindex="-1" autocomplete="off"/);
      assert.match(html, /<div class="practice-trap">/);
      assert.match(html, /<option value="TH">Tailandia<\/option>/);
      assert.ok(html.includes(escaped(es['practicesAdmin.submit.contactWhy']!)), 'says why contact details are asked');
      const rtl = await openForm(t.app, '/fa/practices/submit');
      assert.match(rtl.html, /<html lang="fa" dir="rtl">/);
    });

    it('stores a valid submission as typed and thanks the sender', async () => {
      await resetRateLimit(t.db);
      const before = await countRows(t.db, 'practice_submissions');
      const res = await post('es', submissionForm({ language: 'es', title: 'Comités de protección en las aldeas' }));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/es/practices/submit/thanks');
      assert.equal(await countRows(t.db, 'practice_submissions'), before + 1);
      const row = (
        await sql<{ locale: string; payload: Record<string, unknown>; contact_name: string; contact_email: string; status: string }>`
          SELECT locale, payload, contact_name, contact_email, status FROM practice_submissions ORDER BY id DESC LIMIT 1`.execute(t.db)
      ).rows[0]!;
      assert.equal(row.locale, 'es');
      assert.equal(row.status, 'pending');
      assert.deepEqual(row.payload.title, { es: 'Comités de protección en las aldeas' });
      assert.deepEqual(row.payload.countries, ['TH', 'LA']);
      assert.equal(row.payload.yearFrom, 2015);
      assert.deepEqual(row.payload.links, [{ url: 'https://example.org/report', label: '' }]);
      assert.equal(row.contact_name, 'Ana Pérez');
      assert.equal(row.contact_email, 'ana@example.org');
      const thanks = await t.app.request('/es/practices/submit/thanks');
      assert.equal(thanks.status, 200);
      assert.ok((await thanks.text()).includes(es['practicesAdmin.thanks.title']!));
    });

    it('answers each invalid field next to it, in Spanish, keeping what was typed', async () => {
      const cases: [Record<string, string | string[]>, string, string][] = [
        [{ title: '' }, 'title', 'practicesAdmin.error.titleRequired'],
        [{ summary: '   ' }, 'summary', 'practicesAdmin.error.summaryRequired'],
        [{ actor: 'pirate' }, 'actor', 'practicesAdmin.error.actor'],
        [{ language: 'de' }, 'language', 'practicesAdmin.error.language'],
        [{ year_from: 'soon' }, 'year-from', 'practicesAdmin.error.year'],
        [{ year_from: '2020', year_to: '2010' }, 'year-to', 'practicesAdmin.error.yearOrder'],
        [{ link_2: 'javascript:alert(1)' }, 'link-2', 'practicesAdmin.error.link'],
        [{ link_3: 'ftp://example.org/file' }, 'link-3', 'practicesAdmin.error.link'],
        [{ countries: ['TH', 'ZZ'] }, 'countries', 'practicesAdmin.error.countries'],
        [{ topics: ['no-such-topic'] }, 'topics', 'practicesAdmin.error.topics'],
        [{ contact_email: 'not an address' }, 'contact-email', 'practicesAdmin.error.contactEmail'],
        [{ contact_name: 'x'.repeat(201) }, 'contact-name', 'practicesAdmin.error.contactName'],
      ];
      const before = await countRows(t.db, 'practice_submissions');
      for (const [override, field, key] of cases) {
        const res = await post('es', submissionForm({ ...override, description: 'Texto <b>conservado</b>' }));
        assert.equal(res.status, 422, field);
        const html = await res.text();
        const message = es[key]!.replace(/\{min\}/, '1800').replace(/\{max\}/, field === 'contact-name' ? '200' : field.startsWith('link') ? '2000' : '2200');
        assert.ok(html.includes(`<p class="field-error practice-field-error" id="${field}-error">${escaped(message)}</p>`), `${field}: message in Spanish`);
        assert.match(html, new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-error`), `${field} is marked invalid`);
        assert.ok(html.includes('Texto &lt;b&gt;conservado&lt;/b&gt;'), `${field}: the description typed is kept, escaped`);
      }
      assert.equal(await countRows(t.db, 'practice_submissions'), before, 'nothing stored');
    });

    it('keeps a refused javascript: link in the field for correction, never as a link', async () => {
      const res = await post('en', submissionForm({ link_1: 'javascript:alert(document.cookie)' }));
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /<input id="link-1" name="link_1" type="url" value="javascript:alert\(document.cookie\)"/);
      assert.doesNotMatch(html, /href="javascript:/);
    });

    it('answers a filled honeypot like a real submission but stores nothing', async () => {
      await resetRateLimit(t.db);
      const before = await countRows(t.db, 'practice_submissions');
      const res = await post('en', submissionForm({ website: 'http://spam.example' }));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/practices/submit/thanks');
      assert.equal(await countRows(t.db, 'practice_submissions'), before);
    });

    it('refuses a post without the form token', async () => {
      const res = await t.app.request('/en/practices/submit', {
        method: 'POST',
        body: new URLSearchParams(submissionForm() as Record<string, string>),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://atlas.test' },
      });
      assert.equal(res.status, 403);
    });

    it('limits one address to a few submissions an hour, answering 429 in the page language', async () => {
      await resetRateLimit(t.db);
      const before = await countRows(t.db, 'practice_submissions');
      for (let i = 0; i < SUBMISSION_LIMIT.max; i++) {
        assert.equal((await post('ru', submissionForm({ title: `Practice ${i}` }))).status, 303);
      }
      const res = await post('ru', submissionForm({ title: 'One too many' }));
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      const html = await res.text();
      assert.match(html, /Попробуйте снова через 60 минут/);
      assert.match(html, /value="One too many"/, 'the text typed is kept');
      assert.equal(await countRows(t.db, 'practice_submissions'), before + SUBMISSION_LIMIT.max);
      await resetRateLimit(t.db);
    });
  });
}
