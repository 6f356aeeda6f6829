// Reads the import form (multipart: a file, or pasted text) into text the importers can parse,
// with the same checks as the CLI's files (decodeImportBytes, then the format's own parser), and
// says what is wrong in terms of the form's fields.
import path from 'node:path';
import { z } from 'zod';
import type { MessageKey } from '../../i18n/messages.ts';
import { IMPORT_FORMATS, importFileEntries, type ImportFormat } from '../import/cli.ts';
import { decodeImportBytes, ImportFileError, MAX_IMPORT_BYTES } from '../import/read-file.ts';

export type ImportField = 'format' | 'source' | 'status';

/** What the user chose and typed, to fill the form again after a problem. */
export type TypedForm = { format: string; status: string; text: string };

export type FormProblem = { key: MessageKey; values?: Record<string, string | number>; detail?: string };

export type ReadForm =
  | { ok: true; format: ImportFormat; status: 'draft' | 'published'; file: string | null; content: string }
  | { ok: false; httpStatus: 400 | 413 | 422; typed: TypedForm; problems: Partial<Record<ImportField, FormProblem>> };

const FormSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(['draft', 'published']),
});

/** The largest upload an import takes: the site's upload limit, and never more than the importers hold. */
export function importLimit(uploadMaxBytes: number): number {
  return Math.min(uploadMaxBytes, MAX_IMPORT_BYTES);
}

export async function readImportForm(body: Record<string, unknown>, limit: number): Promise<ReadForm> {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const typed: TypedForm = { format: str(body.format), status: str(body.status) || 'draft', text: str(body.text) };
  const problems: Partial<Record<ImportField, FormProblem>> = {};
  const fail = (httpStatus: 400 | 413 | 422): ReadForm => ({ ok: false, httpStatus, typed, problems });

  const parsed = FormSchema.safeParse({ format: typed.format, status: typed.status });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as 'format' | 'status';
      problems[field] = { key: field === 'format' ? 'bulk-import.error.format' : 'bulk-import.error.status' };
    }
  }
  const upload = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const pasted = typed.text.trim() !== '';
  if (!upload && !pasted) problems.source = { key: 'bulk-import.error.noSource' };
  if (upload ? upload.size > limit : Buffer.byteLength(typed.text) > limit) {
    problems.source = { key: 'bulk-import.error.tooLarge', values: { limit } };
    return fail(413);
  }
  if (!parsed.success || problems.source) return fail(400);

  const file = upload ? path.basename(upload.name.replace(/\\/g, '/')).slice(0, 200) || null : null;
  try {
    const content = upload ? decodeImportBytes(new Uint8Array(await upload.arrayBuffer())) : typed.text;
    // Parsed here only to refuse a file that cannot be read as a whole (bad header, broken JSON);
    // problems with single entries are the preview's business.
    if (importFileEntries(parsed.data.format, content).length === 0) throw new ImportFileError('empty', 'no resources in the file');
    return { ok: true, format: parsed.data.format, status: parsed.data.status, file, content };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    if (error.code === 'too-large') {
      problems.source = { key: 'bulk-import.error.tooLarge', values: { limit } };
      return fail(413);
    }
    problems.source = { key: 'bulk-import.error.unreadable', detail: error.message };
    return fail(422);
  }
}
