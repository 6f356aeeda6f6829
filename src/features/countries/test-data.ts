// Review data for the country tests, written with SQL as an editor's import would leave it.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import type { Evidence } from '../reviews/store.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';
import { contentChanged } from '../../web/cache.ts';

export async function addEdition(
  db: Db,
  framework: string,
  label: string,
  opts: { year?: number; status?: 'draft' | 'in_review' | 'published' | 'archived'; demo?: boolean; note?: Localized } = {},
): Promise<string> {
  const status = opts.status ?? 'published';
  const result = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo, note, published_at)
    VALUES (${framework}, ${label}, ${opts.year ?? 2024}, ${status}, ${opts.demo ?? false}, ${JSON.stringify(opts.note ?? {})}::jsonb,
      ${status === 'published' ? sql`now()` : sql`NULL`})
    RETURNING id::text`.execute(db);
  contentChanged();
  return result.rows[0]!.id;
}

export async function assess(
  db: Db,
  edition: string,
  framework: string,
  country: string,
  criterion: string,
  status: AssessmentStatus,
  extra: { evidence?: Evidence[]; note?: Localized } = {},
): Promise<void> {
  await sql`INSERT INTO assessments (edition_id, framework_key, country, criterion_key, status, evidence, note, reviewer, assessed_on)
    VALUES (${edition}::bigint, ${framework}, ${country}, ${criterion}, ${status}, ${JSON.stringify(extra.evidence ?? [])}::jsonb,
      ${JSON.stringify(extra.note ?? {})}::jsonb, 'Test reviewer', '2024-03-01')`.execute(db);
  contentChanged();
}

export async function ratify(
  db: Db,
  country: string,
  instrument: string,
  r: { action: string; signedOn?: string; boundOn?: string; reservations?: Localized; sourceLink?: string },
): Promise<void> {
  await sql`INSERT INTO ratifications (country, instrument_key, action, signed_on, bound_on, reservations, source_link)
    VALUES (${country}, ${instrument}, ${r.action}, ${r.signedOn ?? null}::date, ${r.boundOn ?? null}::date,
      ${JSON.stringify(r.reservations ?? {})}::jsonb, ${r.sourceLink ?? null})`.execute(db);
  contentChanged();
}

/**
 * The shared scenario: a published CSAM edition (PH and FR assessed, PH with evidence and a note),
 * a draft edition that must stay invisible, and two ratifications of the Philippines.
 */
export async function seedReviews(db: Db): Promise<void> {
  const csam = await addEdition(db, 'csam-legislation', '2024', { year: 2024 });
  await assess(db, csam, 'csam-legislation', 'PH', 'specific-legislation', 'met', {
    evidence: [{ nationalLaw: 'ph-ra-9775', provision: 'sec. 9' }, { citation: 'Supreme Court ruling G.R. 12345', link: 'https://example.org/ruling' }],
  });
  await assess(db, csam, 'csam-legislation', 'PH', 'definition', 'partly', {
    note: { en: 'The definition leaves out drawings.', ar: 'التعريف لا يشمل الرسوم.' },
  });
  await assess(db, csam, 'csam-legislation', 'FR', 'specific-legislation', 'not_met');
  const draft = await addEdition(db, 'csam-legislation', '2025-draft', { year: 2025, status: 'draft' });
  await assess(db, draft, 'csam-legislation', 'PH', 'definition', 'met', { note: { en: 'UNPUBLISHED-DRAFT-NOTE' } });
  await assess(db, draft, 'csam-legislation', 'DE', 'definition', 'met', { note: { en: 'UNPUBLISHED-DRAFT-NOTE' } });
  await ratify(db, 'PH', 'crc', {
    action: 'ratification',
    signedOn: '1990-01-26',
    boundOn: '1990-08-21',
    reservations: { en: 'No reservations beyond the declaration on article 1.', ar: 'لا تحفظات سوى الإعلان بشأن المادة 1.' },
    sourceLink: 'https://treaties.un.org/',
  });
  await ratify(db, 'PH', 'opsc', { action: 'accession', boundOn: '2002-05-28', reservations: { en: 'Declaration on the minimum age.' } });
}
