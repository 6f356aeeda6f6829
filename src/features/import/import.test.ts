// `atlas import` end to end on both databases: what gets stored, what a user reads, and that a
// refused import leaves the resources table exactly as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database, Db } from '../../db/connect.ts';
import { DATABASE_KINDS, testDatabase } from '../../testing/databases.ts';
import { runImportCommand, type ImportCommand } from './cli.ts';
import { decodeImportBytes, firstInvalidUtf8Byte } from './read-file.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let tmp = '';
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-import-test-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A file in the temporary directory, for contents a fixture cannot hold (binary, huge, broken). */
function tempFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

async function runImport(db: Db, format: string, file: string, options: Partial<ImportCommand> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCommand(db, { format, file, skipInvalid: false, dryRun: false, ...options }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Row count and a checksum of every slug and its last update: any write changes it. */
async function snapshot(db: Db) {
  const r = await sql<{ n: number; sum: string }>`SELECT count(*)::int AS n,
    md5(coalesce(string_agg(slug || updated_at::text, ',' ORDER BY slug), '')) AS sum FROM resources`.execute(db);
  return r.rows[0]!;
}

type Row = { type: string; year: number | null; link: string | null; status: string; title: Record<string, string>; summary: Record<string, string>; topics: string[]; countries: string[]; regions: string[]; publishers: string[]; languages: string[]; published_at: Date | null };
async function resource(db: Db, slug: string): Promise<Row> {
  const r = await sql<Row>`SELECT type, year, link, status, title, summary, topics, countries, regions, publishers, languages, published_at
    FROM resources WHERE slug = ${slug}`.execute(db);
  assert.ok(r.rows[0], `resource ${slug} exists`);
  return r.rows[0];
}

describe('file checks', () => {
  test('empty, binary and non-UTF-8 bytes are refused with a reason', () => {
    assert.throws(() => decodeImportBytes(new Uint8Array()), /the file is empty/);
    assert.throws(() => decodeImportBytes(new TextEncoder().encode(' \n\n')), /the file is empty/);
    assert.throws(() => decodeImportBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])), /not a text file \(it looks like a PDF/);
    assert.throws(() => decodeImportBytes(new Uint8Array([0x61, 0x00, 0x62])), /not a text file \(it contains a NUL byte at byte 1\)/);
    assert.throws(() => decodeImportBytes(new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x0a])), /invalid UTF-8 at byte 3 \(line 2\)/);
  });

  test('the offset of a broken character is where it starts', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    assert.equal(firstInvalidUtf8Byte(bytes(0x61, 0x80)), 1); // a lone continuation byte
    assert.equal(firstInvalidUtf8Byte(bytes(0x61, 0xe2, 0x82, 0x61)), 1); // three-byte character cut short
    assert.equal(firstInvalidUtf8Byte(bytes(0x61, 0x62, 0xe2, 0x82)), 2); // cut short by the end of the file
  });
});

for (const kind of DATABASE_KINDS) {
  describe(kind, () => {
    let database: Database;
    let db: Db;
    before(async () => {
      database = await testDatabase(kind);
      db = database.db;
    });
    after(() => database.close());

    /** Runs an import that must be refused and checks that the table did not change. */
    async function assertRefused(format: string, file: string, expected: (string | RegExp)[], options: Partial<ImportCommand> = {}) {
      const before = await snapshot(db);
      const r = await runImport(db, format, file, options);
      assert.equal(r.code, 1, r.err.join('\n'));
      for (const e of expected) assert.ok(r.err.some((line) => (typeof e === 'string' ? line === e : e.test(line))), `expected ${e} in:\n${r.err.join('\n')}`);
      assert.deepEqual(await snapshot(db), before);
      return r;
    }

    test('a good listing imports every entry with its topics, countries, publishers and regions', async () => {
      const r = await runImport(db, 'listing', fixture('good-listing.txt'));
      assert.deepEqual(r.err, []);
      assert.match(r.out.at(-1)!, /^Imported good-listing\.txt: 6 created, 0 updated, 0 unchanged, 0 rejected \(\d+\.\d s\)$/);
      assert.equal((await snapshot(db)).n, 6);

      // The first tag was glued to text before it; Laos and North Korea are informal names.
      const phones = await resource(db, 'keeping-children-safe-on-shared-phones-infographic');
      assert.deepEqual([phones.type, phones.status, phones.languages], ['infographic', 'published', ['en']]);
      assert.deepEqual(phones.topics, ['child-protection', 'online-safety']);
      assert.deepEqual(phones.countries, ['KP', 'LA']);
      assert.ok(phones.regions.includes('asean') && phones.regions.includes('eastern-asia'), phones.regions.join());
      assert.deepEqual(phones.publishers, ['icmec', 'safer-screens-network']);
      assert.equal(phones.summary.en, 'A one-page picture of simple habits for families who share a phone with their children.');
      assert.ok(phones.published_at);

      const police = await resource(db, 'finding-missing-children-faster-a-practical-handbook-for-police');
      assert.deepEqual([police.type, police.topics, police.countries], ['handbook', ['legislation', 'missing-children-and-child-abduction'], ['GB', 'TL']]);
      assert.ok(police.regions.includes('northern-europe'));
      assert.deepEqual(police.publishers, ['network-of-child-helplines-in-asia-ncha']);
      const names = await sql<{ name: string }>`SELECT name FROM publishers WHERE slug = ANY(${police.publishers}::text[])`.execute(db);
      assert.deepEqual(names.rows.map((p) => p.name), ['Network of Child Helplines in Asia (NCHA)']);

      const online = await resource(db, 'why-offenders-move-online-a-review');
      assert.deepEqual([online.type, online.year, online.topics, online.countries], ['article', 2019, ['child-sexual-abuse-material', 'cybercrime'], ['VN']]);
      assert.deepEqual((await resource(db, 'ending-child-marriage-a-model-law-with-commentary')).countries, ['EG', 'YE']);
    });

    test('importing the same file twice updates nothing and duplicates nothing', async () => {
      await runImport(db, 'listing', fixture('good-listing.txt'));
      const before = await snapshot(db);
      const r = await runImport(db, 'listing', fixture('good-listing.txt'));
      assert.equal(r.code, 0);
      assert.match(r.out.at(-1)!, /^Imported good-listing\.txt: 0 created, 0 updated, 6 unchanged, 0 rejected/);
      assert.deepEqual(await snapshot(db), before);
    });

    test('one invalid entry refuses the whole file, naming line and field of each problem', async () => {
      const r = await assertRefused('listing', fixture('mixed-listing.txt'), [
        'line 8, field title: missing title',
        'line 12, field topics: unknown tag "Cyberland"',
        'line 19, field slug: duplicate entry (same title as line 1)',
      ]);
      assert.equal(r.err.length, 4);
      assert.match(r.err.at(-1)!, /^Nothing imported from mixed-listing\.txt: 3 of 5 entries invalid \(fix them, or use --skip-invalid to import the 2 valid ones\)/);
    });

    test('--skip-invalid writes the valid entries and lists exactly what was skipped', async () => {
      const before = await snapshot(db);
      const r = await runImport(db, 'listing', fixture('mixed-listing.txt'), { skipInvalid: true });
      assert.equal(r.code, 0);
      assert.deepEqual(r.err, [
        'Skipped line 8, field title: missing title',
        'Skipped line 12, field topics: unknown tag "Cyberland"',
        'Skipped line 19, field slug: duplicate entry (same title as line 1)',
      ]);
      assert.match(r.out.at(-1)!, /^Imported mixed-listing\.txt: 2 created, 0 updated, 0 unchanged, 3 rejected/);
      assert.equal((await snapshot(db)).n, before.n + 2);
      assert.match((await resource(db, 'training-foster-carers-to-spot-grooming')).summary.en!, /^A course outline/);
      assert.deepEqual((await resource(db, 'safer-recruitment-in-community-sports-clubs')).countries, ['GB']);
    });

    test('bad files are refused with a clear message', async () => {
      await assertRefused('listing', tempFile('empty.txt', ''), ['Nothing imported from empty.txt: the file is empty']);
      await assertRefused('listing', tempFile('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), [/^Nothing imported from image\.png: not a text file/]);
      await assertRefused('listing', tempFile('huge.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 'a')), [/^Nothing imported from huge\.txt: the file is larger than the 10 MB limit/]);
      // "Café" saved as Latin-1 on line 3: the é is byte 0xE9 at offset 29 (11 + 1 + 17).
      const latin1 = Buffer.concat([Buffer.from('Cybercrime\n\nA Title About Caf'), Buffer.from([0xe9]), Buffer.from('\n\n(One) Text.Read More\n')]);
      await assertRefused('listing', tempFile('latin1.txt', latin1), ['Nothing imported from latin1.txt: invalid UTF-8 at byte 29 (line 3): save the file as UTF-8']);
      await assertRefused('listing', path.join(tmp, 'no-such-file.txt'), ['Nothing imported from no-such-file.txt: file not found']);
    });

    test('--dry-run reports what would happen and writes nothing', async () => {
      const before = await snapshot(db);
      const r = await runImport(db, 'csv', fixture('good.csv'), { dryRun: true });
      assert.equal(r.code, 0);
      assert.match(r.out.at(-1)!, /^Dry run of good\.csv \(nothing written\): 3 created, 0 updated, 0 unchanged, 0 rejected/);
      assert.deepEqual(await snapshot(db), before);
      const publishers = await sql<{ n: number }>`SELECT count(*)::int AS n FROM publishers WHERE name = 'Field Research Group'`.execute(db);
      assert.equal(publishers.rows[0]!.n, 0);
    });

    test('csv: imports rows with names or slugs, codes or names, and is idempotent', async () => {
      const r = await runImport(db, 'csv', fixture('good.csv'));
      assert.equal(r.code, 0, r.err.join('\n'));
      assert.match(r.out.at(-1)!, /^Imported good\.csv: 3 created, 0 updated, 0 unchanged, 0 rejected/);
      const helpline = await resource(db, 'setting-up-a-child-helpline');
      assert.deepEqual([helpline.type, helpline.year, helpline.link], ['guide', 2021, 'https://example.org/helplines']);
      assert.equal(helpline.title.es, 'Cómo crear una línea de ayuda infantil');
      assert.equal(helpline.summary.en, 'How to plan, staff and fund a telephone helpline for children.\n\nIncludes a budget template.');
      assert.deepEqual(helpline.topics, ['child-protection', 'support-for-child-victims']);
      assert.deepEqual(helpline.countries, ['KP', 'LA']);
      assert.deepEqual(helpline.publishers, ['helpline-partners', 'ministry-of-social-affairs-planning-unit']);
      assert.deepEqual(helpline.languages, ['en', 'es']);
      const audits = await resource(db, 'lessons-from-school-audits');
      assert.deepEqual([audits.status, audits.published_at, audits.countries], ['draft', null, ['GB', 'TL']]);

      const before = await snapshot(db);
      const again = await runImport(db, 'csv', fixture('good.csv'));
      assert.match(again.out.at(-1)!, /^Imported good\.csv: 0 created, 0 updated, 3 unchanged, 0 rejected/);
      assert.deepEqual(await snapshot(db), before);
    });

    test('csv: invalid rows are named by line (quoted line breaks counted) and field', async () => {
      const expected = [
        /^line 3, field type: Invalid option: .* \(got "brochure"\)$/,
        'line 5, field year: not a year: "20x0"',
        'line 5, field title: missing title',
        'line 6, field topics: unknown topic "Unknown Topic Name"',
        'line 6, field countries: unknown country "Atlantis"',
        'line 7, field slug: duplicate entry (same title as line 2)',
      ];
      await assertRefused('csv', fixture('bad.csv'), expected);
      const r = await runImport(db, 'csv', fixture('bad.csv'), { skipInvalid: true });
      assert.match(r.out.at(-1)!, /^Imported bad\.csv: 1 created, 0 updated, 0 unchanged, 4 rejected/);
      assert.deepEqual((await resource(db, 'a-valid-report-on-kinship-care')).countries, ['KE']);
      await assertRefused('csv', tempFile('typo.csv', 'type,titel_en\nreport,A Title\n'), [/^Nothing imported from typo\.csv: unknown column "titel_en" in the header row/]);
    });

    test('json: imports objects or a bare array, names resolved, and is idempotent', async () => {
      const r = await runImport(db, 'json', fixture('good.json'));
      assert.equal(r.code, 0, r.err.join('\n'));
      assert.match(r.out.at(-1)!, /^Imported good\.json: 2 created, 0 updated, 0 unchanged, 0 rejected/);
      const lessons = await resource(db, 'online-safety-lessons-for-primary-schools');
      assert.deepEqual([lessons.topics, lessons.countries], [['online-safety', 'schools'], ['LA', 'TL']]);
      assert.equal(lessons.title.ru, 'Уроки онлайн-безопасности для начальной школы');
      const separated = await resource(db, 'caring-for-separated-children');
      assert.deepEqual([separated.type, separated.status, separated.countries, separated.title.en], ['guidelines', 'draft', ['GB'], 'Caring for Separated Children at Borders']);

      const before = await snapshot(db);
      const again = await runImport(db, 'json', fixture('good.json'));
      assert.match(again.out.at(-1)!, /^Imported good\.json: 0 created, 0 updated, 2 unchanged, 0 rejected/);
      assert.deepEqual(await snapshot(db), before);
    });

    test('json: invalid items are named by array index and field', async () => {
      await assertRefused('json', fixture('bad.json'), [
        'item 1, field title: missing title',
        'item 1, field topics: unknown topic "Cyberland"',
        'item 2, field colour: unknown field',
        'item 2, field link: only http(s) links',
        'item 3, field entry: not an object',
        'item 4, field slug: duplicate entry (same title as item 0)',
      ]);
      await assertRefused('json', tempFile('broken.json', '[\n  { "type": "report", }\n]\n'), [/^Nothing imported from broken\.json: not valid JSON \(line 2\)/]);
    });

    test('--status draft, and long titles that share their first 80 characters', async () => {
      const common = 'A Statistical Review of Cases Handled in 2019 under the Regional Convention on Child Protection';
      const file = tempFile('long.txt', `Legislation\n\n${common}: Part One\n\n(One) First part.Read More\n\nLegislation\n\n${common}: Part Two\n\n(One) Second part.Read More\n`);
      const r = await runImport(db, 'listing', file, { status: 'draft' });
      assert.match(r.out.at(-1)!, /^Imported long\.txt: 2 created, 0 updated, 0 unchanged, 0 rejected/);
      const rows = await sql<{ slug: string; status: string; title: string }>`SELECT slug, status, title->>'en' AS title FROM resources
        WHERE title->>'en' LIKE ${common + '%'} ORDER BY slug`.execute(db);
      assert.equal(rows.rows.length, 2);
      assert.ok(rows.rows.every((row) => row.status === 'draft'));
      const again = await runImport(db, 'listing', file, { status: 'draft' });
      assert.match(again.out.at(-1)!, /^Imported long\.txt: 0 created, 0 updated, 2 unchanged/);
    });
  });
}
