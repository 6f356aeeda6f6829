// The plumbing shared by the country and map exports: CSV with a BOM (so spreadsheet programs read
// UTF-8) and formula-guarded cells, pretty JSON, and the download response itself.
import Papa from 'papaparse';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { csvCell } from '../library/exports.ts';

export type ExportFormat = 'csv' | 'json';
export type CsvValue = string | number | boolean | null | undefined;

export function csvBody(fields: string[], rows: CsvValue[][]): string {
  const data = rows.map((r) => r.map((v) => csvCell(v === null || v === undefined ? '' : String(v))));
  return '\uFEFF' + Papa.unparse({ fields, data }, { newline: '\r\n' });
}

export const jsonBody = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** `name.csv` → csv; anything else is not an export. */
export function formatOf(file: string): ExportFormat | undefined {
  const match = /\.(csv|json)$/.exec(file);
  return match ? (match[1] as ExportFormat) : undefined;
}

export function download(c: Context<AppEnv>, format: ExportFormat, body: string, name: string) {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  const file = name.replace(/[^a-z0-9-]+/gi, '-') + `.${format}`;
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${file}"` });
}
