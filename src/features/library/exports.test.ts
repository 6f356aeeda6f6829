// Every export is read back with a real parser of its format, so escaping mistakes show up as wrong values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/messages.ts';
import { atomFeed, exportResources, type ExportContext } from './exports.ts';
import type { Labels } from './labels.ts';
import type { Resource } from './store.ts';

type CslName = { literal?: string; family?: string; given?: string };
type CslItem = {
  id: string; type: string; title?: string; abstract?: string; author?: CslName[]; publisher?: string | string[];
  issued?: { 'date-parts': number[][] }; URL?: string; keyword?: string; language?: string | string[];
};
// citation-js ships no type declarations: a non-literal specifier keeps tsc from looking for them.
const CORE: string = '@citation-js/core';
const { Cite } = (await import(CORE)) as { Cite: new (input: unknown) => { data: CslItem[] } };
const cite = (input: unknown) => new Cite(input).data;
const authorNames = (item: CslItem | undefined) => (item?.author ?? []).map((a) => a.literal ?? a.family);
const year = (item: CslItem | undefined) => item?.issued?.['date-parts'][0]?.[0];

const BASE = 'http://127.0.0.1:3000';
const labels: Labels = {
  topic: new Map([
    ['online-abuse', { en: 'Online abuse', ar: 'الإساءة عبر الإنترنت' }],
    ['legislation', { en: 'Legislation' }],
  ]),
  country: new Map([['EG', { en: 'Egypt', ar: 'مصر' }]]),
  region: new Map([['mena', { en: 'Middle East and North Africa', ar: 'الشرق الأوسط وشمال أفريقيا' }]]),
  publisher: new Map([
    ['icmec', 'ICMEC'],
    ['save-the-children', 'Save the Children'],
    ['unicef', 'UNICEF'],
  ]),
};
const ctx = (locale: Locale): ExportContext => ({ locale, labels, t: translator(locale), baseUrl: BASE });

function buildResource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: '1',
    slug: 'online-safety',
    type: 'report',
    year: 2021,
    link: 'https://example.org/online-safety.pdf',
    status: 'published',
    title: { en: 'Child online safety', ar: 'سلامة الأطفال على الإنترنت' },
    summary: { en: 'A review of laws.', ar: 'مراجعة للقوانين.' },
    topics: ['online-abuse', 'legislation'],
    countries: ['EG'],
    regions: ['mena'],
    publishers: ['icmec', 'save-the-children'],
    languages: ['en', 'ar'],
    created_at: '2024-01-01T10:00:00.000000+00:00',
    updated_at: '2024-03-01T10:00:00.123456+00:00',
    published_at: '2024-01-02T10:00:00+00:00',
    ...overrides,
  };
}

const TRICKY_TITLE = 'Safety {first}, 100% & "more" $#_^~\\ end';
const TRICKY_SUMMARY = 'He said "stop", then <script>alert(1)</script>\nSecond line {}%&';
const items: Resource[] = [
  buildResource(),
  buildResource({
    id: '2', slug: 'tricky', type: 'article', year: null, link: null, title: { en: TRICKY_TITLE },
    summary: { en: TRICKY_SUMMARY }, publishers: ['unicef'], topics: [], countries: [], regions: [], languages: ['en'],
  }),
  // Same slug as the first on purpose: citation keys must still differ.
  buildResource({ id: '3', type: 'guide', year: 2019, title: { en: '=HYPERLINK("http://evil.example")' }, summary: { en: '-2+3' } }),
  buildResource({
    id: '4', slug: 'model-law', type: 'model-law', year: 2016, link: null, title: { ru: 'Типовой закон' },
    summary: { ru: '=1+1\nmore' }, publishers: [], topics: [], countries: [], regions: [], languages: ['ru'], published_at: null,
  }),
];
/** What a one-line format (RIS, BibTeX) gives back for the tricky summary. */
const TRICKY_SUMMARY_ONE_LINE = TRICKY_SUMMARY.replace('\n', ' ');

const CSV_HEADER = ['id', 'title', 'summary', 'type', 'year', 'publishers', 'topics', 'countries', 'regions', 'languages', 'link', 'url'];

function parseCsv(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return { fields: parsed.meta.fields, rows: parsed.data };
}

test('CSV: header, labels and values round-trip through papaparse', () => {
  const { fields, rows } = parseCsv(exportResources('csv', items, ctx('en')));
  assert.deepEqual(fields, CSV_HEADER);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows[0], {
    id: '1', title: 'Child online safety', summary: 'A review of laws.', type: 'Report', year: '2021',
    publishers: 'ICMEC; Save the Children', topics: 'Online abuse; Legislation', countries: 'Egypt',
    regions: 'Middle East and North Africa', languages: 'en; ar', link: 'https://example.org/online-safety.pdf',
    url: `${BASE}/en/library/1-online-safety`,
  });
  // Quotes, commas, a newline and markup survive unchanged; a missing year is an empty cell.
  assert.equal(rows[1]?.title, TRICKY_TITLE);
  assert.equal(rows[1]?.summary, TRICKY_SUMMARY);
  assert.equal(rows[1]?.year, '');
  assert.equal(rows[1]?.link, '');
});

test('CSV: cells that a spreadsheet would run as formulas are prefixed with a quote', () => {
  const { rows } = parseCsv(exportResources('csv', items, ctx('en')));
  assert.equal(rows[2]?.title, `'=HYPERLINK("http://evil.example")`);
  assert.equal(rows[2]?.summary, "'-2+3");
  // A multi-line cell too (papaparse's own escapeFormulae misses this one).
  assert.equal(rows[3]?.summary, "'=1+1\nmore");
});

test('CSV: Arabic locale picks Arabic titles and labels, falls back where there is none', () => {
  const { rows } = parseCsv(exportResources('csv', items, ctx('ar')));
  assert.equal(rows[0]?.title, 'سلامة الأطفال على الإنترنت');
  assert.equal(rows[0]?.topics, 'الإساءة عبر الإنترنت; Legislation');
  assert.equal(rows[0]?.countries, 'مصر');
  assert.equal(rows[0]?.url, `${BASE}/ar/library/1-online-safety`);
  assert.equal(rows[1]?.title, TRICKY_TITLE);
  assert.equal(rows[3]?.title, 'Типовой закон');
});

test('JSON: all locales of the texts, labelled facets in the reader locale', () => {
  const parsed = JSON.parse(exportResources('json', items, ctx('ar'))) as { items: Record<string, unknown>[] };
  assert.equal(parsed.items.length, 4);
  const [a, b] = parsed.items;
  assert.deepEqual(a?.title, items[0]!.title);
  assert.deepEqual(a?.publishers, [{ slug: 'icmec', name: 'ICMEC' }, { slug: 'save-the-children', name: 'Save the Children' }]);
  assert.deepEqual(a?.countries, [{ code: 'EG', name: 'مصر' }]);
  assert.deepEqual(a?.regions, [{ code: 'mena', name: 'الشرق الأوسط وشمال أفريقيا' }]);
  assert.equal(a?.url, `${BASE}/ar/library/1-online-safety`);
  assert.equal(a?.updated_at, items[0]!.updated_at);
  assert.deepEqual(b?.summary, { en: TRICKY_SUMMARY });
  assert.equal(b?.year, null);
  assert.equal(b?.link, null);
});

test('RIS: CRLF lines, parsed back by citation-js', () => {
  const ris = exportResources('ris', items, ctx('en'));
  assert.doesNotMatch(ris, /[^\r]\n/, 'every line ends with CRLF');
  assert.equal(ris.match(/^ER {2}- $/gm)?.length, 4);
  const data = cite(ris);
  assert.equal(data.length, 4);
  const [a, b, c, d] = data;
  assert.equal(a?.title, 'Child online safety');
  assert.equal(a?.type, 'report');
  assert.equal(year(a), 2021);
  assert.deepEqual(authorNames(a), ['ICMEC', 'Save the Children']);
  assert.equal(a?.publisher, 'ICMEC');
  assert.equal(a?.URL, 'https://example.org/online-safety.pdf');
  assert.equal(b?.title, TRICKY_TITLE);
  assert.equal(b?.type, 'article-journal');
  assert.equal(year(b), undefined);
  assert.equal(b?.abstract, TRICKY_SUMMARY_ONE_LINE);
  assert.equal(b?.URL, `${BASE}/en/library/2-tricky`);
  assert.equal(c?.type, 'book');
  assert.equal(d?.title, 'Типовой закон');
  assert.deepEqual(authorNames(d), []);
});

test('RIS: a line break in the data cannot forge a new record', () => {
  const forged = buildResource({ summary: { en: 'Intro\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Forged' } });
  const data = cite(exportResources('ris', [forged], ctx('en')));
  assert.equal(data.length, 1);
  assert.equal(data[0]?.title, 'Child online safety');
});

test('RIS: Arabic locale gives the Arabic title', () => {
  const [a] = cite(exportResources('ris', items.slice(0, 1), ctx('ar')));
  assert.equal(a?.title, 'سلامة الأطفال على الإنترنت');
  assert.equal(a?.keyword, 'الإساءة عبر الإنترنت,Legislation,مصر');
});

test('BibTeX: entry types, unique keys, escaped specials parsed back by citation-js', () => {
  const bib = exportResources('bib', items, ctx('en'));
  assert.deepEqual([...bib.matchAll(/^@(\w+)\{([^,]+),$/gm)].map((m) => `${m[1]}:${m[2]}`), [
    'techreport:online-safety', 'article:tricky', 'book:online-safety-2', 'misc:model-law',
  ]);
  assert.match(bib, /author = \{\{ICMEC\} and \{Save the Children\}\}/);
  const [a, b, c, d] = cite(bib);
  assert.equal(a?.title, 'Child online safety');
  assert.equal(year(a), 2021);
  assert.deepEqual(authorNames(a), ['ICMEC', 'Save the Children']);
  assert.equal(a?.type, 'report');
  assert.equal(b?.title, TRICKY_TITLE);
  assert.equal(b?.abstract, TRICKY_SUMMARY_ONE_LINE);
  assert.equal(year(b), undefined);
  assert.deepEqual(authorNames(b), ['UNICEF']);
  assert.equal(c?.title, '=HYPERLINK("http://evil.example")');
  assert.equal(c?.type, 'book');
  assert.equal(d?.title, 'Типовой закон');
  assert.equal(year(d), 2016);
});

test('BibTeX: Arabic locale gives the Arabic title', () => {
  const [a] = cite(exportResources('bib', items.slice(0, 1), ctx('ar')));
  assert.equal(a?.title, 'سلامة الأطفال على الإنترنت');
});

test('CSL-JSON: valid items citation-js accepts, issued only with a year', () => {
  const json = exportResources('csl.json', items, ctx('en'));
  const raw = JSON.parse(json) as CslItem[];
  assert.deepEqual(raw.map((i) => i.type), ['report', 'article-journal', 'book', 'legislation']);
  assert.deepEqual(raw.map((i) => i.id), ['online-safety', 'tricky', 'online-safety-2', 'model-law']);
  assert.equal('issued' in raw[1]!, false);
  const [a, b, , d] = cite(raw);
  assert.equal(a?.title, 'Child online safety');
  assert.deepEqual(a?.author, [{ literal: 'ICMEC' }, { literal: 'Save the Children' }]);
  assert.equal(year(a), 2021);
  assert.equal(b?.title, TRICKY_TITLE);
  assert.equal(b?.abstract, TRICKY_SUMMARY);
  assert.equal(d?.language, 'ru');
  assert.equal(d?.author, undefined);
});

const atomParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name),
});
type AtomText = { '#text': string; '@type': string; '@xml:lang'?: string };
type AtomEntry = {
  id: string; title: AtomText; summary?: AtomText; updated: string; published?: string;
  link: { '@rel': string; '@href': string }[]; author?: { name: string }[]; category?: { '@term': string; '@label': string }[];
};

test('Atom: valid XML, one entry per item, text escaped and not markup', () => {
  const xml = atomFeed(items, {
    ctx: ctx('ar'),
    title: 'Library & "news" <new>',
    selfUrl: `${BASE}/api/v1/resources/feed.atom?q=a&lang=ar`,
    alternateUrl: `${BASE}/ar/library?q=a`,
    id: `${BASE}/api/v1/resources/feed.atom?q=a`,
  });
  assert.equal(XMLValidator.validate(xml), true);
  assert.doesNotMatch(xml, /<script>/);
  const feed = (atomParser.parse(xml) as { feed: Record<string, unknown> & { entry: AtomEntry[] } }).feed;
  assert.equal(feed['@xml:lang'], 'ar');
  assert.deepEqual(feed.title, { '#text': 'Library & "news" <new>', '@type': 'text' });
  assert.deepEqual((feed.link as { '@href': string }[]).map((l) => l['@href']), [`${BASE}/api/v1/resources/feed.atom?q=a&lang=ar`, `${BASE}/ar/library?q=a`]);
  assert.equal(feed.updated, '2024-03-01T10:00:00.123Z');
  const entries = feed.entry;
  assert.equal(entries.length, 4);
  assert.deepEqual(entries.map((e) => e.title['#text']), ['سلامة الأطفال على الإنترنت', TRICKY_TITLE, '=HYPERLINK("http://evil.example")', 'Типовой закон']);
  // A title in another language than the feed says which.
  assert.equal(entries[0]?.title['@xml:lang'], undefined);
  assert.equal(entries[1]?.title['@xml:lang'], 'en');
  assert.equal(entries[1]?.summary?.['#text'], TRICKY_SUMMARY);
  const first = entries[0]!;
  assert.equal(first.id, `${BASE}/ar/library/1-online-safety`);
  assert.equal(first.published, '2024-01-02T10:00:00.000Z');
  assert.deepEqual(first.author?.map((a) => a.name), ['ICMEC', 'Save the Children']);
  assert.deepEqual(first.category?.map((c) => [c['@term'], c['@label']]), [['online-abuse', 'الإساءة عبر الإنترنت'], ['legislation', 'Legislation']]);
  assert.deepEqual(first.link.map((l) => [l['@rel'], l['@href']]), [['alternate', first.id], ['related', 'https://example.org/online-safety.pdf']]);
  assert.equal(entries[3]?.published, undefined);
});

test('Atom: an empty feed is still valid', () => {
  const xml = atomFeed([], { ctx: ctx('en'), title: 'Empty', selfUrl: `${BASE}/f`, alternateUrl: `${BASE}/l`, id: `${BASE}/f` });
  assert.equal(XMLValidator.validate(xml), true);
  assert.doesNotMatch(xml, /<entry>/);
  assert.match(xml, /<updated>\d{4}-\d\d-\d\dT[^<]+Z<\/updated>/);
});
