// The CSV and JSON exports of the country index, the comparison and a profile's assessments, read
// back with papaparse and JSON.parse, on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { countryName } from '../taxonomy/country-names.ts';
import { addEdition, assess, seedReviews } from './test-data.ts';

const CSAM = 'csam-legislation 2024';

for (const kind of DATABASE_KINDS) {
  describe(`country exports on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      await seedReviews(t.db);
    });
    after(() => t.close());

    async function fetchCsv(path: string) {
      const res = await t.app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="[a-zA-Z0-9-]+\.csv"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for spreadsheet programs');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
      assert.deepEqual(parsed.errors, []);
      return { fields: parsed.meta.fields ?? [], rows: parsed.data };
    }
    async function fetchJson(path: string) {
      const res = await t.app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      return JSON.parse(await res.text());
    }

    it('exports the index with the newest published scores, empty (never 0) when not assessed', async () => {
      const { fields, rows } = await fetchCsv('/es/countries.csv');
      assert.deepEqual(fields, ['demo', 'country', 'country_name', 'continent', 'subregion', CSAM]);
      assert.ok(rows.length >= 249);
      const row = (code: string) => rows.find((r) => r.country === code)!;
      assert.deepEqual(row('PH'), { demo: 'false', country: 'PH', country_name: countryName('PH', 'es'), continent: 'asia', subregion: 'south-eastern-asia', [CSAM]: '75' });
      assert.equal(row('FR')[CSAM], '0');
      assert.equal(row('DE')[CSAM], '');
      const json = await fetchJson('/en/countries.json');
      assert.equal(json.demo, false);
      assert.equal(json.notice, undefined);
      assert.deepEqual(json.frameworks.map((f: { key: string; edition: string }) => `${f.key} ${f.edition}`), [CSAM]);
      assert.ok(json.unpublished.includes('missing-child-framework'));
      const ph = json.rows.find((r: { code: string }) => r.code === 'PH');
      assert.deepEqual(ph, { code: 'PH', name: 'Philippines', continent: 'asia', subregion: 'south-eastern-asia', scores: { 'csam-legislation': 75 } });
      assert.equal(json.rows.find((r: { code: string }) => r.code === 'DE').scores['csam-legislation'], null);
      assert.match(await (await t.app.request('/en/countries')).text(), /href="\/en\/countries\.csv">CSV<\/a> · <a href="\/en\/countries\.json">JSON/);
    });

    it('exports a comparison: statuses per criterion, scores, ranks and ratifications', async () => {
      const { fields, rows } = await fetchCsv('/en/countries/compare.csv?c=PH&c=fr');
      assert.deepEqual(fields, ['demo', 'row', 'framework', 'edition', 'key', 'name', 'PH', 'FR']);
      const find = (row: string, key: string) => rows.find((r) => r.row === row && r.key === key)!;
      assert.deepEqual(find('criterion', 'specific-legislation'), {
        demo: 'false', row: 'criterion', framework: 'csam-legislation', edition: '2024', key: 'specific-legislation',
        name: 'Legislation specific to child sexual abuse material', PH: 'met', FR: 'not_met',
      });
      assert.equal(find('criterion', 'definition').PH, 'partly');
      assert.equal(find('criterion', 'definition').FR, 'not_assessed');
      assert.deepEqual([find('score', '').PH, find('score', '').FR], ['75', '0']);
      assert.deepEqual([find('rank', '').PH, find('rank', '').FR], ['1', '2']);
      assert.equal(rows.filter((r) => r.row === 'ratification').length, 8, 'one row per instrument');
      assert.equal(find('ratification', 'crc').PH, 'ratification 1990-08-21');
      assert.equal(find('ratification', 'crc').FR, '');
      assert.ok(!rows.some((r) => r.framework === 'missing-child-framework'), 'nothing published for that framework');
      const json = await fetchJson('/en/countries/compare.json?c=PH&c=FR');
      assert.deepEqual(json.countries, [{ code: 'PH', name: 'Philippines' }, { code: 'FR', name: 'France' }]);
      const csam = json.frameworks.find((f: { key: string }) => f.key === 'csam-legislation');
      assert.deepEqual(csam.scores, { PH: 75, FR: 0 });
      assert.deepEqual(csam.criteria[0].statuses, { PH: 'met', FR: 'not_met' });
      assert.equal(json.frameworks.find((f: { key: string }) => f.key === 'missing-child-framework').edition, null);
      assert.deepEqual(json.ratifications.find((r: { instrument: string }) => r.instrument === 'opsc').countries, { PH: { action: 'accession', signedOn: null, boundOn: '2002-05-28' }, FR: null });
      const page = await (await t.app.request('/en/countries/compare?c=PH&c=FR')).text();
      assert.match(page, /href="\/en\/countries\/compare\.csv\?c=PH&amp;c=FR">CSV/);
    });

    it('answers bad comparison parameters with 400, like the page', async () => {
      for (const q of ['', '?c=PH', '?c=PH&c=ZZ', '?' + ['PH', 'FR', 'DE', 'ES', 'IT', 'BR', 'US'].map((c) => `c=${c}`).join('&')]) {
        assert.equal((await t.app.request(`/en/countries/compare.csv${q}`)).status, 400, q);
        assert.equal((await t.app.request(`/en/countries/compare.json${q}`)).status, 400, q);
      }
    });

    it("exports a profile's assessments with evidence and notes, and 404 for an unknown country", async () => {
      const { fields, rows } = await fetchCsv('/en/countries/PH/assessments.csv');
      assert.deepEqual(fields, ['demo', 'country', 'framework', 'edition', 'criterion', 'criterion_name', 'status', 'evidence', 'note']);
      assert.equal(rows.length, 5, 'the five CSAM criteria');
      const first = rows.find((r) => r.criterion === 'specific-legislation')!;
      assert.equal(first.status, 'met');
      assert.equal(first.evidence, 'Republic Act No. 9775 (Anti-Child Pornography Act of 2009) (2009), sec. 9; Supreme Court ruling G.R. 12345 <https://example.org/ruling>');
      assert.equal(rows.find((r) => r.criterion === 'definition')!.note, 'The definition leaves out drawings.');
      assert.equal(rows.find((r) => r.criterion === 'provider-reporting')!.status, 'not_assessed');
      assert.ok(!rows.some((r) => r.note?.includes('UNPUBLISHED')));
      const ar = await fetchJson('/ar/countries/PH/assessments.json');
      assert.equal(ar.rows.find((r: { criterion: string }) => r.criterion === 'definition').note, 'التعريف لا يشمل الرسوم.');
      assert.equal(ar.demo, false);
      assert.deepEqual((await fetchCsv('/en/countries/DE/assessments.csv')).rows, [], 'Germany is not assessed');
      assert.equal((await t.app.request('/en/countries/XX/assessments.csv')).status, 404);
      assert.equal((await t.app.request('/en/countries/FRA/assessments.json')).status, 404);
      const lower = await t.app.request('/en/countries/ph/assessments.csv');
      assert.equal(lower.status, 301);
      assert.equal(lower.headers.get('location'), '/en/countries/PH/assessments.csv');
      assert.match(await (await t.app.request('/en/countries/PH')).text(), /href="\/en\/countries\/PH\/assessments\.json">JSON/);
    });

    it('marks exports built on a demonstration edition', async () => {
      const demo = await addEdition(t.db, 'missing-child-framework', 'demo-2024', { demo: true });
      await assess(t.db, demo, 'missing-child-framework', 'PH', 'definition', 'met');
      const index = await fetchCsv('/en/countries.csv');
      assert.ok(index.fields.includes('missing-child-framework demo-2024'));
      assert.ok(index.rows.every((r) => r.demo === 'true'));
      const json = await fetchJson('/en/countries.json');
      assert.equal(json.demo, true);
      assert.match(json.notice, /Demonstration data\..*National missing-child framework \(edition demo-2024\)/);
      assert.equal(json.frameworks.find((f: { key: string }) => f.key === 'missing-child-framework').demo, true);
      const compare = await fetchCsv('/en/countries/compare.csv?c=PH&c=FR');
      assert.ok(compare.rows.filter((r) => r.framework === 'missing-child-framework').every((r) => r.demo === 'true'));
      assert.ok(compare.rows.filter((r) => r.framework === 'csam-legislation').every((r) => r.demo === 'false'));
      const profile = await fetchCsv('/en/countries/PH/assessments.csv');
      assert.deepEqual([...new Set(profile.rows.filter((r) => r.demo === 'true').map((r) => r.framework))], ['missing-child-framework']);
      assert.equal((await fetchJson('/en/countries/PH/assessments.json')).demo, true);
    });
  });
}
