// The audit log's filters, as the page's GET form, the CSV export and the API all read them from
// the query string: one schema, so that the three always select the same entries.
import { z } from 'zod';
import { sql, type RawBuilder } from 'kysely';
import { HttpError } from '../../web/errors.ts';

export const FILTER_FIELDS = ['actor', 'action', 'entity_type', 'entity_id', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type AuditFilters = Partial<Record<FilterField, string>>;

/** Keyset pagination: entries older than `before`, or newer than `after` (ids). */
export type AuditCursor = { before?: string; after?: string };

export type FilterProblem = 'tooLong' | 'date' | 'dateOrder' | 'cursor';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const text = (max: number) => optional(z.string().trim().max(max, 'tooLong'));
const date = optional(z.string().trim().refine(validDate, 'date'));
const id = optional(z.string().trim().regex(/^\d{1,18}$/, 'cursor'));

const QuerySchema = z.object({
  actor: text(320),
  action: text(100),
  entity_type: text(100),
  entity_id: text(200),
  from: date,
  to: date,
  before: id,
  after: id,
});

export type ParsedQuery = {
  filters: AuditFilters;
  cursor: AuditCursor;
  /** Per field, what is wrong with it; empty when the query is usable. */
  problems: Partial<Record<FilterField | 'before' | 'after', FilterProblem>>;
  /** The values as the user typed them, to refill the form. */
  typed: AuditFilters;
};

export function parseAuditQuery(query: Record<string, string | undefined>): ParsedQuery {
  const typed: AuditFilters = {};
  for (const f of FILTER_FIELDS) if (typeof query[f] === 'string') typed[f] = query[f];
  const raw = Object.fromEntries([...FILTER_FIELDS, 'before', 'after'].map((k) => [k, query[k]]));
  const parsed = QuerySchema.safeParse(raw);
  const problems: ParsedQuery['problems'] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as FilterField;
      problems[field] ??= (['tooLong', 'date', 'cursor'].includes(issue.message) ? issue.message : 'date') as FilterProblem;
    }
    return { filters: {}, cursor: {}, problems, typed };
  }
  const { before, after, ...rest } = parsed.data;
  const filters: AuditFilters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (filters.from && filters.to && filters.from > filters.to) problems.to = 'dateOrder';
  const cursor: AuditCursor = before ? { before } : after ? { after } : {};
  return { filters, cursor, problems, typed };
}

/** For the API and the export: a bad parameter is a 400 naming it. */
export function requireValidQuery(parsed: ParsedQuery): void {
  const [field, problem] = Object.entries(parsed.problems)[0] ?? [];
  if (!field) return;
  const key = problem === 'tooLong' ? 'error.problem.tooLong' : problem === 'dateOrder' ? 'error.problem.range' : 'error.problem.format';
  throw new HttpError(400, 'error.invalidParameter', { name: field, problem: key }, field);
}

/** LIKE's wildcards typed by a user are meant literally. */
const literalLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The SQL condition for the filters. Dates are whole days in UTC, both ends included. */
export function filterCondition(f: AuditFilters): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (f.actor) conditions.push(sql`actor_email ILIKE ${`%${literalLike(f.actor)}%`}`);
  if (f.action) conditions.push(sql`action = ${f.action}`);
  if (f.entity_type) conditions.push(sql`entity_type = ${f.entity_type}`);
  if (f.entity_id) conditions.push(sql`entity_id = ${f.entity_id}`);
  if (f.from) conditions.push(sql`at >= (${f.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (f.to) conditions.push(sql`at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return sql.join(conditions, sql` AND `);
}
