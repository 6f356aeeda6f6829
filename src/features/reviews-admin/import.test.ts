// Assessments as CSV, on both databases: the export (BOM, formula guard, evidence cell, demo line)
// read back unchanged; bad rows reported with their line and column and nothing written; skipping
// them on request; the web upload → preview → confirmation; and the command line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { getReviewEdition } from '../reviews/store.ts';
import { storedAssessments } from './assessments.ts';
import { runAssessmentImportCommand } from './cli.ts';
import { assessmentsCsv } from './csv.ts';
import { applyImport, ImportRefusedError, planImport } from './import.ts';
import { assessmentRows, auditOf, counts, CSAM, GB_LAW, makeEdition } from './test-helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

const HEADER = 'country,criterion,status,evidence,note_en,note_ar,note_es,note_fa,note_ru,reviewer,assessed_on';

/** One good row, four bad ones (each naming its problem), one more good one. */
const MIXED = [
  HEADER,
  `GB,definition,met,${GB_LAW} s. 15,Defined.,,,,,A. Reviewer,2026-01-15`,
  'XX,definition,met,,,,,,,,',
  'GB,no-such-criterion,met,,,,,,,,',
  'GB,knowing-possession,mostly,,,,,,,,2026-13-01',
  `GB,provider-reporting,partly,${GB_LAW} s. 99,,,,,,,`,
  'FR,definition,not_met,,"Line one\nline two",,,,,,',
].join('\r\n');

for (const kind of DATABASE_KINDS) {
  describe(`assessments CSV on ${kind}`, () => {
    let t: App;
    let editor: TestSession;
    let reviewer: TestSession;
    let dir: string;
    before(async () => {
      t = await testApp(kind);
      editor = await testSession(t.db, 'editor');
      reviewer = await testSession(t.db, 'reviewer');
      dir = await mkdtemp(path.join(tmpdir(), 'atlas-assessments-'));
    });
    after(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });
    const actor = () => ({ id: editor.user.id, email: editor.user.email });
    const edition = async (id: string) => (await getReviewEdition(t.db, id))!;
    const upload = async (id: string, text: string, skip = false) => {
      const form = new FormData();
      form.set('_csrf', editor.csrfToken);
      form.set('file', new File([text], 'assessments.csv', { type: 'text/csv' }));
      if (skip) form.set('skip_invalid', '1');
      return t.app.request(`/en/admin/reviews/editions/${id}/import`, { method: 'POST', headers: editor.headers(), body: form });
    };

    it('exports with a byte-order mark and formula guard, and imports its own export back unchanged', async () => {
      const id = await makeEdition(t.db, 'csv-1');
      await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, evidence, note, reviewer, assessed_on) VALUES
        (${id}::bigint, ${CSAM}, 'GB', 'definition', 'met',
          ${JSON.stringify([{ nationalLaw: GB_LAW, provision: 's. 15' }, { citation: 'Guidance, 2021', link: 'https://www.gov.uk/x' }, { citation: 'gb-like-key note' }])}::jsonb,
          ${JSON.stringify({ en: '=HYPERLINK("http://evil")', ar: 'ملاحظة\nبسطرين', ru: "'-already quoted" })}::jsonb, '@reviewer', '2026-02-01'),
        (${id}::bigint, ${CSAM}, 'FR', 'provider-reporting', 'not_assessed', '[]', '{}', NULL, NULL)`.execute(t.db);
      const res = await t.app.request(`/en/admin/reviews/editions/${id}/assessments.csv`, { headers: reviewer.headers() });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /filename="csam-legislation-csv-1-assessments\.csv"/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      assert.ok(text.startsWith(`\uFEFF${HEADER}\r\n`));
      assert.match(text, /gb-sexual-offences-act-2003 s\. 15; Guidance, 2021 <https:\/\/www\.gov\.uk\/x>; gb-like-key note <>/);
      assert.match(text, /"'=HYPERLINK\(""http:\/\/evil""\)"/, 'a formula is guarded');
      assert.match(text, /'@reviewer/);
      assert.match(text, /''-already quoted/);

      const before = await counts(t.db);
      const plan = await applyImport(t.db, actor(), id, text, { skipInvalid: false, via: 'web', file: 'export.csv' });
      assert.deepEqual([plan.create.length, plan.update.length, plan.unchanged.length, plan.problems.length], [0, 0, 2, 0]);
      const after = await counts(t.db);
      assert.equal(after.revisions, before.revisions, 'no revision for unchanged rows');
      const stored = await storedAssessments(t.db, id);
      assert.equal(stored.get('GB:definition')?.note.en, '=HYPERLINK("http://evil")');
      assert.equal(stored.get('GB:definition')?.note.ru, "'-already quoted");
      assert.equal(stored.get('GB:definition')?.version, 1);
      // The export of an edition imported from that export is the same file.
      assert.equal(assessmentsCsv([...stored.values()], { demo: false }), text);
    });

    it('starts a demonstration edition’s export with a line saying so, which the importer skips', async () => {
      const id = await makeEdition(t.db, 'csv-demo', { status: 'published', demo: true });
      await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status) VALUES (${id}::bigint, ${CSAM}, 'FR', 'definition', 'met')`.execute(t.db);
      const res = await t.app.request(`/en/admin/reviews/editions/${id}/assessments.csv`, { headers: editor.headers() });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      assert.match(text, /^\uFEFF# DEMONSTRATION DATA: illustrative assessments/);
      const plan = await planImport(t.db, await edition(id), text);
      assert.equal(plan.unchanged.length, 1);
      assert.equal(plan.problems.length, 0);
    });

    it('reports every bad row with its line and column and writes nothing', async () => {
      const id = await makeEdition(t.db, 'csv-2');
      const before = await counts(t.db);
      await assert.rejects(applyImport(t.db, actor(), id, MIXED, { skipInvalid: false, via: 'web', file: 'x.csv' }), (error: unknown) => {
        assert.ok(error instanceof ImportRefusedError);
        const found = error.plan.problems.map((p) => [p.line, p.field, p.code]);
        assert.deepEqual(found, [
          [3, 'country', 'unknownCountry'],
          [4, 'criterion', 'unknownCriterion'],
          [5, 'status', 'status'],
          [5, 'assessed_on', 'date'],
          [6, 'evidence', 'unknownProvision'],
        ]);
        assert.equal(error.plan.create.length, 2, 'the good rows, line 2 and the multi-line row');
        return true;
      });
      assert.deepEqual(await counts(t.db), before);
    });

    it('skips the invalid rows when asked, and says exactly which', async () => {
      const id = await makeEdition(t.db, 'csv-3');
      const plan = await applyImport(t.db, actor(), id, MIXED, { skipInvalid: true, via: 'web', file: 'x.csv' });
      assert.deepEqual(plan.invalidLines, [3, 4, 5, 6]);
      const rows = await assessmentRows(t.db, id);
      assert.deepEqual(rows.map((r) => [r.country, r.criterion, r.status]), [['FR', 'definition', 'not_met'], ['GB', 'definition', 'met']]);
      assert.equal(rows[0]!.note.en, 'Line one\nline two');
      const audit = (await auditOf(t.db, 'assessment.import')).find((a) => a.entity_id === id);
      assert.equal(audit?.details.created, 2);
      assert.deepEqual((audit?.details.skipped as { line: number }[]).map((s) => s.line), [3, 4, 5, 5, 6]);
    });

    it('keeps columns left out of the file and refuses a bad header as a whole', async () => {
      const id = await makeEdition(t.db, 'csv-4');
      await applyImport(t.db, actor(), id, `${HEADER}\nDE,definition,met,,Kept note,,,,,R,2026-01-01\n`, { skipInvalid: false, via: 'web', file: 'a.csv' });
      const plan = await applyImport(t.db, actor(), id, 'country,criterion,status\nDE,definition,partly\n', { skipInvalid: false, via: 'web', file: 'b.csv' });
      assert.equal(plan.update.length, 1);
      const row = (await assessmentRows(t.db, id))[0]!;
      assert.deepEqual([row.status, row.note.en, row.reviewer, row.version], ['partly', 'Kept note', 'R', 2]);
      await assert.rejects(planImport(t.db, await edition(id), 'country,criterion,verdict\nDE,definition,met\n'), /unknown column "verdict"/);
    });

    it('imports from the browser: upload, a preview of what would change, then the confirmation', async () => {
      const id = await makeEdition(t.db, 'csv-5');
      const before = await counts(t.db);
      const uploaded = await upload(id, MIXED);
      assert.equal(uploaded.status, 303);
      const previewPath = uploaded.headers.get('location')!;
      const preview = await (await t.app.request(previewPath, { headers: editor.headers() })).text();
      assert.match(preview, /2 assessments to create/);
      assert.match(preview, /4 invalid rows/);
      assert.match(preview, /<th scope="row">3<\/th><td><code>country<\/code><\/td><td>“XX” is not a country code of the Atlas/);
      assert.match(preview, /<th scope="row">6<\/th><td><code>evidence<\/code><\/td><td>gb-sexual-offences-act-2003 has no provision “s\. 99”/);
      assert.match(preview, /as it is, the import would be refused/);
      assert.deepEqual(await counts(t.db), before, 'a preview writes nothing');

      const refused = await t.app.request(previewPath, editor.form({}));
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /The import was refused/);
      assert.deepEqual(await counts(t.db), before, 'all or nothing');

      const confirmed = await t.app.request(previewPath, editor.form({ skip_invalid: '1' }));
      assert.equal(confirmed.status, 303);
      const report = await (await t.app.request(confirmed.headers.get('location')!, { headers: editor.headers() })).text();
      assert.match(report, /Import written/);
      assert.match(report, /4 rows skipped/);
      assert.match(report, /What was skipped, and why \(5 problems\)/);
      assert.equal((await assessmentRows(t.db, id)).length, 2);
      assert.equal((await t.app.request(previewPath, reviewer.form({}))).status, 403);
    });

    it('refuses a file that is not CSV text beside the file field', async () => {
      const id = await makeEdition(t.db, 'csv-6');
      const res = await upload(id, '%PDF-1.7 binary');
      assert.equal(res.status, 422);
      assert.match(await res.text(), /id="import-file-error">This file cannot be imported: <span lang="en" dir="ltr">not a text file/);
    });

    it('imports from the command line, naming each bad line and field, and exits non-zero on refusal', async () => {
      const id = await makeEdition(t.db, 'cli-1');
      const file = path.join(dir, 'mixed.csv');
      await writeFile(file, MIXED);
      const run = async (command: Parameters<typeof runAssessmentImportCommand>[1]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runAssessmentImportCommand(t.db, command, { out: (l) => out.push(l), err: (l) => err.push(l) });
        return { code, out, err };
      };
      const refused = await run({ file, framework: CSAM, edition: 'cli-1', skipInvalid: false });
      assert.equal(refused.code, 1);
      assert.ok(refused.err.includes('line 3, field country: “XX” is not a country code of the Atlas (two letters, ISO 3166).'), refused.err.join('\n'));
      assert.ok(refused.err.includes('line 5, field assessed_on: “2026-13-01” is not a date written as YYYY-MM-DD.'));
      assert.match(refused.err.at(-1)!, /Nothing imported from mixed\.csv: 4 of 6 rows invalid \(fix them, or use --skip-invalid to import the 2 valid ones\)/);
      assert.equal((await assessmentRows(t.db, id)).length, 0);

      const skipped = await run({ file, framework: CSAM, edition: 'cli-1', skipInvalid: true });
      assert.equal(skipped.code, 0);
      assert.ok(skipped.err.some((l) => l.startsWith('Skipped line 4, field criterion: “no-such-criterion” is not a criterion of the framework csam-legislation')));
      assert.deepEqual(skipped.out, ['Imported mixed.csv into csam-legislation cli-1: 2 created, 0 updated, 0 unchanged, 4 skipped (lines 3, 4, 5, 6)']);
      assert.equal((await assessmentRows(t.db, id)).length, 2);
      const audit = (await auditOf(t.db, 'assessment.import')).find((a) => a.entity_id === id);
      assert.equal(audit?.actor_email, 'system');
      assert.equal(audit?.details.via, 'cli');

      assert.equal((await run({ file, framework: CSAM, edition: 'no-such', skipInvalid: false })).code, 1);
      assert.equal((await run({ file, framework: undefined, edition: 'cli-1', skipInvalid: false })).code, 2);
      assert.equal((await run({ file: path.join(dir, 'missing.csv'), framework: CSAM, edition: 'cli-1', skipInvalid: false })).code, 1);
      await makeEdition(t.db, 'cli-published', { status: 'published' });
      const readOnly = await run({ file, framework: CSAM, edition: 'cli-published', skipInvalid: true });
      assert.equal(readOnly.code, 1);
      assert.match(readOnly.err[0]!, /is published; only draft and in-review editions change/);
    });
  });
}
