// Reading model laws: an edition is small (hundreds of articles at most), so it is loaded whole in
// three queries and assembled here; numbers, translation states and counts are computed from it.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Locale, Localized } from '../../i18n/locales.ts';
import { textHash, type TextStatus } from './text-hash.ts';

export type EditionStatus = 'draft' | 'in_review' | 'published' | 'archived';

export type Edition = {
  id: string;
  label: string;
  year: number;
  note: Localized;
  status: EditionStatus;
  version: number;
  published_at: string | null;
  law: { id: string; slug: string; title: Localized; sample: boolean; sourceLocale: Locale };
};

export type NodeText = { heading: string; paragraphs: string[]; sourceHash: string; updatedAt: string };

export type ResolvedSource =
  | { kind: 'instrument'; key: string; ref: string; name: Localized; shortName: Localized; title: Localized; link: string; note: Localized }
  | { kind: 'national'; key: string; ref: string; country: string; lawTitle: string; year: number; summary: Localized; link: string | null; note: Localized };

export type LawNode = {
  id: string;
  key: string;
  kind: 'part' | 'chapter' | 'article';
  parentId: string | null;
  position: number;
  version: number;
  /** "I", "II" for parts; "1", "2" for chapters and for articles (articles run through the whole law). */
  number: string;
  texts: Partial<Record<Locale, NodeText>>;
  sources: ResolvedSource[];
  children: LawNode[];
};

export type EditionTree = {
  edition: Edition;
  roots: LawNode[];
  /** Every article in reading order. */
  articles: LawNode[];
  byKey: Map<string, LawNode>;
};

const EDITION_COLUMNS = sql`e.id::text AS id, e.label, e.year, e.note, e.status, e.version, to_json(e.published_at)#>>'{}' AS published_at,
  json_build_object('id', l.id::text, 'slug', l.slug, 'title', l.title, 'sample', l.sample, 'sourceLocale', l.source_locale) AS law`;

/** Editions of a law, newest first; only published ones unless asked. */
export async function listEditions(db: Db, slug: string, opts: { includeUnpublished?: boolean } = {}): Promise<Edition[]> {
  const result = await sql<Edition>`SELECT ${EDITION_COLUMNS} FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id
    WHERE l.slug = ${slug} ${opts.includeUnpublished ? sql`` : sql`AND e.status = 'published'`}
    ORDER BY e.year DESC, e.published_at DESC NULLS LAST, e.id DESC`.execute(db);
  return result.rows;
}

/** Laws with their newest published edition (for the index page). */
export async function listPublishedLaws(db: Db): Promise<Edition[]> {
  const result = await sql<Edition>`SELECT DISTINCT ON (l.id) ${EDITION_COLUMNS} FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id
    WHERE e.status = 'published' ORDER BY l.id, e.year DESC, e.published_at DESC NULLS LAST, e.id DESC`.execute(db);
  return result.rows;
}

/** The edition a public page shows: the given label (published only), else the newest published. */
export async function findPublishedEdition(db: Db, slug: string, label?: string): Promise<Edition | undefined> {
  const editions = await listEditions(db, slug);
  return label ? editions.find((e) => e.label === label) : editions[0];
}

export async function getEdition(db: Db, editionId: string): Promise<Edition | undefined> {
  if (!/^\d{1,18}$/.test(editionId)) return undefined;
  const result = await sql<Edition>`SELECT ${EDITION_COLUMNS} FROM model_law_editions e JOIN model_laws l ON l.id = e.law_id
    WHERE e.id = ${editionId}::bigint`.execute(db);
  return result.rows[0];
}

export async function loadEditionTree(db: Db, edition: Edition): Promise<EditionTree> {
  const [nodes, texts, sources] = await Promise.all([
    sql<{ id: string; key: string; kind: LawNode['kind']; parent_id: string | null; position: number; version: number }>`
      SELECT id::text, key, kind, parent_id::text, position, version FROM model_law_nodes WHERE edition_id = ${edition.id}::bigint
      ORDER BY parent_id NULLS FIRST, position, id`.execute(db),
    sql<{ node_id: string; locale: Locale; heading: string; paragraphs: string[]; source_hash: string; updated_at: string }>`
      SELECT t.node_id::text, t.locale, t.heading, t.paragraphs, t.source_hash, to_json(t.updated_at)#>>'{}' AS updated_at
      FROM model_law_texts t JOIN model_law_nodes n ON n.id = t.node_id WHERE n.edition_id = ${edition.id}::bigint`.execute(db),
    sql<{ node_id: string; source: ResolvedSource }>`
      SELECT s.node_id::text,
        CASE WHEN s.instrument_key IS NOT NULL THEN json_build_object('kind', 'instrument', 'key', i.key, 'ref', s.provision_ref,
            'name', i.name, 'shortName', i.short_name, 'title', ip.title, 'link', i.link, 'note', s.note)
          ELSE json_build_object('kind', 'national', 'key', nl.key, 'ref', s.provision_ref, 'country', nl.country, 'lawTitle', nl.title,
            'year', nl.year, 'summary', np.summary, 'link', coalesce(np.link, nl.link), 'note', s.note) END AS source
      FROM model_law_sources s JOIN model_law_nodes n ON n.id = s.node_id
      LEFT JOIN instruments i ON i.key = s.instrument_key
      LEFT JOIN instrument_provisions ip ON ip.instrument_key = s.instrument_key AND ip.ref = s.provision_ref
      LEFT JOIN national_laws nl ON nl.key = s.national_law_key
      LEFT JOIN national_provisions np ON np.law_key = s.national_law_key AND np.ref = s.provision_ref
      WHERE n.edition_id = ${edition.id}::bigint ORDER BY s.node_id, s.position`.execute(db),
  ]);
  const byId = new Map<string, LawNode>();
  for (const n of nodes.rows) {
    byId.set(n.id, { id: n.id, key: n.key, kind: n.kind, parentId: n.parent_id, position: n.position, version: n.version, number: '', texts: {}, sources: [], children: [] });
  }
  for (const t of texts.rows) {
    byId.get(t.node_id)!.texts[t.locale] = { heading: t.heading, paragraphs: t.paragraphs, sourceHash: t.source_hash, updatedAt: t.updated_at };
  }
  for (const s of sources.rows) byId.get(s.node_id)!.sources.push(s.source);
  const roots: LawNode[] = [];
  for (const node of byId.values()) (node.parentId ? byId.get(node.parentId)!.children : roots).push(node);
  const byPosition = (a: LawNode, b: LawNode) => a.position - b.position || Number(a.id) - Number(b.id);
  roots.sort(byPosition);
  for (const node of byId.values()) node.children.sort(byPosition);
  const articles = number(roots);
  return { edition, roots, articles, byKey: new Map([...byId.values()].map((n) => [n.key, n])) };
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) while (n >= value) (out += letters), (n -= value);
  return out;
}

/** Numbers parts (I, II), chapters (1, 2 through the law) and articles (1, 2 through the law). */
function number(roots: LawNode[]): LawNode[] {
  const articles: LawNode[] = [];
  let part = 0;
  let chapter = 0;
  const walk = (node: LawNode) => {
    if (node.kind === 'part') node.number = roman(++part);
    else if (node.kind === 'chapter') node.number = String(++chapter);
    else {
      articles.push(node);
      node.number = String(articles.length);
    }
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return articles;
}

/** Whether a node's text in a locale exists and was made from the current source text. */
export function textStatus(node: LawNode, locale: Locale, sourceLocale: Locale): TextStatus {
  const text = node.texts[locale];
  if (!text) return 'missing';
  if (locale === sourceLocale) return 'current';
  const source = node.texts[sourceLocale];
  if (!source) return 'current';
  return text.sourceHash === textHash(source.heading, source.paragraphs) ? 'current' : 'outdated';
}

/** "Based on N laws from M countries" and the instruments cited, for the whole edition. */
export function sourceCounts(tree: EditionTree): { instruments: number; provisions: number; nationalLaws: number; countries: number } {
  const instruments = new Set<string>();
  const provisions = new Set<string>();
  const laws = new Set<string>();
  const countries = new Set<string>();
  for (const article of tree.articles) {
    for (const s of article.sources) {
      provisions.add(`${s.key} ${s.ref}`);
      if (s.kind === 'instrument') instruments.add(s.key);
      else (laws.add(s.key), countries.add(s.country));
    }
  }
  return { instruments: instruments.size, provisions: provisions.size, nationalLaws: laws.size, countries: countries.size };
}

/** The chapter (and part) an article sits in, outermost first. */
export function ancestors(tree: EditionTree, node: LawNode): LawNode[] {
  const byId = new Map<string, LawNode>();
  const index = (n: LawNode) => (byId.set(n.id, n), n.children.forEach(index));
  tree.roots.forEach(index);
  const out: LawNode[] = [];
  let parent = node.parentId ? byId.get(node.parentId) : undefined;
  while (parent) {
    out.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return out;
}
