// `atlas seed --demo`: flagged, published, deterministic, idempotent, removable, and blind to real
// editions; on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { testApp } from '../../testing/app.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { SHIPPED_REGIONS } from '../taxonomy/store.ts';
import { SHIPPED_FRAMEWORKS } from '../reviews/frameworks-data.ts';
import { getFramework, listReviewEditions, scoreEdition } from '../reviews/store.ts';
import { DEMO_COUNTRIES, DEMO_COUNTRY_CODES, DEMO_NOTE, demoAssessmentsFor } from './data.ts';
import { DemoConflictError, loadDemoReviews, removeDemoReviews } from './seed.ts';
import { runDemoCommand } from './cli.ts';

type Row = { framework: string; label: string; country: string; criterion: string; status: string; assessed_on: string };

async function demoRows(db: Db): Promise<Row[]> {
  const result = await sql<Row>`SELECT e.framework_key AS framework, e.label, a.country, a.criterion_key AS criterion, a.status,
      to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on
    FROM assessments a JOIN framework_editions e ON e.id = a.edition_id WHERE e.demo
    ORDER BY e.framework_key, e.label, a.country, a.criterion_key`.execute(db);
  return result.rows;
}

/** What a command printed (standard output and error together) and its exit code. */
async function printed(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = console.error = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    return { code: await run(), out: lines.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
}

/** A real edition of the CSAM framework with two assessments, as an editor would leave it. */
async function realEdition(db: Db, label: string): Promise<string> {
  const edition = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo, published_at)
    VALUES ('csam-legislation', ${label}, 2025, 'published', false, now()) RETURNING id::text AS id`.execute(db);
  const id = edition.rows[0]!.id;
  await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status)
    VALUES (${id}::bigint, 'csam-legislation', 'FR', 'definition', 'met'), (${id}::bigint, 'csam-legislation', 'KE', 'definition', 'partly')`.execute(db);
  return id;
}

/** The first load on each database kind: two fresh databases must end up with the same rows. */
const firstRuns = new Map<string, Row[]>();

describe('demo data (pure)', () => {
  it('is the same for the same seed and different for another', () => {
    const framework = { key: 'csam-legislation', criteria: ['a', 'b', 'c', 'd', 'e'] };
    assert.deepEqual(demoAssessmentsFor(framework), demoAssessmentsFor(framework));
    assert.notDeepEqual(demoAssessmentsFor(framework, 1), demoAssessmentsFor(framework));
  });
  it('draws its sixty countries from every continent of the shipped regions', () => {
    assert.equal(new Set(DEMO_COUNTRY_CODES).size, 60);
    for (const [continent, codes] of Object.entries(DEMO_COUNTRIES)) {
      const members = SHIPPED_REGIONS.find((r) => r.code === continent)?.members ?? [];
      assert.ok(codes.every((c) => members.includes(c)), `${continent} holds ${codes.join(' ')}`);
    }
    assert.deepEqual(Object.keys(DEMO_COUNTRIES).sort(), SHIPPED_REGIONS.filter((r) => r.kind === 'continent').map((r) => r.code).sort());
  });
  it('says it is invented in all five languages', () => {
    assert.deepEqual(Object.keys(DEMO_NOTE).sort(), [...LOCALES].sort());
    assert.match(DEMO_NOTE.en!, /^Demonstration data: invented .*not findings about any country\.$/);
    assert.equal(new Set(Object.values(DEMO_NOTE)).size, 5);
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`atlas seed --demo on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let realId: string;
    before(async () => {
      t = await testApp(kind);
      realId = await realEdition(t.db, '2025');
    });
    after(() => t.close());

    it('publishes two demo editions per framework, flagged and noted, with assessments across all regions', async () => {
      const loaded = await loadDemoReviews(t.db);
      assert.equal(loaded.replaced, 0);
      for (const key of ['csam-legislation', 'missing-child-framework']) {
        const editions = (await listReviewEditions(t.db, key)).filter((e) => e.demo);
        assert.deepEqual(editions.map((e) => [e.label, e.year, e.status]), [['demo-2026', 2026, 'published'], ['demo-2024', 2024, 'published']]);
        for (const e of editions) assert.deepEqual(e.note, DEMO_NOTE);
      }
      const rows = await demoRows(t.db);
      assert.equal(rows.length, loaded.assessments);
      firstRuns.set(kind, rows);
      const expected = (['csam-legislation', 'missing-child-framework'] as const).flatMap((key) =>
        demoAssessmentsFor({ key, criteria: SHIPPED_FRAMEWORKS.find((f) => f.key === key)!.criteria.map((c) => c.key) }),
      );
      const asRows = (list: { framework: string; edition?: string; label?: string; country: string; criterion: string; status: string }[]) =>
        list.map((r) => `${r.framework} ${r.edition ?? r.label} ${r.country} ${r.criterion} ${r.status}`).sort();
      assert.deepEqual(asRows(rows), asRows(expected), 'the database holds exactly what the generator gives');
      assert.equal(new Set(rows.map((r) => r.country)).size, 60);
      const statuses = new Set(rows.map((r) => r.status));
      assert.deepEqual([...statuses].sort(), ['met', 'not_assessed', 'not_met', 'partly']);
      const regions = await sql<{ n: number }>`SELECT count(DISTINCT rm.region_code)::int AS n FROM region_members rm
        JOIN regions r ON r.code = rm.region_code AND r.kind = 'continent' WHERE rm.country_code IN (${sql.join([...new Set(rows.map((r) => r.country))])})`.execute(t.db);
      assert.equal(regions.rows[0]!.n, 5);
    });

    it('shows some countries improving, some regressing and some new in the second edition', async () => {
      const framework = (await getFramework(t.db, 'missing-child-framework'))!;
      const newest = (await listReviewEditions(t.db, framework.key)).find((e) => e.label === 'demo-2026')!;
      const changes = new Set((await scoreEdition(t.db, framework, newest)).map((s) => s.change));
      for (const change of ['improved', 'regressed', 'new', 'same']) assert.ok(changes.has(change as never), `some country ${change}`);
    });

    it('replaces its own editions when run again (the command line), with the same assessments', async () => {
      const first = await demoRows(t.db);
      const again = await printed(() => runDemoCommand(t.db, { remove: false }));
      assert.equal(again.code, 0);
      assert.match(again.out, /^Demonstration reviews loaded \(invented data, flagged demo\): 4 published editions \(demo-2024, demo-2026\) .*60 countries, \d+ assessments; replaced the 4 demo editions of an earlier run\./);
      const editions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM framework_editions WHERE demo`.execute(t.db);
      assert.equal(editions.rows[0]!.n, 4);
      assert.deepEqual(await demoRows(t.db), first);
    });

    it('removes the demo editions and only them, and audits loads and removal as the system', async () => {
      const removed = await removeDemoReviews(t.db);
      assert.equal(removed.editions.length, 4);
      assert.equal((await demoRows(t.db)).length, 0);
      const left = await sql<{ id: string; n: number }>`SELECT e.id::text AS id, (SELECT count(*) FROM assessments a WHERE a.edition_id = e.id)::int AS n
        FROM framework_editions e`.execute(t.db);
      assert.deepEqual(left.rows, [{ id: realId, n: 2 }]);
      const audit = await sql<{ action: string; actor_email: string; actor_id: string | null }>`SELECT action, actor_email, actor_id FROM audit_log
        WHERE action LIKE 'demo.%' ORDER BY id`.execute(t.db);
      assert.deepEqual(audit.rows, [
        { action: 'demo.load', actor_email: 'system', actor_id: null },
        { action: 'demo.load', actor_email: 'system', actor_id: null },
        { action: 'demo.remove', actor_email: 'system', actor_id: null },
      ]);
      assert.equal((await removeDemoReviews(t.db)).editions.length, 0, 'a second removal finds nothing');
    });

    it('refuses to overwrite a real edition that carries a demo label, and writes nothing', async () => {
      await realEdition(t.db, 'demo-2024');
      await assert.rejects(loadDemoReviews(t.db), DemoConflictError);
      const cli = await printed(() => runDemoCommand(t.db, { remove: false }));
      assert.equal(cli.code, 1);
      assert.match(cli.out, /a real \(not demo\) edition already uses a demo label: csam-legislation demo-2024/);
      const demo = await sql<{ n: number }>`SELECT count(*)::int AS n FROM framework_editions WHERE demo`.execute(t.db);
      assert.equal(demo.rows[0]!.n, 0);
      const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.load'`.execute(t.db);
      assert.equal(audit.rows[0]!.n, 2, 'no audit entry for the refused loads');
    });
  });
}

describe('atlas seed --demo on two fresh databases', () => {
  it('writes the same assessments on each', () => {
    const runs = [...firstRuns.values()];
    assert.equal(runs.length, DATABASE_KINDS.length);
    assert.ok(runs[0]!.length > 1000);
    for (const run of runs.slice(1)) assert.deepEqual(run, runs[0]);
  });
});
