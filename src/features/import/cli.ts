// `atlas import listing|csv|json FILE [--skip-invalid] [--status draft|published] [--dry-run]`:
// reads and checks the file, validates every entry, writes all of them in one transaction (or
// none), prints each problem on stderr as "line N, field F: message" and ends with one summary line.
import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { SYSTEM_ACTOR } from '../audit/log.ts';
import { recordImportHistory } from '../bulk-import/record.ts';
import { upsertReferenceData } from '../taxonomy/store.ts';
import { parseListing } from './listing.ts';
import { ImportFileError, readImportFile } from './read-file.ts';
import { formatProblem, importEntries, type ImportEntry, type ImportReport } from './run.ts';
import { csvEntries, jsonEntries } from './tabular.ts';

export const IMPORT_FORMATS = ['listing', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportCommand = { format: string; file: string; skipInvalid: boolean; status?: string | undefined; dryRun: boolean };

/** Where the command writes; tests pass their own to read what a user would see. */
export type ImportOutput = { out(line: string): void; err(line: string): void; progress?(line: string): void };

// Progress only on a terminal, on one line that the next message replaces; a pipe or a log file
// gets the problems and the summary alone.
let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stderr.write('\r\x1b[2K');
  progressShown = false;
};
const consoleOutput: ImportOutput = {
  out: (line) => (clearProgress(), console.log(line)),
  err: (line) => (clearProgress(), console.error(line)),
  progress: (line) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r\x1b[2K${line}`);
    progressShown = true;
  },
};

/** Returns the process exit code: 0 done, 1 nothing (or not everything asked) imported, 2 usage. */
export async function runImportCommand(db: Db, command: ImportCommand, io: ImportOutput = consoleOutput): Promise<number> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (!(IMPORT_FORMATS as readonly string[]).includes(command.format)) {
    io.err(`atlas import: unknown format "${command.format}" (expected ${IMPORT_FORMATS.join(', ')})`);
    return 2;
  }
  if (command.status !== undefined && command.status !== 'draft' && command.status !== 'published') {
    io.err(`atlas import: --status must be draft or published, not "${command.status}"`);
    return 2;
  }
  const name = path.basename(command.file);

  let entries: ImportEntry[];
  try {
    io.progress?.(`Reading ${name}…`);
    entries = importFileEntries(command.format as ImportFormat, await readImportFile(command.file));
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    io.err(`Nothing imported from ${name}: ${error.message}`);
    return 1;
  }
  // --status decides for every entry, over a status column: "import these as drafts" means all.
  if (command.status) for (const entry of entries) entry.input.status = command.status;

  // Tags are resolved against the topics table: make sure the shipped vocabularies are there (a
  // fresh data directory has none before the first `serve`). Idempotent, and writes nothing when
  // they are up to date.
  await upsertReferenceData(db);
  io.progress?.(`Checking ${entries.length} entries in ${name}…`);
  // The command line has no user: its writes are the system's, audited and kept in history like the web's.
  const onWritten = recordImportHistory(SYSTEM_ACTOR, { via: 'cli', format: command.format, file: name, ...(command.status ? { status: command.status } : {}), skipInvalid: command.skipInvalid });
  const report = await importEntries(db, entries, { skipInvalid: command.skipInvalid, dryRun: command.dryRun, onWritten });
  for (const problem of report.problems) io.err(`${command.skipInvalid ? (command.dryRun ? 'Would skip ' : 'Skipped ') : ''}${formatProblem(problem)}`);
  return summarise(io, name, report, command, seconds());
}

export function importFileEntries(format: ImportFormat, text: string): ImportEntry[] {
  if (format === 'csv') return csvEntries(text);
  if (format === 'json') return jsonEntries(text);
  return parseListing(text).map((e, index) => ({
    where: `line ${e.line}`,
    input: {
      type: e.type,
      year: e.year,
      title: e.title ? { en: e.title } : {},
      summary: e.summary ? { en: e.summary } : {},
      publishers: e.publishers,
      // The listing is the English website's.
      languages: ['en'],
    },
    tags: e.tags,
    firstTagMayBeGlued: index === 0,
    problems: e.problems,
  }));
}

function summarise(io: ImportOutput, name: string, r: ImportReport, command: ImportCommand, time: string): number {
  const counts = `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`;
  const refused = r.problems.length > 0 && !command.skipInvalid;
  if (command.dryRun) {
    io.out(`Dry run of ${name} (nothing written): ${counts}${refused ? '; the import would be refused' : ''} (${time})`);
    return refused ? 1 : 0;
  }
  if (refused) {
    const hint = r.valid > 0 ? `fix them, or use --skip-invalid to import the ${r.valid} valid ones` : 'fix them and import again';
    io.err(`Nothing imported from ${name}: ${r.rejected} of ${r.entries} entries invalid (${hint}) (${time})`);
    return 1;
  }
  io.out(`Imported ${name}: ${counts} (${time})`);
  return r.valid > 0 ? 0 : 1;
}
