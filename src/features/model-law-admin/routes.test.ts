// The model law's back office through the app, on both databases: the list and edition pages, a
// new draft from the form, the workflow and what the public sees, structure editing, texts per
// locale (translator restriction, stale saves, outdated states), the dashboard, sources, history
// with restore, and the JSON API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { listEditions, textStatus } from '../model-law/store.ts';
import { auditActions, rowCounts, sampleEdition, SLUG, tree } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

for (const kind of DATABASE_KINDS) {
  describe(`model-law back office on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    let reviewer: TestSession;
    let translator: TestSession;
    let sampleId: string;
    before(async () => {
      t = await testApp(kind);
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      translator = await testSession(t.db, 'translator', { locales: ['ar'] });
      sampleId = (await sampleEdition(t.db)).id;
    });
    after(() => t.close());

    const page = async (s: TestSession | undefined, path: string) => {
      const res = await t.app.request(path, { headers: s ? s.headers() : {} });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const post = async (s: TestSession, path: string, fields: Record<string, string> = {}) => {
      const res = await t.app.request(path, s.form(fields));
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const base = (id: string) => `/en/admin/model-law/${id}`;
    /** A new draft edition made through the form; its id. */
    const newDraft = async (label: string) => {
      const res = await post(editor, `${base(sampleId)}/copy`, { label, year: '2027' });
      assert.equal(res.status, 303, res.html);
      const id = /\/admin\/model-law\/(\d+)\?done=copied$/.exec(res.location ?? '')?.[1];
      assert.ok(id, res.location ?? '');
      return id!;
    };

    it('lists the laws with their editions, states and translation progress, under its own menu entry', async () => {
      const { status, html } = await page(translator, '/en/admin/model-law');
      assert.equal(status, 200);
      assert.match(html, /<a href="\/en\/admin\/model-law" aria-current="page">Model law<\/a>/);
      assert.match(html, /Sample Model Law on the Protection of Children/);
      assert.match(html, new RegExp(`<a href="/en/admin/model-law/${sampleId}">Edition 2026</a>`));
      assert.match(html, /class="status status-published">Published/);
      assert.match(html, /Arabic: 100%/);
      assert.doesNotMatch(html, /Import a model law/, 'translators do not import');
      const ar = await page(editor, '/ar/admin/model-law');
      assert.match(ar.html, /<html lang="ar" dir="rtl">/);
    });

    it('makes a new draft edition from the form; a taken label is refused next to its field, the input kept', async () => {
      const res = await post(editor, `${base(sampleId)}/copy`, { label: 'http-copy', year: '2027' });
      const { html } = await page(editor, res.location!);
      assert.match(html, /The new draft edition is ready/);
      assert.match(html, /class="status status-draft">Draft/);
      const taken = await post(editor, `${base(sampleId)}/copy`, { label: 'http-copy', year: '20x7' });
      assert.equal(taken.status, 422);
      assert.match(taken.html, /id="copy-label" name="label" type="text" value="http-copy" aria-invalid="true" aria-describedby="copy-label-error copy-label-hint"/);
      assert.match(taken.html, /id="copy-year-error">A year between 1900 and 2200/);
      assert.match(taken.html, /value="20x7"/);
      assert.equal((await post(translator, `${base(sampleId)}/copy`, { label: 'x', year: '2027' })).status, 403);
    });

    it('shows an edition to the public only once it is published, and refuses steps the workflow does not have', async () => {
      const id = await newDraft('public-1');
      const anonymous = () => t.app.request(`/en/model-law/${SLUG}?edition=public-1`);
      assert.equal((await anonymous()).status, 404, 'a draft is not public');
      assert.equal((await post(editor, `${base(id)}/archive`, { version: '1' })).status, 409);
      assert.equal((await post(reviewer, `${base(id)}/publish`, { version: '1' })).status, 403, 'a reviewer publishes only what was submitted');
      assert.equal((await post(translator, `${base(id)}/submit`, { version: '1' })).status, 403);
      const submitted = await post(editor, `${base(id)}/submit`, { version: '1' });
      assert.equal(submitted.status, 303);
      assert.match(submitted.location ?? '', /\?done=submit$/);
      assert.equal((await anonymous()).status, 404, 'in review is not public');
      assert.equal((await post(reviewer, `${base(id)}/publish`, { version: '1' })).status, 409, 'a stale version is refused');
      assert.equal((await post(reviewer, `${base(id)}/publish`, { version: '2' })).status, 303);
      assert.equal((await anonymous()).status, 200, 'published');
      const published = (await listEditions(t.db, SLUG)).find((e) => e.label === 'public-1')!;
      assert.ok(published.published_at);
      const { html } = await page(editor, base(id));
      assert.match(html, /This edition is already published: it is read-only/);
      assert.doesNotMatch(html, /id="add-article"/);
      assert.equal((await post(editor, `${base(id)}/archive`, { version: '3' })).status, 303);
      assert.equal((await anonymous()).status, 404, 'archived');
      assert.deepEqual((await auditActions(t.db, id)).slice(1), ['model_law.edition_submit', 'model_law.edition_publish', 'model_law.edition_archive']);
    });

    it('edits the structure of a draft: add (with checks), move, renumber and delete with a confirmation step', async () => {
      const id = await newDraft('structure-http');
      let draft = await tree(t.db, id);
      const [chapter1, chapter2] = draft.roots;
      const bad = await post(editor, `${base(id)}/articles`, { parent: chapter1!.id, key: 'Bad Key', heading: '', text: '' });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /id="article-key-error">Use lower-case letters/);
      assert.match(bad.html, /id="article-heading-error">Write the heading/);
      assert.match(bad.html, /id="article-text-error">Write at least one paragraph/);
      assert.match(bad.html, /value="Bad Key"/);
      const taken = await post(editor, `${base(id)}/articles`, { parent: chapter1!.id, key: chapter2!.children[0]!.key, heading: 'H', text: 'T' });
      assert.equal(taken.status, 422);
      assert.match(taken.html, /The key “[a-z-]+” is already used in this edition/);
      const added = await post(editor, `${base(id)}/articles`, { parent: chapter1!.id, key: 'online-safety', heading: 'Online safety', text: 'First paragraph\ncontinued.\n\nSecond paragraph.' });
      assert.equal(added.status, 303);
      draft = await tree(t.db, id);
      const node = draft.byKey.get('online-safety')!;
      assert.deepEqual(node.texts.en!.paragraphs, ['First paragraph continued.', 'Second paragraph.']);
      const n = chapter1!.children.length + 1;
      let html = (await page(editor, base(id))).html;
      assert.match(html, new RegExp(`Article ${n}\\.</span> <span>Online safety`));
      // Up one: it takes the number of the one before.
      assert.equal((await post(editor, `${base(id)}/nodes/${node.id}/move`, { version: '1', direction: 'up' })).status, 303);
      html = (await page(editor, base(id))).html;
      assert.match(html, new RegExp(`Article ${n - 1}\\.</span> <span>Online safety`));
      // To the next chapter: at its end.
      assert.equal((await post(editor, `${base(id)}/nodes/${node.id}/move`, { version: '2', chapter: chapter2!.id })).status, 303);
      draft = await tree(t.db, id);
      assert.equal(draft.byKey.get('online-safety')!.number, String(chapter1!.children.length + chapter2!.children.length + 1));
      const moved = (await page(editor, `${base(id)}/nodes/${node.id}/history/3`)).html;
      assert.match(moved, /Place in the structure<\/th><td>in general-provisions, position \d+ → in [a-z-]+, position \d+/);
      assert.ok(moved.includes(`in ${chapter2!.key}, position ${chapter2!.children.length + 1}`));
      // Delete: a confirmation page first, then the deletion.
      const confirm = await page(editor, `${base(id)}/nodes/${node.id}/delete`);
      assert.match(confirm.html, /Yes, delete it/);
      assert.match(confirm.html, /articles after it will move up one number/);
      assert.equal((await post(editor, `${base(id)}/nodes/${node.id}/delete`, { version: '3' })).status, 303);
      assert.equal((await tree(t.db, id)).byKey.get('online-safety'), undefined);
      assert.equal((await post(translator, `${base(id)}/nodes/${chapter1!.children[0]!.id}/move`, { version: '1', direction: 'down' })).status, 403);
      // A published edition is read-only: 409, nothing written.
      const sample = await tree(t.db, sampleId);
      const counts = await rowCounts(t.db);
      assert.equal((await post(editor, `${base(sampleId)}/nodes/${sample.articles[0]!.id}/move`, { version: '1', direction: 'down' })).status, 409);
      assert.equal((await post(editor, `${base(sampleId)}/chapters`, { key: 'x', heading: 'X' })).status, 409);
      assert.deepEqual(await rowCounts(t.db), counts);
    });

    it('shows the five languages side by side, each field with its lang and dir; a translator edits only their own', async () => {
      const id = await newDraft('texts-http');
      const article = (await tree(t.db, id)).articles[0]!;
      const path = `${base(id)}/nodes/${article.id}`;
      const asEditor = (await page(editor, path)).html;
      for (const [l, d] of [['ar', 'rtl'], ['en', 'ltr'], ['es', 'ltr'], ['fa', 'rtl'], ['ru', 'ltr']]) {
        assert.match(asEditor, new RegExp(`<textarea id="text-${l}" name="text" rows="10" lang="${l}" dir="${d}"`), l);
        assert.match(asEditor, new RegExp(`<input type="text" id="heading-${l}" name="heading" value="[^"]*" lang="${l}" dir="${d}"`), l);
      }
      assert.equal((asEditor.match(/class="text-status text-status-current">Up to date/g) ?? []).length, 5);
      const asTranslator = (await page(translator, path)).html;
      assert.match(asTranslator, /You can edit these languages: Arabic/);
      assert.match(asTranslator, /id="text-ar"/);
      assert.doesNotMatch(asTranslator, /id="text-es"/);
      // The server decides: another language is refused, and nothing changes.
      const es = await post(translator, `${path}/texts/es`, { version: '1', heading: 'Hola', text: 'Texto.' });
      assert.equal(es.status, 403);
      assert.equal((await post(translator, `${path}/texts/es/current`, { version: '1' })).status, 403);
      assert.equal((await tree(t.db, id)).byKey.get(article.key)!.texts.es!.heading, article.texts.es!.heading);
      const ar = await post(translator, `${path}/texts/ar`, { version: '1', heading: 'عنوان جديد', text: 'فقرة أولى.\n\nفقرة ثانية.' });
      assert.equal(ar.status, 303);
      assert.equal(ar.location, `${path}?done=saved#title-ar`);
      const saved = (await tree(t.db, id)).byKey.get(article.key)!;
      assert.deepEqual(saved.texts.ar!.paragraphs, ['فقرة أولى.', 'فقرة ثانية.']);
      assert.equal(textStatus(saved, 'ar', 'en'), 'current');
      // A published edition's texts are shown, not offered for editing; a chapter has a heading only.
      const sample = await tree(t.db, sampleId);
      const published = (await page(editor, `${base(sampleId)}/nodes/${sample.articles[0]!.id}`)).html;
      assert.match(published, /This edition is already published: it is read-only/);
      assert.doesNotMatch(published, /<textarea/);
      assert.match(published, /<div lang="fa" dir="rtl" class="text-readonly">/);
      assert.equal((await post(editor, `${base(sampleId)}/nodes/${sample.articles[0]!.id}/texts/es`, { version: '1', heading: 'x', text: 'y' })).status, 409);
      const chapter = (await page(editor, `${base(id)}/nodes/${(await tree(t.db, id)).roots[0]!.id}`)).html;
      assert.match(chapter, /id="heading-ar"/);
      assert.doesNotMatch(chapter, /<textarea/);
      const empty = await post(editor, `${path}/texts/en`, { version: '2', heading: '', text: '' });
      assert.equal(empty.status, 422, 'the source text is required');
      assert.match(empty.html, /id="heading-en-error">Write the heading/);
    });

    it('answers a stale save with 409, both versions and the user’s text kept in the form', async () => {
      const id = await newDraft('stale-http');
      const article = (await tree(t.db, id)).articles[1]!;
      const path = `${base(id)}/nodes/${article.id}`;
      assert.equal((await post(editor, `${path}/texts/es`, { version: '1', heading: 'Guardado primero', text: 'Texto guardado.' })).status, 303);
      const stale = await post(translator, `${path}/texts/ar`, { version: '1', heading: 'نصي', text: 'كتبت هذا النص.' });
      assert.equal(stale.status, 409);
      assert.match(stale.html, /Someone saved this in the meantime/);
      assert.match(stale.html, /Saved now \(version 2\)/);
      assert.match(stale.html, /Your text/);
      assert.match(stale.html, /<ins>[^<]*كتبت/);
      assert.match(stale.html, /<textarea id="text-ar"[^>]*>كتبت هذا النص\.<\/textarea>/);
      assert.match(stale.html, /id="heading-ar" name="heading" value="نصي"/);
      assert.match(stale.html, /<input type="hidden" name="version" value="2"\/>/);
      assert.equal((await tree(t.db, id)).byKey.get(article.key)!.texts.ar!.heading, article.texts.ar!.heading, 'nothing saved');
      // Saving again, now at the current version, is a deliberate choice.
      assert.equal((await post(translator, `${path}/texts/ar`, { version: '2', heading: 'نصي', text: 'كتبت هذا النص.' })).status, 303);
    });

    it('marks translations outdated after a source edit, lists them on the dashboard, and lets a translator confirm them', async () => {
      const id = await newDraft('outdated-http');
      const article = (await tree(t.db, id)).articles[2]!;
      const path = `${base(id)}/nodes/${article.id}`;
      assert.equal((await post(editor, `${path}/texts/en`, { version: '1', heading: article.texts.en!.heading, text: 'An entirely rewritten source paragraph.' })).status, 303);
      const node = (await page(translator, path)).html;
      assert.equal((node.match(/text-status-outdated">Outdated/g) ?? []).length, 4);
      assert.match(node, /Mark as still up to date/);
      const dashboard = (await page(translator, `${base(id)}/translations`)).html;
      assert.ok(dashboard.indexOf('id="progress-ar"') < dashboard.indexOf('id="progress-en"'), 'a translator sees their language first');
      assert.match(dashboard, /<h3>1 outdated text<\/h3>/);
      assert.ok(dashboard.includes(`href="${path}#title-ar"`), 'links to the form');
      assert.match(dashboard, /English<span class="muted"> \(source\)<\/span><\/th><td>\d+ \(100%\)/);
      assert.equal((await post(translator, `${path}/texts/ar/current`, { version: '2' })).status, 303);
      const after = (await tree(t.db, id)).byKey.get(article.key)!;
      assert.equal(textStatus(after, 'ar', 'en'), 'current');
      assert.equal(textStatus(after, 'ru', 'en'), 'outdated');
      const confirmed = (await page(translator, `${path}/history/3`)).html;
      assert.match(confirmed, /Translation marked as up to date/);
      assert.match(confirmed, /Same words; only its translation state changed\./);
      assert.deepEqual(await auditActions(t.db, article.id), ['model_law.text_save', 'model_law.text_confirm']);
    });

    it('adds, reorders and removes sources; an unknown combination gets its message next to the field', async () => {
      const id = await newDraft('sources-http');
      const article = (await tree(t.db, id)).articles[0]!;
      const path = `${base(id)}/nodes/${article.id}/sources`;
      const listed = (await page(editor, path)).html;
      assert.match(listed, /<select id="source-instrument" name="key"/);
      assert.match(listed, /<optgroup label="UN CRC">/);
      const unknown = await post(editor, path, { version: '1', kind: 'instrument', key: 'crc', provision: 's. 474.27' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.html, /aria-invalid="true" aria-describedby="source-instrument-provision-error source-instrument-provision-hint"/);
      assert.match(unknown.html, /id="source-instrument-provision-error">“crc” has no provision “s. 474.27”/);
      const noLaw = await post(editor, path, { version: '1', kind: 'nationalLaw', key: 'xx-law', provision: '1' });
      assert.match(noLaw.html, /id="source-national-error">There is no national law “xx-law”/);
      assert.equal((await post(editor, path, { version: '1', kind: 'nationalLaw', key: 'se-brottsbalken', provision: '6 kap. 10 a §' })).status, 303);
      let sources = (await tree(t.db, id)).byKey.get(article.key)!.sources;
      assert.equal(sources.at(-1)!.key, 'se-brottsbalken');
      const ids = [...(await page(editor, path)).html.matchAll(/sources\/(\d+)\/remove/g)].map((m) => m[1]!);
      assert.equal(ids.length, sources.length);
      assert.equal((await post(editor, `${path}/${ids.at(-1)}/move`, { version: '2', direction: 'up' })).status, 303);
      assert.equal((await post(editor, `${path}/${ids[0]}/remove`, { version: '3' })).status, 303);
      sources = (await tree(t.db, id)).byKey.get(article.key)!.sources;
      assert.equal(sources.length, ids.length - 1);
      assert.equal(sources.at(-2)!.key, 'se-brottsbalken');
      assert.equal((await post(translator, path, { version: '4', kind: 'instrument', key: 'crc', provision: '1' })).status, 403);
    });

    it('shows a node’s history with a word diff, and restores an earlier version as a new one', async () => {
      const id = await newDraft('history-http');
      const article = (await tree(t.db, id)).articles[3]!;
      const path = `${base(id)}/nodes/${article.id}`;
      const original = article.texts.en!.paragraphs.join('\n\n');
      assert.equal((await post(editor, `${path}/texts/en`, { version: '1', heading: article.texts.en!.heading, text: `${original} Zanzibar clause.` })).status, 303);
      const history = (await page(translator, `${path}/history`)).html;
      assert.match(history, /Version 2<\/a><span class="muted"> \(current\)/);
      assert.match(history, /Text saved/);
      assert.match(history, /State before the first change/);
      const diff = (await page(editor, `${path}/history/2`)).html;
      assert.match(diff, /Changes since version 1/);
      assert.match(diff, /<ins>Zanzibar<\/ins>|<ins>[^<]*Zanzibar[^<]*<\/ins>/);
      assert.match(diff, /<td lang="en" dir="ltr" class="diff-text">/);
      const first = (await page(editor, `${path}/history/1`)).html;
      assert.match(first, /Restore version 1/);
      assert.equal((await post(translator, `${path}/history/1/restore`, { version: '2' })).status, 403);
      assert.equal((await post(editor, `${path}/history/1/restore`, { version: '1' })).status, 409, 'stale');
      const restored = await post(editor, `${path}/history/1/restore`, { version: '2' });
      assert.equal(restored.status, 303);
      const node = (await tree(t.db, id)).byKey.get(article.key)!;
      assert.equal(node.texts.en!.paragraphs.join('\n\n'), original);
      assert.equal(node.version, 3);
      assert.equal(textStatus(node, 'ar', 'en'), 'current');
    });

    it('answers the JSON API with every edition, its state and its translation progress per locale', async () => {
      assert.equal((await t.app.request('/api/v1/admin/model-law/editions')).status, 401);
      const res = await t.app.request('/api/v1/admin/model-law/editions', { headers: translator.headers() });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { editions: { id: string; label: string; status: string; articles: number; law: { slug: string }; translations: Record<string, { current: number; outdated: number; missing: number; percent: number }> }[] };
      const sample = body.editions.find((e) => e.id === sampleId)!;
      assert.equal(sample.status, 'published');
      assert.equal(sample.law.slug, SLUG);
      assert.ok(sample.articles >= 24);
      assert.deepEqual(Object.keys(sample.translations).sort(), ['ar', 'en', 'es', 'fa', 'ru']);
      assert.equal(sample.translations.ar!.percent, 100);
      const outdated = body.editions.find((e) => e.label === 'outdated-http')!;
      assert.equal(outdated.status, 'draft');
      assert.equal(outdated.translations.ru!.outdated, 1);
      assert.ok(outdated.translations.ru!.percent < 100);
    });
  });
}
