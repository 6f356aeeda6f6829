// CSV and JSON of the country tables, built from the same data as the pages. Demonstration data is
// marked as in the reviews' exports: JSON by `"demo": true` and a `notice` at the top level, CSV by
// a `demo` column on every row (true when that row rests on a demonstration edition).
import { pickText, type Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import type { Evidence, ReviewEdition } from '../reviews/store.ts';
import { editionName, localName } from './components.tsx';
import type { Comparison } from './compare-page.tsx';
import type { CountryAssessment, Grouping, NationalLaw, Standing } from './data.ts';
import { subRegionsOf } from './data.ts';
import { csvBody, jsonBody, type ExportFormat } from './downloads.ts';
import { publishedOnly } from './index-page.tsx';

type Published = Standing & { edition: ReviewEdition };

/** What every JSON export starts with: the language, and the demo flag with its notice when any edition used is one. */
function header(ctx: PageContext, standings: Standing[]) {
  const demo = standings.filter((s): s is Published => !!s.edition?.demo);
  return {
    language: ctx.locale,
    demo: demo.length > 0,
    ...(demo.length > 0
      ? { notice: `${ctx.t('countries.demo.title')} ${ctx.t('countries.demo.text', { editions: demo.map((s) => editionName(ctx, s)).join('; ') })}` }
      : {}),
  };
}

const frameworkInfo = (ctx: PageContext, s: Published) => ({
  key: s.framework.key,
  name: localName(ctx, s.framework.name, s.framework.key),
  edition: s.edition.label,
  year: s.edition.year,
  demo: s.edition.demo,
});

// ---- Index --------------------------------------------------------------------------------------

export type IndexExport = { countries: Map<string, Localized>; groupings: Grouping[]; standings: Standing[] };

/** Every country in the page's order (continent, sub-region, name), with where it lies. */
function indexRows(ctx: PageContext, x: IndexExport) {
  const name = (code: string) => localName(ctx, x.countries.get(code), code);
  const byName = (a: string, b: string) => name(a).localeCompare(name(b), ctx.locale);
  const rows: { code: string; name: string; continent: string | null; subregion: string | null }[] = [];
  const seen = new Set<string>();
  const add = (codes: string[], continent: string | null, subregion: string | null) => {
    for (const code of [...codes].sort(byName)) {
      if (seen.has(code) || !x.countries.has(code)) continue;
      seen.add(code);
      rows.push({ code, name: name(code), continent, subregion });
    }
  };
  for (const continent of x.groupings.filter((g) => g.kind === 'continent')) {
    for (const sub of subRegionsOf(x.groupings, continent)) add(sub.members, continent.code, sub.code);
    add(continent.members, continent.code, null);
  }
  add([...x.countries.keys()], null, null);
  return rows;
}

export function indexExport(format: ExportFormat, ctx: PageContext, x: IndexExport): string {
  const published = publishedOnly(x.standings);
  const rows = indexRows(ctx, x);
  const score = (s: Published, code: string) => s.scores.get(code)?.score ?? null;
  if (format === 'csv') {
    const demo = published.some((s) => s.edition.demo);
    return csvBody(
      ['demo', 'country', 'country_name', 'continent', 'subregion', ...published.map((s) => `${s.framework.key} ${s.edition.label}`)],
      rows.map((r) => [demo, r.code, r.name, r.continent, r.subregion, ...published.map((s) => score(s, r.code))]),
    );
  }
  return jsonBody({
    ...header(ctx, x.standings),
    frameworks: published.map((s) => frameworkInfo(ctx, s)),
    unpublished: x.standings.filter((s) => !s.edition).map((s) => s.framework.key),
    rows: rows.map((r) => ({ ...r, scores: Object.fromEntries(published.map((s) => [s.framework.key, score(s, r.code)])) })),
  });
}

// ---- Comparison ---------------------------------------------------------------------------------

export function compareExport(format: ExportFormat, ctx: PageContext, x: Comparison & { names: Map<string, Localized> }): string {
  const published = publishedOnly(x.standings) as (Comparison['standings'][number] & { edition: ReviewEdition })[];
  const status = (s: (typeof published)[number], code: string, criterion: string) => s.byCountry.get(code)?.get(criterion)?.status ?? 'not_assessed';
  const ratification = (code: string, instrument: string) => x.ratifications.find((r) => r.country === code && r.instrumentKey === instrument);
  if (format === 'csv') {
    const rows = published.flatMap((s) => {
      const lead = (row: string, key: string, name: string) => [s.edition.demo, row, s.framework.key, s.edition.label, key, name];
      return [
        ...s.framework.criteria.map((c) => [...lead('criterion', c.key, localName(ctx, c.name, c.key)), ...x.codes.map((code) => status(s, code, c.key))]),
        [...lead('score', '', ctx.t('countries.score')), ...x.codes.map((code) => s.scores.get(code)?.score ?? null)],
        [...lead('rank', '', ctx.t('countries.rank')), ...x.codes.map((code) => s.scores.get(code)?.rank ?? null)],
      ];
    });
    for (const i of x.instruments) {
      rows.push([
        false,
        'ratification',
        '',
        '',
        i.key,
        localName(ctx, i.shortName, i.key),
        ...x.codes.map((code) => {
          const r = ratification(code, i.key);
          return r ? [r.action, r.boundOn ?? r.signedOn].filter(Boolean).join(' ') : null;
        }),
      ]);
    }
    return csvBody(['demo', 'row', 'framework', 'edition', 'key', 'name', ...x.codes], rows);
  }
  return jsonBody({
    ...header(ctx, x.standings),
    countries: x.codes.map((code) => ({ code, name: localName(ctx, x.names.get(code), code) })),
    frameworks: x.standings.map((s) =>
      s.edition
        ? {
            ...frameworkInfo(ctx, s as Published),
            criteria: s.framework.criteria.map((c) => ({
              key: c.key,
              name: localName(ctx, c.name, c.key),
              statuses: Object.fromEntries(x.codes.map((code) => [code, status(s as (typeof published)[number], code, c.key)])),
            })),
            scores: Object.fromEntries(x.codes.map((code) => [code, s.scores.get(code)?.score ?? null])),
            ranks: Object.fromEntries(x.codes.map((code) => [code, s.scores.get(code)?.rank ?? null])),
          }
        : { key: s.framework.key, name: localName(ctx, s.framework.name, s.framework.key), edition: null },
    ),
    ratifications: x.instruments.map((i) => ({
      instrument: i.key,
      name: localName(ctx, i.shortName, i.key),
      countries: Object.fromEntries(
        x.codes.map((code) => {
          const r = ratification(code, i.key);
          return [code, r ? { action: r.action, signedOn: r.signedOn, boundOn: r.boundOn } : null];
        }),
      ),
    })),
  });
}

// ---- A country's assessments --------------------------------------------------------------------

/** Evidence as plain text: a national provision resolves to its law's title, as on the page. */
export function evidenceText(evidence: Evidence[], laws: Map<string, NationalLaw>): string {
  return evidence
    .map((e) => {
      if (!('nationalLaw' in e)) return e.link ? `${e.citation} <${e.link}>` : e.citation;
      const law = laws.get(e.nationalLaw);
      return law ? `${law.title} (${law.year}), ${e.provision}` : `${e.nationalLaw}, ${e.provision}`;
    })
    .join('; ');
}

/** The frameworks whose newest published edition assessed the country (the page shows no table for the others). */
export function assessmentsExport(format: ExportFormat, ctx: PageContext, code: string, countryName: string, all: CountryAssessment[]): string {
  const shown = all.filter((a): a is CountryAssessment & { edition: ReviewEdition } => !!a.edition && a.assessments.size > 0);
  const rows = shown.flatMap((a) =>
    a.framework.criteria.map((criterion) => {
      const row = a.assessments.get(criterion.key);
      return {
        a,
        criterion: criterion.key,
        criterionName: localName(ctx, criterion.name, criterion.key),
        status: row?.status ?? 'not_assessed',
        evidence: row ? evidenceText(row.evidence, a.laws) : '',
        note: row ? pickText(row.note, ctx.locale).text : '',
      };
    }),
  );
  if (format === 'csv') {
    return csvBody(
      ['demo', 'country', 'framework', 'edition', 'criterion', 'criterion_name', 'status', 'evidence', 'note'],
      rows.map((r) => [r.a.edition.demo, code, r.a.framework.key, r.a.edition.label, r.criterion, r.criterionName, r.status, r.evidence, r.note]),
    );
  }
  return jsonBody({
    ...header(ctx, shown),
    country: code,
    countryName,
    frameworks: shown.map((a) => ({ ...frameworkInfo(ctx, a), score: a.scores.get(code)?.score ?? null, rank: a.scores.get(code)?.rank ?? null })),
    rows: rows.map((r) => ({
      framework: r.a.framework.key,
      edition: r.a.edition.label,
      criterion: r.criterion,
      name: r.criterionName,
      status: r.status,
      evidence: r.evidence,
      note: r.note || null,
    })),
  });
}
