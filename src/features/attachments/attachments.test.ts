// Attachments through the app, on both databases, with documents made in the test: upload (type
// read from the bytes, size limit, extraction), storage by hash, search, downloads, removal, audit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { buildResource } from '../../testing/builders.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { contentChanged } from '../../web/cache.ts';
import { upsertResources } from '../library/store.ts';
import { BROKEN_PDF, makeDocx, makePdf, PNG_BYTES } from './test-documents.ts';
import { sha256 } from './storage.ts';

const MAX_BYTES = 200_000;

/** Every stored file under the directory, as "ab/cdef…". */
async function storedFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) {
    for (const name of await readdir(path.join(dir, sub))) out.push(`${sub}/${name}`);
  }
  return out.sort();
}

for (const kind of DATABASE_KINDS) {
  describe(`attachments on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let filesDir: string;
    let editor: TestSession;
    let reviewer: TestSession;
    let pdf: Uint8Array;
    let docx: Uint8Array;
    const ids: Record<'draft' | 'other' | 'plain', string> = { draft: '', other: '', plain: '' };

    before(async () => {
      filesDir = await mkdtemp(path.join(tmpdir(), 'atlas-files-'));
      t = await testApp(kind, { shipped: false, config: { filesDir, uploadMaxBytes: MAX_BYTES } });
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      const written = await upsertResources(t.db, [
        buildResource({ slug: 'attach-draft', status: 'draft', title: { en: 'Annual review of shelters' } }),
        buildResource({ slug: 'attach-other', status: 'published', title: { en: 'Guidance for social workers' } }),
        buildResource({ slug: 'attach-plain', status: 'published', title: { en: 'Model protocol for hotlines' } }),
      ]);
      [ids.draft, ids.other, ids.plain] = written.map((w) => w.id) as [string, string, string];
      contentChanged();
      pdf = await makePdf(['The zorblaxian inquiry into child helplines.', 'Informe sobre la proteccion de la infancia: quimbombo.']);
      docx = await makeDocx(['A handbook mentioning the word flumberwick once.']);
    });
    after(async () => {
      await t.close();
      await rm(filesDir, { recursive: true, force: true });
    });

    const page = (id: string) => `/en/admin/resources/${id}/attachments`;
    const upload = (id: string, bytes: Uint8Array, name: string, opts: { locale?: string; session?: TestSession } = {}) => {
      const s = opts.session ?? editor;
      const form = new FormData();
      form.append('_csrf', s.csrfToken);
      form.append('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
      return t.app.request(`/${opts.locale ?? 'en'}/admin/resources/${id}/attachments`, { method: 'POST', headers: s.headers(), body: form });
    };
    const search = async (q: string) => (await t.app.request(`/en/library?q=${encodeURIComponent(q)}`)).text();
    const attachmentRows = async (resourceId: string) =>
      (await sql<{ id: string; sha256: string; filename: string; media_type: string; size: number; pages: number | null; text: string }>`
        SELECT id::text AS id, sha256, filename, media_type, size::int AS size, pages, text FROM attachments
        WHERE resource_id = ${resourceId}::bigint ORDER BY id`.execute(t.db)).rows;
    const auditRows = async (action: string, resourceId: string) =>
      (await sql<{ actor_email: string; details: { filename: string; sha256: string; size: number } }>`
        SELECT actor_email, details FROM audit_log WHERE action = ${action} AND entity_type = 'resource' AND entity_id = ${resourceId}
        ORDER BY id`.execute(t.db)).rows;
    const publish = async (slug: string, title: string) => {
      await upsertResources(t.db, [buildResource({ slug, status: 'published', title: { en: title } })]);
      contentChanged();
    };

    it('shows the page to every back-office role, the upload form only to those who may edit', async () => {
      const asEditor = await t.app.request(page(ids.other), { headers: editor.headers() });
      assert.equal(asEditor.status, 200);
      const html = await asEditor.text();
      assert.match(html, /No documents are attached to this resource yet/);
      assert.match(html, /<form method="post" action="\/en\/admin\/resources\/\d+\/attachments" enctype="multipart\/form-data">/);
      assert.match(html, /name="_csrf" value="[^"]+"/);
      assert.match(html, /<label for="attachment-file">Document<\/label>/);
      const asReviewer = await (await t.app.request(page(ids.other), { headers: reviewer.headers() })).text();
      assert.doesNotMatch(asReviewer, /type="file"/);
      assert.match(asReviewer, /not change them/);
      assert.equal((await t.app.request(page('999999'), { headers: editor.headers() })).status, 404);
      assert.equal((await upload(ids.other, pdf, 'x.pdf', { session: reviewer })).status, 403);
    });

    it('stores a PDF once by its hash, extracts its text, and makes it searchable once published', async () => {
      assert.doesNotMatch(await search('zorblaxian'), /Annual review of shelters/);
      const res = await upload(ids.draft, pdf, '../../Inquiry report.pdf');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${page(ids.draft)}?done=added`);
      const hash = sha256(pdf);
      assert.deepEqual(await storedFiles(filesDir), [`${hash.slice(0, 2)}/${hash.slice(2)}`]);
      assert.deepEqual(new Uint8Array(await readFile(path.join(filesDir, hash.slice(0, 2), hash.slice(2)))), pdf);
      const [row] = await attachmentRows(ids.draft);
      assert.ok(row);
      assert.equal(row.filename, 'Inquiry report.pdf');
      assert.equal(row.media_type, 'application/pdf');
      assert.equal(row.size, pdf.byteLength);
      assert.equal(row.pages, 1);
      assert.match(row.text, /zorblaxian inquiry/);
      const audit = await auditRows('resource.attachment_add', ids.draft);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_email, editor.user.email);
      assert.deepEqual([audit[0]!.details.filename, audit[0]!.details.sha256, audit[0]!.details.size], ['Inquiry report.pdf', hash, pdf.byteLength]);

      // A draft: not in the search, not downloadable by the public, but by the back office.
      assert.doesNotMatch(await search('zorblaxian'), /Annual review of shelters/);
      assert.equal((await t.app.request(`/files/${row.id}/x.pdf`)).status, 404);
      const admin = await t.app.request(`/en/admin/attachments/${row.id}/download`, { headers: reviewer.headers() });
      assert.equal(admin.status, 200);
      assert.match(admin.headers.get('cache-control')!, /no-store/);
      assert.deepEqual(new Uint8Array(await admin.arrayBuffer()), pdf);
      const listing = await (await t.app.request(page(ids.draft), { headers: reviewer.headers() })).text();
      assert.match(listing, /<bdi>Inquiry report\.pdf<\/bdi>/);

      await publish('attach-draft', 'Annual review of shelters');
      assert.match(await search('zorblaxian'), /Annual review of shelters/);
      assert.match(await search('zorblaxians'), /Annual review of shelters/, 'English stems');
      assert.match(await search('quimbombó'), /Annual review of shelters/, 'a Spanish word, accents ignored');
      assert.doesNotMatch(await search('zorblaxian'), /Guidance for social workers/);
    });

    it('lists the documents of a published resource on its public page, with a download that has the right headers', async () => {
      const [row] = await attachmentRows(ids.draft);
      const html = await (await t.app.request(`/en/library/${ids.draft}-attach-draft`)).text();
      assert.match(html, new RegExp(`<a href="/files/${row!.id}/Inquiry%20report\\.pdf" download=""><bdi>Inquiry report\\.pdf</bdi></a>`));
      assert.match(html, /\(PDF file, 1 kB\)|\(PDF file, 2 kB\)/);

      const res = await t.app.request(`/files/${row!.id}/Inquiry%20report.pdf`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('content-length'), String(pdf.byteLength));
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="Inquiry report.pdf"; filename*=UTF-8''Inquiry%20report.pdf`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('etag'), `"${row!.sha256}"`);
      assert.match(res.headers.get('cache-control')!, /^public, max-age=\d{6,}/);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
      const again = await t.app.request(`/files/${row!.id}/Inquiry%20report.pdf`, { headers: { 'if-none-match': `"${row!.sha256}"` } });
      assert.equal(again.status, 304);
      assert.equal((await t.app.request('/files/999999/none.pdf')).status, 404);
    });

    it('keeps one file for the same content on two resources, and refuses it twice on one', async () => {
      assert.equal((await upload(ids.other, pdf, 'copy.pdf')).status, 303);
      assert.equal((await storedFiles(filesDir)).length, 1);
      assert.equal((await attachmentRows(ids.other)).length, 1);
      const twice = await upload(ids.other, pdf, 'again.pdf');
      assert.equal(twice.status, 409);
      assert.match(await twice.text(), /already attached/);
      assert.equal((await attachmentRows(ids.other)).length, 1);
    });

    it('extracts the text of a DOCX', async () => {
      const res = await upload(ids.plain, docx, 'handbook.docx');
      assert.equal(res.status, 303);
      const [row] = await attachmentRows(ids.plain);
      assert.equal(row!.media_type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.equal(row!.pages, null);
      assert.match(row!.text, /flumberwick/);
      assert.match(await search('flumberwick'), /Model protocol for hotlines/);
      assert.equal((await storedFiles(filesDir)).length, 2);
    });

    it('refuses by content, not by name: PNG or plain text called .pdf is 415, in the page language', async () => {
      const png = await upload(ids.plain, PNG_BYTES, 'scan.pdf');
      assert.equal(png.status, 415);
      const html = await png.text();
      assert.match(html, /whatever its name says/);
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /aria-describedby="attachment-file-error attachment-file-hint"/);
      const text = await upload(ids.plain, new TextEncoder().encode('just some words'), 'notes.pdf', { locale: 'es' });
      assert.equal(text.status, 415);
      const es = await text.text();
      assert.match(es, /<html lang="es"/);
      assert.match(es, /Solo se pueden adjuntar documentos PDF y Word/);
      assert.equal((await attachmentRows(ids.plain)).length, 1);
    });

    it('refuses a file over the size limit with 413, naming the limit', async () => {
      // Over the limit by one byte: the handler measures the file itself.
      const justOver = new Uint8Array(MAX_BYTES + 1);
      justOver.set(pdf);
      const res = await upload(ids.plain, justOver, 'big.pdf');
      assert.equal(res.status, 413);
      assert.match(await res.text(), /larger than the limit of 0\.2 MB/);
      // Far over: refused from Content-Length, before the body is read.
      const huge = await t.app.request(page(ids.plain), {
        method: 'POST',
        headers: editor.headers({ 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_BYTES * 3) }),
        body: 'x'.repeat(10),
      });
      assert.equal(huge.status, 413);
      assert.match(await huge.text(), /0\.2 MB/);
      // Far over, streamed without a length.
      const streamed = await upload(ids.plain, new Uint8Array(MAX_BYTES * 2), 'huge.pdf', { locale: 'ru' });
      assert.equal(streamed.status, 413);
      assert.match(await streamed.text(), /0,2 МБ/);
      assert.equal((await attachmentRows(ids.plain)).length, 1);
    });

    it('refuses a broken PDF with a message and writes nothing', async () => {
      const before = await storedFiles(filesDir);
      const res = await upload(ids.plain, BROKEN_PDF, 'broken.pdf');
      assert.equal(res.status, 422);
      assert.match(await res.text(), /could not be read/);
      assert.deepEqual(await storedFiles(filesDir), before);
      assert.equal((await attachmentRows(ids.plain)).length, 1);
      const missing = await t.app.request(page(ids.plain), editor.form({}));
      assert.equal(missing.status, 422);
      assert.match(await missing.text(), /Choose a PDF or DOCX file/);
    });

    it('removes an attachment: no longer searchable, audited, and its file deleted once unused', async () => {
      const [docxRow] = await attachmentRows(ids.plain);
      const res = await t.app.request(`${page(ids.plain)}/${docxRow!.id}/remove`, editor.form({}));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${page(ids.plain)}?done=removed`);
      assert.equal((await attachmentRows(ids.plain)).length, 0);
      assert.doesNotMatch(await search('flumberwick'), /Model protocol for hotlines/);
      assert.equal((await storedFiles(filesDir)).length, 1, 'the DOCX file is gone');
      const audit = await auditRows('resource.attachment_remove', ids.plain);
      assert.equal(audit.length, 1);
      assert.deepEqual([audit[0]!.details.filename, audit[0]!.details.sha256], ['handbook.docx', sha256(docx)]);
      assert.equal((await t.app.request(`/files/${docxRow!.id}/handbook.docx`)).status, 404);

      // The PDF is used by two resources: removing one keeps the file for the other.
      const [shared] = await attachmentRows(ids.other);
      assert.equal((await t.app.request(`${page(ids.other)}/${shared!.id}/remove`, editor.form({}))).status, 303);
      assert.equal((await storedFiles(filesDir)).length, 1);
      assert.match(await search('zorblaxian'), /Annual review of shelters/);
      const [last] = await attachmentRows(ids.draft);
      // Another resource's attachment id under this resource: not found.
      assert.equal((await t.app.request(`${page(ids.other)}/${last!.id}/remove`, editor.form({}))).status, 404);
      assert.equal((await t.app.request(`${page(ids.draft)}/${last!.id}/remove`, editor.form({}))).status, 303);
      assert.deepEqual(await storedFiles(filesDir), []);
      assert.doesNotMatch(await search('zorblaxian'), /Annual review of shelters/);
      const text = await sql<{ attachment_text: string }>`SELECT attachment_text FROM resources WHERE id = ${ids.draft}::bigint`.execute(t.db);
      assert.equal(text.rows[0]!.attachment_text, '');
    });
  });
}
