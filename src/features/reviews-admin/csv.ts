// An edition's assessments as CSV, and back. The columns are fixed (ASSESSMENT_CSV_COLUMNS); the
// evidence cell is described in evidence.ts and on the import page. Exports are UTF-8 with a
// byte-order mark (Excel), CRLF, every cell guarded against formula injection; a demonstration
// edition's export starts with one "#" line saying so, which the importer skips.
import Papa from 'papaparse';
import type { Locale } from '../../i18n/locales.ts';
import { csvCell } from '../library/exports.ts';
import { ImportFileError } from '../import/read-file.ts';
import { lineIndex } from '../import/tabular.ts';
import type { StoredAssessment } from './assessments.ts';
import { evidenceCell } from './evidence.ts';
import type { RowProblem } from './problems.ts';

export const NOTE_COLUMNS = ['note_en', 'note_ar', 'note_es', 'note_fa', 'note_ru'] as const;
export const ASSESSMENT_CSV_COLUMNS = ['country', 'criterion', 'status', 'evidence', ...NOTE_COLUMNS, 'reviewer', 'assessed_on'] as const;
export type CsvColumn = (typeof ASSESSMENT_CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['country', 'criterion', 'status'];

export const DEMO_LINE = '# DEMONSTRATION DATA: illustrative assessments loaded by `atlas seed --demo`, not real findings.';

export function noteColumn(locale: Locale): CsvColumn {
  return `note_${locale}` as CsvColumn;
}

/**
 * csvCell's guard puts an apostrophe before a cell starting with = + - @ (or tab, CR). A cell that
 * already starts with apostrophes before such a character gets one more, so that the importer,
 * which takes one off, gives back exactly what was exported.
 */
export function guardCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? `'${value}` : csvCell(value);
}

export function unguardCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export function assessmentsCsv(rows: StoredAssessment[], opts: { demo: boolean }): string {
  const data = rows.map((a) =>
    [
      a.country,
      a.criterion,
      a.status,
      evidenceCell(a.evidence),
      ...NOTE_COLUMNS.map((c) => a.note[c.slice(5) as Locale] ?? ''),
      a.reviewer ?? '',
      a.assessedOn ?? '',
    ].map(guardCell),
  );
  const body = Papa.unparse({ fields: [...ASSESSMENT_CSV_COLUMNS], data }, { newline: '\r\n' });
  return '\uFEFF' + (opts.demo ? `${DEMO_LINE}\r\n` : '') + body + '\r\n';
}

export type CsvRow = { line: number; cells: Map<CsvColumn, string>; problems: RowProblem[] };

/**
 * The rows of an uploaded or given file, each with the line it starts on. A bad header (unknown,
 * repeated or missing required columns) or a file without rows refuses the whole file.
 */
export function readAssessmentCsv(text: string): { columns: CsvColumn[]; rows: CsvRow[] } {
  const source = text.replace(/^\uFEFF/, '');
  // "#" lines before the header (the demonstration notice of an export) are not data.
  let start = 0;
  while (source.startsWith('#', start)) {
    const end = source.indexOf('\n', start);
    start = end < 0 ? source.length : end + 1;
  }
  const lineOf = lineIndex(source);
  const parsed: { values: string[]; line: number; errors: string[] }[] = [];
  let rowStart = start;
  Papa.parse<string[]>(source.slice(start), {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result) => {
      while (rowStart < source.length && /\s/.test(source[rowStart]!)) rowStart++;
      parsed.push({ values: result.data, line: lineOf(rowStart), errors: result.errors.map((e) => e.message) });
      rowStart = start + result.meta.cursor;
    },
  });
  const [header, ...body] = parsed;
  if (!header) throw new ImportFileError('empty', 'the file is empty');
  const columns = header.values.map((c) => c.trim().toLowerCase());
  const unknown = columns.filter((c) => !(ASSESSMENT_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new ImportFileError('format', `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')} in the header row (line ${header.line}; expected: ${ASSESSMENT_CSV_COLUMNS.join(',')})`);
  }
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated) throw new ImportFileError('format', `column "${repeated}" appears twice in the header row (line ${header.line})`);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ImportFileError('format', `the header row (line ${header.line}) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (body.length === 0) throw new ImportFileError('format', 'no assessments in the file: only a header row');
  return {
    columns: columns as CsvColumn[],
    rows: body.map((row) => {
      const problems: RowProblem[] = row.errors.map((message) => ({ line: row.line, field: 'row', code: 'parse', values: { message } }));
      const extra = row.values.slice(columns.length);
      if (row.values.length < columns.length || extra.some((v) => v.trim() !== '')) {
        problems.push({ line: row.line, field: 'row', code: 'columns', values: { count: row.values.length, expected: columns.length } });
      }
      const cells = new Map(columns.map((c, i) => [c as CsvColumn, unguardCell(row.values[i] ?? '')]));
      return { line: row.line, cells, problems };
    }),
  };
}
