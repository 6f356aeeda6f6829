// Practices as CSV (one row each, texts in the reader's language) and JSON (every language).
import Papa from 'papaparse';
import { pickText } from '../../i18n/locales.ts';
import { csvCell, type ExportContext } from '../library/exports.ts';
import { facetLabel } from '../library/labels.ts';
import { actorLabel, practicePath } from './components.tsx';
import type { Practice } from './store.ts';

export const PRACTICE_EXPORTS = [
  { extension: 'csv', label: 'CSV', mediaType: 'text/csv; charset=utf-8' },
  { extension: 'json', label: 'JSON', mediaType: 'application/json; charset=utf-8' },
] as const;
export type PracticeExportFormat = (typeof PRACTICE_EXPORTS)[number]['extension'];

const CSV_FIELDS = ['slug', 'title', 'summary', 'actor', 'year_from', 'year_to', 'countries', 'regions', 'topics', 'description', 'outcomes', 'links', 'related_resources', 'url'];

/** One practice as the JSON of the API and the exports: every language, names in the reader's. */
export function practiceJson(p: Practice, ctx: ExportContext) {
  const label = (facet: 'topic' | 'country' | 'region', v: string) => facetLabel(ctx.labels, ctx.t, ctx.locale, facet, v);
  return {
    slug: p.slug,
    actor: { slug: p.actor, name: actorLabel(ctx.t, p.actor) },
    year_from: p.yearFrom,
    year_to: p.yearTo,
    title: p.title,
    summary: p.summary,
    description: p.description,
    outcomes: p.outcomes,
    topics: p.topics.map((slug) => ({ slug, name: label('topic', slug) })),
    countries: p.countries.map((code) => ({ code, name: label('country', code) })),
    regions: p.regions.map((code) => ({ code, name: label('region', code) })),
    links: p.links,
    related_resources: p.relatedResources,
    url: ctx.baseUrl + practicePath(ctx.locale, p),
    published_at: p.publishedAt,
    updated_at: p.updatedAt,
  };
}
export type PracticeJson = ReturnType<typeof practiceJson>;

function toCsv(items: Practice[], ctx: ExportContext): string {
  const names = (facet: 'topic' | 'country' | 'region', values: string[]) => values.map((v) => facetLabel(ctx.labels, ctx.t, ctx.locale, facet, v)).join('; ');
  const data = items.map((p) =>
    [
      p.slug,
      pickText(p.title, ctx.locale).text,
      pickText(p.summary, ctx.locale).text,
      actorLabel(ctx.t, p.actor),
      p.yearFrom === null ? '' : String(p.yearFrom),
      p.yearTo === null ? '' : String(p.yearTo),
      names('country', p.countries),
      names('region', p.regions),
      names('topic', p.topics),
      pickText(p.description, ctx.locale).text,
      pickText(p.outcomes, ctx.locale).text,
      p.links.map((l) => l.url).join(' '),
      p.relatedResources.join('; '),
      ctx.baseUrl + practicePath(ctx.locale, p),
    ].map(csvCell),
  );
  return Papa.unparse({ fields: CSV_FIELDS, data }, { newline: '\r\n' });
}

export function exportPractices(format: PracticeExportFormat, items: Practice[], ctx: ExportContext): string {
  if (format === 'csv') return toCsv(items, ctx);
  return JSON.stringify({ items: items.map((p) => practiceJson(p, ctx)) }, null, 2) + '\n';
}
