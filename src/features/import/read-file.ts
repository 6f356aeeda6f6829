// Reads an import file as text, refusing what would otherwise fail late or silently: a missing or
// empty file, one too large to hold in one transaction, a binary file (a PDF or a spreadsheet given
// where CSV was meant), and text that is not UTF-8 (a legacy encoding would garble every accent).
import { readFile, stat } from 'node:fs/promises';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** A problem with the file as a whole: nothing in it is imported. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'missing' | 'unreadable' | 'empty' | 'too-large' | 'binary' | 'encoding' | 'format',
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export async function readImportFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportFileError('unreadable', 'not a file (a directory?)');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportFileError('missing', 'file not found');
    throw new ImportFileError('unreadable', `cannot read the file (${code ?? (error as Error).message})`);
  }
  // Checked before reading, so that a huge file is never loaded into memory.
  if (size > MAX_IMPORT_BYTES) throw new ImportFileError('too-large', `the file is larger than the 10 MB limit (${(size / 1024 / 1024).toFixed(1)} MB): split it into smaller files`);
  return decodeImportBytes(new Uint8Array(await readFile(file)));
}

/** The checks on the bytes themselves; separate from the file system so that uploads can use them. */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('too-large', 'the file is larger than the 10 MB limit');
  if (bytes.length === 0) throw new ImportFileError('empty', 'the file is empty');
  const kind = binaryKind(bytes);
  if (kind) throw new ImportFileError('binary', `not a text file (${kind}): save it as UTF-8 text (listing, CSV or JSON)`);
  let text: string;
  try {
    // fatal: a byte that is not UTF-8 must stop the import, not become U+FFFD in the library.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    throw new ImportFileError('encoding', `invalid UTF-8 at byte ${offset} (line ${lineAt(bytes, offset)}): save the file as UTF-8`);
  }
  if (text.trim() === '') throw new ImportFileError('empty', 'the file is empty');
  return text;
}

const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['a ZIP archive, e.g. an Excel or Word file', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** Why these bytes are not text, or undefined if they may be. */
function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return `it looks like ${name}`;
  // UTF-16 text has a NUL in every other byte for Latin script: worth naming, as editors offer it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'it is UTF-16 text';
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `it contains a NUL byte at byte ${nul}`;
  // Control characters other than tab, newline, form feed and carriage return hardly occur in text.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  return control > sample.length / 100 ? 'it contains control characters' : undefined;
}

function decodes(bytes: Uint8Array, end: number): boolean {
  try {
    // stream: an incomplete character at the end of a prefix is not an error yet.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: end < bytes.length });
    return true;
  } catch {
    return false;
  }
}

/**
 * Byte offset where the first broken character starts. The platform decoder stays the judge of
 * what is valid: a binary search finds the shortest prefix it rejects.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let ok = 0;
  let bad = bytes.length; // decodes(bytes, bad) is false: the caller saw the whole input fail
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    if (decodes(bytes, mid)) ok = mid;
    else bad = mid;
  }
  // The byte at bad - 1 broke the text; if it interrupted a character, that character started earlier.
  let start = bad - 1;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, start));
  } catch {
    for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
      if (bytes[i]! >= 0xc0) {
        start = i;
        break;
      }
    }
  }
  return start;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
