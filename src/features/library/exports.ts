// Resource exports (CSV, JSON, RIS, BibTeX, CSL-JSON) and the Atom feed. Every value comes from the
// data or the label catalogs; the serializers only add each format's own field names and syntax.
import Papa from 'papaparse';
import { pickText, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import { resourcePath } from './components.tsx';
import type { ExportFormat } from './export-formats.ts';
import { facetLabel, languageName, type Labels } from './labels.ts';
import type { Resource } from './store.ts';

export type ExportContext = { locale: Locale; labels: Labels; t: Translate; baseUrl: string };

type Named = { slug: string; name: string };
type Coded = { code: string; name: string };

/** One resource with its labels resolved in the reader's language, shared by all formats. */
function describe(r: Resource, ctx: ExportContext) {
  const label = (facet: 'topic' | 'country' | 'region' | 'publisher', v: string) => facetLabel(ctx.labels, ctx.t, ctx.locale, facet, v);
  return {
    title: pickText(r.title, ctx.locale),
    summary: pickText(r.summary, ctx.locale),
    typeLabel: facetLabel(ctx.labels, ctx.t, ctx.locale, 'type', r.type),
    publishers: r.publishers.map((slug): Named => ({ slug, name: label('publisher', slug) })),
    topics: r.topics.map((slug): Named => ({ slug, name: label('topic', slug) })),
    countries: r.countries.map((code): Coded => ({ code, name: label('country', code) })),
    regions: r.regions.map((code): Coded => ({ code, name: label('region', code) })),
    url: ctx.baseUrl + resourcePath(ctx.locale, r),
  };
}

const names = (list: { name: string }[]) => list.map((x) => x.name);

/** Line-based formats (RIS) and LaTeX (a blank line ends a paragraph) cannot hold line breaks inside a value. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function exportResources(format: ExportFormat, items: Resource[], ctx: ExportContext): string {
  switch (format) {
    case 'csv':
      return toCsv(items, ctx);
    case 'json':
      return toJson(items, ctx);
    case 'ris':
      return toRis(items, ctx);
    case 'bib':
      return toBibtex(items, ctx);
    case 'csl.json': {
      const ids = keys(items);
      return JSON.stringify(items.map((r, i) => toCsl(r, ctx, ids[i]!)), null, 2) + '\n';
    }
  }
}

// ---- CSV ----------------------------------------------------------------------------------------

const CSV_FIELDS = ['id', 'title', 'summary', 'type', 'year', 'publishers', 'topics', 'countries', 'regions', 'languages', 'link', 'url'];

/**
 * Spreadsheets run a cell starting with = + - @ (or tab/CR, which some strip first) as a formula.
 * Our own test rather than papaparse's `escapeFormulae`: its regex (/^[=+\-@\t\r].*$/) misses multi-line cells.
 */
export const csvCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function toCsv(items: Resource[], ctx: ExportContext): string {
  const data = items.map((r) => {
    const d = describe(r, ctx);
    return [
      r.id,
      d.title.text,
      d.summary.text,
      d.typeLabel,
      r.year === null ? '' : String(r.year),
      names(d.publishers).join('; '),
      names(d.topics).join('; '),
      names(d.countries).join('; '),
      names(d.regions).join('; '),
      r.languages.join('; '),
      r.link ?? '',
      d.url,
    ].map(csvCell);
  });
  return Papa.unparse({ fields: CSV_FIELDS, data }, { newline: '\r\n' });
}

// ---- JSON ---------------------------------------------------------------------------------------

function toJson(items: Resource[], ctx: ExportContext): string {
  const out = items.map((r) => {
    const d = describe(r, ctx);
    return {
      id: r.id,
      slug: r.slug,
      type: r.type,
      year: r.year,
      title: r.title,
      summary: r.summary,
      publishers: d.publishers,
      topics: d.topics,
      countries: d.countries,
      regions: d.regions,
      languages: r.languages,
      link: r.link,
      url: d.url,
      published_at: r.published_at,
      updated_at: r.updated_at,
    };
  });
  return JSON.stringify({ items: out }, null, 2) + '\n';
}

// ---- RIS ----------------------------------------------------------------------------------------

// A model law is a template for legislators, not an enacted statute, so RIS gets GEN rather than STAT.
const RIS_TYPES: Record<string, string> = {
  report: 'RPRT', 'white-paper': 'RPRT', study: 'RPRT',
  guide: 'BOOK', handbook: 'BOOK', guidelines: 'BOOK', toolkit: 'BOOK',
  article: 'JOUR', infographic: 'GEN', 'model-law': 'GEN', other: 'GEN',
};

function toRis(items: Resource[], ctx: ExportContext): string {
  return items
    .map((r) => {
      const d = describe(r, ctx);
      const lines: string[] = [];
      // A line break inside a value would start a new tag line (even a forged "ER  - "), so values are one line.
      const add = (tag: string, value: string | null | undefined) => {
        const v = oneLine(stripControls(value ?? ''));
        if (v) lines.push(`${tag}  - ${v}`);
      };
      add('TY', RIS_TYPES[r.type] ?? 'GEN');
      add('ID', r.id);
      add('TI', d.title.text);
      // Corporate authors: the whole name in one AU line, no "Last, First" comma added.
      for (const p of d.publishers) add('AU', p.name);
      add('PY', r.year === null ? '' : String(r.year));
      add('PB', d.publishers[0]?.name);
      add('AB', d.summary.text);
      for (const k of [...names(d.topics), ...names(d.countries)]) add('KW', k);
      for (const l of r.languages) add('LA', l);
      add('UR', r.link ?? d.url);
      lines.push('ER  - ');
      return lines.join('\r\n') + '\r\n';
    })
    .join('\r\n');
}

// ---- BibTeX -------------------------------------------------------------------------------------

const BIB_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '$': '\\$', '#': '\\#', '_': '\\_',
  // \^{} and \~{} are accents over nothing; the text commands give the literal characters.
  '^': '\\textasciicircum{}', '~': '\\textasciitilde{}',
};
const bibEscape = (s: string) => oneLine(stripControls(s)).replace(/[\\{}%&$#_^~]/g, (c) => BIB_ESCAPES[c]!);

/** Each name in its own braces so BibTeX keeps "Save the Children" whole instead of splitting first/last names. */
const bibNames = (list: string[]) => list.map((n) => `{${bibEscape(n)}}`).join(' and ');

/** url is read verbatim by biblatex, so only the characters that would unbalance the field are encoded. */
const bibUrl = (u: string) => u.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));

/** Slug-based ASCII citation keys, made unique within one export (-2, -3 ...). */
function keys(items: Resource[]): string[] {
  const used = new Set<string>();
  return items.map((r) => {
    const base = r.slug.replace(/[^A-Za-z0-9_:-]+/g, '-').replace(/^-+|-+$/g, '') || `resource-${r.id}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

function bibEntryType(type: string): { entry: string; publisherField?: string } {
  if (type === 'report' || type === 'study' || type === 'white-paper') return { entry: 'techreport', publisherField: 'institution' };
  if (type === 'article') return { entry: 'article' };
  if (type === 'guide' || type === 'handbook' || type === 'guidelines' || type === 'toolkit') return { entry: 'book', publisherField: 'publisher' };
  return { entry: 'misc', publisherField: 'organization' };
}

function toBibtex(items: Resource[], ctx: ExportContext): string {
  const citeKeys = keys(items);
  return items
    .map((r, i) => {
      const d = describe(r, ctx);
      const { entry, publisherField } = bibEntryType(r.type);
      const fields: [string, string][] = [];
      const pubs = names(d.publishers);
      if (pubs.length) fields.push(['author', bibNames(pubs)]);
      // Double braces keep the title's capitalisation from bibliography styles.
      fields.push(['title', `{${bibEscape(d.title.text)}}`]);
      if (publisherField && pubs.length) fields.push([publisherField, bibNames(pubs)]);
      if (r.year !== null) fields.push(['year', String(r.year)]);
      if (d.summary.text) fields.push(['abstract', bibEscape(d.summary.text)]);
      const keywords = [...names(d.topics), ...names(d.countries)];
      if (keywords.length) fields.push(['keywords', keywords.map(bibEscape).join(', ')]);
      fields.push(['url', bibUrl(r.link ?? d.url)]);
      if (r.languages.length) fields.push(['language', r.languages.map((l) => bibEscape(languageName(ctx.locale, l))).join(' and ')]);
      const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
      return `@${entry}{${citeKeys[i]},\n${body}\n}\n`;
    })
    .join('\n');
}

// ---- CSL-JSON -----------------------------------------------------------------------------------

const CSL_TYPES: Record<string, string> = {
  report: 'report', 'white-paper': 'report', study: 'report',
  guide: 'book', handbook: 'book', guidelines: 'book', toolkit: 'book',
  article: 'article-journal', infographic: 'graphic', 'model-law': 'legislation', other: 'document',
};

function toCsl(r: Resource, ctx: ExportContext, id: string) {
  const d = describe(r, ctx);
  const pubs = names(d.publishers);
  const keywords = [...names(d.topics), ...names(d.countries)];
  return {
    id,
    type: CSL_TYPES[r.type] ?? 'document',
    title: d.title.text,
    ...(d.summary.text ? { abstract: d.summary.text } : {}),
    ...(pubs.length ? { author: pubs.map((literal) => ({ literal })) } : {}),
    // CSL has a single publisher string.
    ...(pubs.length ? { publisher: pubs.join('; ') } : {}),
    ...(r.year !== null ? { issued: { 'date-parts': [[r.year]] } } : {}),
    URL: r.link ?? d.url,
    // CSL takes one language (it decides title casing); the first listed is the main one.
    ...(r.languages[0] ? { language: r.languages[0] } : {}),
    ...(keywords.length ? { keyword: keywords.join(', ') } : {}),
  };
}

// ---- Atom ---------------------------------------------------------------------------------------

/** Characters XML 1.0 forbids outright; one of them in the data would make the whole feed unreadable. */
function stripControls(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
const xmlText = (s: string) => stripControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;');

function atomDate(s: string): string {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}

/** A text element; marks the language when the text fell back to another locale than the feed's. */
function atomTextEl(tag: string, text: ReturnType<typeof pickText>): string {
  const lang = text.fallback ? ` xml:lang="${text.lang}"` : '';
  return `<${tag} type="text"${lang}>${xmlText(text.text)}</${tag}>`;
}

export function atomFeed(
  items: Resource[],
  opts: { ctx: ExportContext; title: string; selfUrl: string; alternateUrl: string; id: string },
): string {
  const { ctx } = opts;
  const times = items.map((r) => atomDate(r.updated_at)).sort();
  const updated = times.at(-1) ?? new Date().toISOString();
  const entries = items.map((r) => {
    const d = describe(r, ctx);
    const parts = [
      `    <id>${xmlText(d.url)}</id>`,
      `    ${atomTextEl('title', d.title)}`,
      `    <updated>${xmlText(atomDate(r.updated_at))}</updated>`,
      ...(r.published_at ? [`    <published>${xmlText(atomDate(r.published_at))}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xmlAttr(d.url)}"/>`,
      ...(r.link ? [`    <link rel="related" href="${xmlAttr(r.link)}"/>`] : []),
      ...d.publishers.map((p) => `    <author><name>${xmlText(p.name)}</name></author>`),
      ...d.topics.map((tp) => `    <category term="${xmlAttr(tp.slug)}" label="${xmlAttr(tp.name)}"/>`),
      ...(d.summary.text ? [`    ${atomTextEl('summary', d.summary)}`] : []),
    ];
    return `  <entry>\n${parts.join('\n')}\n  </entry>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.locale}">`,
    `  <id>${xmlText(opts.id)}</id>`,
    `  <title type="text">${xmlText(opts.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(opts.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttr(opts.alternateUrl)}"/>`,
    // Atom requires an author for entries that have none (no publisher): the feed's own, the Atlas.
    `  <author><name>${xmlText(ctx.t('site.name'))}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
