// The model law in a real browser: Arabic and English side by side (right-to-left and
// left-to-right columns aligned article by article), the article page, axe-core on every page,
// and print: the browser's PDF of an Arabic page holds the law's text and none of the site's
// navigation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, browserSuite, pdfText } from './browser.ts';

const LAW = '/model-law/atlas-sample-model-law';


describe('model law in a browser', () => {
  const suite = browserSuite();

  it('shows Arabic and English side by side, each column in its own direction, rows aligned', async () => {
    const page = await suite.guarded.newPage();
    const response = await page.goto(`${suite.atlas.url}/ar${LAW}/side-by-side?left=ar&right=en`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const rows = page.locator('table.side-by-side tbody tr');
    const count = await rows.count();
    assert.ok(count >= 24, `${count} article rows`);
    for (const index of [0, Math.floor(count / 2), count - 1]) {
      const row = rows.nth(index);
      const arabic = row.locator('td[lang="ar"]');
      const english = row.locator('td[lang="en"]');
      assert.equal(await arabic.evaluate((el) => getComputedStyle(el).direction), 'rtl');
      assert.equal(await english.evaluate((el) => getComputedStyle(el).direction), 'ltr');
      const [a, e] = [await arabic.boundingBox(), await english.boundingBox()];
      assert.ok(a && e && Math.abs(a.y - e.y) < 1, 'both columns of an article start on the same line');
      // In a right-to-left page the first column (Arabic) is on the right.
      assert.ok(a!.x > e!.x, 'the Arabic column is to the right of the English one');
      assert.match((await arabic.textContent()) ?? '', /[\u0600-\u06FF]/);
      assert.match((await english.textContent()) ?? '', /[A-Za-z]/);
    }
    suite.guarded.assertClean();
    await page.close();
  });

  it('has no axe-core violations on the contents, an article and the side-by-side view, in Arabic and English', async () => {
    const page = await suite.guarded.newPage();
    for (const path of [`/en${LAW}`, `/ar${LAW}`, `/ar${LAW}/articles/grooming`, `/en${LAW}/articles/child-sexual-abuse-material`,
      `/en${LAW}/side-by-side?left=en&right=ar`, `/ar${LAW}/side-by-side?left=ar&right=en`, `/fa${LAW}/search?q=${encodeURIComponent('کودک')}`, `/en${LAW}/draft`]) {
      assert.equal((await page.goto(`${suite.atlas.url}${path}`))?.status(), 200, path);
      await assertAccessible(page, path);
    }
    suite.guarded.assertClean();
    await page.close();
  });

  it('prints a clean PDF in Arabic: the law text, none of the site navigation', async () => {
    const page = await suite.guarded.newPage();
    await page.goto(`${suite.atlas.url}/ar${LAW}/articles/grooming`);
    const heading = ((await page.locator('h1').textContent()) ?? '').trim();
    const siteNav = ((await page.locator('header.site nav').first().textContent()) ?? '').trim();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false, 'the site header is hidden in print');
    const text = await pdfText(new Uint8Array(await page.pdf({ format: 'A4', printBackground: false })));
    assert.match(text, /[\u0600-\u06FF]{3,}/, 'Arabic text in the PDF');
    assert.ok(heading.length > 0 && siteNav.length > 0);
    const navWord = siteNav.split(/\s+/).find((w) => w.length > 3)!;
    assert.doesNotMatch(text, new RegExp(navWord), 'no navigation in the PDF');
    suite.guarded.assertClean();
    await page.close();
  });
});
