// Legislative reviews in a real browser, in English and Arabic: the world map with its table, the
// weighted index re-ranking live as a weight changes, and the gap analysis; axe-core on each page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seedReviews } from '../../src/features/reviews/test-helpers.ts';
import { assertAccessible, browserSuite, pdfText } from './browser.ts';

const CSAM = '/reviews/csam-legislation';

/** Country codes of the rows of the index table, in order (from their profile links). */
async function indexOrder(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#index-results table tbody tr a[href*="/countries/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => /\/countries\/([A-Z]{2})/.exec(h)?.[1] ?? ''))].filter(Boolean);
}


describe('legislative reviews in a browser', () => {
  const suite = browserSuite({ setup: (atlas) => seedReviews(atlas.db) });

  it('prints clean country and regional PDFs in Arabic and English: content in, navigation and forms out', async () => {
    const page = await suite.guarded.newPage();
    for (const path of ['/ar/countries/TH', `/ar${CSAM}/regions/south-eastern-asia?edition=2024`, '/en/countries/PH', `/en${CSAM}/regions/south-eastern-asia?edition=2024`]) {
      await page.emulateMedia({ media: 'screen' });
      assert.equal((await page.goto(`${suite.atlas.url}${path}`))?.status(), 200, path);
      const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
      const navText = ((await page.locator('header.site nav').first().textContent()) ?? '').trim();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header.site').isVisible(), false, `${path}: the site header is hidden in print`);
      const text = await pdfText(new Uint8Array(await page.pdf({ format: 'A4' })));
      const words = heading.split(/\s+/).filter((w) => w.length > 3);
      // Arabic comes out of a PDF as separate glyphs in presentation forms: count the script, not words.
      if (path.startsWith('/ar')) assert.ok((text.match(/[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/g) ?? []).length > 50, `${path}: Arabic text in the PDF`);
      else assert.ok(words.some((w) => text.includes(w)), `${path}: the heading is in the PDF`);
      const navWord = navText.split(/\s+/).find((w) => w.length > 4 && !heading.includes(w))!;
      assert.ok(!text.includes(navWord), `${path}: no navigation ("${navWord}") in the PDF`);
    }
    suite.guarded.assertClean();
    await page.close();
  });

  for (const locale of ['en', 'ar'] as const) {
    it(`${locale}: the map shows the scores with a table saying the same, and is accessible`, async () => {
      const page = await suite.guarded.newPage();
      assert.equal((await page.goto(`${suite.atlas.url}/${locale}${CSAM}/map?edition=2024`))?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
      const svg = page.locator('svg[role="img"]').first();
      await svg.waitFor();
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 150, 'the map is drawn at a usable size');
      // Thailand is assessed: its shape carries a score class and a title; the table has its row.
      const thailand = page.locator('svg path[data-code="TH"], svg [data-code="TH"]').first();
      if (await thailand.count()) assert.match((await thailand.getAttribute('class')) ?? '', /\S/);
      const rows = page.locator('table tbody tr');
      assert.ok((await rows.count()) >= 5, 'the table lists the assessed countries');
      await assertAccessible(page, `${locale} map`);
      suite.guarded.assertClean();
      await page.close();
    });

    it(`${locale}: the weighted index re-ranks live when a weight changes, and keeps it in the URL`, async () => {
      const page = await suite.guarded.newPage();
      await page.goto(`${suite.atlas.url}/${locale}${CSAM}/index?edition=2024`);
      await assertAccessible(page, `${locale} weighted index`);
      const before = await indexOrder(page);
      assert.ok(before.indexOf('TH') < before.indexOf('PH'), `with equal weights Thailand ranks above the Philippines: ${before.join(',')}`);
      await page.locator('select[name="w.definition"]').selectOption('0');
      await page.waitForURL(/w\.definition=0/);
      await page.locator('select[name="w.provider-reporting"]').selectOption('0');
      await page.waitForURL(/w\.provider-reporting=0/);
      await page.waitForFunction(() => {
        const links = [...document.querySelectorAll('#index-results table tbody tr a[href*="/countries/"]')].map((a) => a.getAttribute('href') ?? '');
        const codes = links.map((h) => /\/countries\/([A-Z]{2})/.exec(h)?.[1]);
        return codes.indexOf('PH') !== -1 && codes.indexOf('PH') < codes.indexOf('TH');
      });
      const after = await indexOrder(page);
      assert.ok(after.indexOf('PH') < after.indexOf('TH'), `re-weighted, the Philippines rank above Thailand: ${after.join(',')}`);
      // The URL is the state: opened afresh it gives the same order.
      const fresh = await suite.guarded.newPage();
      await fresh.goto(page.url());
      assert.deepEqual(await indexOrder(fresh), after);
      await fresh.close();
      suite.guarded.assertClean();
      await page.close();
    });

    it(`${locale}: the gap analysis names the model-law article and a neighbour that meets the criterion`, async () => {
      const page = await suite.guarded.newPage();
      assert.equal((await page.goto(`${suite.atlas.url}/${locale}${CSAM}/gaps/PH?edition=2024`))?.status(), 200);
      assert.ok((await page.locator(`a[href*="/${locale}/model-law/atlas-sample-model-law/articles/"]`).count()) > 0, 'links to model-law articles');
      const thailand = new Intl.DisplayNames([locale], { type: 'region' }).of('TH')!;
      assert.ok((await page.locator('main').textContent())!.includes(thailand), `${thailand}, a neighbour that meets a criterion the Philippines miss`);
      await assertAccessible(page, `${locale} gap analysis`);
      suite.guarded.assertClean();
      await page.close();
    });
  }
});
