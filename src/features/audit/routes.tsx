// Back office: the audit log. Read-only by design: a page, its CSV export and a JSON API, all GET
// and all with the same filters. Nothing here (nor anywhere) can change or delete an entry.
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { auditCsv } from './csv.ts';
import { parseAuditQuery, requireValidQuery } from './filters.ts';
import { EXPORT_MAX, exportAudit, filterChoices, listAudit, type AuditRow } from './store.ts';
import { AuditLogPage } from './views.tsx';

const query = (c: Context<AppEnv>) => parseAuditQuery(c.req.query());

export function auditRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  pages.get('/audit', 'audit.read', async (c) => {
    const { db, ctx, user, csrfToken } = c.var;
    const parsed = query(c);
    const valid = Object.keys(parsed.problems).length === 0;
    const [choices, page] = await Promise.all([filterChoices(db), valid ? listAudit(db, parsed.filters, parsed.cursor) : undefined]);
    return c.html(<AuditLogPage ctx={ctx} user={user} csrfToken={csrfToken} query={parsed} choices={choices} page={page} />, valid ? 200 : 400);
  });

  pages.get('/audit/export.csv', 'audit.read', async (c) => {
    const parsed = query(c);
    requireValidQuery(parsed);
    const rows = await exportAudit(c.var.db, parsed.filters);
    const cut = rows.length > EXPORT_MAX;
    const day = new Date().toISOString().slice(0, 10);
    return c.body(auditCsv(cut ? rows.slice(0, EXPORT_MAX) : rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="atlas-audit-${day}.csv"`,
      ...(cut ? { 'X-Atlas-Truncated': String(EXPORT_MAX) } : {}),
    });
  });

  api.get('/audit', 'audit.read', async (c) => {
    const parsed = query(c);
    requireValidQuery(parsed);
    const page = await listAudit(c.var.db, parsed.filters, parsed.cursor);
    const link = (cursor: Record<string, string>) => {
      const params = new URLSearchParams({ ...parsed.filters, ...cursor });
      return `/api/v1/admin/audit?${params}`;
    };
    return c.json({
      entries: page.rows.map(entryJson),
      newer: page.newer ? link({ after: page.newer }) : null,
      older: page.older ? link({ before: page.older }) : null,
    });
  });
}

function entryJson(r: AuditRow) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: { id: r.actor_id, email: r.actor_email },
    action: r.action,
    entity: r.entity_type || r.entity_id ? { type: r.entity_type, id: r.entity_id, label: r.entity_label } : null,
    details: r.details,
    ip: r.ip,
  };
}
