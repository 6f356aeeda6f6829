// Helpers for the reviews back-office tests: editions made with SQL (as the brief allows), and
// counts of what a refused write must not have written.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export const CSAM = 'csam-legislation';
export const GB_LAW = 'gb-sexual-offences-act-2003';

export async function makeEdition(db: Db, label: string, opts: { framework?: string; status?: 'draft' | 'in_review' | 'published' | 'archived'; demo?: boolean; year?: number } = {}): Promise<string> {
  const r = await sql<{ id: string }>`INSERT INTO framework_editions (framework_key, label, year, status, demo, published_at)
    VALUES (${opts.framework ?? CSAM}, ${label}, ${opts.year ?? 2026}, ${opts.status ?? 'draft'}, ${opts.demo ?? false},
      ${opts.status === 'published' || opts.status === 'archived' ? sql`now()` : sql`NULL`})
    RETURNING id::text AS id`.execute(db);
  return r.rows[0]!.id;
}

export async function assessmentRows(db: Db, editionId: string) {
  const r = await sql<{ country: string; criterion: string; status: string; evidence: unknown; note: Record<string, string>; reviewer: string | null; assessed_on: string | null; version: number }>`
    SELECT trim(country) AS country, criterion_key AS criterion, status, evidence, note, reviewer, to_char(assessed_on, 'YYYY-MM-DD') AS assessed_on, version
    FROM assessments WHERE edition_id = ${editionId}::bigint ORDER BY country, criterion_key`.execute(db);
  return r.rows;
}

export async function counts(db: Db) {
  const r = await sql<{ assessments: number; revisions: number; audit: number; ratifications: number; recommendations: number }>`SELECT
    (SELECT count(*)::int FROM assessments) AS assessments,
    (SELECT count(*)::int FROM revisions) AS revisions,
    (SELECT count(*)::int FROM audit_log) AS audit,
    (SELECT count(*)::int FROM ratifications) AS ratifications,
    (SELECT count(*)::int FROM regional_recommendations) AS recommendations`.execute(db);
  return r.rows[0]!;
}

export async function auditOf(db: Db, action: string) {
  const r = await sql<{ entity_id: string; details: Record<string, unknown>; actor_email: string | null }>`SELECT entity_id, details, actor_email FROM audit_log
    WHERE action = ${action} ORDER BY id`.execute(db);
  return r.rows;
}

export async function revisionsOf(db: Db, entityType: string, entityId: string) {
  const r = await sql<{ version: number; action: string; data: Record<string, unknown> }>`SELECT version, action, data FROM revisions
    WHERE entity_type = ${entityType} AND entity_id = ${entityId} ORDER BY version`.execute(db);
  return r.rows;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The fields of the post form at `action` as a browser would send them untouched: inputs with
 * their value, textareas with their text, selects with their selected option.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`<form method="post" action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /\sname="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf' || /\sdisabled/.test(attrs)) continue;
    const type = /\stype="([^"]*)"/.exec(attrs)?.[1];
    if (type === 'checkbox' && !/\schecked/.test(attrs)) continue;
    fields[unescape(name)] = unescape(/\svalue="([^"]*)"/.exec(attrs)?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1]!)?.[1];
    if (name) fields[unescape(name)] = unescape(m[2]!);
  }
  for (const m of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1]!)?.[1];
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? /<option value="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
    if (name) fields[unescape(name)] = unescape(selected);
  }
  return fields;
}
