// Review data for tests, written with plain SQL: two published editions of the CSAM framework
// for a few South-eastern Asian countries (and France, outside the region), a draft that must stay
// hidden, and a published demonstration edition of the missing-child framework.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { contentChanged } from '../../web/cache.ts';
import type { AssessmentStatus } from './scores.ts';
import type { Evidence } from './store.ts';

export async function addEdition(
  db: Db,
  framework: string,
  label: string,
  year: number,
  opts: { status?: 'draft' | 'published'; demo?: boolean } = {},
): Promise<string> {
  const status = opts.status ?? 'published';
  const result = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo, published_at)
    VALUES (${framework}, ${label}, ${year}, ${status}, ${opts.demo ?? false}, ${status === 'published' ? sql`now()` : sql`NULL`})
    RETURNING id::text AS id`.execute(db);
  return result.rows[0]!.id;
}

export async function assess(
  db: Db,
  editionId: string,
  framework: string,
  country: string,
  statuses: Record<string, AssessmentStatus>,
  evidence: Record<string, Evidence[]> = {},
): Promise<void> {
  for (const [criterion, status] of Object.entries(statuses)) {
    await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, evidence)
      VALUES (${editionId}::bigint, ${framework}, ${country}, ${criterion}, ${status}, ${JSON.stringify(evidence[criterion] ?? [])}::jsonb)`.execute(db);
  }
}

export const CSAM = 'csam-legislation';
export const MISSING = 'missing-child-framework';

/** Statuses of the five CSAM criteria, in the framework's order. */
function csam(s: AssessmentStatus, d: AssessmentStatus, t: AssessmentStatus, k: AssessmentStatus, p: AssessmentStatus) {
  return { 'specific-legislation': s, definition: d, 'technology-facilitated-offences': t, 'knowing-possession': k, 'provider-reporting': p };
}

/**
 * 2022: TH 40, PH 90, VN 25. 2024: FR 100, TH 70 (improved), PH 60 (regressed), MY 50 (new),
 * VN 25 (same), ID nothing assessed. A 2025 draft. The demo edition is labelled "+2025" so that its
 * CSV cell needs the formula guard.
 */
export async function seedReviews(db: Db): Promise<{ e2022: string; e2024: string; draft: string; demo: string }> {
  const e2022 = await addEdition(db, CSAM, '2022', 2022);
  await assess(db, e2022, CSAM, 'TH', csam('met', 'not_met', 'met', 'not_met', 'not_met'));
  await assess(db, e2022, CSAM, 'PH', csam('met', 'met', 'met', 'met', 'partly'));
  await assess(db, e2022, CSAM, 'VN', { 'specific-legislation': 'partly', definition: 'not_met' });

  const e2024 = await addEdition(db, CSAM, '2024', 2024);
  await assess(db, e2024, CSAM, 'FR', csam('met', 'met', 'met', 'met', 'met'));
  await assess(db, e2024, CSAM, 'TH', csam('met', 'met', 'met', 'partly', 'not_met'));
  await assess(db, e2024, CSAM, 'PH', csam('met', 'not_met', 'met', 'met', 'not_met'), {
    'knowing-possession': [{ nationalLaw: 'ph-ra-9775', provision: 'sec. 4' }],
  });
  await assess(db, e2024, CSAM, 'MY', { 'specific-legislation': 'met', definition: 'partly', 'technology-facilitated-offences': 'not_met' });
  await assess(db, e2024, CSAM, 'VN', { 'specific-legislation': 'partly', definition: 'not_met' });
  await assess(db, e2024, CSAM, 'ID', { 'specific-legislation': 'not_assessed' });
  await sql`INSERT INTO regional_recommendations (edition_id, region_code, text)
    VALUES (${e2024}::bigint, 'south-eastern-asia', ${JSON.stringify({ en: 'Adopt a duty for service providers to report.\n\nDefine the material in law.', es: 'Adoptar un deber de denuncia para los proveedores.' })}::jsonb)`.execute(db);

  const draft = await addEdition(db, CSAM, '2025', 2025, { status: 'draft' });
  await assess(db, draft, CSAM, 'TH', csam('not_met', 'not_met', 'not_met', 'not_met', 'not_met'));

  const demo = await addEdition(db, MISSING, '+2025', 2025, { demo: true });
  await assess(db, demo, MISSING, 'TH', { definition: 'met', 'immediate-investigation': 'partly' });
  await assess(db, demo, MISSING, 'PH', { definition: 'not_met', 'child-alert': 'met' }, { 'child-alert': [{ citation: 'Illustrative citation', link: 'https://example.org/alert' }] });
  contentChanged();
  return { e2022, e2024, draft, demo };
}
