// Writes a model-law document (format.ts) as a new edition, in the caller's transaction. Used by
// the shipped sample, the JSON and Akoma Ntoso imports, and the back office. Every problem is
// found before the first write and reported with where it is ("chapter 2, article 3: …").
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { ModelLawDocument } from './format.ts';
import { textHash } from './text-hash.ts';

type Localized = Partial<Record<Locale, string>>;
type ChapterDoc = NonNullable<ModelLawDocument['chapters']>[number];
type ArticleDoc = ChapterDoc['articles'][number];

export class ModelLawDocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export type WrittenEdition = { lawId: string; editionId: string; articles: number };

export async function writeModelLawDocument(
  db: Db,
  doc: ModelLawDocument,
  opts: { status: 'draft' | 'published'; userId?: string | null },
): Promise<WrittenEdition> {
  const chapters = doc.parts ? doc.parts.flatMap((p) => p.chapters) : (doc.chapters ?? []);
  await checkDocument(db, doc, chapters);

  const law = await sql<{ id: string }>`INSERT INTO model_laws (slug, title, sample, source_locale)
    VALUES (${doc.slug}, ${JSON.stringify(doc.title)}::jsonb, ${doc.sample}, ${doc.sourceLocale})
    ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, sample = EXCLUDED.sample, source_locale = EXCLUDED.source_locale
    RETURNING id::text`.execute(db);
  const lawId = law.rows[0]!.id;
  const edition = await sql<{ id: string }>`INSERT INTO model_law_editions (law_id, label, year, note, status, published_at)
    VALUES (${lawId}::bigint, ${doc.edition.label}, ${doc.edition.year}, ${JSON.stringify(doc.edition.note ?? {})}::jsonb, ${opts.status},
      ${opts.status === 'published' ? sql`now()` : null})
    RETURNING id::text`.execute(db);
  const editionId = edition.rows[0]!.id;

  const source = doc.sourceLocale;
  const insertNode = async (parentId: string | null, key: string, kind: 'part' | 'chapter' | 'article', position: number, heading: Localized, paragraphs: Localized[]) => {
    const node = await sql<{ id: string }>`INSERT INTO model_law_nodes (edition_id, parent_id, key, kind, position)
      VALUES (${editionId}::bigint, ${parentId}::bigint, ${key}, ${kind}, ${position}) RETURNING id::text`.execute(db);
    const nodeId = node.rows[0]!.id;
    const sourceHash = textHash(heading[source] ?? '', paragraphs.map((p) => p[source] ?? ''));
    const texts = LOCALES.filter((l) => heading[l] && paragraphs.every((p) => p[l])).map((l) => ({
      locale: l,
      heading: heading[l]!,
      paragraphs: paragraphs.map((p) => p[l]!),
    }));
    if (texts.length > 0) {
      await sql`INSERT INTO model_law_texts (node_id, locale, heading, paragraphs, source_hash, updated_by)
        SELECT ${nodeId}::bigint, t->>'locale', t->>'heading', t->'paragraphs', ${sourceHash}, ${opts.userId ?? null}::bigint
        FROM jsonb_array_elements(${JSON.stringify(texts)}::jsonb) t`.execute(db);
    }
    return nodeId;
  };
  const insertArticle = async (parentId: string, article: ArticleDoc, position: number) => {
    const id = await insertNode(parentId, article.key, 'article', position, article.heading, article.paragraphs);
    if (article.sources.length > 0) {
      const rows = article.sources.map((s, i) => ({
        position: i,
        instrument: 'instrument' in s ? s.instrument : null,
        national: 'nationalLaw' in s ? s.nationalLaw : null,
        ref: s.provision,
        note: s.note ?? {},
      }));
      await sql`INSERT INTO model_law_sources (node_id, position, instrument_key, national_law_key, provision_ref, note)
        SELECT ${id}::bigint, (x->>'position')::int, x->>'instrument', x->>'national', x->>'ref', x->'note'
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) x`.execute(db);
    }
  };
  const insertChapter = async (parentId: string | null, chapter: ChapterDoc, position: number) => {
    const id = await insertNode(parentId, chapter.key, 'chapter', position, chapter.heading, []);
    for (const [i, article] of chapter.articles.entries()) await insertArticle(id, article, i);
  };
  if (doc.parts) {
    for (const [i, part] of doc.parts.entries()) {
      const id = await insertNode(null, part.key, 'part', i, part.heading, []);
      for (const [j, chapter] of part.chapters.entries()) await insertChapter(id, chapter, j);
    }
  } else {
    for (const [i, chapter] of (doc.chapters ?? []).entries()) await insertChapter(null, chapter, i);
  }
  return { lawId, editionId, articles: chapters.reduce((n, c) => n + c.articles.length, 0) };
}

/** Everything that would make the write fail, found first so that the message names the place. */
async function checkDocument(db: Db, doc: ModelLawDocument, chapters: ChapterDoc[]): Promise<void> {
  const problems: string[] = [];
  const keys = new Set<string>();
  const useKey = (key: string, where: string) => {
    if (keys.has(key)) problems.push(`${where}: the key "${key}" is used twice`);
    keys.add(key);
  };
  for (const [p, part] of (doc.parts ?? []).entries()) useKey(part.key, `part ${p + 1}`);
  const instrumentRefs = await sql<{ k: string }>`SELECT instrument_key || ' ' || ref AS k FROM instrument_provisions`.execute(db);
  const nationalRefs = await sql<{ k: string }>`SELECT law_key || ' ' || ref AS k FROM national_provisions`.execute(db);
  const known = new Set([...instrumentRefs.rows, ...nationalRefs.rows].map((r) => r.k));
  for (const [c, chapter] of chapters.entries()) {
    useKey(chapter.key, `chapter ${c + 1}`);
    if (!chapter.heading[doc.sourceLocale]) problems.push(`chapter ${c + 1}: no heading in the source language (${doc.sourceLocale})`);
    for (const [a, article] of chapter.articles.entries()) {
      const where = `chapter ${c + 1}, article ${a + 1} (${article.key})`;
      useKey(article.key, where);
      if (!article.heading[doc.sourceLocale]) problems.push(`${where}: no heading in the source language (${doc.sourceLocale})`);
      for (const [i, paragraph] of article.paragraphs.entries()) {
        if (!paragraph[doc.sourceLocale]) problems.push(`${where}, paragraph ${i + 1}: no text in the source language (${doc.sourceLocale})`);
      }
      for (const s of article.sources) {
        const k = 'instrument' in s ? `${s.instrument} ${s.provision}` : `${s.nationalLaw} ${s.provision}`;
        if (!known.has(k)) problems.push(`${where}: unknown source "${k}"`);
      }
    }
  }
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id
    WHERE l.slug = ${doc.slug} AND e.label = ${doc.edition.label}`.execute(db);
  if (existing.rows[0]!.n > 0) problems.push(`edition "${doc.edition.label}" of "${doc.slug}" exists already: give the new edition another label`);
  if (problems.length > 0) throw new ModelLawDocumentError(problems);
}
