// The practices directory in a real browser, in English and Arabic: filtering by a facet through
// the checkboxes (the URL keeps the state), a practice page, and axe-core on both pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, browserSuite } from './browser.ts';

describe('practices in a browser', () => {
  const suite = browserSuite();

  it('filters by actor with a checkbox and keeps the state in the URL', async () => {
    const page = await suite.guarded.newPage();
    assert.equal((await page.goto(`${suite.atlas.url}/en/practices`))?.status(), 200);
    await Promise.all([
      page.waitForURL(/actor=government/),
      page.getByRole('group', { name: 'Who runs it' }).getByRole('checkbox', { name: /^Government agency \(/ }).check(),
    ]);
    const heading = (await page.locator('#results-heading').textContent()) ?? '';
    assert.match(heading, /^\s*3 practices/);
    assert.equal(await page.getByRole('link', { name: 'Remove filter: Government agency', exact: true }).count(), 1);
  });

  for (const locale of ['en', 'ar'] as const) {
    it(`has no accessibility violations on the search and a practice page (${locale})`, async () => {
      const page = await suite.guarded.newPage();
      assert.equal((await page.goto(`${suite.atlas.url}/${locale}/practices?topic=child-sexual-abuse-material`))?.status(), 200);
      await assertAccessible(page, `${locale} practices search`);
      assert.equal((await page.goto(`${suite.atlas.url}/${locale}/practices/barnahus`))?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
      await assertAccessible(page, `${locale} practice page`);
    });
  }
});
