// `atlas check-terms FILE... [--lang L] [--format text|json]`: the checker on drafts, for a team's CI.
// Exit 1 when a term to avoid is found, 0 otherwise, 2 on a usage error or an unreadable file.
// It never opens the data directory (a running Atlas holds its lock): with DATABASE_URL it uses that
// server's glossary; otherwise an in-memory database with the shipped glossary, for the stemmers.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/connect.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { documentText, MAX_TEXT_CHARS, type DocumentText } from './document.ts';
import { runCheck, type Checked } from './check-service.ts';
import { withCheckDatabase } from './cli-database.ts';

const USAGE = 'Usage: atlas check-terms FILE... [--lang ar|en|es|fa|ru] [--format text|json]';

const REASONS = {
  unsupported: 'not a text (UTF-8), .docx or .pdf file',
  broken: 'the document is damaged and cannot be read',
  password: 'the PDF is protected by a password',
  empty: 'no text was found in it',
} as const;

type WithDatabase = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

export async function runCheckTermsCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  let options: { files: string[]; lang: Locale | undefined; format: 'text' | 'json' };
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, format: { type: 'string' } } });
    const lang = values.lang;
    const format = values.format ?? 'text';
    if (positionals.length === 0 || (lang !== undefined && lang !== 'auto' && !isLocale(lang)) || (format !== 'text' && format !== 'json')) throw new Error(USAGE);
    options = { files: positionals, lang: isLocale(lang) ? lang : undefined, format };
  } catch (error) {
    console.error(`check-terms: ${(error as Error).message === USAGE ? '' : `${(error as Error).message}\n`}${USAGE}`);
    return 2;
  }
  const { files, lang, format } = options;

  // Every file is read first: a wrong name is reported at once, before any database is prepared.
  const texts: { file: string; text: string; truncated: boolean }[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = await readDraft(file);
    if ('problem' in read) {
      console.error(`check-terms: cannot read ${file}: ${read.problem}`);
      unreadable = true;
    } else texts.push({ file, ...read });
  }
  if (texts.length === 0) return 2;

  const started = performance.now();
  // With DATABASE_URL, that server's glossary (with its editors' changes); never the data directory.
  const open: WithDatabase = process.env.DATABASE_URL ? withDatabase : withCheckDatabase;
  const reports = await open(async (db) => {
    const out: ({ file: string; truncated: boolean } & Checked)[] = [];
    for (const t of texts) out.push({ file: t.file, truncated: t.truncated, ...(await runCheck(db, t.text, lang, 'en')) });
    return out;
  });
  const ms = Math.round(performance.now() - started);
  let avoid = 0;
  for (const r of reports) avoid += r.findings.filter((f) => f.status === 'avoid').length;
  if (format === 'json') console.log(JSON.stringify(files.length === 1 && reports.length === 1 ? reports[0] : reports, null, 2));
  else for (const r of reports) printText(r.file, r, r.truncated);
  if (format === 'text') console.error(`check-terms: ${reports.length} file(s) checked in ${ms} ms`);
  return unreadable ? 2 : avoid > 0 ? 1 : 0;
}

async function readDraft(file: string): Promise<{ text: string; truncated: boolean } | { problem: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { problem: e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message };
  }
  const read: DocumentText = await documentText(bytes);
  return 'problem' in read ? { problem: REASONS[read.problem] } : read;
}

function printText(file: string, checked: Checked, truncated: boolean): void {
  for (const f of checked.findings) {
    const advice = f.suggestion ? `${f.status === 'avoid' ? 'use' : 'consider'} "${f.suggestion.term}"` : 'reword';
    console.log(`${file}:${f.line}:${f.column}: "${f.found}" → ${advice}`);
    console.log(`  ${f.status === 'avoid' ? 'avoid' : 'use with care'}: ${f.explanation}${f.source ? ` (${f.source})` : ''}`);
  }
  const avoid = checked.findings.filter((f) => f.status === 'avoid').length;
  const care = checked.findings.length - avoid;
  if (truncated) console.log(`${file}: only the first ${MAX_TEXT_CHARS} characters were checked`);
  console.log(`${file}: ${avoid} to avoid, ${care} to use with care (language: ${checked.lang}${checked.detected ? ', detected' : ''})`);
}
