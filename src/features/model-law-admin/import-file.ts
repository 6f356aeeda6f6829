// Reading an uploaded model law (Akoma Ntoso XML, the JSON interchange format, or structured
// Markdown) into a document, and checking it against the database without writing: the preview's
// problems are exactly those the confirmation would meet.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Locale, type Localized } from '../../i18n/locales.ts';
import { AkomaNtosoError, fromAkomaNtoso } from '../model-law/akoma-ntoso.ts';
import { ModelLawDocumentSchema, type ModelLawDocument } from '../model-law/format.ts';
import { ModelLawDocumentError, writeModelLawDocument } from '../model-law/write-document.ts';
import { MarkdownFormatError, parseModelLawMarkdown } from './markdown.ts';

export const IMPORT_FORMATS = ['auto', 'akn', 'json', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type FileFormat = Exclude<ImportFormat, 'auto'>;

/** At most this many problems are listed: a wholly wrong file would otherwise list thousands. */
const MAX_PROBLEMS = 50;

/** The format of a file from its first character: XML, JSON, or else Markdown. */
export function detectFormat(text: string): FileFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'akn';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'markdown';
}

export type ReadResult = { ok: true; format: FileFormat; doc: ModelLawDocument } | { ok: false; format: FileFormat; problems: string[] };

/** The document in a file, with the edition label (and year, when given) of the import form. */
export function readModelLawFile(text: string, chosen: ImportFormat, edition: { label: string; year: number | undefined }): ReadResult {
  const format = chosen === 'auto' ? detectFormat(text) : chosen;
  const fail = (problems: string[]): ReadResult => ({ ok: false, format, problems: problems.slice(0, MAX_PROBLEMS) });
  const body = text.replace(/^\uFEFF/, '');
  try {
    if (format === 'akn') return { ok: true, format, doc: fromAkomaNtoso(body, { label: edition.label, ...(edition.year ? { year: edition.year } : {}) }) };
    if (format === 'markdown') return { ok: true, format, doc: parseModelLawMarkdown(body, { label: edition.label, ...(edition.year ? { year: edition.year } : {}) }) };
  } catch (error) {
    if (error instanceof AkomaNtosoError) return fail([error.message]);
    if (error instanceof MarkdownFormatError) return fail(error.problems);
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return fail([`not valid JSON: ${(error as Error).message}`]);
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const given = (raw as { edition?: unknown }).edition;
    const base = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
    raw = { ...raw, edition: { ...base, label: edition.label, ...(edition.year ? { year: edition.year } : {}) } };
  }
  const parsed = ModelLawDocumentSchema.safeParse(raw);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'document'}: ${i.message}`));
  return { ok: true, format, doc: parsed.data };
}

export type DocumentCounts = { parts: number; chapters: number; articles: number; paragraphs: number; sources: number; locales: Locale[] };

export function documentCounts(doc: ModelLawDocument): DocumentCounts {
  const chapters = doc.parts ? doc.parts.flatMap((p) => p.chapters) : (doc.chapters ?? []);
  const articles = chapters.flatMap((c) => c.articles);
  const has = (l: Locale) => (t: Localized) => Boolean(t[l]);
  return {
    parts: doc.parts?.length ?? 0,
    chapters: chapters.length,
    articles: articles.length,
    paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0),
    sources: articles.reduce((n, a) => n + a.sources.length, 0),
    locales: LOCALES.filter((l) => articles.some((a) => has(l)(a.heading))),
  };
}

export type ExistingLaw = { id: string; title: Localized; sample: boolean; sourceLocale: Locale };

export async function existingLaw(db: Db, slug: string): Promise<ExistingLaw | undefined> {
  const r = await sql<ExistingLaw>`SELECT id::text AS id, title, sample, source_locale AS "sourceLocale" FROM model_laws WHERE slug = ${slug}`.execute(db);
  return r.rows[0];
}

export type Prepared = { doc: ModelLawDocument; law: ExistingLaw | undefined; problems: string[] };

class DryRun extends Error {}

/**
 * The document as it would be written, and every problem the write would meet. A new edition of an
 * existing law keeps the law's other titles and its sample flag (a one-language file cannot carry
 * them), and must be in the law's source language: translations hang on the source text. Without
 * the dry run (`dryRun: false`), only these checks: the write itself finds the others before writing.
 */
export async function prepareImport(db: Db, read: { format: FileFormat; doc: ModelLawDocument }, opts: { dryRun?: boolean } = {}): Promise<Prepared> {
  const law = await existingLaw(db, read.doc.slug);
  const doc: ModelLawDocument = structuredClone(read.doc);
  const problems: string[] = [];
  if (law) {
    doc.title = { ...law.title, ...doc.title };
    if (read.format !== 'json') doc.sample = law.sample;
    if (law.sourceLocale !== doc.sourceLocale) {
      problems.push(`the law "${doc.slug}" is written in ${law.sourceLocale} (its source language), this file in ${doc.sourceLocale}: import the text in ${law.sourceLocale}`);
    }
  }
  if (problems.length === 0 && opts.dryRun !== false) {
    try {
      await db.transaction().execute(async (trx) => {
        await writeModelLawDocument(trx, doc, { status: 'draft' });
        throw new DryRun();
      });
    } catch (error) {
      if (error instanceof ModelLawDocumentError) problems.push(...error.problems);
      else if (!(error instanceof DryRun)) throw error;
    }
  }
  return { doc, law, problems: problems.slice(0, MAX_PROBLEMS) };
}
