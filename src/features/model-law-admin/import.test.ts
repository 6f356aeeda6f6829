// Importing a model law through the back office, on both databases: Akoma Ntoso, JSON and Markdown
// files, good ones written as a new draft edition (with their audit entry) only after the preview
// is confirmed, bad ones refused with a clear message and no row written; the upload limit, and
// previews belonging to their user.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { listEditions } from '../model-law/store.ts';
import { MARKDOWN_EXAMPLE } from './markdown.ts';
import { auditActions, rowCounts, SLUG, tree } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>['app'];

/** The import form as a browser posts it (multipart). */
function upload(s: TestSession, fields: { file?: { name: string; content: string | Uint8Array }; format?: string; label?: string; year?: string }) {
  const body = new FormData();
  body.set('_csrf', s.csrfToken);
  body.set('format', fields.format ?? 'auto');
  body.set('label', fields.label ?? '');
  body.set('year', fields.year ?? '');
  if (fields.file) body.set('file', new File([fields.file.content as BlobPart], fields.file.name));
  return { method: 'POST', body, headers: s.headers() };
}

for (const kind of DATABASE_KINDS) {
  describe(`model-law import on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let editor: TestSession;
    let json: string;
    let aknEn: string;
    let aknAr: string;
    before(async () => {
      t = await testApp(kind);
      editor = await testSession(t.db, 'editor');
      const exported = async (path: string) => (await t.app.request(`/en/model-law/${SLUG}/${path}`)).text();
      json = await exported('export.json?edition=2026');
      aknEn = await exported('export.akn.xml?edition=2026&lang=en');
      aknAr = await exported('export.akn.xml?edition=2026&lang=ar');
    });
    after(() => t.close());

    async function preview(app: App, fields: Parameters<typeof upload>[1], session = editor) {
      const res = await app.request('/en/admin/model-law/import', upload(session, fields));
      const html = await res.text();
      const id = /action="\/en\/admin\/model-law\/import\/([0-9a-f-]{36})"/.exec(html)?.[1];
      return { status: res.status, html, id };
    }

    /** Refused: the status, a message matching `pattern`, and not one row written anywhere. */
    async function refused(fields: Parameters<typeof upload>[1], status: number, pattern: RegExp) {
      const before = await rowCounts(t.db);
      const p = await preview(t.app, fields);
      assert.equal(p.status, status, p.html.slice(0, 300));
      assert.match(p.html, pattern);
      assert.equal(p.id, undefined, 'no confirmation offered');
      assert.deepEqual(await rowCounts(t.db), before);
      return p.html;
    }

    it('shows the form with the formats, the Markdown format documented by an example', async () => {
      const res = await t.app.request('/en/admin/model-law/import', { headers: editor.headers() });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /enctype="multipart\/form-data"/);
      assert.match(html, /<input type="radio" id="import-format-markdown" name="format" value="markdown"/);
      assert.match(html, /### Article: purpose \| Purpose/);
      const translator = await testSession(t.db, 'translator');
      assert.equal((await t.app.request('/en/admin/model-law/import', { headers: translator.headers() })).status, 403);
    });

    it('imports the JSON interchange format: a preview that writes nothing, then one new draft edition with its audit entry', async () => {
      const before = await rowCounts(t.db);
      const p = await preview(t.app, { file: { name: 'law.json', content: json }, label: 'json-1', year: '2031' });
      assert.equal(p.status, 200, p.html.slice(0, 300));
      assert.match(p.html, /Nothing has been written yet/);
      assert.match(p.html, /a new edition of this existing law/);
      assert.match(p.html, /no parts, 6 chapters, 33 articles, \d+ paragraphs, \d+ sources/);
      assert.ok(p.id);
      assert.deepEqual(await rowCounts(t.db), before, 'the preview wrote nothing');
      const confirmed = await t.app.request(`/en/admin/model-law/import/${p.id}`, editor.form({}));
      assert.equal(confirmed.status, 303);
      const editionId = /\/en\/admin\/model-law\/(\d+)\?done=imported$/.exec(confirmed.headers.get('location') ?? '')?.[1];
      assert.ok(editionId);
      const imported = await tree(t.db, editionId!);
      assert.equal(imported.edition.status, 'draft');
      assert.equal(imported.edition.year, 2031);
      assert.equal(imported.articles.length, 33);
      assert.ok(imported.articles.every((a) => Object.keys(a.texts).length === 5 && a.sources.length > 0));
      assert.deepEqual(await auditActions(t.db, editionId!), ['model_law.import']);
      assert.equal(imported.edition.law.sample, true, 'the law keeps its sample flag');
      // Confirming twice (a double click) imports once.
      assert.equal((await t.app.request(`/en/admin/model-law/import/${p.id}`, editor.form({}))).status, 404);
    });

    it('imports one language of Akoma Ntoso as a new edition, keeping the law’s titles in the other languages', async () => {
      const p = await preview(t.app, { file: { name: 'law.akn.xml', content: aknEn }, label: 'akn-1', format: 'akn' });
      assert.equal(p.status, 200, p.html.slice(0, 500));
      assert.match(p.html, /Akoma Ntoso XML/);
      assert.match(p.html, /0 sources|no sources/);
      const res = await t.app.request(`/en/admin/model-law/import/${p.id}`, editor.form({}));
      assert.equal(res.status, 303);
      const edition = (await listEditions(t.db, SLUG, { includeUnpublished: true })).find((e) => e.label === 'akn-1')!;
      assert.equal(edition.status, 'draft');
      assert.ok(edition.law.title.ar, 'the Arabic title stays');
      const imported = await tree(t.db, edition.id);
      assert.deepEqual(Object.keys(imported.articles[0]!.texts), ['en']);
      assert.equal(imported.edition.law.sourceLocale, 'en');
    });

    it('imports structured Markdown as a new law', async () => {
      const p = await preview(t.app, { file: { name: 'law.md', content: MARKDOWN_EXAMPLE }, label: 'md-1' });
      assert.equal(p.status, 200, p.html.slice(0, 500));
      assert.match(p.html, /a new law/);
      assert.match(p.html, /Structured Markdown/);
      assert.match(p.html, /1 chapter, 2 articles, 3 paragraphs, 5 sources/);
      assert.equal((await t.app.request(`/en/admin/model-law/import/${p.id}`, editor.form({}))).status, 303);
      const [edition] = await listEditions(t.db, 'my-model-law', { includeUnpublished: true });
      assert.equal(edition!.label, 'md-1');
      assert.equal(edition!.status, 'draft');
      const imported = await tree(t.db, edition!.id);
      assert.deepEqual(imported.articles.map((a) => a.key), ['purpose', 'definitions']);
      assert.equal(imported.articles[1]!.sources[1]!.kind, 'national');
    });

    it('refuses bad files with a clear message and writes nothing', async () => {
      await refused({ file: { name: 'bad.xml', content: '<akomaNtoso><act>' }, label: 'bad-1' }, 422, /cannot be read as Akoma Ntoso XML[\s\S]*not well-formed XML/);
      await refused({ file: { name: 'page.xml', content: '<html><body/></html>' }, label: 'bad-1' }, 422, /not an Akoma Ntoso act/);
      await refused({ file: { name: 'bad.json', content: '{"format": "atlas-model-law/1",' }, label: 'bad-1' }, 422, /not valid JSON/);
      const doc = JSON.parse(json);
      doc.chapters[0].articles[1].key = 'Not A Key';
      await refused({ file: { name: 'zod.json', content: JSON.stringify(doc) }, label: 'bad-1' }, 422, /chapters\.0\.articles\.1\.key: /);
      await refused({ file: { name: 'bad.md', content: '# Title\nLaw: x\n## Chapter: c | C\nloose text' }, label: 'bad-1' }, 422, /line 4: text outside an article/);
      await refused({ file: { name: 'latin1.md', content: new Uint8Array([0x23, 0x20, 0xe9, 0xff]) }, label: 'bad-1' }, 422, /not UTF-8 text/);
      await refused({ label: 'bad-1' }, 400, /id="import-file-error">Choose the file to import/);
      await refused({ file: { name: 'law.json', content: json }, label: '' }, 400, /id="import-label-error">Give the edition a label/);
      // Found by the checks against the database: shown on the preview, with no way to confirm.
      const unknown = JSON.parse(json);
      unknown.chapters[0].articles[0].sources = [{ instrument: 'crc', provision: '999' }];
      unknown.chapters[2].articles[1].key = unknown.chapters[2].articles[0].key;
      const html = await refused({ file: { name: 'checks.json', content: JSON.stringify(unknown) }, label: 'bad-2' }, 422, /cannot be imported: 2 problems/);
      assert.match(html, /chapter 1, article 1 \(purpose-and-principles\): unknown source &quot;crc 999&quot;|unknown source "crc 999"/);
      assert.match(html, /used twice/);
      await refused({ file: { name: 'law.json', content: json }, label: '2026' }, 422, /id="import-label-error">The label “2026” is already used/);
      await refused({ file: { name: 'law-ar.xml', content: aknAr }, label: 'ar-1' }, 422, /is written in en \(its source language\), this file in ar/);
    });

    it('writes nothing when the confirmation meets a problem that arose after the preview', async () => {
      const p = await preview(t.app, { file: { name: 'law.md', content: MARKDOWN_EXAMPLE.replace('my-model-law', 'race-law') }, label: 'race-1' });
      assert.ok(p.id, p.html.slice(0, 300));
      // Meanwhile, the same label is taken by another import.
      const other = await preview(t.app, { file: { name: 'law.md', content: MARKDOWN_EXAMPLE.replace('my-model-law', 'race-law') }, label: 'race-1' });
      assert.equal((await t.app.request(`/en/admin/model-law/import/${other.id}`, editor.form({}))).status, 303);
      const before = await rowCounts(t.db);
      const res = await t.app.request(`/en/admin/model-law/import/${p.id}`, editor.form({}));
      assert.equal(res.status, 422);
      assert.match(await res.text(), /edition &quot;race-1&quot; of &quot;race-law&quot; exists already|edition "race-1" of "race-law" exists already/);
      assert.deepEqual(await rowCounts(t.db), before);
    });

    it('refuses a file over the upload limit with 413, and keeps previews to the user who made them', async () => {
      const small = createApp({ db: t.db, config: { ...loadConfig({}), publicUrl: 'http://atlas.test', uploadMaxBytes: 2000 }, log: pino({ level: 'silent' }) });
      const before = await rowCounts(t.db);
      // Over the file limit but within the request's: the form again, with the message next to the file field.
      const padded = `${MARKDOWN_EXAMPLE}\n${'More text for the last article. '.repeat(100)}`;
      const res = await preview(small, { file: { name: 'law.md', content: padded }, label: 'big-1', year: '2030' });
      assert.equal(res.status, 413);
      assert.match(res.html, /id="import-file-error">This file is too large: the limit is 2 kB/);
      assert.match(res.html, /id="import-label" name="label" value="big-1"/);
      // Far over it: refused before the body is read.
      assert.equal((await preview(small, { file: { name: 'law.json', content: json }, label: 'big-2' })).status, 413);
      assert.deepEqual(await rowCounts(t.db), before);
      const p = await preview(t.app, { file: { name: 'law.md', content: MARKDOWN_EXAMPLE.replace('my-model-law', 'other-law') }, label: 'mine' });
      assert.ok(p.id);
      const other = await testSession(t.db, 'editor');
      assert.equal((await t.app.request(`/en/admin/model-law/import/${p.id}`, other.form({}))).status, 404);
      assert.equal((await t.app.request(`/en/admin/model-law/import/${p.id}`, { headers: other.headers() })).status, 404);
      assert.equal((await t.app.request(`/en/admin/model-law/import/${p.id}`, { headers: editor.headers() })).status, 200, 'its owner can reload it');
      assert.deepEqual(await rowCounts(t.db), before);
    });
  });
}
