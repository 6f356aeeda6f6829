// Akoma Ntoso 3.0 (OASIS LegalDocML), the XML standard for legislation: one document per language
// expression. Export writes an <act> with chapters, articles and numbered paragraphs; our stable
// keys travel in each element's GUID attribute, so an import keeps them. fast-xml-parser builds and
// parses (it escapes text and attributes on the way out).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Locale } from '../../i18n/locales.ts';
import { ModelLawDocumentSchema, type ModelLawDocument } from './format.ts';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** ISO 639-2 codes, which Akoma Ntoso's FRBRlanguage uses. */
const LANGUAGE_CODES: Record<Locale, string> = { ar: 'ara', en: 'eng', es: 'spa', fa: 'fas', ru: 'rus' };

type Localized = Partial<Record<Locale, string>>;

export function toAkomaNtoso(doc: ModelLawDocument, locale: Locale): string {
  const text = (t: Localized | undefined) => t?.[locale] ?? t?.[doc.sourceLocale] ?? '';
  const lang = LANGUAGE_CODES[locale];
  const work = `/akn/un/act/model-law/${doc.slug}`;
  const date = `${doc.edition.year}-01-01`;
  let articleNo = 0;
  let chapterNo = 0;
  const chapter = (c: NonNullable<ModelLawDocument['chapters']>[number]) => {
    chapterNo++;
    return {
      '@_eId': `chp_${chapterNo}`,
      '@_GUID': c.key,
      num: String(chapterNo),
      heading: text(c.heading),
      article: c.articles.map((a) => {
        articleNo++;
        const eId = `art_${articleNo}`;
        return {
          '@_eId': eId,
          '@_GUID': a.key,
          num: String(articleNo),
          heading: text(a.heading),
          paragraph: a.paragraphs.map((p, i) => ({
            '@_eId': `${eId}__para_${i + 1}`,
            num: `${i + 1}.`,
            content: { p: text(p) },
          })),
        };
      }),
    };
  };
  const body = doc.parts
    ? { part: doc.parts.map((p, i) => ({ '@_eId': `part_${i + 1}`, '@_GUID': p.key, num: String(i + 1), heading: text(p.heading), chapter: p.chapters.map(chapter) })) }
    : { chapter: (doc.chapters ?? []).map(chapter) };
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    akomaNtoso: {
      '@_xmlns': AKN_NAMESPACE,
      act: {
        '@_name': doc.slug,
        meta: {
          identification: {
            '@_source': '#atlas',
            FRBRWork: {
              FRBRthis: { '@_value': `${work}/!main` },
              FRBRuri: { '@_value': work },
              FRBRdate: { '@_date': date, '@_name': 'edition' },
              FRBRauthor: { '@_href': '#atlas' },
              FRBRcountry: { '@_value': 'un' },
            },
            FRBRExpression: {
              FRBRthis: { '@_value': `${work}/${lang}@${doc.edition.label}/!main` },
              FRBRuri: { '@_value': `${work}/${lang}@${doc.edition.label}` },
              FRBRdate: { '@_date': date, '@_name': 'edition' },
              FRBRauthor: { '@_href': '#atlas' },
              FRBRlanguage: { '@_language': lang },
            },
            FRBRManifestation: {
              FRBRthis: { '@_value': `${work}/${lang}@${doc.edition.label}/!main.xml` },
              FRBRuri: { '@_value': `${work}/${lang}@${doc.edition.label}.akn` },
              FRBRdate: { '@_date': date, '@_name': 'export' },
              FRBRauthor: { '@_href': '#atlas' },
            },
          },
          references: { '@_source': '#atlas', TLCOrganization: { '@_eId': 'atlas', '@_href': '/ontology/organization/atlas', '@_showAs': 'Child Protection Atlas' } },
        },
        preface: { p: { docTitle: text(doc.title) } },
        body,
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(tree) as string;
}

export class AkomaNtosoError extends Error {}

type XmlNode = Record<string, unknown>;

const asArray = (v: unknown): XmlNode[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as XmlNode[];

/** Text of an element that may hold inline markup (<b>, <i>, <ref>…): its text nodes, in order. */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(textOf).join(' ');
  return Object.entries(v as XmlNode)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, child]) => textOf(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function keyOf(node: XmlNode, fallback: string): string {
  const guid = String(node['@_GUID'] ?? '');
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(guid) ? guid : fallback;
}

/**
 * Reads one language expression of an act back into a document. The language comes from
 * FRBRlanguage (or `locale`); sources are not part of Akoma Ntoso here and come back empty.
 */
export function fromAkomaNtoso(xml: string, opts: { slug?: string; label?: string; year?: number; locale?: Locale } = {}): ModelLawDocument {
  let parsed: XmlNode;
  try {
    parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, isArray: (name) => ['part', 'chapter', 'article', 'paragraph', 'p'].includes(name) }).parse(xml, true) as XmlNode;
  } catch (error) {
    throw new AkomaNtosoError(`not well-formed XML: ${(error as Error).message}`);
  }
  const root = parsed.akomaNtoso as XmlNode | undefined;
  const act = root?.act as XmlNode | undefined;
  if (!act) throw new AkomaNtosoError('no <akomaNtoso><act> element: this is not an Akoma Ntoso act');
  const language = String(((((act.meta as XmlNode)?.identification as XmlNode)?.FRBRExpression as XmlNode)?.FRBRlanguage as XmlNode)?.['@_language'] ?? '');
  const locale = opts.locale ?? (Object.entries(LANGUAGE_CODES).find(([, code]) => code === language)?.[0] as Locale | undefined);
  if (!locale) throw new AkomaNtosoError(`the language "${language || 'none'}" is not one of the Atlas languages (ara, eng, fas, rus, spa)`);
  const body = act.body as XmlNode | undefined;
  if (!body) throw new AkomaNtosoError('the act has no <body>');
  const t = (v: unknown) => ({ [locale]: textOf(v) }) as Localized;
  let articleNo = 0;
  const chapter = (c: XmlNode, i: number) => ({
    key: keyOf(c, `chapter-${i + 1}`),
    heading: t(c.heading ?? c.num ?? `${i + 1}`),
    articles: asArray(c.article).map((a) => {
      articleNo++;
      const paragraphs = asArray(a.paragraph).map((p) => t((p.content as XmlNode | undefined)?.p ?? p.content ?? p));
      return {
        key: keyOf(a, `article-${articleNo}`),
        heading: t(a.heading ?? a.num ?? `${articleNo}`),
        paragraphs: paragraphs.length ? paragraphs : [t((a.content as XmlNode | undefined)?.p ?? a.content)],
        sources: [],
      };
    }),
  });
  const parts = asArray(body.part);
  const candidate = {
    format: 'atlas-model-law/1',
    slug: opts.slug ?? String(act['@_name'] ?? 'imported-law'),
    sample: false,
    sourceLocale: locale,
    title: t(((act.preface as XmlNode | undefined)?.p as XmlNode[] | undefined)?.[0]?.docTitle ?? act['@_name'] ?? 'Imported law'),
    edition: { label: opts.label ?? String(new Date().getFullYear()), year: opts.year ?? new Date().getFullYear() },
    ...(parts.length
      ? { parts: parts.map((p, i) => ({ key: keyOf(p, `part-${i + 1}`), heading: t(p.heading ?? p.num), chapters: asArray(p.chapter).map(chapter) })) }
      : { chapters: asArray(body.chapter).map(chapter) }),
  };
  const result = ModelLawDocumentSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new AkomaNtosoError(`the act does not have the expected structure at ${issue.path.join('.') || 'the top'}: ${issue.message}`);
  }
  return result.data;
}
