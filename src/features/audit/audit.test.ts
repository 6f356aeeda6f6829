// The audit log page, its CSV export and its API on both databases: the same filters everywhere,
// newest first in pages of 50, escaped details, a guarded export, and no way to change an entry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { ROUTE_ACCESS } from '../admin/guarded.ts';
import { CATALOGS } from '../../i18n/messages.ts';
import { recordAudit } from './log.ts';

type Entry = { id: string; at: string; actor: { id: string | null; email: string | null }; action: string; entity: { type: string; id: string; label: string } | null; details: Record<string, unknown>; ip: string | null };
type ApiPage = { entries: Entry[]; newer: string | null; older: string | null };

/** An entry at a given time: only inserts are possible, so the time is set when it is written. */
async function entryAt(db: Db, at: string, email: string, action: string, entity?: { type: string; id: string; label?: string }, details: object = {}) {
  await sql`INSERT INTO audit_log (at, actor_id, actor_email, action, entity_type, entity_id, entity_label, details, ip)
    VALUES (${at}::timestamptz, NULL, ${email}, ${action}, ${entity?.type ?? null}, ${entity?.id ?? null}, ${entity?.label ?? null},
      ${JSON.stringify(details)}::jsonb, '192.0.2.7')`.execute(db);
}

async function auditCount(db: Db): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db)).rows[0]!.n;
}

for (const kind of DATABASE_KINDS) {
  describe(`audit log on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let admin: TestSession;
    const api = async (query: string) => {
      const res = await t.app.request(`/api/v1/admin/audit${query}`, { headers: admin.headers() });
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as ApiPage;
    };

    before(async () => {
      t = await testApp(kind, { shipped: false });
      admin = await testSession(t.db, 'admin');
      await entryAt(t.db, '2024-01-10T23:30:00Z', 'ana@example.org', 'user.login', { type: 'user', id: '7', label: 'ana@example.org' });
      await entryAt(t.db, '2024-01-11T00:30:00Z', 'ana@example.org', 'resource.import_create', { type: 'resource', id: '42', label: 'A <b>bold</b> title' }, { where: 'line 3', note: '<script>alert(1)</script>' });
      await entryAt(t.db, '2024-01-12T12:00:00Z', 'bob_100%@example.org', 'resource.import_update', { type: 'resource', id: '43', label: '=HYPERLINK("http://evil.example")' }, { version: 2 });
      await entryAt(t.db, '2024-02-01T08:00:00Z', 'system', 'import.run', { type: 'import', id: 'batch-1', label: 'listing.txt' }, { created: 2, skipped: ['line 8, field title: missing title'] });
      await recordAudit(t.db, { id: admin.user.id, email: admin.user.email, ip: '198.51.100.1' }, { action: 'custom.thing', entityType: 'widget', entityId: 'w1' });
    });
    after(() => t.close());

    it('filters by actor, action, item type and id, and whole UTC days, in the API', async () => {
      assert.equal((await api('')).entries.length, 5);
      assert.deepEqual((await api('?actor=ANA@')).entries.map((e) => e.action), ['resource.import_create', 'user.login'], 'newest first, case-insensitive');
      assert.deepEqual((await api('?actor=_100%25')).entries.map((e) => e.actor.email), ['bob_100%@example.org'], '% and _ are literal');
      assert.equal((await api('?actor=100%25%25')).entries.length, 0);
      assert.deepEqual((await api('?action=import.run')).entries.map((e) => e.entity?.label), ['listing.txt']);
      assert.deepEqual((await api('?entity_type=resource')).entries.map((e) => e.entity?.id), ['43', '42']);
      assert.deepEqual((await api('?entity_type=resource&entity_id=42')).entries.map((e) => e.action), ['resource.import_create']);
      assert.deepEqual((await api('?from=2024-01-11&to=2024-01-12')).entries.map((e) => e.entity?.id), ['43', '42'], 'both days included, in UTC');
      assert.deepEqual((await api('?to=2024-01-10')).entries.map((e) => e.action), ['user.login']);
      assert.deepEqual((await api('?from=2024-01-11&actor=bob&entity_type=resource')).entries.map((e) => e.entity?.id), ['43']);
      const first = (await api('?entity_id=42')).entries[0]!;
      assert.deepEqual(first.details, { where: 'line 3', note: '<script>alert(1)</script>' });
      assert.equal(first.at, '2024-01-11T00:30:00.000Z');
      assert.equal(first.ip, '192.0.2.7');
    });

    it('answers 400 naming a bad parameter', async () => {
      const res = await t.app.request('/api/v1/admin/audit?from=2024-13-45', { headers: admin.headers() });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: string; field: string } };
      assert.deepEqual([body.error.code, body.error.field], ['invalidParameter', 'from']);
      assert.equal((await t.app.request('/api/v1/admin/audit?from=2024-02-01&to=2024-01-01', { headers: admin.headers() })).status, 400);
    });

    it('pages 50 at a time, newest first, both ways', async () => {
      for (let i = 0; i < 120; i++) await recordAudit(t.db, { id: null, email: 'bulk@example.org' }, { action: 'test.bulk', details: { n: i } });
      const first = await api('?action=test.bulk');
      assert.equal(first.entries.length, 50);
      assert.equal(first.entries[0]!.details.n, 119);
      assert.equal(first.newer, null);
      const second = await api(first.older!.replace('/api/v1/admin/audit', ''));
      assert.deepEqual([second.entries[0]!.details.n, second.entries.at(-1)!.details.n], [69, 20]);
      const third = await api(second.older!.replace('/api/v1/admin/audit', ''));
      assert.equal(third.entries.length, 20);
      assert.equal(third.older, null);
      const back = await api(third.newer!.replace('/api/v1/admin/audit', ''));
      assert.deepEqual(back.entries.map((e) => e.details.n), second.entries.map((e) => e.details.n));

      const page = await (await t.app.request('/en/admin/audit?action=test.bulk', { headers: admin.headers() })).text();
      assert.equal(page.match(/<tr>/g)!.length, 51, 'a header row and 50 entries');
      const older = /<a href="([^"]+)" rel="next">Older entries<\/a>/.exec(page)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(older, 'a link to older entries');
      assert.match(older!, /action=test\.bulk&before=\d+/);
      const page2 = await (await t.app.request(older!, { headers: admin.headers() })).text();
      assert.match(page2, /rel="prev">Newer entries</);
    });

    it('shows entries with times, translated actions, item links and escaped details', async () => {
      const res = await t.app.request('/en/admin/audit?from=2024-01-01&to=2024-12-31', { headers: admin.headers() });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const html = await res.text();
      assert.match(html, /<time datetime="2024-01-11T00:30:00\.000Z">Jan 11, 2024, 12:30:00\sAM<\/time>/);
      assert.match(html, /<td>Signed in<\/td>/);
      assert.match(html, /<td>Resource created by an import<\/td>/);
      assert.match(html, /Resource: <a href="\/en\/admin\/resources\/42" dir="auto">A &lt;b&gt;bold&lt;\/b&gt; title<\/a>/);
      assert.match(html, /<dt dir="ltr">note<\/dt><dd dir="auto">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/dd>/);
      assert.doesNotMatch(html, /<script>alert/);
      assert.match(html, /<dd dir="auto">line 8, field title: missing title<\/dd>/, 'a list of strings reads as text');
      assert.match(html, /System \(command line\)/);
      // The filter form keeps what is applied and offers the actions present.
      assert.match(html, /<input id="audit-from" name="from" type="date" value="2024-01-01"/);
      assert.match(html, /<option value="user.login">Signed in<\/option>/);
      assert.match(html, /<option value="custom.thing">custom.thing<\/option>/, 'an action without a label shows as stored');
      assert.match(html, /href="\/en\/admin\/audit\/export\.csv\?from=2024-01-01&amp;to=2024-12-31"/);

      const widget = await (await t.app.request('/en/admin/audit?entity_type=widget', { headers: admin.headers() })).text();
      assert.match(widget, /<td><code>custom\.thing<\/code><\/td>/);
      assert.match(widget, /198\.51\.100\.1/);
    });

    it('shows a bad filter next to its field, in the page language, with status 400', async () => {
      const res = await t.app.request('/es/admin/audit?from=ayer&actor=ana', { headers: admin.headers() });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /<input id="audit-from" name="from" type="date" value="ayer" aria-invalid="true" aria-describedby="audit-from-error"/);
      assert.ok(html.includes(`id="audit-from-error">${CATALOGS.es['audit.problem.date']}`));
      assert.match(html, /name="actor" type="search" value="ana"/);
      assert.doesNotMatch(html, /<table/);
    });

    it('renders right to left in Arabic', async () => {
      const html = await (await t.app.request('/ar/admin/audit', { headers: admin.headers() })).text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.ok(html.includes(CATALOGS.ar['audit.title']!));
    });

    it('exports the filtered entries as CSV with a BOM, guarded against formulas', async () => {
      const res = await t.app.request('/en/admin/audit/export.csv?entity_type=resource', { headers: admin.headers() });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition')!, /^attachment; filename="atlas-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
      // TextDecoder drops the mark, as a spreadsheet does.
      const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;
      assert.deepEqual(rows.map((r) => r.entity_id), ['43', '42']);
      assert.equal(rows[0]!.entity_label, `'=HYPERLINK("http://evil.example")`);
      assert.equal(rows[1]!.time_utc, '2024-01-11T00:30:00.000Z');
      assert.deepEqual(JSON.parse(rows[1]!.details!), { where: 'line 3', note: '<script>alert(1)</script>' });

      const all = await (await t.app.request('/en/admin/audit/export.csv', { headers: admin.headers() })).text();
      const allRows = Papa.parse<Record<string, string>>(all, { header: true, skipEmptyLines: true }).data;
      assert.equal(allRows.length, await auditCount(t.db), 'every entry is in the export');
      assert.equal((await t.app.request('/en/admin/audit/export.csv?to=nope', { headers: admin.headers() })).status, 400);
    });

    it('offers no way to change or delete an entry, and the database refuses it too', async () => {
      const auditRoutes = [...ROUTE_ACCESS.keys()].filter((k) => k.includes('/audit'));
      assert.ok(auditRoutes.length >= 3, auditRoutes.join());
      assert.deepEqual(auditRoutes.filter((k) => !k.startsWith('GET ')), [], 'only reads');
      const before = await auditCount(t.db);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const url of ['/en/admin/audit', '/api/v1/admin/audit', '/en/admin/audit/export.csv']) {
          const res = await t.app.request(url, { method, headers: admin.headers({ 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' }), body: '{}' });
          assert.ok(res.status === 404 || res.status === 405, `${method} ${url}: ${res.status}`);
        }
      }
      assert.equal(await auditCount(t.db), before);
      await assert.rejects(sql`UPDATE audit_log SET action = 'x' WHERE action = 'user.login'`.execute(t.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log WHERE action = 'user.login'`.execute(t.db), /append-only/);
    });

    it('is for administrators only', async () => {
      const editor = await testSession(t.db, 'editor');
      assert.equal((await t.app.request('/en/admin/audit', { headers: editor.headers() })).status, 403);
      assert.equal((await t.app.request('/api/v1/admin/audit', { headers: editor.headers() })).status, 403);
      assert.equal((await t.app.request('/en/admin/audit/export.csv', { headers: editor.headers() })).status, 403);
    });
  });
}
