// The text of an uploaded document, for the library's search. A document that cannot be read is
// refused with the reason, before anything is written.
import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DOCX, PDF, type MediaType } from './storage.ts';

/** Enough for the words of a long report; the search vector of a resource must stay well under 1 MB. */
export const MAX_TEXT_CHARS = 200_000;

/** Pages read for text: a document of many empty pages must not keep the request busy for long. */
const MAX_PAGES = 3000;

export type Extracted = { text: string; pages: number | null };

export class UnreadableDocument extends Error {
  constructor(
    readonly reason: 'broken' | 'password',
    options?: { cause?: unknown },
  ) {
    super(`unreadable document: ${reason}`, options);
  }
}

export async function extractText(bytes: Uint8Array, type: MediaType): Promise<Extracted> {
  if (type === PDF) return extractPdf(bytes);
  if (type === DOCX) return extractDocx(bytes);
  throw new Error(`no extractor for ${String(type)}`);
}

async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && length < MAX_TEXT_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return { text: tidy(parts.join('\n')), pages: doc.numPages };
  } catch (error) {
    // Errors cross pdf.js's worker boundary as plain objects: only the name survives.
    const password = (error as { name?: unknown } | null)?.name === 'PasswordException';
    throw new UnreadableDocument(password ? 'password' : 'broken', { cause: error });
  } finally {
    await task.destroy();
  }
}

/**
 * A DOCX is a ZIP: a few hundred kilobytes can declare gigabytes of XML (a "zip bomb"), which
 * mammoth would inflate in memory. The central directory's declared sizes are read first (fflate,
 * inflating nothing) and a document declaring more than this is refused as broken.
 */
const DOCX_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
const DOCX_MAX_RATIO = 200;

function assertSaneZip(bytes: Uint8Array): void {
  let total = 0;
  let compressed = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        compressed += file.size;
        return false;
      },
    });
  } catch (error) {
    throw new UnreadableDocument('broken', { cause: error });
  }
  if (total > DOCX_MAX_UNZIPPED_BYTES || total > Math.max(compressed, 1) * DOCX_MAX_RATIO) throw new UnreadableDocument('broken');
}

async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  assertSaneZip(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: tidy(result.value), pages: null };
  } catch (error) {
    throw new UnreadableDocument('broken', { cause: error });
  }
}

/** PostgreSQL text cannot hold NUL; runs of blanks carry no meaning for search. */
export function tidy(text: string): string {
  return text
    .replace(/\u0000/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()
    .slice(0, MAX_TEXT_CHARS);
}
