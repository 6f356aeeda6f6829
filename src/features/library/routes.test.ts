// The library's pages through the app, on both databases, with the shipped data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { buildResource } from '../../testing/builders.ts';
import { upsertResources } from './store.ts';
import { contentChanged } from '../../web/cache.ts';
import { CATALOGS } from '../../i18n/messages.ts';

for (const kind of DATABASE_KINDS) {
  describe(`library pages on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());
    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

    it('sends / to the reader\'s language', async () => {
      const res = await get('/', { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/fa');
    });

    it('lists the 29 shipped resources with facets, in English', async () => {
      const res = await get('/en/library');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /^<!DOCTYPE html><html lang="en" dir="ltr">/);
      assert.match(html, /29 resources/);
      assert.match(html, /Page 1 of 2/);
      const page2 = await (await get('/en/library?page=2')).text();
      assert.match(html + page2, /Missing Children in Southeast Asia/);
      assert.match(html, /<legend>Topic<\/legend>/);
      assert.match(html, /name="country" value="LA"/);
    });

    it('renders Arabic pages right to left with Arabic strings and summaries', async () => {
      const html = await (await get('/ar/library?q=missing')).text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.ok(html.includes(CATALOGS.ar['library.title']!), 'Arabic title string');
      assert.match(html, /[\u0600-\u06FF]{3,}/);
    });

    it('combines filters in the URL and shows active filter chips', async () => {
      const html = await (await get('/en/library?topic=missing-children-and-child-abduction&country=TH')).text();
      assert.match(html, /Missing Children in Southeast Asia/);
      assert.doesNotMatch(html, /Smartphones \(Infographic\)/);
      assert.match(html, /aria-label="Remove filter: Thailand"/);
    });

    it('treats empty form fields as not set and ranks a typed search by relevance', async () => {
      const res = await get('/en/library?q=missing+children&year_from=&year_to=&sort=');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<option value="relevance" selected="">/);
      const api = await get('/api/v1/resources?q=missing&year_from=&page=');
      assert.equal(api.status, 200);
    });

    it('explains an empty result and offers a way out', async () => {
      const html = await (await get('/en/library?q=qqqzzzxxx')).text();
      assert.match(html, /No resources match this search/);
      assert.match(html, /href="\/en\/library">Start a new search/);
    });

    it('answers a bad parameter with 400 naming it, in the page language', async () => {
      const en = await get('/en/library?year_from=abc');
      assert.equal(en.status, 400);
      assert.match(await en.text(), /year_from/);
      const ru = await get('/ru/library?page=0');
      assert.equal(ru.status, 400);
      const body = await ru.text();
      assert.match(body, /<html lang="ru"/);
      assert.match(body, /page/);
    });

    it('shows a resource with details and related resources, and redirects old slugs', async () => {
      const redirect = await get('/en/library/2');
      assert.equal(redirect.status, 301);
      const location = redirect.headers.get('location')!;
      const html = await (await get(location)).text();
      assert.match(html, /<h1>Missing Children in Southeast Asia: Model Framework &amp; Regional Review<\/h1>/);
      assert.match(html, /Related resources/);
      assert.match(html, /href="\/en\/library\/countries\/LA">Laos</);
      assert.match(html, /href="\/api\/v1\/resources\/2\/export.ris\?lang=en"/);
    });

    it('has topic, country, region and publisher pages', async () => {
      assert.match(await (await get('/en/library/topics')).text(), /Child sexual abuse material/);
      assert.match(await (await get('/es/library/countries/KP')).text(), /Corea del Norte/);
      const region = await (await get('/en/library/regions/asean')).text();
      assert.match(region, /Region: /);
      assert.match(region, /Missing Children in Southeast Asia/);
      assert.match(await (await get('/en/library/publishers/icmec')).text(), /Publisher: ICMEC/);
      assert.equal((await get('/en/library/topics/no-such-topic')).status, 404);
      assert.equal((await get('/en/library/countries/ZZ')).status, 404);
    });

    it('renders stored markup inert', async () => {
      await upsertResources(t.db, [
        buildResource({ slug: 'xss-probe', title: { en: '<script>alert(1)</script> probe' }, summary: { en: '<img src=x onerror=alert(2)>' } }),
      ]);
      contentChanged();
      const html = await (await get('/en/library?q=probe')).text();
      assert.ok(!html.includes('<script>alert(1)'));
      assert.ok(!html.includes('<img src=x'));
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; probe/);
    });

    it('sends security headers, ETag and answers 304 to a matching If-None-Match', async () => {
      const first = await get('/en/library/topics');
      assert.match(first.headers.get('content-security-policy')!, /script-src 'self'/);
      assert.doesNotMatch(first.headers.get('content-security-policy')!, /unsafe-inline/);
      assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
      const etag = first.headers.get('etag');
      assert.ok(etag);
      const again = await get('/en/library/topics', { 'if-none-match': etag });
      assert.equal(again.status, 304);
    });

    it('answers unknown pages with a 404 page in the language', async () => {
      const res = await get('/es/nothing-here');
      assert.equal(res.status, 404);
      assert.match(await res.text(), /<html lang="es"/);
      assert.equal((await get('/xx/library')).status, 404);
    });
  });
}
