// The model law on both databases: the shipped sample, numbering, translation states, the public
// pages, search, edition comparison, the drafting aid, and every format read back by a parser.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { ModelLawDocumentSchema, type ModelLawDocument } from './format.ts';
import { findPublishedEdition, listEditions, loadEditionTree, textStatus } from './store.ts';
import { writeModelLawDocument, ModelLawDocumentError } from './write-document.ts';
import { editionToDocument } from './to-document.ts';
import { AkomaNtosoError, fromAkomaNtoso, toAkomaNtoso } from './akoma-ntoso.ts';

const SLUG = 'atlas-sample-model-law';
const base = (locale: string) => `/${locale}/model-law/${SLUG}`;

for (const kind of DATABASE_KINDS) {
  describe(`model law on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let sample: ModelLawDocument;
    before(async () => {
      t = await testApp(kind);
      const edition = (await findPublishedEdition(t.db, SLUG))!;
      sample = editionToDocument(await loadEditionTree(t.db, edition));
    });
    after(() => t.close());

    it('ships a sample law of at least 24 articles in 5 chapters, in all five languages, each article with instrument sources', async () => {
      const edition = (await findPublishedEdition(t.db, SLUG))!;
      assert.equal(edition.law.sample, true);
      const tree = await loadEditionTree(t.db, edition);
      assert.ok(tree.roots.filter((n) => n.kind === 'chapter').length >= 5);
      assert.ok(tree.articles.length >= 24, `${tree.articles.length} articles`);
      for (const article of tree.articles) {
        for (const locale of LOCALES) assert.equal(textStatus(article, locale, 'en'), 'current', `${article.key} ${locale}`);
        assert.ok(article.sources.some((s) => s.kind === 'instrument'), `${article.key} cites an instrument`);
      }
      assert.deepEqual(tree.articles.map((a) => a.number), tree.articles.map((_, i) => String(i + 1)), 'articles numbered through the law');
    });

    it('renumbers by itself when an article moves, and marks translations outdated when the source changes', async () => {
      const doc = { ...sample, edition: { label: `move-${kind}`, year: 2027 } };
      const written = await t.db.transaction().execute((trx) => writeModelLawDocument(trx, doc, { status: 'draft' }));
      const editions = await listEditions(t.db, SLUG, { includeUnpublished: true });
      const edition = editions.find((e) => e.id === written.editionId)!;
      let tree = await loadEditionTree(t.db, edition);
      const [first, second] = tree.articles;
      // Move the first article after the second one (positions within its chapter).
      await sql`UPDATE model_law_nodes SET position = 1 WHERE id = ${first!.id}::bigint`.execute(t.db);
      await sql`UPDATE model_law_nodes SET position = 0 WHERE id = ${second!.id}::bigint`.execute(t.db);
      tree = await loadEditionTree(t.db, edition);
      assert.equal(tree.byKey.get(first!.key)!.number, '2');
      assert.equal(tree.byKey.get(second!.key)!.number, '1');
      await sql`UPDATE model_law_texts SET paragraphs = '["A changed source text."]' WHERE node_id = ${first!.id}::bigint AND locale = 'en'`.execute(t.db);
      tree = await loadEditionTree(t.db, edition);
      const moved = tree.byKey.get(first!.key)!;
      assert.equal(textStatus(moved, 'en', 'en'), 'current');
      assert.equal(textStatus(moved, 'ar', 'en'), 'outdated');
      assert.equal(textStatus(tree.byKey.get(second!.key)!, 'ar', 'en'), 'current');
      // A draft edition is not public.
      const hidden = await t.app.request(`${base('en')}?edition=move-${kind}`);
      assert.equal(hidden.status, 404);
    });

    it('shows the contents with computed counts and the sample label', async () => {
      const res = await t.app.request(base('en'));
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Sample text\./);
      assert.match(html, /based on \d+ international instruments and \d+ national laws from \d+ countries/);
      assert.match(html, /Article 1\./);
    });

    it('shows an article in Arabic right to left, with its instruments and national laws by country', async () => {
      const res = await t.app.request(`${base('ar')}/articles/grooming`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.match(html, /<ol class="paragraphs" lang="ar" dir="rtl">/);
      assert.match(html, /مصادر هذه المادة/);
      assert.match(html, /474\.27/, 'Australian provision cited');
      assert.match(html, /أستراليا/, 'country named in Arabic');
    });

    it('puts two languages side by side, each column with its own lang and dir, one row per article', async () => {
      const res = await t.app.request(`${base('en')}/side-by-side?left=en&right=ar`);
      const html = await res.text();
      const rows = html.match(/<tr id="article-/g) ?? [];
      assert.equal(rows.length, sample.chapters!.reduce((n, c) => n + c.articles.length, 0));
      assert.ok((html.match(/<td lang="ar" dir="rtl">/g) ?? []).length === rows.length);
      assert.ok((html.match(/<td lang="en" dir="ltr">/g) ?? []).length === rows.length);
      const bad = await t.app.request(`${base('en')}/side-by-side?left=xx`);
      assert.equal(bad.status, 400);
    });

    it('searches within the law with stemming, in the reader language first, and renders matches inert', async () => {
      const res = await t.app.request(`${base('en')}/search?q=reporting`);
      const html = await res.text();
      assert.match(html, /<mark>/);
      assert.match(html, /service-providers-duty-to-report|professionals-duty-to-report/);
      const es = await (await t.app.request(`${base('es')}/search?q=${encodeURIComponent('niños')}`)).text();
      assert.match(es, /lang="es"/);
      const evil = await (await t.app.request(`${base('en')}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
      assert.doesNotMatch(evil, /<script>alert/);
    });

    it('compares editions: added, removed, changed and renumbered articles', async () => {
      const chapters = structuredClone(sample.chapters!);
      const removed = chapters[0]!.articles.shift()!; // every later article moves up one number
      chapters[1]!.articles[0]!.paragraphs[0] = { ...chapters[1]!.articles[0]!.paragraphs[0], en: 'An entirely new first paragraph.' };
      chapters[2]!.articles.push({ key: 'new-article', heading: { en: 'A new article' }, paragraphs: [{ en: 'New text.' }], sources: [{ instrument: 'crc', provision: '34' }] });
      const next = { ...sample, chapters, edition: { label: `next-${kind}`, year: 2030 } };
      await t.db.transaction().execute((trx) => writeModelLawDocument(trx, next, { status: 'published' }));
      const html = await (await t.app.request(`${base('en')}/compare?from=${sample.edition.label}&to=next-${kind}`)).text();
      assert.match(html, /Added: 1\. Removed: 1\. Changed: 1\. Renumbered: \d+\./);
      assert.match(html, new RegExp(removed.key === 'purpose-and-principles' ? 'Removed' : 'Removed'));
      assert.match(html, /<ins>/);
      assert.match(html, /Article 7 → 6/);
      // Pages still show the shipped edition when asked for it by label.
      assert.equal((await t.app.request(`${base('en')}?edition=${sample.edition.label}`)).status, 200);
    });

    it('exports JSON that imports back to the same law', async () => {
      const res = await t.app.request(`${base('en')}/export.json?edition=${sample.edition.label}`);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
      const doc = ModelLawDocumentSchema.parse(await res.json());
      assert.deepEqual(doc, sample);
      const copy = { ...doc, edition: { ...doc.edition, label: `copy-${kind}` } };
      const written = await t.db.transaction().execute((trx) => writeModelLawDocument(trx, copy, { status: 'draft' }));
      const edition = (await listEditions(t.db, SLUG, { includeUnpublished: true })).find((e) => e.id === written.editionId)!;
      assert.deepEqual(editionToDocument(await loadEditionTree(t.db, edition)), copy);
    });

    it('exports Akoma Ntoso XML per language that parses back with its structure, keys and texts', async () => {
      const res = await t.app.request(`${base('ar')}/export.akn.xml?edition=${sample.edition.label}`);
      const xml = await res.text();
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['chapter', 'article', 'paragraph'].includes(n) }).parse(xml);
      assert.equal(parsed.akomaNtoso['@_xmlns'], 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
      const act = parsed.akomaNtoso.act;
      assert.equal(act.meta.identification.FRBRExpression.FRBRlanguage['@_language'], 'ara');
      assert.equal(act.body.chapter.length, sample.chapters!.length);
      const articles = act.body.chapter.flatMap((c: { article: unknown[] }) => c.article);
      assert.equal(articles.length, sample.chapters!.reduce((n, c) => n + c.articles.length, 0));
      assert.equal(articles[0]['@_eId'], 'art_1');
      assert.equal(articles[0].paragraph[0]['@_eId'], 'art_1__para_1');
      const back = fromAkomaNtoso(xml, { label: 'akn' });
      assert.equal(back.sourceLocale, 'ar');
      const flat = (d: ModelLawDocument) => d.chapters!.flatMap((c) => c.articles.map((a) => [a.key, a.heading.ar, a.paragraphs.map((p) => p.ar)]));
      assert.deepEqual(flat(back), flat(sample));
      assert.throws(() => fromAkomaNtoso('<akomaNtoso><act>'), AkomaNtosoError);
      assert.throws(() => fromAkomaNtoso('<html><body/></html>'), /not an Akoma Ntoso act/);
      assert.equal(toAkomaNtoso(sample, 'en').includes('<![CDATA['), false);
    });

    it('exports DOCX that a DOCX reader opens, right to left in Arabic', async () => {
      const en = new Uint8Array(await (await t.app.request(`${base('en')}/export.docx?edition=${sample.edition.label}`)).arrayBuffer());
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(en) })).value;
      assert.match(text, new RegExp(sample.chapters![0]!.articles[0]!.heading.en!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const ar = new Uint8Array(await (await t.app.request(`${base('ar')}/export.docx?edition=${sample.edition.label}`)).arrayBuffer());
      const documentXml = strFromU8(unzipSync(ar)['word/document.xml']!);
      assert.match(documentXml, /<w:bidi\/>|<w:bidi w:val="(1|true)"\/>/);
      assert.match(documentXml, /<w:rtl\/>|<w:rtl w:val="(1|true)"\/>/);
    });

    it('drafts a bill from chosen articles with their sources and the country provisions, as Markdown and DOCX', async () => {
      const md = await (await t.app.request(`${base('en')}/draft.md?edition=${sample.edition.label}&article=grooming&article=service-providers-duty-to-report&country=AU&language=en`)).text();
      assert.match(md, /^# Draft bill/m);
      assert.match(md, /^## Article 1\. /m);
      assert.match(md, /^## Article 2\. /m);
      assert.doesNotMatch(md, /^## Article 3\. /m);
      assert.match(md, /Existing provisions of Australia/);
      assert.match(md, /474\.27/);
      assert.match(md, /474\.25/);
      const fa = await t.app.request(`${base('en')}/draft.docx?edition=${sample.edition.label}&article=grooming&language=fa`);
      assert.equal(fa.status, 200);
      const faText = (await mammoth.extractRawText({ buffer: Buffer.from(await fa.arrayBuffer()) })).value;
      assert.match(faText, /پیش‌نویس لایحه/);
      assert.equal((await t.app.request(`${base('en')}/draft.md`)).status, 400);
      assert.equal((await t.app.request(`${base('en')}/draft.md?article=grooming&country=Australia`)).status, 400);
    });

    it('refuses a document with unknown sources or duplicate keys, naming the place, and writes nothing', async () => {
      const chapters = structuredClone(sample.chapters!);
      chapters[0]!.articles[0]!.sources = [{ instrument: 'crc', provision: '999' }];
      chapters[1]!.articles[1]!.key = chapters[1]!.articles[0]!.key;
      const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes`.execute(t.db);
      await assert.rejects(
        t.db.transaction().execute((trx) => writeModelLawDocument(trx, { ...sample, chapters, edition: { label: 'bad', year: 2031 } }, { status: 'draft' })),
        (error: unknown) => error instanceof ModelLawDocumentError && /chapter 1, article 1 .*unknown source "crc 999"/.test(error.message) && /used twice/.test(error.message),
      );
      const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_nodes`.execute(t.db);
      assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    });
  });
}
