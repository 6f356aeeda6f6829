// Loading and removing the demonstration reviews. Loading replaces the demo editions it made before
// (same framework and label, flagged demo) in one transaction, so running it twice leaves one copy;
// it refuses to touch a real edition that happens to carry a demo label. Removing deletes every
// edition flagged demo, and nothing else.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/log.ts';
import { contentChanged } from '../../web/cache.ts';
import { DEMO_COUNTRY_CODES, DEMO_EDITIONS, DEMO_FRAMEWORKS, DEMO_NOTE, DEMO_REVIEWER, DEMO_SEED, demoAssessmentsFor, type DemoFramework } from './data.ts';

export type DemoLoadSummary = {
  editions: { framework: string; label: string; id: string }[];
  countries: number;
  assessments: number;
  /** Demo editions of an earlier run that this one replaced. */
  replaced: number;
};

export type DemoRemoveSummary = { editions: { framework: string; label: string }[]; assessments: number };

export class DemoConflictError extends Error {}

async function demoFrameworks(db: Db): Promise<DemoFramework[]> {
  const result = await sql<{ key: string; criteria: string[] | null }>`
    SELECT f.key, (SELECT array_agg(c.key ORDER BY c.position, c.key) FROM framework_criteria c WHERE c.framework_key = f.key) AS criteria
    FROM frameworks f WHERE f.key IN (${sql.join([...DEMO_FRAMEWORKS])})`.execute(db);
  const found = new Map(result.rows.map((r) => [r.key, r.criteria ?? []]));
  return DEMO_FRAMEWORKS.map((key) => {
    const criteria = found.get(key);
    if (!criteria?.length) throw new Error(`the framework "${key}" or its criteria are missing: load the shipped data first (atlas seed)`);
    return { key, criteria };
  });
}

export async function loadDemoReviews(db: Db, opts: { seed?: number; actor?: Actor } = {}): Promise<DemoLoadSummary> {
  const summary = await db.transaction().execute(async (trx) => {
    const frameworks = await demoFrameworks(trx);
    const wanted = frameworks.flatMap((f) => DEMO_EDITIONS.map((e) => ({ framework: f.key, label: e.label, year: e.year })));
    const wantedJson = JSON.stringify(wanted);
    const clash = await sql<{ framework: string; label: string }>`SELECT e.framework_key AS framework, e.label FROM framework_editions e
      JOIN jsonb_to_recordset(${wantedJson}::jsonb) AS w(framework text, label text) ON w.framework = e.framework_key AND w.label = e.label
      WHERE NOT e.demo`.execute(trx);
    if (clash.rows.length) {
      const names = clash.rows.map((c) => `${c.framework} ${c.label}`).join(', ');
      throw new DemoConflictError(`a real (not demo) edition already uses a demo label: ${names}; rename it before loading the demonstration data`);
    }
    const replaced = await sql<{ id: string }>`DELETE FROM framework_editions e USING jsonb_to_recordset(${wantedJson}::jsonb) AS w(framework text, label text)
      WHERE w.framework = e.framework_key AND w.label = e.label AND e.demo RETURNING e.id`.execute(trx);
    const editions = await sql<{ framework: string; label: string; id: string }>`
      INSERT INTO framework_editions (framework_key, label, year, status, demo, note, published_at)
      SELECT w.framework, w.label, w.year, 'published', true, ${JSON.stringify(DEMO_NOTE)}::jsonb, now()
      FROM jsonb_to_recordset(${wantedJson}::jsonb) AS w(framework text, label text, year int)
      RETURNING framework_key AS framework, label, id::text AS id`.execute(trx);
    const rows = frameworks.flatMap((f) => demoAssessmentsFor(f, opts.seed ?? DEMO_SEED));
    const inserted = await sql<{ n: number }>`WITH added AS (
        INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, reviewer, assessed_on)
        SELECT e.id, a.framework, a.country, a.criterion, a.status, ${DEMO_REVIEWER}, a."assessedOn"::date
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS a(framework text, edition text, country text, criterion text, status text, "assessedOn" text)
        JOIN framework_editions e ON e.framework_key = a.framework AND e.label = a.edition AND e.demo
        RETURNING 1)
      SELECT count(*)::int AS n FROM added`.execute(trx);
    const result: DemoLoadSummary = { editions: editions.rows, countries: DEMO_COUNTRY_CODES.length, assessments: inserted.rows[0]!.n, replaced: replaced.rows.length };
    await recordAudit(trx, opts.actor ?? SYSTEM_ACTOR, {
      action: 'demo.load',
      entityType: 'framework_edition',
      entityLabel: 'demonstration reviews',
      details: { editions: result.editions, countries: result.countries, assessments: result.assessments, replaced: result.replaced },
    });
    return result;
  });
  contentChanged();
  return summary;
}

export async function removeDemoReviews(db: Db, opts: { actor?: Actor } = {}): Promise<DemoRemoveSummary> {
  const summary = await db.transaction().execute(async (trx) => {
    const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM assessments a JOIN framework_editions e ON e.id = a.edition_id WHERE e.demo`.execute(trx);
    const removed = await sql<{ framework: string; label: string }>`DELETE FROM framework_editions WHERE demo
      RETURNING framework_key AS framework, label`.execute(trx);
    const result: DemoRemoveSummary = { editions: removed.rows, assessments: counted.rows[0]!.n };
    await recordAudit(trx, opts.actor ?? SYSTEM_ACTOR, {
      action: 'demo.remove',
      entityType: 'framework_edition',
      entityLabel: 'demonstration reviews',
      details: { editions: result.editions, assessments: result.assessments },
    });
    return result;
  });
  contentChanged();
  return summary;
}
