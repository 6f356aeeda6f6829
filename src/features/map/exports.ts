// The map's table as CSV and JSON: the same rows, labels and classes as the page. Demonstration
// editions are marked as in the other review exports: a `demo` column on every CSV row, and
// `"demo": true` with a `notice` at the top of the JSON.
import { pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { csvBody, jsonBody, type ExportFormat } from '../countries/downloads.ts';
import type { MapRow } from './map-data.ts';
import type { MapChoice } from './map-page.tsx';

export function mapExport(format: ExportFormat, ctx: PageContext, choice: MapChoice & { edition: NonNullable<MapChoice['edition']> }, rows: MapRow[]): string {
  const { framework, edition, criterion } = choice;
  const by = criterion?.key ?? 'score';
  if (format === 'csv') {
    return csvBody(
      ['demo', 'framework', 'edition', 'by', 'country', 'country_name', 'value', 'class'],
      rows.map((r) => [edition.demo, framework.key, edition.label, by, r.code, r.name, r.value.label, r.value.cls]),
    );
  }
  return jsonBody({
    framework: framework.key,
    frameworkName: pickText(framework.name, ctx.locale).text,
    edition: edition.label,
    year: edition.year,
    publishedAt: edition.publishedAt,
    demo: edition.demo,
    ...(edition.demo ? { notice: ctx.t('map.demoNotice') } : {}),
    language: ctx.locale,
    by,
    criterionName: criterion ? pickText(criterion.name, ctx.locale).text : null,
    rows: rows.map((r) => ({ country: r.code, name: r.name, value: r.value.label, class: r.value.cls })),
  });
}
