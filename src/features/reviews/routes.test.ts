// The public review pages and their exports through the app, on both databases: ranking and
// changes between two published editions, the region filter, the regional review, the gap
// analysis, the weighted index, demonstration data, every export read back, and Arabic pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { CSAM, MISSING, seedReviews } from './test-helpers.ts';

/** A CSV download read back: it starts with a UTF-8 BOM (for spreadsheets), then papaparse reads it. */
const csvRows = async (res: Response) => {
  assert.equal(res.status, 200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a BOM');
  const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes.slice(3)), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return parsed.data;
};

/** The text of each body row's header cell (the country), in order. */
const rowNames = (html: string) => [...html.matchAll(/<th scope="row">(?:<a [^>]*>)?([^<]+)</g)].map((m) => m[1]);

for (const kind of DATABASE_KINDS) {
  describe(`review pages on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      t = await testApp(kind);
      await seedReviews(t.db);
    });
    after(() => t.close());
    const get = (path: string) => t.app.request(path);
    const html = async (path: string, status = 200) => {
      const res = await get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };

    it('lists the frameworks with criteria, newest published edition and countries assessed', async () => {
      const page = await html('/en/reviews');
      assert.match(page, /href="\/en\/reviews\/csam-legislation">Child sexual abuse material legislation/);
      assert.match(page, /5 criteria/);
      assert.match(page, /6 criteria/);
      // ID has nothing but "not assessed": it does not count; the 2025 draft is not shown.
      assert.match(page, /Newest edition: 2024 \(2024\), 5 countries assessed/);
      assert.doesNotMatch(page, /Newest edition: 2025 \(2025\), 5/);
      assert.match(page, /Newest edition: \+2025 \(2025\), 2 countries assessed/);
    });

    it('ranks the newest published edition with changes since the previous one', async () => {
      const page = await html(`/en/reviews/${CSAM}`);
      assert.match(page, /Edition 2024 \(2024\)/);
      assert.deepEqual(rowNames(page), ['France', 'Thailand', 'Philippines', 'Malaysia', 'Vietnam', 'Indonesia']);
      assert.match(page, /Change since 2022/);
      assert.match(page, /change-improved">Improved, from 40%/);
      assert.match(page, /change-regressed">Regressed, from 90%/);
      assert.match(page, /change-same">Unchanged at 25%/);
      assert.equal([...page.matchAll(/change-new">New in this edition/g)].length, 2, 'France and Malaysia are new');
      assert.match(page, /<td class="num">2<\/td><th scope="row">Thailand<\/th><td class="num">70%/);
      // Indonesia has assessments but none assessed: no score, never 0.
      assert.match(page, /Unranked<\/span><\/td><th scope="row">Indonesia<\/th><td class="num"><span class="status status-not_assessed">Not assessed/);
      assert.doesNotMatch(page, /demo-banner/);
      assert.match(page, /href="\/en\/reviews\/csam-legislation\/gaps\/TH\?edition=2024"/);
      assert.match(page, /href="\/en\/countries\/TH"/);
      assert.match(page, /href="\/en\/reviews\/csam-legislation\/map\?edition=2024"/);
      assert.match(page, /href="\/en\/reviews\/csam-legislation\/regions\/south-eastern-asia\?edition=2024"/);
      assert.match(page, /href="\/en\/reviews\/csam-legislation\/scorecard.csv\?edition=2024"/);
    });

    it('shows an older edition on request and hides drafts', async () => {
      const page = await html(`/en/reviews/${CSAM}?edition=2022`);
      assert.deepEqual(rowNames(page), ['Philippines', 'Thailand', 'Vietnam']);
      assert.match(page, /No earlier edition to compare/);
      assert.match(page, /<option value="2022" selected="">/);
      assert.doesNotMatch(page, /<option value="2025"/);
      await html(`/en/reviews/${CSAM}?edition=2025`, 404);
      await html('/en/reviews/no-such-framework', 404);
    });

    it('sorts by name or by change, and answers a bad sort with 400', async () => {
      assert.deepEqual(rowNames(await html(`/en/reviews/${CSAM}?sort=name`)), ['France', 'Indonesia', 'Malaysia', 'Philippines', 'Thailand', 'Vietnam']);
      assert.deepEqual(rowNames(await html(`/en/reviews/${CSAM}?sort=change`)), ['Thailand', 'Vietnam', 'Philippines', 'France', 'Malaysia', 'Indonesia']);
      const bad = await html(`/en/reviews/${CSAM}?sort=best`, 400);
      assert.match(bad, /sort/);
    });

    it('filters by region', async () => {
      const page = await html(`/en/reviews/${CSAM}?region=south-eastern-asia`);
      assert.deepEqual(rowNames(page), ['Thailand', 'Philippines', 'Malaysia', 'Vietnam', 'Indonesia']);
      assert.match(page, /5 countries of South-eastern Asia in edition 2024/);
      assert.match(page, /<option value="south-eastern-asia" selected="">/);
      assert.deepEqual(rowNames(await html(`/en/reviews/${CSAM}?region=western-europe`)), ['France']);
      assert.match(await html(`/en/reviews/${CSAM}?region=atlantis`, 400), /region/);
    });

    it('says plainly when a framework has no published edition', async () => {
      for (const path of ['/en/reviews/model-law-coverage', '/en/reviews/model-law-coverage/regions/asean', '/en/reviews/model-law-coverage/gaps/TH', '/en/reviews/model-law-coverage/index']) {
        const page = await html(path);
        assert.match(page, /No edition of this framework has been published yet/, path);
        assert.doesNotMatch(page, /<table/, path);
      }
      await html('/en/reviews/model-law-coverage/scorecard.csv', 404);
    });

    it('shows the regional review: statuses in words, the summary, the average and the recommendations', async () => {
      const page = await html(`/en/reviews/${CSAM}/regions/south-eastern-asia?edition=2024`);
      assert.match(page, /South-eastern Asia: regional review/);
      // Every member is a row, assessed or not.
      assert.equal(rowNames(page.slice(0, page.indexOf('regional-summary'))).length, 11);
      assert.match(page, />Thailand<\/a><\/th><td class="num">70%<\/td><td class="cell status-met">Met<\/td><td class="cell status-met">Met<\/td><td class="cell status-met">Met<\/td><td class="cell status-partly">Partly met<\/td><td class="cell status-not_met">Not met<\/td>/);
      assert.match(page, />Singapore<\/a><\/th><td class="num"><span class="status status-not_assessed">Not assessed<\/span><\/td><td class="cell status-not_assessed">Not assessed/);
      // specific-legislation: met by TH, PH, MY; partly by VN; 7 members not assessed.
      assert.match(page, /Legislation specific to child sexual abuse material<\/th><td class="num">3<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">7<\/td>/);
      assert.match(page, /Average score of the 4 assessed members: 51.3%/);
      assert.match(page, /<p>Adopt a duty for service providers to report.<\/p><p>Define the material in law.<\/p>/);
      const ru = await html(`/ru/reviews/${CSAM}/regions/south-eastern-asia`);
      assert.match(ru, /<div lang="en" dir="ltr"><p>Adopt a duty/, 'English fallback marked');
      const es = await html(`/es/reviews/${CSAM}/regions/south-eastern-asia`);
      assert.match(es, /Adoptar un deber de denuncia/);
      const older = await html(`/en/reviews/${CSAM}/regions/asean?edition=2022`);
      assert.match(older, /No recommendations have been written/);
      await html(`/en/reviews/${CSAM}/regions/atlantis`, 404);
    });

    it('analyses a country’s gaps with the model-law article and a neighbour that meets it, with its citation', async () => {
      const page = await html(`/en/reviews/${CSAM}/gaps/TH`);
      assert.match(page, /Thailand: gap analysis/);
      assert.match(page, /Score: 70%; rank 2 of 5/);
      const gaps = page.slice(page.indexOf('id="gaps"'), page.indexOf('id="not-assessed"'));
      assert.match(gaps, /Knowing possession, whatever the intent to distribute/);
      assert.match(gaps, /A duty for service providers to report/);
      assert.doesNotMatch(gaps, /<h3>A legal definition/, 'a met criterion is no gap');
      assert.match(gaps, /<a href="\/en\/model-law\/atlas-sample-model-law\/articles\/child-sexual-abuse-material">Article \d+\. <span>Child sexual abuse material<\/span><\/a>/);
      assert.match(gaps, /<strong>Philippines<\/strong> \(South-eastern Asia\):[^<]*<a href="[^"]+" rel="external">Republic Act No. 9775 \(Anti-Child Pornography Act of 2009\) \(2009\), sec. 4<\/a>/);
      assert.match(gaps, /No country of its regions meets this criterion in this edition/, 'nobody nearby has provider reporting');
      assert.match(page, /Every criterion is assessed/);
      const vn = await html(`/en/reviews/${CSAM}/gaps/VN`);
      const notAssessed = vn.slice(vn.indexOf('id="not-assessed"'));
      assert.match(notAssessed, /Offences committed through computers and the internet/);
      const unknown = await get(`/en/reviews/${CSAM}/gaps/ZZ`);
      assert.equal(unknown.status, 404);
      await html(`/en/reviews/${CSAM}/gaps/th`, 404);
    });

    it('ranks with the reader’s weights, keeps them in the URL, and answers a bad weight with 400 in the page language', async () => {
      const plain = await html(`/en/reviews/${CSAM}/index`);
      assert.deepEqual(rowNames(plain).slice(0, 3), ['France', 'Thailand', 'Philippines']);
      assert.match(plain, /<select id="w-definition" name="w.definition">/);
      assert.match(plain, /<option value="1" selected="">1 \(framework weight\)<\/option>/);
      assert.match(plain, /<script type="module" src="\/assets\/reviews-index\.[0-9a-f]+\.js">/);
      const weighted = await html(`/en/reviews/${CSAM}/index?edition=2024&w.definition=0&w.knowing-possession=5`);
      assert.deepEqual(rowNames(weighted).slice(0, 3), ['France', 'Philippines', 'Thailand']);
      assert.match(weighted, /Scores below use your weights/);
      assert.match(weighted, /<select id="w-definition" name="w.definition"><option value="0" selected="">0<\/option>/);
      assert.match(weighted, /scorecard.json\?edition=2024&amp;w.definition=0&amp;w.knowing-possession=5/);
      const tooBig = await html(`/en/reviews/${CSAM}/index?w.definition=6`, 400);
      assert.match(tooBig, /w\.definition/);
      assert.match(tooBig, /out of the allowed range/);
      const ru = await html(`/ru/reviews/${CSAM}/index?w.definition=abc`, 400);
      assert.match(ru, /<html lang="ru"/);
      assert.match(ru, /w\.definition/);
      assert.ok(ru.includes(CATALOGS.ru['error.problem.number']!));
      assert.match(await html(`/en/reviews/${CSAM}/index?w.nonsense=1`, 400), /w\.nonsense/);
      assert.match(await html(`/en/reviews/${CSAM}/index?w.definition=-1`, 400), /w\.definition/);
    });

    it('puts a demo banner on every page built on demonstration data', async () => {
      const demo = encodeURIComponent('+2025');
      for (const path of [`/en/reviews/${MISSING}`, `/en/reviews/${MISSING}/regions/asean?edition=${demo}`, `/en/reviews/${MISSING}/gaps/PH`, `/en/reviews/${MISSING}/index`]) {
        const page = await html(path);
        const banner = page.indexOf('class="demo-banner"');
        assert.ok(banner > 0, path);
        assert.ok(banner < page.indexOf('<h1'), `${path}: the banner comes before the content`);
        assert.match(page, /illustrative demonstration data/);
      }
      assert.doesNotMatch(await html(`/en/reviews/${CSAM}/gaps/TH`), /demo-banner/);
    });

    it('exports the scorecard as CSV and JSON with the same parameters as the page', async () => {
      const res = await get(`/en/reviews/${CSAM}/scorecard.csv?region=south-eastern-asia`);
      assert.match(res.headers.get('content-type')!, /text\/csv/);
      assert.match(res.headers.get('content-disposition')!, /attachment; filename="csam-legislation-2024-south-eastern-asia-scorecard.csv"/);
      const rows = await csvRows(res);
      assert.deepEqual(rows.map((r) => r.country), ['TH', 'PH', 'MY', 'VN', 'ID']);
      assert.deepEqual(rows[0], { demo: 'false', edition: '2024', rank: '2', country: 'TH', country_name: 'Thailand', score: '70', met: '3', partly: '1', not_met: '1', not_assessed: '0', change: 'improved', previous_score: '40' });
      assert.equal(rows[4]!.score, '', 'no score is empty, not 0');
      const data = JSON.parse(await (await get(`/en/reviews/${CSAM}/scorecard.json?w.definition=0&sort=name`)).text());
      assert.equal(data.framework, CSAM);
      assert.equal(data.edition, '2024');
      assert.equal(data.demo, false);
      assert.equal(data.notice, undefined);
      assert.equal(data.weights.definition, 0);
      assert.equal(data.customWeights, true);
      assert.deepEqual(data.rows.map((r: { country: string }) => r.country), ['FR', 'ID', 'MY', 'PH', 'TH', 'VN']);
      assert.equal(data.rows.find((r: { country: string }) => r.country === 'PH').rank, 2);
      assert.equal((await get(`/en/reviews/${CSAM}/scorecard.csv?w.definition=9`)).status, 400);
    });

    it('exports the regional review and the gap analysis, and marks demonstration data in every export', async () => {
      const region = await csvRows(await get(`/en/reviews/${CSAM}/regions/south-eastern-asia.csv?edition=2024`));
      assert.equal(region.length, 11);
      const th = region.find((r) => r.country === 'TH')!;
      assert.equal(th.score, '70');
      assert.equal(th['knowing-possession'], 'partly');
      assert.equal(region.find((r) => r.country === 'SG')!['definition'], 'not_assessed');
      const regionJson = JSON.parse(await (await get(`/en/reviews/${CSAM}/regions/south-eastern-asia.json`)).text());
      assert.equal(regionJson.averageScore, 51.3);
      assert.equal(regionJson.summary[0].met, 3);
      assert.match(regionJson.recommendations.text, /Adopt a duty/);

      const gaps = JSON.parse(await (await get(`/en/reviews/${CSAM}/gaps/TH.json`)).text());
      assert.equal(gaps.country, 'TH');
      assert.deepEqual(gaps.rows.map((r: { criterion: string }) => r.criterion), ['knowing-possession', 'provider-reporting']);
      assert.equal(gaps.rows[0].modelLawArticle.key, 'child-sexual-abuse-material');
      assert.match(gaps.rows[0].modelLawArticle.url, /^http:\/\/atlas\.test\/en\/model-law\/atlas-sample-model-law\/articles\/child-sexual-abuse-material$/);
      assert.equal(gaps.rows[0].neighbours[0].country, 'PH');
      assert.equal(gaps.rows[0].neighbours[0].evidence[0].title, 'Republic Act No. 9775 (Anti-Child Pornography Act of 2009)');
      assert.equal(gaps.rows[0].neighbours[0].evidence[0].provision, 'sec. 4');
      const gapsCsv = await csvRows(await get(`/en/reviews/${CSAM}/gaps/TH.csv`));
      assert.equal(gapsCsv[0]!.neighbours, 'PH');
      assert.match(gapsCsv[0]!.evidence!, /^PH: Republic Act No. 9775 .*sec\. 4$/);

      const demoCsv = await csvRows(await get(`/en/reviews/${MISSING}/scorecard.csv`));
      assert.ok(demoCsv.length === 2 && demoCsv.every((r) => r.demo === 'true'));
      assert.equal(demoCsv[0]!.edition, "'+2025", 'a cell starting with + cannot run as a formula');
      for (const path of [`/en/reviews/${MISSING}/scorecard.json`, `/en/reviews/${MISSING}/regions/asean.json`, `/en/reviews/${MISSING}/gaps/TH.json`]) {
        const data = JSON.parse(await (await get(path)).text());
        assert.equal(data.demo, true, path);
        assert.match(data.notice, /demonstration data/, path);
      }
      const arNotice = JSON.parse(await (await get(`/ar/reviews/${MISSING}/scorecard.json`)).text()).notice;
      assert.ok(arNotice.includes(CATALOGS.ar['reviews.demoNotice']!));
    });

    it('renders Arabic pages right to left in Arabic', async () => {
      for (const path of ['/ar/reviews', `/ar/reviews/${CSAM}`, `/ar/reviews/${CSAM}/regions/asean`, `/ar/reviews/${CSAM}/gaps/TH`, `/ar/reviews/${CSAM}/index`]) {
        const page = await html(path);
        assert.match(page, /^<!DOCTYPE html><html lang="ar" dir="rtl">/, path);
      }
      const page = await html(`/ar/reviews/${CSAM}`);
      assert.ok(page.includes(CATALOGS.ar['reviews.status.not_assessed']!));
      assert.ok(page.includes(CATALOGS.ar['reviews.scorecardTitle']!));
      assert.match(page, /<link rel="stylesheet" href="\/assets\/reviews\.[0-9a-f]+\.css"/);
    });
  });
}
