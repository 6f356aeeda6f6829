// The web import end to end on both databases: upload → preview (writes nothing) → confirm (writes
// resources with their revisions and audit entries in one go) → result; refusals, skip-invalid,
// ownership of a pending import, the upload limit, and the CLI leaving the same history.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { runImportCommand } from '../import/cli.ts';

type App = Awaited<ReturnType<typeof testApp>>['app'];

const fixturePath = (name: string) => fileURLToPath(new URL(`../import/fixtures/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** A multipart form post, as a browser sends the import form. */
function upload(s: TestSession, fields: { format: string; status?: string; text?: string; file?: { name: string; content: string } }) {
  const body = new FormData();
  body.set('_csrf', s.csrfToken);
  body.set('format', fields.format);
  body.set('status', fields.status ?? 'draft');
  body.set('text', fields.text ?? '');
  if (fields.file) body.set('file', new File([fields.file.content], fields.file.name, { type: 'text/plain' }));
  return { method: 'POST', body, headers: s.headers() };
}

async function counts(db: Db) {
  const r = await sql<{ resources: number; revisions: number; audit: number; pending: number }>`SELECT
    (SELECT count(*)::int FROM resources) AS resources,
    (SELECT count(*)::int FROM revisions) AS revisions,
    (SELECT count(*)::int FROM audit_log) AS audit,
    (SELECT count(*)::int FROM pending_imports) AS pending`.execute(db);
  return r.rows[0]!;
}

/** Uploads and follows the redirect: the pending import's id and its preview page. */
async function previewOf(app: App, s: TestSession, fields: Parameters<typeof upload>[1]) {
  const res = await app.request('/en/admin/import', upload(s, fields));
  assert.equal(res.status, 303, await res.clone().text());
  const location = res.headers.get('location')!;
  const id = /^\/en\/admin\/import\/([0-9a-f-]{36})$/.exec(location)?.[1];
  assert.ok(id, location);
  const page = await app.request(location, { headers: s.headers() });
  return { id: id!, location, status: page.status, html: await page.text() };
}

for (const kind of DATABASE_KINDS) {
  describe(`web import on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let editor: TestSession;
    before(async () => {
      t = await testApp(kind, { shipped: false });
      editor = await testSession(t.db, 'editor');
    });
    after(() => t.close());

    it('shows the form with formats, a file field, pasted text and the state of new resources (draft by default)', async () => {
      const res = await t.app.request('/en/admin/import', { headers: editor.headers() });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /enctype="multipart\/form-data"/);
      assert.match(html, /<input type="radio" id="import-format-csv" name="format" value="csv"/);
      assert.match(html, /<input type="file" id="import-file" name="file"/);
      assert.match(html, /<textarea id="import-text" name="text"/);
      assert.match(html, /id="import-status-draft" name="status" value="draft" checked=""/);
      assert.match(html, /name="_csrf" value="[^"]+"/);
    });

    it('previews the good fixture without writing anything', async () => {
      const before = await counts(t.db);
      const p = await previewOf(t.app, editor, { format: 'csv', file: { name: 'good.csv', content: fixture('good.csv') } });
      assert.equal(p.status, 200);
      assert.match(p.html, /3 resources would be created/);
      assert.match(p.html, /0 entries are rejected/);
      assert.match(p.html, /Setting Up a Child Helpline/);
      assert.match(p.html, /<code>lessons-from-school-audits<\/code>/);
      assert.match(p.html, /Nothing has been written yet/);
      assert.match(p.html, new RegExp(`<form method="post" action="/en/admin/import/${p.id}"`));
      assert.doesNotMatch(p.html, /name="skip_invalid"/, 'no checkbox without rejections');
      const after = await counts(t.db);
      assert.deepEqual({ ...after, pending: 0 }, { ...before, pending: 0 }, 'no resource, revision or audit entry');
      assert.equal(after.pending, before.pending + 1, 'the upload waits server-side');
      const stored = await sql<{ content: string; format: string }>`SELECT content, format FROM pending_imports WHERE id = ${p.id}`.execute(t.db);
      assert.equal(stored.rows[0]!.format, 'csv');
      assert.match(stored.rows[0]!.content, /Setting Up a Child Helpline/);
    });

    it('confirms: resources, one revision and one audit entry each, and the run, in one go; a second confirm does not run it again', async () => {
      const p = await previewOf(t.app, editor, { format: 'csv', file: { name: 'good.csv', content: fixture('good.csv') } });
      const before = await counts(t.db);
      const res = await t.app.request(`/en/admin/import/${p.id}`, editor.form({}));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/en/admin/import/${p.id}/result`);

      const after = await counts(t.db);
      assert.equal(after.resources, before.resources + 3);
      assert.equal(after.revisions, before.revisions + 3);
      assert.equal(after.audit, before.audit + 4, 'three resources and the run');
      assert.equal(after.pending, before.pending - 1, 'the pending import is used up');

      const resources = await sql<{ id: string; slug: string; status: string; version: number }>`SELECT id::text AS id, slug, status, version FROM resources ORDER BY slug`.execute(t.db);
      assert.ok(resources.rows.every((r) => r.status === 'draft'), 'new resources take the chosen state over the file\'s');
      const revisions = await sql<{ entity_id: string; version: number; action: string; actor_id: string; data: { slug: string; publishers: string[] } }>`
        SELECT entity_id, version, action, actor_id::text AS actor_id, data FROM revisions WHERE entity_type = 'resource' ORDER BY entity_id`.execute(t.db);
      assert.deepEqual(revisions.rows.map((r) => [r.entity_id, r.version, r.action, r.actor_id]), resources.rows.map((r) => [r.id, 1, 'import', editor.user.id]).sort());
      const helpline = revisions.rows.find((r) => r.data.slug === 'setting-up-a-child-helpline')!;
      assert.deepEqual(helpline.data.publishers, ['Helpline Partners', 'Ministry of Social Affairs, Planning Unit']);

      const audit = await sql<{ action: string; entity_type: string; entity_id: string; actor_id: string; details: Record<string, unknown> }>`
        SELECT action, entity_type, entity_id, actor_id::text AS actor_id, details FROM audit_log WHERE actor_id = ${editor.user.id}::bigint ORDER BY id`.execute(t.db);
      assert.deepEqual(audit.rows.map((r) => r.action), ['resource.import_create', 'resource.import_create', 'resource.import_create', 'import.run']);
      const run = audit.rows.at(-1)!;
      assert.equal(run.entity_id, p.id);
      assert.deepEqual(
        { file: run.details.file, via: run.details.via, created: run.details.created, updated: run.details.updated, rejected: run.details.rejected },
        { file: 'good.csv', via: 'web', created: 3, updated: 0, rejected: 0 },
      );

      const result = await t.app.request(res.headers.get('location')!, { headers: editor.headers() });
      assert.equal(result.status, 200);
      const html = await result.text();
      assert.match(html, /Import finished/);
      assert.match(html, /3 resources created/);
      const helplineId = resources.rows.find((r) => r.slug === 'setting-up-a-child-helpline')!.id;
      assert.match(html, new RegExp(`href="/en/admin/resources/${helplineId}"[^>]*>Setting Up a Child Helpline<`));

      const again = await t.app.request(`/en/admin/import/${p.id}`, editor.form({}));
      assert.equal(again.status, 303, 'a double submit lands on the result');
      assert.deepEqual(await counts(t.db), after, 'and writes nothing more');
    });

    it('keeps the state of resources that exist: a published re-import of drafts changes nothing', async () => {
      const p = await previewOf(t.app, editor, { format: 'csv', status: 'published', file: { name: 'good.csv', content: fixture('good.csv') } });
      assert.match(p.html, /3 resources would stay unchanged/);
    });

    it('refuses a file with a bad entry as a whole, and with skip-invalid imports the rest and lists what was skipped', async () => {
      const p = await previewOf(t.app, editor, { format: 'csv', text: fixture('bad.csv') });
      assert.match(p.html, /4 entries are rejected/);
      assert.match(p.html, /1 resource would be created/);
      assert.match(p.html, /<td>line 5<\/td><td><code>year<\/code><\/td><td lang="en" dir="ltr">not a year: &quot;20x0&quot;<\/td>/);
      assert.match(p.html, /<input type="checkbox" id="import-skip" name="skip_invalid" value="1"/);
      assert.match(p.html, /refused as a whole unless you skip/);

      const before = await counts(t.db);
      const refused = await t.app.request(`/en/admin/import/${p.id}`, editor.form({}));
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Nothing was imported: 4 entries have problems/);
      assert.deepEqual(await counts(t.db), before, 'nothing written, the upload still waits');

      const res = await t.app.request(`/en/admin/import/${p.id}`, editor.form({ skip_invalid: '1' }));
      assert.equal(res.status, 303);
      const after = await counts(t.db);
      assert.equal(after.resources, before.resources + 1);
      assert.equal(after.revisions, before.revisions + 1);
      const run = await sql<{ details: { rejected: number; skipped: string[]; file: string | null; skipInvalid: boolean } }>`
        SELECT details FROM audit_log WHERE action = 'import.run' AND entity_id = ${p.id}`.execute(t.db);
      assert.equal(run.rows[0]!.details.rejected, 4);
      assert.equal(run.rows[0]!.details.file, null, 'pasted text has no file name');
      assert.equal(run.rows[0]!.details.skipInvalid, true);
      assert.ok(run.rows[0]!.details.skipped.includes('line 5, field year: not a year: "20x0"'), run.rows[0]!.details.skipped.join('\n'));

      const html = await (await t.app.request(res.headers.get('location')!, { headers: editor.headers() })).text();
      assert.match(html, /1 resource created/);
      assert.match(html, /4 entries skipped/);
      assert.match(html, /line 6, field countries: unknown country &quot;Atlantis&quot;/);
      assert.match(html, /Pasted text/);
    });

    it('does not let another user see or confirm someone else\'s pending import', async () => {
      const p = await previewOf(t.app, editor, { format: 'json', file: { name: 'good.json', content: fixture('good.json') } });
      const other = await testSession(t.db, 'admin');
      assert.equal((await t.app.request(p.location, { headers: other.headers() })).status, 404);
      const before = await counts(t.db);
      const res = await t.app.request(`/en/admin/import/${p.id}`, other.form({ skip_invalid: '1' }));
      assert.equal(res.status, 404);
      assert.deepEqual(await counts(t.db), before);
      assert.equal((await t.app.request(`/en/admin/import/${p.id}/result`, { headers: other.headers() })).status, 404);
      // The owner still can.
      assert.equal((await t.app.request(`/en/admin/import/${p.id}`, editor.form({}))).status, 303);
    });

    it('forgets previews older than a day', async () => {
      const p = await previewOf(t.app, editor, { format: 'csv', file: { name: 'good.csv', content: fixture('good.csv') } });
      await sql`UPDATE pending_imports SET created_at = now() - interval '25 hours' WHERE id = ${p.id}`.execute(t.db);
      assert.equal((await t.app.request(p.location, { headers: editor.headers() })).status, 404);
      assert.equal((await t.app.request(`/en/admin/import/${p.id}`, editor.form({}))).status, 404);
      await previewOf(t.app, editor, { format: 'csv', file: { name: 'good.csv', content: fixture('good.csv') } });
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pending_imports WHERE id = ${p.id}`.execute(t.db);
      assert.equal(left.rows[0]!.n, 0, 'purged when the next upload arrives');
    });

    it('refuses a form without a source, and a file that cannot be read, keeping what was typed', async () => {
      const none = await t.app.request('/en/admin/import', upload(editor, { format: 'csv', status: 'published' }));
      assert.equal(none.status, 400);
      const html = await none.text();
      assert.match(html, /Choose a file or paste its text\./);
      assert.match(html, /id="import-status-published" name="status" value="published" checked=""/);
      assert.match(html, /aria-invalid="true" aria-describedby="import-source-error import-file-hint"/);

      const typo = await t.app.request('/es/admin/import', upload(editor, { format: 'csv', text: 'type,titel_en\nreport,A Title\n' }));
      assert.equal(typo.status, 422);
      const page = await typo.text();
      assert.match(page, /<html lang="es"/);
      assert.match(page, /<span lang="en" dir="ltr">unknown column &quot;titel_en&quot; in the header row/);
      assert.match(page, /type,titel_en/, 'the pasted text is kept');
    });

    it('answers 413 with a clear message for an upload over the limit', async () => {
      const small = createApp({ db: t.db, config: { ...loadConfig({}), publicUrl: 'http://atlas.test', uploadMaxBytes: 2048 }, log: pino({ level: 'silent' }) });
      const before = await counts(t.db);
      const res = await small.request('/en/admin/import', upload(editor, { format: 'listing', file: { name: 'big.txt', content: 'x'.repeat(3000) } }));
      assert.equal(res.status, 413);
      assert.match(await res.text(), /The file is larger than 2 kB\. Split it into smaller files\./);
      const pasted = await small.request('/en/admin/import', upload(editor, { format: 'listing', text: 'y'.repeat(3000) }));
      assert.equal(pasted.status, 413);
      assert.deepEqual(await counts(t.db), before);
    });

    it('the CLI import now writes revisions and audit entries, as the system', async () => {
      const quiet = { out: () => undefined, err: () => undefined };
      const code = await runImportCommand(t.db, { format: 'listing', file: fixturePath('good-listing.txt'), skipInvalid: false, dryRun: false }, quiet);
      assert.equal(code, 0);
      const audit = await sql<{ action: string; actor_id: string | null; actor_email: string; entity_id: string | null; details: Record<string, unknown> }>`
        SELECT action, actor_id, actor_email, entity_id, details FROM audit_log WHERE details->>'via' = 'cli' ORDER BY id`.execute(t.db);
      assert.equal(audit.rows.filter((r) => r.action === 'resource.import_create').length, 6);
      const run = audit.rows.at(-1)!;
      assert.equal(run.action, 'import.run');
      assert.deepEqual([run.actor_id, run.actor_email, run.details.file, run.details.created], [null, 'system', 'good-listing.txt', 6]);
      const ids = audit.rows.filter((r) => r.action !== 'import.run').map((r) => r.entity_id!);
      const revisions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM revisions
        WHERE entity_type = 'resource' AND action = 'import' AND actor_email = 'system' AND actor_id IS NULL AND entity_id = ANY(${ids}::text[])`.execute(t.db);
      assert.equal(revisions.rows[0]!.n, 6);

      const dry = await counts(t.db);
      await runImportCommand(t.db, { format: 'listing', file: fixturePath('good-listing.txt'), skipInvalid: false, dryRun: true }, quiet);
      assert.deepEqual(await counts(t.db), dry, 'a dry run leaves no history');
    });
  });
}
