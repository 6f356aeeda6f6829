// The practices directory over HTTP on both databases: search page, practice page, escaping,
// language fallbacks, drafts hidden, exports read back with real parsers, and the API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { contentChanged } from '../../web/cache.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { upsertPractices } from './store.ts';
import { buildPractice } from './test-helpers.ts';
import shipped from '../../data/practices.json' with { type: 'json' };

for (const kind of DATABASE_KINDS) {
  describe(`practices pages and API on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      await upsertPractices(t.db, [
        buildPractice({ slug: 'xss-probe', title: { en: '<script>alert(1)</script> probe' }, summary: { en: '<img src=x onerror=alert(2)>' },
          description: { en: 'First paragraph.\n\n"><svg onload=alert(3)>' }, links: [{ url: 'https://example.org/a?b=1&c=2', label: '<b>label</b>' }],
          countries: ['FR'], topics: ['online-safety'], yearFrom: 2019 }),
        buildPractice({ slug: 'english-only', title: { en: 'An English-only practice' }, summary: { en: 'Only written in English so far.' },
          outcomes: { en: 'Some outcome.' }, relatedResources: ['model-missing-child-framework'] }),
        buildPractice({ slug: 'unpublished', title: { en: 'Not yet public' }, status: 'draft' }),
      ]);
      contentChanged();
    });
    after(() => t.close());
    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

    it('lists the shipped practices with facets and exports, in English and Arabic', async () => {
      const res = await get('/en/practices');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, new RegExp(`${shipped.length + 2} practices`));
      assert.match(html, /Barnahus \(Children&#39;s House\)|Barnahus \(Children's House\)/);
      assert.match(html, /<legend>Who runs it<\/legend>/);
      assert.match(html, /name="actor" value="government"/);
      assert.match(html, /href="\/api\/v1\/practices\/export.csv\?lang=en"/);
      const ar = await (await get('/ar/practices?actor=government')).text();
      assert.match(ar, /<html lang="ar" dir="rtl">/);
      assert.ok(ar.includes(CATALOGS.ar['practices.title']!));
      assert.ok(ar.includes('بارناهوس'));
      assert.match(ar, /aria-label="[^"]*جهة حكومية"/, 'the active filter chip, in Arabic');
    });

    it('keeps every state in the URL: filters, years, sort, and removable chips', async () => {
      const html = await (await get('/en/practices?topic=child-sexual-abuse-material&year_from=2015&year_to=2020&sort=title')).text();
      assert.match(html, /Project Arachnid/);
      assert.match(html, /WeProtect Global Alliance/);
      assert.doesNotMatch(html, /Thuthuzela/);
      assert.match(html, /<option value="title" selected="">/);
      assert.match(html, /aria-label="Remove filter: Years active: 2015–2020" href=|href="[^"]*" aria-label="Remove filter: Years active: 2015–2020"/);
      assert.match(html, /value="2015"/);
    });

    it('explains an empty result and points to the submission form', async () => {
      const html = await (await get('/en/practices?q=qqqzzzxxx')).text();
      assert.match(html, /No practices match this search/);
      assert.match(html, /href="\/en\/practices\/submit">Submit a practice/);
    });

    it('answers a bad parameter with 400 naming it', async () => {
      const res = await get('/en/practices?actor=robot');
      assert.equal(res.status, 400);
      assert.match(await res.text(), /actor/);
      assert.equal((await get('/ru/practices?year_from=abc')).status, 400);
    });

    it('shows a practice in the page language with its details and links', async () => {
      const html = await (await get('/es/practices/barnahus')).text();
      assert.match(html, /<h1>Barnahus \(Casa de los Niños\)<\/h1>/);
      assert.match(html, /href="\/es\/countries\/IS">Islandia</);
      assert.match(html, /href="https:\/\/www.barnahus.eu\/" rel="noopener noreferrer">www.barnahus.eu</);
      assert.match(html, /href="\/es\/library\/\d+-multidisciplinary-team-response-to-child-maltreatment"/);
      assert.match(html, /Desde 1998/);
      assert.doesNotMatch(html, /class="fallback"/);
    });

    it('marks texts shown in another language with lang, dir and a note', async () => {
      const html = await (await get('/fa/practices/english-only')).text();
      assert.match(html, /<h1 lang="en" dir="auto">An English-only practice<\/h1>/);
      assert.match(html, /<p class="lead" lang="en" dir="auto">Only written in English so far.<\/p>/);
      assert.match(html, /<div lang="en" dir="auto"><p>Some outcome.<\/p><\/div>/);
      assert.ok(html.includes('class="fallback"'));
      assert.match(html, /<html lang="fa" dir="rtl">/);
    });

    it('renders stored markup inert', async () => {
      for (const path of ['/en/practices?q=probe', '/en/practices/xss-probe']) {
        const html = await (await get(path)).text();
        assert.ok(!html.includes('<script>alert(1)'), path);
        assert.ok(!html.includes('<img src=x'), path);
        assert.ok(!html.includes('<svg onload'), path);
        assert.ok(!html.includes('<b>label</b>'), path);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; probe/);
      }
    });

    it('answers 404 for drafts and unknown slugs, on pages and in the API', async () => {
      assert.equal((await get('/en/practices/unpublished')).status, 404);
      assert.equal((await get('/en/practices/no-such-practice')).status, 404);
      assert.equal((await get('/api/v1/practices/unpublished')).status, 404);
      assert.equal((await get('/api/v1/practices/unpublished/export.json')).status, 404);
    });

    it('exports a result set as CSV and JSON that parse back', async () => {
      const csvRes = await get('/api/v1/practices/export.csv?actor=government&lang=ru');
      assert.equal(csvRes.status, 200);
      assert.match(csvRes.headers.get('content-type')!, /text\/csv/);
      const csv = Papa.parse<Record<string, string>>((await csvRes.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      assert.deepEqual(csv.errors, []);
      const expected = shipped.filter((p) => p.actor === 'government').map((p) => p.slug).sort();
      assert.deepEqual(csv.data.map((r) => r.slug).sort(), expected);
      const amber = csv.data.find((r) => r.slug === 'amber-alert')!;
      assert.equal(amber.actor, 'Государственный орган');
      assert.equal(amber.countries, 'Соединенные Штаты');
      assert.equal(amber.year_from, '1996');
      assert.equal(amber.url, 'http://atlas.test/ru/practices/amber-alert');

      const probe = Papa.parse<Record<string, string>>((await (await get('/api/v1/practices/export.csv?q=probe')).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      assert.equal(probe.data[0]!.title, '<script>alert(1)</script> probe');

      const json = await (await get('/api/v1/practices/export.json?country=US')).json() as { items: { slug: string; actor: { slug: string } }[] };
      assert.deepEqual(json.items.map((i) => i.slug).sort(), ['amber-alert', 'ncmec-cybertipline']);
      const one = await get('/api/v1/practices/the-code/export.json?lang=en');
      assert.match(one.headers.get('content-disposition')!, /the-code.json/);
      const parsed = JSON.parse(await one.text()) as { items: { slug: string; title: Record<string, string> }[] };
      assert.equal(parsed.items[0]!.slug, 'the-code');
      assert.equal(Object.keys(parsed.items[0]!.title).length, 5);
    });

    it('answers the API with facet counts, one practice, and 400 naming a bad parameter', async () => {
      const res = await get('/api/v1/practices?topic=missing-children-and-child-abduction&lang=es');
      assert.equal(res.status, 200);
      const body = await res.json() as { total: number; items: { slug: string }[]; facets: { actor: { value: string; label: string; count: number }[] } };
      assert.deepEqual(body.items.map((i) => i.slug).sort(), ['amber-alert', 'childline-1098']);
      assert.deepEqual(body.facets.actor.map((a) => [a.value, a.count]).sort(), [['civil-society', 1], ['government', 1]]);
      assert.equal(body.facets.actor.find((a) => a.value === 'government')!.label, 'Organismo público');

      const one = await (await get('/api/v1/practices/internet-watch-foundation')).json() as { slug: string; countries: { code: string }[]; links: { url: string }[] };
      assert.equal(one.slug, 'internet-watch-foundation');
      assert.deepEqual(one.countries.map((c) => c.code), ['GB']);

      const bad = await get('/api/v1/practices?year_to=nope');
      assert.equal(bad.status, 400);
      const error = await bad.json() as { error: { field?: string; message: string } };
      assert.equal(error.error.field, 'year_to');
      assert.equal((await get('/api/v1/practices?actor=robot')).status, 400);
      assert.equal((await get('/api/v1/practices/Not_A_Slug')).status, 400);

      const doc = await (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
      for (const path of ['/api/v1/practices', '/api/v1/practices/{slug}', '/api/v1/practices/export.{format}', '/api/v1/practices/{slug}/export.json']) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
}
