// Hostile input stored in the database, as an import or an editor could leave it, renders inert
// everywhere it is shown: public pages, the back office, the Atom feed, every export and the model
// law's pages and documents. Each output is read back with the parser a consumer would use.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { DATABASE_KINDS } from '../../src/testing/databases.ts';
import { testApp } from '../../src/testing/app.ts';
import { testSession } from '../../src/testing/sessions.ts';
import { upsertResources } from '../../src/features/library/store.ts';
import { ResourceInputSchema } from '../../src/features/library/schema.ts';
import { buildResource } from '../../src/testing/builders.ts';
import { contentChanged } from '../../src/web/cache.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(2)>';
const SVG = '"><svg onload=alert(3)>';

/** No live markup from the probe: its angle brackets must arrive escaped. */
function assertInertHtml(html: string, where: string) {
  assert.ok(!html.includes('<script>alert'), `${where}: a live <script>`);
  assert.ok(!html.includes('<img src=x'), `${where}: a live <img onerror>`);
  assert.ok(!html.includes('<svg onload'), `${where}: a live <svg onload>`);
  assert.ok(!/href="\s*javascript:/i.test(html), `${where}: a javascript: link`);
}

for (const kind of DATABASE_KINDS) {
  describe(`stored input is inert everywhere on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let id = '';
    before(async () => {
      t = await testApp(kind);
      const [outcome] = await upsertResources(t.db, [
        buildResource({ slug: 'hostile-probe', title: { en: `${SCRIPT} probe`, ar: `${SCRIPT} مسبار` }, summary: { en: `${IMAGE} summary` }, publishers: [SVG] }),
      ]);
      id = outcome!.id;
      // A javascript: link cannot pass the schema; one that reached the table anyway stays inert.
      await sql`UPDATE resources SET link = 'javascript:alert(4)' WHERE id = ${id}::bigint`.execute(t.db);
      await sql`UPDATE model_law_texts SET heading = ${`${SCRIPT} heading`}, paragraphs = ${JSON.stringify([`${IMAGE} text`])}::jsonb
        WHERE locale = 'en' AND node_id = (SELECT n.id FROM model_law_nodes n WHERE n.key = 'grooming' ORDER BY n.id LIMIT 1)`.execute(t.db);
      contentChanged();
    });
    after(() => t.close());

    it('the schema refuses javascript: and data: links', () => {
      for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
        assert.equal(ResourceInputSchema.safeParse({ ...buildResource({}), link }).success, false, link);
      }
    });

    it('public pages: search, resource, publisher; Arabic too', async () => {
      for (const path of ['/en/library?q=probe', `/en/library/${id}-hostile-probe`, '/ar/library?q=probe', '/en/library/publishers']) {
        const res = await t.app.request(path);
        assert.equal(res.status, 200, path);
        const html = await res.text();
        assertInertHtml(html, path);
      }
      const page = await (await t.app.request(`/en/library/${id}-hostile-probe`)).text();
      assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt; probe/);
    });

    it('the Atom feed: the probe is text, not elements', async () => {
      const xml = await (await t.app.request('/api/v1/resources/feed.atom?q=probe')).text();
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      const entries = [feed.feed.entry].flat();
      const entry = entries.find((e: { title: unknown }) => JSON.stringify(e.title).includes('probe'));
      assert.ok(entry, 'the probe is in the feed');
      const title = typeof entry.title === 'string' ? entry.title : entry.title['#text'];
      assert.equal(title, `${SCRIPT} probe`, 'the title arrives as the literal text');
      assert.ok(!xml.includes('<script>'), 'no raw <script> in the XML');
    });

    it('exports: JSON keeps the text, CSV holds it as a literal cell, RIS keeps one record per resource', async () => {
      const json = (await (await t.app.request('/api/v1/resources/export.json?q=probe')).json()) as { items: { title: Record<string, string> }[] };
      const items = json.items;
      assert.ok(items.some((r) => r.title.en === `${SCRIPT} probe`));
      const csv = await (await t.app.request('/api/v1/resources/export.csv?q=probe')).text();
      const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      assert.ok(rows.some((r) => Object.values(r).some((v) => v.includes(SCRIPT))), 'CSV holds the literal text');
      const ris = await (await t.app.request('/api/v1/resources/export.ris?q=probe')).text();
      assert.equal((ris.match(/^TY {2}- /gm) ?? []).length, items.length, 'one RIS record per resource: the probe forged none');
    });

    it('the API answers JSON with nosniff, so no browser renders the probe as HTML', async () => {
      const res = await t.app.request(`/api/v1/resources/${id}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    });

    it('the model law: article, side by side, search, and the DOCX and Akoma Ntoso exports', async () => {
      const law = '/en/model-law/atlas-sample-model-law';
      for (const path of [`${law}/articles/grooming`, `${law}/side-by-side?left=en&right=ar`, `${law}/search?q=heading`, law]) {
        const res = await t.app.request(path);
        assert.equal(res.status, 200, path);
        assertInertHtml(await res.text(), path);
      }
      const akn = await (await t.app.request(`${law}/export.akn.xml`)).text();
      assert.ok(!akn.includes('<script>') && akn.includes('&lt;script&gt;'), 'escaped in Akoma Ntoso');
      const docx = Buffer.from(await (await t.app.request(`${law}/export.docx`)).arrayBuffer());
      assert.match((await mammoth.extractRawText({ buffer: docx })).value, /<script>alert\(1\)<\/script> heading/, 'literal text in DOCX');
    });

    it('back-office pages show the probe as text', async () => {
      const admin = await testSession(t.db, 'admin');
      await sql`INSERT INTO audit_log (actor_email, action, entity_type, entity_id, entity_label, details) VALUES
        (${SVG}, 'resource.update', 'resource', ${id}, ${`${SCRIPT} probe`}, ${JSON.stringify({ note: IMAGE })}::jsonb)`.execute(t.db);
      for (const path of ['/en/admin/resources', `/en/admin/resources/${id}`, '/en/admin/audit', '/en/admin']) {
        const res = await t.app.request(path, { headers: admin.headers() });
        assert.ok(res.status === 200, `${path}: ${res.status}`);
        assertInertHtml(await res.text(), path);
      }
    });
  });
}
