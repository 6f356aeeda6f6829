// The back office in a real browser: an editor signs in, creates a resource with an Arabic
// translation and submits it; a reviewer publishes it; it is then found by the public search in
// English and in Arabic. axe-core checks every back-office page on the way, in both directions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/features/auth/users.ts';
import { assertAccessible, browserSuite, navigateBy, type Atlas } from './browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalog = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
const admin = catalog('src/features/admin/messages/en.json');
const editor = catalog('src/features/editor/messages/en.json');

const EDITOR = { email: 'editor@atlas.test', password: 'editor password 1' };
const REVIEWER = { email: 'reviewer@atlas.test', password: 'reviewer password 1' };
const TITLE_EN = 'Zanzibar safeguarding handbook for schools';
const TITLE_AR = 'دليل زنجبار لحماية الأطفال في المدارس';

async function signIn(page: Page, atlas: Atlas, who: { email: string; password: string }) {
  await page.goto(`${atlas.url}/en/admin/login`);
  await page.getByLabel(admin['admin.login.email']!).fill(who.email);
  await page.getByLabel(admin['admin.login.password']!).fill(who.password);
  const url = await navigateBy(page, () => page.getByRole('button', { name: admin['admin.login.submit']! }).click());
  assert.equal(url.pathname, '/en/admin');
}

describe('back office in a browser', () => {
  const suite = browserSuite({
    setup: async (atlas) => {
      await createUser(atlas.db, { ...EDITOR, role: 'editor' });
      await createUser(atlas.db, { ...REVIEWER, role: 'reviewer' });
    },
  });

  it('editor creates and submits, reviewer publishes, the public finds it in English and Arabic', async (t) => {
    const page = await suite.guarded.newPage();
    let editUrl = '';

    await t.test('the sign-in page is accessible, and the editor signs in', async () => {
      await page.goto(`${suite.atlas.url}/en/admin/login`);
      await assertAccessible(page, 'sign-in');
      await signIn(page, suite.atlas, EDITOR);
      await assertAccessible(page, 'dashboard');
    });

    await t.test('the editor creates a resource with English and Arabic texts', async () => {
      await page.goto(`${suite.atlas.url}/en/admin/resources`);
      await assertAccessible(page, 'resource list');
      await navigateBy(page, () => page.getByRole('link', { name: editor['editor.list.new']! }).click());
      await assertAccessible(page, 'new resource form');
      await page.locator('[name="title_en"]').fill(TITLE_EN);
      await page.locator('[name="summary_en"]').fill('A practical guide for school staff on keeping children safe.');
      const arabicTitle = page.locator('[name="title_ar"]');
      assert.equal(await arabicTitle.getAttribute('dir'), 'rtl');
      await arabicTitle.fill(TITLE_AR);
      await page.locator('[name="summary_ar"]').fill('دليل عملي لموظفي المدارس حول حماية الأطفال.');
      await page.locator('#type').selectOption('handbook');
      await page.locator('#year').fill('2026');
      await page.locator('#publishers').fill('Atlas Test Publisher');
      const url = await navigateBy(page, () => page.getByRole('button', { name: editor['editor.form.create']! }).click());
      assert.match(url.pathname, /^\/en\/admin\/resources\/\d+$/);
      editUrl = `${url.origin}${url.pathname}`;
      await page.getByText(editor['editor.notice.created']!).waitFor();
      await assertAccessible(page, 'edit page');
    });

    await t.test('the editor submits it for review; it is not public yet', async () => {
      await navigateBy(page, () => page.getByRole('button', { name: editor['editor.action.submit']! }).click());
      await page.getByText(editor['editor.notice.submit']!).waitFor();
      const publicPage = await suite.guarded.newPage();
      await publicPage.goto(`${suite.atlas.url}/en/library?q=Zanzibar`);
      assert.equal(await publicPage.getByRole('link', { name: TITLE_EN }).count(), 0, 'a resource in review is not public');
      await publicPage.close();
      await navigateBy(page, () => page.getByRole('button', { name: admin['admin.signOut']! }).click());
    });

    await t.test('the reviewer publishes it from the review queue', async () => {
      await signIn(page, suite.atlas, REVIEWER);
      await page.goto(`${suite.atlas.url}/en/admin/resources?status=in_review`);
      await navigateBy(page, () => page.getByRole('link', { name: TITLE_EN }).click());
      assert.equal(new URL(page.url()).pathname, new URL(editUrl).pathname);
      await navigateBy(page, () => page.getByRole('button', { name: editor['editor.action.publish']! }).click());
      await page.getByText(editor['editor.notice.publish']!).waitFor();
      await page.goto(`${editUrl}/history`);
      await assertAccessible(page, 'history');
    });

    await t.test('the public search finds it in English and in Arabic', async () => {
      const publicPage = await suite.guarded.newPage();
      await publicPage.goto(`${suite.atlas.url}/en/library?q=Zanzibar`);
      await publicPage.getByRole('link', { name: TITLE_EN }).waitFor();
      await publicPage.goto(`${suite.atlas.url}/ar/library?q=${encodeURIComponent('زنجبار')}`);
      await publicPage.getByRole('link', { name: TITLE_AR }).waitFor();
      assert.equal(await publicPage.locator('html').getAttribute('dir'), 'rtl');
      await publicPage.close();
    });

    await t.test('the back office in Arabic is right to left and accessible', async () => {
      await page.goto(`${editUrl.replace('/en/', '/ar/')}`);
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await assertAccessible(page, 'Arabic edit page');
      await page.goto(`${suite.atlas.url}/ar/admin/resources`);
      await assertAccessible(page, 'Arabic resource list');
    });

    suite.guarded.assertClean();
    await page.close();
  });
});
