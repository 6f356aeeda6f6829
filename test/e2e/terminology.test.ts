// The terminology guide and the text checker in a real browser, in English and in Farsi (right to
// left): paste a text, submit the form (no script involved), see the marks and the suggestion in the
// text's language; axe-core clean on the glossary, an entry and the checker with results.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertAccessible, browserSuite, navigateBy } from './browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalog = (locale: string) =>
  JSON.parse(readFileSync(path.join(root, `src/features/terminology/messages/${locale}.json`), 'utf8')) as Record<string, string>;

const CASES = [
  {
    locale: 'en',
    dir: 'ltr',
    text: 'Our annual report.\nWe campaign against child pornography and support child prostitutes.',
    marked: ['child pornography', 'child prostitutes'],
    suggestion: 'child sexual abuse material',
  },
  {
    locale: 'fa',
    dir: 'rtl',
    text: 'گزارش سالانه.\nما با پورنوگرافی کودکان و روسپی‌گری کودکان مبارزه می‌کنیم.',
    marked: ['پورنوگرافی کودکان', 'روسپی‌گری کودکان'],
    suggestion: 'محتوای سوءاستفاده جنسی از کودکان',
  },
] as const;

describe('terminology in a browser', () => {
  const suite = browserSuite();

  for (const c of CASES) {
    it(`glossary, entry and checker in ${c.locale}`, async (t) => {
      const m = catalog(c.locale);
      const page = await suite.guarded.newPage();

      await t.test('the glossary is accessible and in the page language', async () => {
        const response = await page.goto(`${suite.atlas.url}/${c.locale}/terminology`);
        assert.equal(response?.status(), 200);
        assert.equal(await page.locator('html').getAttribute('dir'), c.dir);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), m['terminology.title']);
        await assertAccessible(page, `${c.locale} glossary`);
      });

      await t.test('an entry shows every language with its direction, accessibly', async () => {
        await page.goto(`${suite.atlas.url}/${c.locale}/terminology/child-pornography`);
        assert.equal(await page.locator('section[lang="fa"]').getAttribute('dir'), 'rtl');
        assert.equal(await page.locator('section[lang="en"]').getAttribute('dir'), 'ltr');
        await assertAccessible(page, `${c.locale} entry`);
      });

      await t.test('a pasted text is checked and its terms marked, with the suggestion in its language', async () => {
        await page.goto(`${suite.atlas.url}/${c.locale}/terminology/check`);
        await assertAccessible(page, `${c.locale} checker form`);
        await page.getByLabel(m['terminology.check.textLabel']!).fill(c.text);
        const url = await navigateBy(page, () => page.getByRole('button', { name: m['terminology.check.submit']! }).click());
        assert.equal(url.pathname, `/${c.locale}/terminology/check`);
        const marks = page.locator('.tm-text mark');
        assert.equal(await marks.count(), c.marked.length);
        for (const [i, words] of c.marked.entries()) {
          assert.equal(await marks.nth(i).locator('a').textContent(), words);
          // Not colour alone: the mark carries a label for screen readers.
          assert.equal(await marks.nth(i).locator('.tm-visually-hidden').textContent(), `${m['terminology.check.markAvoid']} `);
        }
        assert.equal(await page.locator('.tm-text').getAttribute('dir'), c.dir);
        assert.equal(await page.locator('#finding-1').getByRole('link', { name: c.suggestion }).count(), 1);
        assert.equal(await page.getByLabel(m['terminology.check.textLabel']!).inputValue(), c.text, 'the text stays in the box');
        // The mark links to its finding, and the finding back to the text.
        await marks.first().locator('a').click();
        assert.equal(new URL(page.url()).hash, '#finding-1');
        await assertAccessible(page, `${c.locale} checker with results`);
      });
      await page.close();
    });
  }
});
