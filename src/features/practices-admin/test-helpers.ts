// Builders for the practice tests: a valid public submission form, a valid editor form, and the
// shortcuts to read rows back.
import { sql } from 'kysely';
import type { AtlasApp } from '../../app.ts';
import type { Db } from '../../db/connect.ts';
import { openForm } from '../../testing/anonymous-browser.ts';

/** A public submission that passes validation; override any field. */
export function submissionForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    language: 'en',
    title: 'Village child protection committees',
    summary: 'Volunteers trained to spot and refer children at risk.',
    description: 'Each village elects a committee that meets monthly.',
    outcomes: 'Referrals doubled in two years.',
    actor: 'civil-society',
    countries: ['TH', 'LA'],
    topics: [],
    year_from: '2015',
    year_to: '',
    link_1: 'https://example.org/report',
    link_2: '',
    link_3: '',
    contact_name: 'Ana Pérez',
    contact_email: 'ana@example.org',
    website: '',
    ...overrides,
  };
}

/** The editor's form for a new practice; override any field. */
export function practiceForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title_en: 'Safe school transport',
    title_ar: 'النقل المدرسي الآمن',
    summary_en: 'Drivers and escorts vetted and trained.',
    description_en: 'A scheme run with the ministry of education.',
    outcomes_en: '',
    slug: '',
    actor: 'government',
    year_from: '2018',
    year_to: '2022',
    countries: ['TH'],
    links: 'https://example.org/transport Evaluation report',
    related: '',
    ...overrides,
  };
}

export async function countRows(db: Db, table: 'practice_submissions' | 'practices'): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return r.rows[0]!.n;
}

/** The rate limit counts every stored submission from the test's one address: tests start from zero. */
export async function resetRateLimit(db: Db): Promise<void> {
  await sql`DELETE FROM rate_limit_events`.execute(db);
}

export async function auditActions(db: Db, entityType: string, entityId: string): Promise<string[]> {
  const r = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = ${entityType} AND entity_id = ${entityId} ORDER BY id`.execute(db);
  return r.rows.map((row) => row.action);
}

/** Posts the public form as an anonymous browser that opened it (lists become repeated fields). */
export async function postSubmission(app: AtlasApp, locale: string, fields: Record<string, string | string[]>): Promise<Response> {
  const form = await openForm(app, `/${locale}/practices/submit`);
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  body.set('_csrf', form.token);
  return app.request(`/${locale}/practices/submit`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: 'http://atlas.test' },
  });
}
