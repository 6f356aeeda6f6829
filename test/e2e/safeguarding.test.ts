// A whole safeguarding self-audit in a real browser: start without an account, answer every
// question with autosave (and see the answers after a reload), read the results and the chart,
// export JSON, print the results to PDF, delete; axe-core on every page, the audit also in Farsi.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, browserSuite, navigateBy, pdfText } from './browser.ts';

const OPTIONS = ['embedded', 'developing', 'no', 'not-applicable'] as const;

describe('safeguarding self-audit in a browser', () => {
  const suite = browserSuite({ context: { acceptDownloads: true } });

  it('takes a full audit: start, autosave, results, export, print, delete', async () => {
    const page = await suite.guarded.newPage();
    assert.equal((await page.goto(`${suite.atlas.url}/en/self-audit`))?.status(), 200);
    await assertAccessible(page, 'the start page');
    await page.fill('#label', 'Lakeside International School');
    await page.selectOption('#organisationKind', 'school');
    await page.selectOption('#country', 'TH');
    const auditUrl = await navigateBy(page, () => page.click('button[type=submit]'));
    assert.match(auditUrl.pathname, /^\/en\/self-audit\/a\/[A-Za-z0-9_-]{43}$/);
    assert.equal(await page.inputValue('#audit-link'), auditUrl.href);
    await assertAccessible(page, 'the audit page');

    // Every question answered by clicking its radio button: each click saves at once.
    const keys = await page.locator('fieldset[data-question]').evaluateAll((sets) => sets.map((s) => (s as HTMLElement).dataset.question!));
    assert.equal(keys.length, 26);
    for (const [i, key] of keys.entries()) await page.check(`#q-${key}-value-${OPTIONS[i % 4]}`);
    await page.fill('#q-references-owner', 'Head of HR');
    await page.locator('#q-references-owner').blur();
    await page.waitForFunction((n) => Number(document.body.dataset.autosaved ?? 0) >= n, keys.length + 1);
    // The polite live region announces it.
    await page.waitForFunction(() => document.getElementById('autosave-status')?.textContent === 'Saved.');
    assert.match((await page.textContent('[data-progress="policies"]')) ?? '', /4 of 4/);

    await page.reload();
    for (const [i, key] of keys.entries()) {
      assert.equal(await page.isChecked(`#q-${key}-value-${OPTIONS[i % 4]}`), true, `${key} kept after reload`);
    }
    assert.equal(await page.inputValue('#q-references-owner'), 'Head of HR');
    assert.match((await page.textContent('#progress-title')) ?? '', /26 of 26 questions answered/);

    // The same audit in Farsi, right to left, is accessible too.
    const fa = await suite.guarded.newPage();
    assert.equal((await fa.goto(`${suite.atlas.url}${auditUrl.pathname.replace(/^\/en/, '/fa')}`))?.status(), 200);
    assert.equal(await fa.locator('html').getAttribute('dir'), 'rtl');
    await assertAccessible(fa, 'the audit page in Farsi');
    await fa.close();

    await navigateBy(page, () => page.click('.safeguarding-links a[href$="/results"]'));
    await assertAccessible(page, 'the results page');
    assert.match((await page.textContent('.safeguarding-overall')) ?? '', /Overall score: \d+%/);
    const chart = page.locator('svg.safeguarding-chart');
    assert.equal(await chart.isVisible(), true);
    assert.equal(await chart.locator('rect.bar').count(), 7);
    assert.equal(await page.locator('table.safeguarding-scores tbody tr').count(), 7);
    assert.ok((await page.locator('.safeguarding-plan-item').count()) > 0, 'an action plan');
    assert.ok((await page.locator('.safeguarding-plan a[href*="/en/library/"]').count()) > 0, 'links to library resources');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.safeguarding-links a[href$="/export.json"]')]);
    assert.match(download.suggestedFilename(), /^self-audit-schools-and-youth-organisations-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    assert.equal(exported.questionnaire.key, 'schools-and-youth-organisations');
    assert.equal(exported.audit.label, 'Lakeside International School');
    assert.equal(exported.answers.filter((a: { value: string | null }) => a.value !== null).length, 26);
    assert.equal(exported.answers.find((a: { question: string }) => a.question === 'references').owner, 'Head of HR');
    assert.equal(typeof exported.scores.overall, 'number');

    const heading = ((await page.textContent('h1')) ?? '').trim();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false, 'no site header in print');
    assert.equal(await page.locator('.safeguarding-links').isVisible(), false, 'no audit links in print');
    const text = await pdfText(new Uint8Array(await page.pdf({ format: 'A4' })));
    assert.ok(text.includes('Prioritised action plan'), 'the action plan is printed');
    assert.ok(text.includes(heading.split(':')[0]!), 'the heading is printed');
    assert.ok(text.includes('Safe recruitment and background checks'), 'the domains are printed');
    assert.ok(!text.includes('Publishers'), 'no site navigation in the PDF');
    assert.ok(!text.includes('Download as JSON'), 'no audit links in the PDF');
    await page.emulateMedia({ media: 'screen' });

    await navigateBy(page, () => page.click('.safeguarding-links a[href$="/delete"]'));
    await assertAccessible(page, 'the delete page');
    await navigateBy(page, () => page.click('button.danger'));
    assert.match(page.url(), /\/en\/self-audit\/deleted$/);
    await assertAccessible(page, 'the page saying the audit is gone');
    suite.guarded.assertClean();
    assert.equal((await page.goto(auditUrl.href))?.status(), 404, 'the token opens nothing any more');
    // The browser reports that expected 404 on its console; nothing else may be there.
    const reported = suite.guarded.errors.splice(0);
    assert.ok(reported.every((e) => e.includes('404')), reported.join('\n'));
    suite.guarded.assertClean();
    await page.close();
  });
});
