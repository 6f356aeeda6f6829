// The map page and the SVG file through the app, on both databases, with editions made here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import type { Db } from '../../db/connect.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { ASSETS } from '../../web/assets.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';

const CSAM = 'csam-legislation';
const CSAM_CRITERIA = ['specific-legislation', 'definition', 'technology-facilitated-offences', 'knowing-possession', 'provider-reporting'];

async function addEdition(db: Db, framework: string, label: string, opts: { status?: string; demo?: boolean; year?: number } = {}): Promise<string> {
  const status = opts.status ?? 'published';
  const result = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo, published_at)
    VALUES (${framework}, ${label}, ${opts.year ?? 2024}, ${status}, ${opts.demo ?? false}, ${status === 'published' ? sql`now()` : null})
    RETURNING id::text AS id`.execute(db);
  return result.rows[0]!.id;
}

/** One country's statuses, in the order of the framework's criteria. */
async function assess(db: Db, edition: string, framework: string, country: string, criteria: string[], statuses: AssessmentStatus[]) {
  for (const [i, status] of statuses.entries()) {
    await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status)
      VALUES (${edition}::bigint, ${framework}, ${country}, ${criteria[i]!}, ${status})`.execute(db);
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Each country path of the map: its class and hover title. */
function mapCountries(html: string): Map<string, { cls: string; title: string; linked: boolean }> {
  const out = new Map<string, { cls: string; title: string; linked: boolean }>();
  for (const m of html.matchAll(/(<a [^>]*>)?<path class="([^"]+)"(?: fill="[^"]*")? d="[^"]*" data-code="([A-Z]{2})"><title>([^<]*)<\/title>/g)) {
    out.set(m[3]!, { cls: m[2]!, title: decode(m[4]!), linked: Boolean(m[1]) });
  }
  return out;
}

/** The table's rows: code, country name and label, in order. */
function tableRows(html: string): { code: string; name: string; label: string; cls: string }[] {
  return [...html.matchAll(/<tr data-code="([A-Z]{2})"><th scope="row"><a href="[^"]+">([^<]*)<\/a><\/th><td><span class="map-swatch ([^"]+)" aria-hidden="true"><\/span>([^<]*)<\/td><\/tr>/g)].map(
    (m) => ({ code: m[1]!, name: decode(m[2]!), cls: m[3]!, label: decode(m[4]!) }),
  );
}

for (const kind of DATABASE_KINDS) {
  describe(`map pages on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      const db = t.db;
      const published = await addEdition(db, CSAM, '2024');
      await assess(db, published, CSAM, 'FR', CSAM_CRITERIA, ['met', 'met', 'met', 'met', 'met']);
      await assess(db, published, CSAM, 'DE', CSAM_CRITERIA, ['met', 'met', 'partly', 'not_met', 'not_met']);
      await assess(db, published, CSAM, 'BR', CSAM_CRITERIA, ['not_met', 'not_met', 'not_met', 'not_met', 'not_met']);
      await assess(db, published, CSAM, 'KE', CSAM_CRITERIA, ['not_assessed', 'not_assessed', 'not_assessed', 'not_assessed', 'not_assessed']);
      // Too small to see at this scale (a marker), and missing from Natural Earth 50m altogether.
      await assess(db, published, CSAM, 'SG', CSAM_CRITERIA, ['met']);
      await assess(db, published, CSAM, 'TV', CSAM_CRITERIA, ['partly']);
      const draft = await addEdition(db, CSAM, '2025-draft', { status: 'draft', year: 2025 });
      await assess(db, draft, CSAM, 'US', CSAM_CRITERIA, ['met', 'met', 'met', 'met', 'met']);
      const demo = await addEdition(db, 'missing-child-framework', 'demo-2024', { demo: true });
      await assess(db, demo, 'missing-child-framework', 'JP', ['definition', 'immediate-investigation'], ['met', 'partly']);
    });
    after(() => t.close());
    const get = (path: string) => t.app.request(path);
    const page = async (path: string) => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      return res.text();
    };

    it('colours every assessed country of the published edition by its score band, with its title', async () => {
      const html = await page(`/en/reviews/${CSAM}/map`);
      const map = mapCountries(html);
      assert.deepEqual(map.get('FR'), { cls: 'map-b5', title: 'France: 100%', linked: false });
      assert.deepEqual(map.get('DE'), { cls: 'map-b3', title: 'Germany: 50%', linked: false });
      assert.deepEqual(map.get('SG'), { cls: 'map-b5', title: 'Singapore: 100%', linked: false });
      assert.deepEqual(map.get('TV'), { cls: 'map-b3', title: 'Tuvalu: 50%', linked: false });
      // A score of 0 is the lowest band; nothing assessed is not assessed, never the lowest band.
      assert.deepEqual(map.get('BR'), { cls: 'map-b1', title: 'Brazil: 0%', linked: false });
      assert.equal(map.get('KE')?.cls, 'map-na');
      assert.equal(map.get('KE')?.title, 'Kenya: Not assessed');
      // Not in the edition (only in a draft): neutral.
      assert.deepEqual(map.get('US'), { cls: 'map-na', title: 'United States: Not assessed', linked: false });
      assert.ok(map.size > 230, `countries drawn: ${map.size}`);
      assert.equal([...map.values()].filter((c) => c.cls === 'map-b1').length, 1, 'only Brazil in the lowest band');
      // An image has no links inside (they would be hidden from screen readers): the table has them.
      assert.doesNotMatch(html.slice(html.indexOf('<svg'), html.indexOf('</svg>')), /<a /);
      assert.match(html, /<th scope="row"><a href="\/en\/countries\/FR">France<\/a><\/th>/);
      assert.match(html, /<svg class="map-svg" viewBox="0 0 960 \d+" role="img" aria-labelledby="map-title map-desc" lang="en"><title id="map-title">Child sexual abuse material legislation, edition 2024: score by country<\/title><desc id="map-desc">[^<]*table beside the map gives the same data/);
      assert.match(html, /Natural Earth \(public domain\)/);
      assert.doesNotMatch(html, /style=/);
    });

    it('has a table that says the same as the map: same countries, same labels, sorted', async () => {
      const html = await page(`/en/reviews/${CSAM}/map?edition=2024&criterion=score`);
      const rows = tableRows(html);
      assert.deepEqual(
        rows.map((r) => `${r.code} ${r.label}`),
        ['FR 100%', 'SG 100%', 'DE 50%', 'TV 50%', 'BR 0%', 'KE Not assessed'],
      );
      const map = mapCountries(html);
      for (const row of rows) {
        assert.equal(map.get(row.code)?.title, `${row.name}: ${row.label}`, row.code);
        assert.equal(map.get(row.code)?.cls, row.cls, row.code);
      }
      const coloured = [...map].filter(([, c]) => c.cls !== 'map-na').map(([code]) => code);
      assert.deepEqual(coloured.sort(), rows.filter((r) => r.cls !== 'map-na').map((r) => r.code).sort());
      assert.match(html, /6 countries in this edition/);
      // The legend: five bands and "not assessed", as an HTML list.
      assert.match(html, /<li><span class="map-swatch map-b1" aria-hidden="true"><\/span>0% to 20%<\/li>/);
      assert.match(html, /<li><span class="map-swatch map-na" aria-hidden="true"><\/span>Not assessed<\/li>/);
      assert.match(html, /<option value="score" selected="">Overall score<\/option>/);
    });

    it('maps one criterion by status', async () => {
      const html = await page(`/en/reviews/${CSAM}/map?criterion=technology-facilitated-offences`);
      const rows = tableRows(html);
      assert.deepEqual(
        rows.map((r) => `${r.code} ${r.label}`),
        ['FR Met', 'DE Partly met', 'BR Not met', 'KE Not assessed', 'SG Not assessed', 'TV Not assessed'],
      );
      const map = mapCountries(html);
      assert.equal(map.get('FR')?.cls, 'map-met');
      assert.equal(map.get('DE')?.cls, 'map-partly');
      assert.equal(map.get('BR')?.cls, 'map-notmet');
      assert.equal(map.get('SG')?.cls, 'map-na');
      for (const row of rows) assert.equal(map.get(row.code)?.title, `${row.name}: ${row.label}`);
      assert.match(html, /<caption id="map-table-caption">Technology-facilitated offences|<caption id="map-table-caption">[^<]+: status by country/);
      assert.match(html, /<option value="technology-facilitated-offences" selected="">/);
    });

    it('says plainly when the edition is demonstration data, and only then', async () => {
      const demo = await page('/en/reviews/missing-child-framework/map');
      assert.match(demo, /<p class="map-demo" role="note"><strong>Demonstration data/);
      assert.ok(demo.indexOf('map-demo') < demo.indexOf('<h1>'), 'the banner comes before the content');
      assert.match(demo, /<desc id="map-desc">Demonstration data/);
      const real = await page(`/en/reviews/${CSAM}/map`);
      assert.doesNotMatch(real, /map-demo/);
      const svg = await (await get('/en/reviews/missing-child-framework/map.svg')).text();
      assert.match(svg, /<text [^>]*>Demonstration data/);
    });

    it('serves the bare SVG: well-formed XML, no script, no event handlers, fills of its own', async () => {
      const res = await get(`/fa/reviews/${CSAM}/map.svg?edition=2024`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const body = await res.text();
      assert.equal(XMLValidator.validate(body), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(body);
      assert.equal(doc.svg.xmlns, 'http://www.w3.org/2000/svg');
      assert.doesNotMatch(body, /<script/i);
      assert.doesNotMatch(body, /\son[a-z]+\s*=/i);
      assert.doesNotMatch(body, /javascript:/i);
      assert.match(body, /<path class="map-b5" fill="#253494" d="[^"]+" data-code="FR">/);
      assert.match(body, /<path class="map-na" fill="url\(#map-hatch\)" d="[^"]+" data-code="US">/);
      // On its own, the file's countries with data link to their profiles (and only those).
      assert.equal(doc.svg.role, 'graphics-document');
      const links = mapCountries(body);
      assert.deepEqual([...links].filter(([, c]) => c.linked).map(([code]) => code).sort(), ['BR', 'DE', 'FR', 'KE', 'SG', 'TV']);
      assert.match(body, /<a href="http:\/\/atlas\.test\/fa\/countries\/FR"><path/);
      assert.ok(body.includes(CATALOGS.fa['map.credit']!));
      assert.match(body, /direction="rtl"/);
      assert.doesNotMatch(body, /Demonstration/);
    });

    it('answers 400 naming the parameter, in the page language, and 404 for an unknown framework', async () => {
      const edition = await get(`/es/reviews/${CSAM}/map?edition=1999`);
      assert.equal(edition.status, 400);
      const esText = await edition.text();
      assert.match(esText, /<html lang="es"/);
      assert.match(esText, /edition/);
      assert.ok(esText.includes('no es válido') || esText.includes(CATALOGS.es['error.problem.enum']!));
      // A draft edition is not public: asking for it is asking for an unknown edition.
      assert.equal((await get(`/en/reviews/${CSAM}/map?edition=2025-draft`)).status, 400);
      const criterion = await get(`/ru/reviews/${CSAM}/map?criterion=nonsense`);
      assert.equal(criterion.status, 400);
      assert.match(await criterion.text(), /criterion/);
      assert.equal((await get(`/en/reviews/${CSAM}/map.svg?criterion=nonsense`)).status, 400);
      assert.equal((await get('/en/reviews/no-such-review/map')).status, 404);
      assert.equal((await get('/en/reviews/no-such-review/map.svg')).status, 404);
    });

    it('says so when a review has no published edition, with no empty map or table', async () => {
      const html = await page('/en/reviews/model-law-coverage/map');
      assert.match(html, /No edition of this review has been published yet/);
      assert.doesNotMatch(html, /<svg|<table/);
      assert.equal((await get('/en/reviews/model-law-coverage/map.svg')).status, 404);
    });

    it('works right to left in Arabic: page direction, translated legend and table; the map stays geographic', async () => {
      const html = await page(`/ar/reviews/${CSAM}/map`);
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.ok(html.includes(CATALOGS.ar['map.legend']!));
      assert.ok(html.includes(CATALOGS.ar['map.tableCaptionScore']!));
      const en = mapCountries(await page(`/en/reviews/${CSAM}/map`));
      const ar = mapCountries(html);
      assert.equal(ar.get('FR')?.cls, 'map-b5');
      assert.match(ar.get('FR')!.title, new RegExp(`^فرنسا: `));
      const rows = tableRows(html);
      assert.equal(rows.length, 6);
      for (const row of rows) assert.equal(ar.get(row.code)?.title, `${row.name}: ${row.label}`);
      // Same geometry whatever the language.
      const paths = (s: string) => [...s.matchAll(/ d="([^"]+)" data-code="FR"/g)].map((m) => m[1]);
      assert.deepEqual(paths(html), paths(await page(`/en/reviews/${CSAM}/map`)));
      assert.equal(en.size, ar.size);
    });

    /** A CSV export: status, BOM, then the parsed rows. */
    async function exportCsv(path: string) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="map-[a-zA-Z0-9-]+\.csv"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM');
      const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.meta.fields, ['demo', 'framework', 'edition', 'by', 'country', 'country_name', 'value', 'class']);
      return parsed.data;
    }

    it("exports the map's table as CSV and JSON, the same rows and labels as the page", async () => {
      for (const [query, by] of [['', 'score'], ['?criterion=technology-facilitated-offences', 'technology-facilitated-offences']] as const) {
        const html = await page(`/es/reviews/${CSAM}/map${query}`);
        const shown = tableRows(html);
        const csvRows = await exportCsv(`/es/reviews/${CSAM}/map.csv${query}`);
        assert.deepEqual(
          csvRows.map((r) => ({ code: r.country, name: r.country_name, label: r.value, cls: r.class })),
          shown,
        );
        assert.ok(csvRows.every((r) => r.demo === 'false' && r.edition === '2024' && r.by === by));
        const json = JSON.parse(await page(`/es/reviews/${CSAM}/map.json${query}`));
        assert.equal(json.demo, false);
        assert.equal(json.notice, undefined);
        assert.equal(json.by, by);
        assert.deepEqual(json.rows.map((r: { country: string; name: string; value: string; class: string }) => ({ code: r.country, name: r.name, label: r.value, cls: r.class })), shown);
        assert.ok(html.includes(`href="/es/reviews/${CSAM}/map.csv?edition=2024${query.replace('?', '&amp;')}"`), 'a link on the page');
      }
      const fr = (await exportCsv(`/en/reviews/${CSAM}/map.csv`)).find((r) => r.country === 'FR');
      assert.deepEqual(fr, { demo: 'false', framework: CSAM, edition: '2024', by: 'score', country: 'FR', country_name: 'France', value: '100%', class: 'map-b5' });
      const ke = (await exportCsv(`/en/reviews/${CSAM}/map.csv`)).find((r) => r.country === 'KE');
      assert.equal(ke?.class, 'map-na', 'not assessed, never the lowest band');
    });

    it('marks a demonstration map export, and rejects bad parameters', async () => {
      const demo = await exportCsv('/en/reviews/missing-child-framework/map.csv');
      assert.ok(demo.length > 0 && demo.every((r) => r.demo === 'true'));
      const json = JSON.parse(await page('/en/reviews/missing-child-framework/map.json'));
      assert.equal(json.demo, true);
      assert.equal(json.notice, CATALOGS.en['map.demoNotice']);
      for (const file of ['map.csv', 'map.json']) {
        assert.equal((await get(`/en/reviews/${CSAM}/${file}?criterion=nonsense`)).status, 400);
        assert.equal((await get(`/en/reviews/${CSAM}/${file}?edition=2025-draft`)).status, 400);
        assert.equal((await get(`/en/reviews/no-such-review/${file}`)).status, 404);
        assert.equal((await get(`/en/reviews/model-law-coverage/${file}`)).status, 404, 'nothing published');
      }
    });

    it('keeps a map page light enough for a slow phone', async (ctx) => {
      const html = await page(`/en/reviews/${CSAM}/map`);
      const gzipped = gzipSync(html).length;
      const css = ASSETS.reviewsCss.gzipped.length;
      ctx.diagnostic(`map page: ${html.length} bytes, ${gzipped} gzipped (+ ${css} gzipped CSS, cached)`);
      assert.ok(gzipped < 150_000, `${gzipped} bytes gzipped`);
    });
  });
}
