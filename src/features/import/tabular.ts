// CSV and JSON files -> import entries. Both carry the fields of ResourceInputSchema; topics and
// countries may be given by name as well as by slug or code (resolved in run.ts). Problems with
// the file as a whole (bad header, broken JSON) throw ImportFileError; problems with one row stay
// with that row so that --skip-invalid can import the others.
import Papa from 'papaparse';
import { LOCALES } from '../../i18n/locales.ts';
import { ImportFileError } from './read-file.ts';
import type { EntryProblem, ImportEntry } from './run.ts';

const LIST_COLUMNS = ['publishers', 'topics', 'countries', 'languages'] as const;
export const CSV_COLUMNS = [
  'slug',
  'type',
  'year',
  'link',
  'status',
  ...LOCALES.map((l) => `title_${l}`),
  ...LOCALES.map((l) => `summary_${l}`),
  ...LIST_COLUMNS,
];

export function csvEntries(text: string): ImportEntry[] {
  const rows: { values: string[]; line: number; problems: EntryProblem[] }[] = [];
  const lineOf = lineIndex(text);
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    // Fixed, not guessed: ";" separates list items inside a cell.
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result) => {
      // The cursor is where the row ends; this one starts after the line break and blank lines skipped.
      while (rowStart < text.length && /\s/.test(text[rowStart]!)) rowStart++;
      const problems = result.errors.map((e) => ({ field: 'row', message: e.message.toLowerCase() }));
      rows.push({ values: result.data, line: lineOf(rowStart), problems });
      rowStart = result.meta.cursor;
    },
  });
  const [header, ...body] = rows;
  if (!header) throw new ImportFileError('empty', 'the file is empty');
  const columns = header.values.map((c) => c.trim().toLowerCase());
  checkHeader(columns);
  if (body.length === 0) throw new ImportFileError('format', 'no resources in the file: only a header row');

  return body.map((row) => {
    const problems = [...row.problems];
    // Trailing empty cells (spreadsheets add them) are harmless; missing cells are not.
    const extra = row.values.slice(columns.length);
    if (row.values.length < columns.length || extra.some((v) => v.trim() !== '')) {
      problems.push({ field: 'row', message: `${row.values.length} values for ${columns.length} columns` });
    }
    const cell = new Map(columns.map((c, i) => [c, (row.values[i] ?? '').trim()]));
    return { where: `line ${row.line}`, input: rowInput(cell, problems), problems };
  });
}

function checkHeader(columns: string[]): void {
  const unknown = columns.filter((c) => !CSV_COLUMNS.includes(c));
  if (unknown.length > 0) {
    throw new ImportFileError('format', `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')} in the header row (expected: ${CSV_COLUMNS.join(',')})`);
  }
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) throw new ImportFileError('format', `column "${repeated[0]}" appears twice in the header row`);
  if (!columns.includes('type') || !columns.some((c) => c.startsWith('title_'))) {
    throw new ImportFileError('format', 'the header row needs a "type" column and at least one title_* column (title_en, ...)');
  }
}

function rowInput(cell: Map<string, string>, problems: EntryProblem[]): Record<string, unknown> {
  const input: Record<string, unknown> = { type: cell.get('type') };
  const text = (name: string) => cell.get(name) || undefined;
  if (text('slug')) input.slug = text('slug');
  if (text('status')) input.status = text('status');
  input.link = text('link') ?? null;
  const year = text('year');
  if (year && !/^\d{1,4}$/.test(year)) problems.push({ field: 'year', message: `not a year: "${year}"` });
  else input.year = year ? Number(year) : null;
  input.title = localized(cell, 'title');
  input.summary = localized(cell, 'summary');
  // Semicolons separate list items: names of publishers and countries contain commas.
  for (const name of LIST_COLUMNS) {
    input[name] = (cell.get(name) ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  }
  return input;
}

function localized(cell: Map<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(LOCALES.flatMap((l) => (cell.get(`${prefix}_${l}`) ? [[l, cell.get(`${prefix}_${l}`)!]] : [])));
}

/** Offset -> 1-based line number (also for the reviews' assessment CSV). */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const JSON_FIELDS = new Set(['slug', 'type', 'year', 'link', 'status', 'title', 'summary', 'publishers', 'topics', 'countries', 'languages']);
// Fields a JSON export adds that an import derives itself: accepted and ignored, so exports round-trip.
const DERIVED_FIELDS = new Set(['id', 'regions', 'url', 'created_at', 'updated_at', 'published_at']);

export function jsonEntries(text: string): ImportEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` (line ${lineIndex(text)(Number(position[1]))})` : '';
    throw new ImportFileError('format', `not valid JSON${where}: ${message}`);
  }
  const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.resources) ? data.resources : undefined;
  if (!items) throw new ImportFileError('format', 'expected {"resources": [...]} or an array of resources');
  if (items.length === 0) throw new ImportFileError('format', 'no resources in the file: the list is empty');
  // "item N" is the array index, as in resources[N].
  return items.map((item: unknown, index: number) => {
    const where = `item ${index}`;
    if (!isRecord(item)) return { where, input: {}, problems: [{ field: 'entry', message: 'not an object' }] };
    const problems: EntryProblem[] = [];
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      if (DERIVED_FIELDS.has(key)) continue;
      if (!JSON_FIELDS.has(key)) problems.push({ field: key, message: 'unknown field' });
      else input[key] = jsonValue(key, value);
    }
    return { where, input, problems };
  });
}

function jsonValue(key: string, value: unknown): unknown {
  // A plain string title or summary is English, the listing's language.
  if ((key === 'title' || key === 'summary') && typeof value === 'string') return { en: value };
  // Lists as an export writes them: [{ slug, name }] or [{ code, name }].
  if (Array.isArray(value)) {
    return value.map((v) => (isRecord(v) ? (key === 'publishers' ? v.name : (v.slug ?? v.code ?? v.name)) : v));
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
