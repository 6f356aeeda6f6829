// The audit log as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads accents
// and Arabic right), times in ISO 8601 UTC, details as JSON, and every cell guarded against formula
// injection (an actor e-mail or a file name is typed by someone, and could start with "=").
import Papa from 'papaparse';
import { csvCell } from '../library/exports.ts';
import type { AuditRow } from './store.ts';

const FIELDS = ['id', 'time_utc', 'actor_id', 'actor_email', 'action', 'entity_type', 'entity_id', 'entity_label', 'details', 'ip'];

export function auditCsv(rows: AuditRow[]): string {
  const data = rows.map((r) =>
    [
      r.id,
      r.at.toISOString(),
      r.actor_id ?? '',
      r.actor_email ?? '',
      r.action,
      r.entity_type ?? '',
      r.entity_id ?? '',
      r.entity_label ?? '',
      JSON.stringify(r.details ?? {}),
      r.ip ?? '',
    ].map(csvCell),
  );
  return '\uFEFF' + Papa.unparse({ fields: FIELDS, data }, { newline: '\r\n' });
}
