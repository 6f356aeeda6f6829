// The library in a real browser: the real Atlas (embedded PGlite, shipped data) on a free port and
// Debian's Chromium through playwright-core. Nothing may leave the Atlas's origin.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, escapeRegExp, formatViolations, guardedContext, navigateBy } from './browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
const en = readJson<Record<string, string>>('src/i18n/messages/en.json');
const ar = readJson<Record<string, string>>('src/i18n/messages/ar.json');
type ShippedResource = { slug: string; title: Record<string, string>; summary?: Record<string, string> };
const shipped = readJson<ShippedResource[]>('src/data/resources.json');
const topics = readJson<{ slug: string; names: Record<string, string> }[]>('src/data/topics.json');

const QUERY = 'missing children';
const TOPIC = 'missing-children-and-child-abduction';
const TOPIC_NAME = topics.find((t) => t.slug === TOPIC)?.names.en ?? assert.fail(`topic ${TOPIC} is not shipped`);
const COUNTRY = 'TH';
const COUNTRY_NAME = 'Thailand';
const ARABIC = /[\u0600-\u06FF]/;
const FILTERED_PATH = `/en/library?q=${encodeURIComponent(QUERY)}&topic=${TOPIC}&country=${COUNTRY}`;

/** The number at the start of the results heading ("8 resources for …"; "No resources" is 0). */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#results-heading').textContent()) ?? '';
  const match = /^\s*([\d,]+)\s/.exec(text);
  if (match) return Number(match[1]!.replace(/,/g, ''));
  assert.ok(text.includes(en['library.resultCount']!.match(/=0 \{([^}]*)\}/)![1]!), `no count in results heading: ${text}`);
  return 0;
}

const facetCheckbox = (page: Page, facetKey: string, label: string) =>
  page.getByRole('group', { name: en[facetKey]! }).getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} \\(`) });

const removeChip = (page: Page, label: string) => page.getByRole('link', { name: en['library.removeFilter']!.replace('{label}', label), exact: true });

describe('library in a browser', () => {
  const suite = browserSuite();

  it('search, filter, share, open a resource, read it in Arabic, export', async (t) => {
    const page = await suite.guarded.newPage();
    let count = 0;
    let filteredUrl = '';

    await t.test('the library page opens', async () => {
      const response = await page.goto(`${suite.atlas.url}/en/library`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), en['library.title']);
    });

    await t.test('a search typed in the labelled box and submitted with Enter shows counted results', async () => {
      const box = page.getByRole('searchbox', { name: en['library.searchLabel'] });
      await box.fill(QUERY);
      const url = await navigateBy(page, () => box.press('Enter'));
      assert.equal(url.pathname, '/en/library');
      assert.equal(url.searchParams.get('q'), QUERY);
      count = await resultCount(page);
      assert.ok(count > 0, 'the search finds resources');
      assert.match((await page.locator('#results-heading').textContent()) ?? '', new RegExp(escapeRegExp(QUERY)));
      const shown = await page.locator('.results > li').count();
      assert.ok(shown > 0 && shown <= count, `${shown} results listed for a count of ${count}`);
    });

    await t.test('ticking a topic and a country applies them at once and shows them as chips', async () => {
      const topicUrl = await navigateBy(page, () => facetCheckbox(page, 'library.facet.topic', TOPIC_NAME).click());
      assert.deepEqual(topicUrl.searchParams.getAll('topic'), [TOPIC]);
      assert.ok(await facetCheckbox(page, 'library.facet.topic', TOPIC_NAME).isChecked(), 'the topic stays ticked');
      const afterTopic = await resultCount(page);
      assert.ok(afterTopic <= count, `topic filter: ${afterTopic} > ${count}`);

      const country = facetCheckbox(page, 'library.facet.country', COUNTRY_NAME);
      if (!(await country.isVisible())) await page.getByRole('group', { name: en['library.facet.country']! }).locator('summary').click();
      const url = await navigateBy(page, () => country.click());
      assert.equal(url.searchParams.get('q'), QUERY);
      assert.deepEqual(url.searchParams.getAll('topic'), [TOPIC]);
      assert.deepEqual(url.searchParams.getAll('country'), [COUNTRY]);
      const afterCountry = await resultCount(page);
      assert.ok(afterCountry > 0 && afterCountry <= afterTopic, `country filter: ${afterCountry} results after ${afterTopic}`);
      assert.ok(await facetCheckbox(page, 'library.facet.topic', TOPIC_NAME).isChecked());
      assert.ok(await facetCheckbox(page, 'library.facet.country', COUNTRY_NAME).isChecked());
      await removeChip(page, TOPIC_NAME).waitFor();
      await removeChip(page, COUNTRY_NAME).waitFor();
      count = afterCountry;
      filteredUrl = page.url();
    });

    await t.test('the filtered URL is shareable: reloaded and opened afresh it shows the same state', async () => {
      const heading = await page.locator('#results-heading').textContent();
      assert.equal((await page.reload())?.status(), 200);
      assert.equal(await page.locator('#results-heading').textContent(), heading);
      const other = await suite.guarded.newPage();
      assert.equal((await other.goto(filteredUrl))?.status(), 200);
      assert.equal(await other.locator('#results-heading').textContent(), heading);
      assert.ok(await facetCheckbox(other, 'library.facet.country', COUNTRY_NAME).isChecked());
      await removeChip(other, TOPIC_NAME).waitFor();
      await other.close();
    });

    let englishTitle = '';
    await t.test('the first result opens a resource page with its details', async () => {
      const first = page.locator('.results > li h3 a').first();
      const title = (await first.textContent())?.trim() ?? '';
      assert.match((await navigateBy(page, () => first.click())).pathname, /^\/en\/library\/\d+-[a-z0-9-]+$/);
      englishTitle = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      assert.equal(englishTitle, title);
      await page.getByRole('heading', { level: 2, name: en['resource.details'] }).waitFor();
      const terms = await page.locator('dl.details > dt').allTextContents();
      assert.ok(terms.includes(en['resource.type']!) && terms.includes(en['resource.countries']!), `details list: ${terms.join(', ')}`);
      await page.locator('dl.details').getByRole('link', { name: COUNTRY_NAME, exact: true }).waitFor();
    });

    await t.test('the language switcher shows the resource in Arabic, right to left', async () => {
      const switcher = page.getByRole('navigation', { name: en['nav.language'] }).getByRole('link', { name: 'العربية', exact: true });
      const before = new URL(page.url()).pathname;
      assert.equal((await navigateBy(page, () => switcher.click())).pathname, before.replace(/^\/en\//, '/ar/'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
      // UI strings come from the Arabic catalog, and are Arabic (not an English copy in ar.json).
      const details = page.getByRole('heading', { level: 2, name: ar['resource.details'], exact: true });
      assert.match((await details.textContent()) ?? '', ARABIC, `the Details heading is not in Arabic: ${await details.textContent()}`);
      await page.getByRole('link', { name: ar['resource.backToLibrary'], exact: true }).waitFor();
      await page.getByRole('navigation', { name: ar['nav.main'] }).getByRole('link', { name: ar['nav.library'], exact: true }).waitFor();

      const resource = shipped.find((r) => r.title.en === englishTitle);
      const summary = resource?.summary?.ar ?? assert.fail(`no shipped Arabic summary for “${englishTitle}”`);
      const shown = page.locator('article > p', { hasText: summary.slice(0, 60) });
      await shown.waitFor();
      assert.equal((await shown.textContent())?.trim(), summary.trim());
      assert.equal(await shown.getAttribute('lang'), null, 'the Arabic summary is not marked as a fallback');
    });

    await t.test('the result set exports as CSV (download) and BibTeX', async () => {
      // Self-contained, so that it reports on exports even when an earlier step failed.
      const response = await page.goto(filteredUrl || `${suite.atlas.url}${FILTERED_PATH}`);
      assert.equal(response?.status(), 200);
      const count = await resultCount(page);
      const exports = page.getByRole('region', { name: en['library.export'] });
      const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: 'CSV', exact: true }).click()]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      assert.deepEqual(parsed.errors, []);
      assert.ok(parsed.meta.fields?.includes('title'), `CSV header: ${parsed.meta.fields?.join(',')}`);
      assert.equal(parsed.data.length, count, 'one CSV row per result');
      assert.ok(parsed.data.every((row) => row.countries?.split('; ').includes(COUNTRY_NAME)), 'every exported row is in the filtered country');
      assert.ok(parsed.data.every((row) => row.topics?.split('; ').includes(TOPIC_NAME)), 'every exported row has the filtered topic');

      const bibHref = await exports.getByRole('link', { name: 'BibTeX', exact: true }).getAttribute('href');
      const bib = await page.request.get(new URL(bibHref!, suite.atlas.url).href);
      assert.equal(bib.status(), 200);
      const text = (await bib.text()).trimStart();
      assert.ok(text.startsWith('@'), `BibTeX starts with: ${text.slice(0, 40)}`);
      assert.equal(text.match(/^@\w+\{/gm)?.length, count, 'one BibTeX entry per result');
    });

    await t.test('exported links point at the running Atlas', async () => {
      const csvHref = await page.getByRole('region', { name: en['library.export'] }).getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
      const csv = (await (await page.request.get(new URL(csvHref!, suite.atlas.url).href)).text()).replace(/^\uFEFF/, '');
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      for (const row of rows) assert.ok(row.url?.startsWith(`${suite.atlas.url}/`), `exported url ${row.url} is not on ${suite.atlas.url}`);
    });

    await page.close();
    suite.guarded.assertClean();
  });

  it('filters apply without JavaScript through the Apply filters button', async () => {
    const nojs = await guardedContext(suite.browser, suite.atlas.origin, { javaScriptEnabled: false });
    try {
      const page = await nojs.newPage();
      await page.goto(`${suite.atlas.url}/en/library?q=${encodeURIComponent(QUERY)}`);
      const before = await resultCount(page);
      const topic = facetCheckbox(page, 'library.facet.topic', TOPIC_NAME);
      await topic.check();
      assert.equal(new URL(page.url()).searchParams.has('topic'), false, 'without JavaScript nothing is submitted on change');
      const url = await navigateBy(page, () => page.getByRole('button', { name: en['library.applyFilters'], exact: true }).click());
      assert.deepEqual(url.searchParams.getAll('topic'), [TOPIC]);
      assert.equal(url.searchParams.get('q'), QUERY, 'the search words are kept');
      assert.ok(await facetCheckbox(page, 'library.facet.topic', TOPIC_NAME).isChecked());
      await removeChip(page, TOPIC_NAME).waitFor();
      assert.ok((await resultCount(page)) <= before);
      nojs.assertClean();
    } finally {
      await nojs.context.close();
    }
  });

  it('keyboard: the first Tab reaches "Skip to content", which moves focus to main', async () => {
    const page = await suite.guarded.newPage();
    await page.goto(`${suite.atlas.url}/en/library`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    assert.deepEqual(focused, { text: en['nav.skip'], href: '#main' });
    const box = await page.locator('a.skip').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x < 1280, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the next Tab goes to the search box inside main');
    await page.close();
    suite.guarded.assertClean();
  });

  it('has no axe-core violations (WCAG 2.1 A/AA and best practice)', async (t) => {
    const page = await suite.guarded.newPage();
    await page.goto(`${suite.atlas.url}/en/library?q=${encodeURIComponent(QUERY)}`);
    const resourceHref = await page.locator('.results > li h3 a').first().getAttribute('href');
    const pages = [
      FILTERED_PATH,
      resourceHref!,
      '/ar/library',
      '/en/library/topics',
      '/en/library/countries/TH',
    ];
    await t.test('axe itself is working (it flags a known violation)', async () => {
      await page.setContent('<!DOCTYPE html><html lang="en"><title>canary</title><body><main><img src="data:,"></main></body></html>');
      assert.ok((await axeViolations(page)).some((v) => v.id === 'image-alt'));
    });
    for (const where of pages) {
      await t.test(where, async () => {
        const response = await page.goto(new URL(where, suite.atlas.url).href);
        assert.equal(response?.status(), 200);
        const violations = await axeViolations(page);
        if (violations.length) console.log(formatViolations(where, violations));
        assert.equal(violations.length, 0, formatViolations(where, violations));
      });
    }
    await page.close();
    suite.guarded.assertClean();
  });

  it('lays out left to right in English and mirrored in Arabic (screenshots in .tmp/)', async () => {
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    const page = await suite.guarded.newPage();
    for (const locale of ['en', 'ar'] as const) {
      await page.goto(`${suite.atlas.url}/${locale}/library`);
      await page.screenshot({ path: path.join(root, '.tmp', `e2e-library-${locale}.png`), fullPage: true });
      const facets = await page.locator('.facets').boundingBox();
      const results = await page.locator('#results-heading').boundingBox();
      assert.ok(facets && results, 'facets and results are rendered');
      if (locale === 'en') assert.ok(facets.x < results.x, 'English: filters on the left');
      else assert.ok(facets.x > results.x, 'Arabic: filters on the right');
    }
    await page.close();
    suite.guarded.assertClean();
  });
});
