// The open-data API through the app, on both databases: search with facets, single resources,
// vocabularies, the OpenAPI document, errors naming the parameter, and downloads read back by parsers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';

// citation-js ships no type declarations: a non-literal specifier keeps tsc from looking for them.
const CORE: string = '@citation-js/core';
const { Cite } = (await import(CORE)) as { Cite: new (input: unknown) => { data: { title?: string; issued?: unknown }[] } };

for (const kind of DATABASE_KINDS) {
  describe(`API on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());
    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
    const json = async (path: string) => {
      const res = await get(path);
      assert.equal(res.status, 200, `${path} -> ${res.status}`);
      return (await res.json()) as Record<string, unknown> & { items: Record<string, unknown>[] };
    };

    it('searches with combined filters and returns facet counts with labels', async () => {
      const body = await json('/api/v1/resources?q=missing&region=asean&per_page=5&lang=es');
      assert.ok((body.total as number) >= 1);
      assert.ok(body.items.length <= 5);
      assert.ok(body.items.every((i) => (i.regions as { code: string }[]).some((r) => r.code === 'asean')));
      const facets = body.facets as Record<string, { value: string; label: string; count: number }[]>;
      const laos = facets.country!.find((c) => c.value === 'LA');
      assert.equal(laos?.label, 'Laos');
      assert.ok(facets.topic!.every((f) => f.count > 0));
    });

    it('returns one resource, and 404 for an unknown id', async () => {
      const r = await json('/api/v1/resources/2');
      assert.equal(r.slug, 'missing-children-in-southeast-asia-model-framework-and-regional-review');
      assert.deepEqual((r.countries as { code: string }[]).map((c) => c.code).sort(), ['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'VN']);
      const missing = await get('/api/v1/resources/99999');
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'notFound');
    });

    it('lists topics and countries in five languages', async () => {
      const topics = await json('/api/v1/topics?lang=ru');
      const csam = topics.items.find((i) => i.slug === 'child-sexual-abuse-material')!;
      assert.ok((csam.count as number) > 0);
      assert.match(csam.name as string, /[А-Яа-я]/);
      const countries = await json('/api/v1/countries');
      assert.ok(countries.items.length >= 249);
      const th = countries.items.find((c) => c.code === 'TH')!;
      assert.ok((th.regions as string[]).includes('asean'));
      assert.equal((th.names as Record<string, string>).ar, 'تايلاند');
    });

    it('rejects a bad parameter with 400 naming it, in the language asked for', async () => {
      for (const [path, field] of [
        ['/api/v1/resources?per_page=1000', 'per_page'],
        ['/api/v1/resources?sort=random', 'sort'],
        ['/api/v1/resources?country=Thailand', 'country'],
        ['/api/v1/resources?type=poem', 'type'],
        ['/api/v1/resources/export.csv?year_to=x', 'year_to'],
      ] as const) {
        const res = await get(path);
        assert.equal(res.status, 400, path);
        const body = (await res.json()) as { error: { field: string; message: string } };
        assert.equal(body.error.field, field, path);
        assert.ok(body.error.message.includes(field), path);
      }
      const ar = (await (await get('/api/v1/resources?page=-1&lang=ar')).json()) as { error: { message: string } };
      assert.match(ar.error.message, /[\u0600-\u06FF]/);
    });

    it('describes itself in OpenAPI 3.1', async () => {
      const doc = (await json('/api/openapi.json')) as unknown as { openapi: string; paths: Record<string, unknown> };
      assert.equal(doc.openapi, '3.1.0');
      for (const p of ['/api/v1/resources', '/api/v1/resources/{id}', '/api/v1/topics', '/api/v1/countries', '/api/v1/resources/export.{format}', '/api/v1/resources/feed.atom']) {
        assert.ok(doc.paths[p], p);
      }
    });

    it('exports a result set in every format, read back by real parsers', async () => {
      const q = '?topic=missing-children-and-child-abduction&lang=en';
      const total = ((await json(`/api/v1/resources${q}`)).total as number);
      const csv = await (await get(`/api/v1/resources/export.csv${q}`)).text();
      const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      assert.equal(rows.errors.length, 0);
      assert.equal(rows.data.length, total);
      assert.ok(rows.data.some((r) => r.title === 'Model Missing Child Framework'));
      const exported = JSON.parse(await (await get(`/api/v1/resources/export.json${q}`)).text()) as { items: unknown[] };
      assert.equal(exported.items.length, total);
      for (const ext of ['ris', 'bib', 'csl.json']) {
        const res = await get(`/api/v1/resources/export.${ext}${q}`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-disposition')!, new RegExp(`attachment; filename="atlas-resources\\.${ext.replace('.', '\\.')}"`));
        const items = new Cite(await res.text()).data;
        assert.equal(items.length, total, ext);
        assert.ok(items.some((i) => i.title === 'Model Missing Child Framework'), ext);
      }
    });

    it('cites one resource', async () => {
      const ris = await (await get('/api/v1/resources/2/export.ris')).text();
      const [item] = new Cite(ris).data;
      assert.equal(item!.title, 'Missing Children in Southeast Asia: Model Framework & Regional Review');
    });

    it('offers an Atom feed of new resources for a filter', async () => {
      const res = await get('/api/v1/resources/feed.atom?country=RU&lang=ru');
      assert.match(res.headers.get('content-type')!, /application\/atom\+xml/);
      const xml = await res.text();
      assert.equal(XMLValidator.validate(xml), true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      const entries = [feed.entry].flat().filter(Boolean);
      assert.equal(entries.length, 1);
      assert.match(JSON.stringify(entries[0].title), /Russian Legislation/);
    });
  });
}
