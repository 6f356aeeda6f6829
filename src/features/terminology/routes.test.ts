// The glossary pages, the checker form (paste and upload) and the API, through the app, on both
// databases with the shipped glossary.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { openForm } from '../../testing/anonymous-browser.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { BROKEN_PDF, makeDocx, makePdf, PNG_BYTES } from '../attachments/test-documents.ts';
import { MAX_TEXT_CHARS } from './document.ts';
import { sql } from 'kysely';
import { takeRateLimit } from '../../web/rate-limit.ts';
import { UPLOAD_CHECK_LIMIT } from './check-service.ts';

type Fields = Record<string, string | Blob>;

for (const kind of DATABASE_KINDS) {
  describe(`terminology pages and API on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());
    const get = (path: string) => t.app.request(path);

    /** Posts the checker form as the anonymous browser that opened it (multipart, like the page). */
    async function check(locale: string, fields: Fields) {
      const form = await openForm(t.app, `/${locale}/terminology/check`);
      const body = new FormData();
      body.set('_csrf', form.token);
      for (const [k, v] of Object.entries(fields)) body.set(k, v as string);
      return t.app.request(`/${locale}/terminology/check`, { method: 'POST', body, headers: { cookie: form.cookie, origin: 'http://atlas.test' } });
    }

    const postJson = (body: unknown, query = '') =>
      t.app.request(`/api/v1/terminology/check${query}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    it('shows the glossary grouped by status, with alternatives, explanations and sources', async () => {
      const res = await get('/en/terminology');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1>Terminology guide<\/h1>/);
      assert.match(html, /Terms to avoid <span class="muted">\(\d+ terms\)<\/span>/);
      assert.match(html, /Terms to use with care/);
      assert.match(html, /href="\/en\/terminology\/child-pornography">[^]*?child pornography/);
      assert.match(html, /Use instead:<\/strong> <a href="\/en\/terminology\/child-sexual-abuse-material">/);
      assert.match(html, /Luxembourg Guidelines \(2016\)/);
      assert.match(html, /Awaiting an editor's confirmation|Awaiting an editor&#39;s confirmation/);
    });

    it('filters the glossary by status and speaks the page language', async () => {
      const html = await (await get('/es/terminology?status=care')).text();
      assert.match(html, /<html lang="es" dir="ltr">/);
      assert.ok(html.includes(CATALOGS.es['terminology.heading.care']!));
      assert.ok(!html.includes(CATALOGS.es['terminology.heading.avoid']!), 'only the chosen group');
      assert.match(html, /sextorsión/);
      assert.match(html, /<option value="care" selected="">/);
    });

    it('shows one entry in all five languages, each with its lang and dir', async () => {
      const res = await get('/fa/terminology/child-pornography');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<html lang="fa" dir="rtl">/);
      for (const [l, d] of [['ar', 'rtl'], ['en', 'ltr'], ['es', 'ltr'], ['fa', 'rtl'], ['ru', 'ltr']]) {
        assert.match(html, new RegExp(`<section lang="${l}" dir="${d}"`), l);
      }
      assert.match(html, /пornography|детская порнография/);
      assert.match(html, /kiddie porn/);
      assert.match(html, /href="\/fa\/terminology\/child-sexual-abuse-material"/);
      assert.equal((await get('/en/terminology/no-such-term')).status, 404);
      assert.equal((await get('/en/terminology/Bad_Key')).status, 404);
    });

    it('offers the checker form with a CSRF token, a file input and the language choice', async () => {
      const form = await openForm(t.app, '/en/terminology/check');
      assert.match(form.html, /<form method="post" action="\/en\/terminology\/check" enctype="multipart\/form-data"/);
      assert.match(form.html, /<label for="tm-text">Text to check<\/label>/);
      assert.match(form.html, /<input type="file" id="tm-file" name="file"/);
      assert.match(form.html, /<option value="auto" selected="">Detect automatically<\/option>/);
    });

    it('marks the terms in a pasted text, links them to the findings and keeps the text', async () => {
      const res = await check('en', { text: 'Stop calling it child pornography.\nSexting is informal.', lang: 'auto' });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<mark id="found-1" class="tm-mark-avoid"><span class="tm-visually-hidden" lang="en" dir="ltr">Term to avoid: <\/span><a href="#finding-1">child pornography<\/a><\/mark>/);
      assert.match(html, /<mark id="found-2" class="tm-mark-care">[^]*?<a href="#finding-2">Sexting<\/a>/);
      assert.match(html, /<li id="finding-1">[^]*?child sexual abuse material/);
      assert.match(html, /1 term to avoid · 1 term to use with care/);
      assert.match(html, /Language of the text: English \(detected automatically\)/);
      assert.match(html, /<textarea[^>]*>\nStop calling it child pornography.\nSexting is informal.<\/textarea>/);
    });

    it('gives the suggestion in the text’s language on a page in another language', async () => {
      const html = await (await check('fa', { text: 'Contra la pornografía infantil.', lang: 'es' })).text();
      assert.match(html, /<html lang="fa" dir="rtl">/);
      assert.match(html, /<div class="tm-text" lang="es" dir="ltr">/);
      assert.match(html, /material de abuso sexual infantil/);
      assert.ok(html.includes(CATALOGS.fa['terminology.check.markAvoid']!));
    });

    it('says clearly when nothing is found', async () => {
      const html = await (await check('en', { text: 'Child sexual abuse material is reported.', lang: 'en' })).text();
      assert.match(html, /No terms to avoid or to use with care were found in this text\./);
      assert.doesNotMatch(html, /<mark/);
    });

    it('escapes hostile text everywhere it is shown', async () => {
      const hostile = '<script>alert(1)</script> child porn <img src=x onerror=alert(2)>';
      const html = await (await check('en', { text: hostile, lang: 'en' })).text();
      assert.ok(!html.includes('<script>alert(1)'), 'no script element from the text');
      assert.ok(!html.includes('<img src=x'), 'no image element from the text');
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /<a href="#finding-1">child porn<\/a>/);
    });

    it('refuses an empty or too long text with the message next to the field', async () => {
      const empty = await check('ru', { text: '   ', lang: 'auto' });
      assert.equal(empty.status, 422);
      const html = await empty.text();
      assert.match(html, /<textarea id="tm-text" name="text" rows="12" aria-invalid="true" aria-describedby="tm-text-error"/);
      assert.ok(html.includes(CATALOGS.ru['terminology.check.errorEmpty']!));
      const long = await check('en', { text: 'a'.repeat(MAX_TEXT_CHARS + 1), lang: 'en' });
      assert.equal(long.status, 413);
      const longHtml = await long.text();
      const message = /<p class="tm-error" id="tm-text-error">([^<]*)<\/p>/.exec(longHtml)?.[1];
      assert.equal(message, 'The text is too long: at most 200,000 characters can be checked at once.');
    });

    it('checks uploaded .txt, .docx and .pdf files, recognised by their bytes', async () => {
      const txt = new Blob(['Line one.\nA report on child prostitution.'], { type: 'application/octet-stream' });
      const txtHtml = await (await check('en', { text: '', lang: 'auto', file: new File([txt], 'draft.bin') })).text();
      assert.match(txtHtml, /<a href="#finding-1">child prostitution<\/a>/);
      assert.match(txtHtml, /line 2, column 13/);

      const docx = await makeDocx(['Intro', 'Cases of child sex tourism were reported.']);
      const docxHtml = await (await check('en', { text: 'ignored', lang: 'en', file: new File([new Uint8Array(docx)], 'draft.pdf') })).text();
      assert.match(docxHtml, /<a href="#finding-1">child sex tourism<\/a>/);
      assert.match(docxHtml, /sexual exploitation of children in travel and tourism/);

      const pdf = await makePdf(['Title', 'A paper on child pornography laws.']);
      const pdfHtml = await (await check('es', { text: '', lang: 'en', file: new File([new Uint8Array(pdf)], 'draft.docx') })).text();
      assert.match(pdfHtml, /<a href="#finding-1">child pornography<\/a>/);
    });

    it('refuses an unsupported or broken upload in the page language', async () => {
      const png = await check('es', { text: '', lang: 'auto', file: new File([PNG_BYTES], 'image.txt') });
      assert.equal(png.status, 415);
      const pngHtml = await png.text();
      assert.ok(pngHtml.includes(CATALOGS.es['terminology.check.errorUnsupported']!));
      assert.match(pngHtml, /aria-describedby="tm-file-hint tm-file-error"/);
      const broken = await check('en', { text: '', lang: 'auto', file: new File([BROKEN_PDF], 'broken.pdf') });
      assert.equal(broken.status, 422);
      assert.match(await broken.text(), /This file could not be read/);
    });

    it('limits anonymous uploads before reading them, answering 429 in the page language', async () => {
      // This client ('local' without a socket) has used its uploads for the window.
      for (let i = 0; i < UPLOAD_CHECK_LIMIT.max; i++) await takeRateLimit(t.db, UPLOAD_CHECK_LIMIT, 'local');
      const res = await check('es', { text: '', lang: 'auto', file: new File([new Blob(['child porn'])], 'draft.txt') });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      assert.ok((await res.text()).includes(CATALOGS.es['terminology.check.rateLimited']!.split('{')[0]!.trim()));
      // Pasted text is still checked.
      assert.equal((await check('es', { text: 'child porn', lang: 'en' })).status, 200);
      await sql`DELETE FROM rate_limit_events WHERE bucket = ${UPLOAD_CHECK_LIMIT.bucket}`.execute(t.db);
    });

    it('refuses a post without the form token', async () => {
      const body = new FormData();
      body.set('text', 'child porn');
      const res = await t.app.request('/en/terminology/check', { method: 'POST', body, headers: { origin: 'http://atlas.test', cookie: 'atlas_csrf=abc' } });
      assert.equal(res.status, 403);
    });

    it('serves the glossary through the API, filtered and in the language asked for', async () => {
      const res = await get('/api/v1/terminology?lang=ru&status=avoid');
      assert.equal(res.status, 200);
      const body = (await res.json()) as { items: { key: string; status: string; term: string; alternative: { term: string } | null; url: string; terms: Record<string, string> }[] };
      assert.ok(body.items.length > 3);
      assert.ok(body.items.every((i) => i.status === 'avoid'));
      const cp = body.items.find((i) => i.key === 'child-pornography')!;
      assert.equal(cp.term, 'детская порнография');
      assert.equal(cp.alternative?.term, 'материалы сексуального насилия над детьми');
      assert.equal(cp.terms.en, 'child pornography');
      assert.equal(cp.url, 'http://atlas.test/ru/terminology/child-pornography');
      const bad = await get('/api/v1/terminology?status=nice');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'status');
    });

    it('checks a text through the API without a cookie, with offsets and the text’s language', async () => {
      const text = 'Nos textes parlent de: Детская порнография и секстинг.';
      const res = await postJson({ text, lang: 'ru' });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { lang: string; detected: boolean; counts: { avoid: number; care: number }; findings: { start: number; end: number; found: string; suggestion: { term: string } | null; explanation: string }[] };
      assert.equal(body.lang, 'ru');
      assert.equal(body.detected, false);
      assert.deepEqual(body.counts, { avoid: 1, care: 1 });
      assert.equal(text.slice(body.findings[0]!.start, body.findings[0]!.end), 'Детская порнография');
      assert.match(body.findings[0]!.explanation, /порнография/);
      const auto = (await (await postJson({ text: 'El informe habla de la pornografía infantil en la región.' })).json()) as { lang: string; detected: boolean };
      assert.deepEqual([auto.lang, auto.detected], ['es', true]);
    });

    it('answers 400 naming the bad field of a check, in the language asked for', async () => {
      const missing = await postJson({ lang: 'en' }, '?lang=es');
      assert.equal(missing.status, 400);
      const error = ((await missing.json()) as { error: { field: string; message: string } }).error;
      assert.equal(error.field, 'text');
      assert.match(error.message, /text/);
      const long = await postJson({ text: 'x'.repeat(MAX_TEXT_CHARS + 1) });
      assert.equal(((await long.json()) as { error: { field: string } }).error.field, 'text');
      const lang = await postJson({ text: 'hello', lang: 'de' });
      assert.equal(lang.status, 400);
      assert.equal(((await lang.json()) as { error: { field: string } }).error.field, 'lang');
    });

    it('documents both endpoints in the OpenAPI document', async () => {
      const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      assert.ok(doc.paths['/api/v1/terminology']?.get);
      assert.ok(doc.paths['/api/v1/terminology/check']?.post);
    });
  });
}
