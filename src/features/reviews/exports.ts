// CSV and JSON of the review tables, built from the same data as the pages. Demonstration data
// is marked in both: JSON by `"demo": true` and a `notice` at the top level, CSV by a `demo`
// column on every row (a first line of prose would break every CSV reader's header).
import Papa from 'papaparse';
import { pickText, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import { csvCell } from '../library/exports.ts';
import type { RegionInfo } from './queries.ts';
import type { Citation, GapAnalysis, GapRow, RegionalReview, ScorecardRow } from './review-data.ts';
import type { Sort, Weights } from './params.ts';
import type { Framework, ReviewEdition } from './store.ts';

export type ExportContext = { locale: Locale; t: Translate; baseUrl: string };

const csv = (fields: string[], rows: (string | number | null | boolean)[][]) =>
  '\uFEFF' + Papa.unparse({ fields, data: rows.map((r) => r.map((v) => csvCell(v === null ? '' : String(v)))) }, { newline: '\r\n' });

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** What every JSON export starts with. */
function header(framework: Framework, edition: ReviewEdition, ctx: ExportContext) {
  return {
    framework: framework.key,
    frameworkName: pickText(framework.name, ctx.locale).text,
    edition: edition.label,
    year: edition.year,
    publishedAt: edition.publishedAt,
    demo: edition.demo,
    ...(edition.demo ? { notice: `${ctx.t('reviews.demoTitle')} ${ctx.t('reviews.demoNotice')}` } : {}),
    language: ctx.locale,
  };
}

// ---- Scorecard ----------------------------------------------------------------------------------

const SCORECARD_FIELDS = ['demo', 'edition', 'rank', 'country', 'country_name', 'score', 'met', 'partly', 'not_met', 'not_assessed', 'change', 'previous_score'];

export type ScorecardExport = { framework: Framework; edition: ReviewEdition; region: RegionInfo | undefined; sort: Sort; weights: Weights; rows: ScorecardRow[] };

export function scorecardCsv(x: ScorecardExport): string {
  return csv(
    SCORECARD_FIELDS,
    x.rows.map((r) => [x.edition.demo, x.edition.label, r.rank, r.country, r.name, r.score, r.met, r.partly, r.notMet, r.notAssessed, r.change, r.previous ?? null]),
  );
}

export function scorecardJson(x: ScorecardExport, ctx: ExportContext): string {
  return json({
    ...header(x.framework, x.edition, ctx),
    region: x.region?.code ?? null,
    sort: x.sort,
    weights: Object.fromEntries(x.framework.criteria.map((c) => [c.key, x.weights.values.get(c.key) ?? c.weight])),
    customWeights: x.weights.custom,
    rows: x.rows.map((r) => ({
      rank: r.rank,
      country: r.country,
      name: r.name,
      score: r.score,
      met: r.met,
      partly: r.partly,
      notMet: r.notMet,
      notAssessed: r.notAssessed,
      change: r.change,
      previousScore: r.previous ?? null,
    })),
  });
}

// ---- Regional review ----------------------------------------------------------------------------

export type RegionExport = { framework: Framework; edition: ReviewEdition; region: RegionInfo; review: RegionalReview };

/** One row per member country, one column per criterion (its status code). */
export function regionCsv(x: RegionExport): string {
  const keys = x.framework.criteria.map((c) => c.key);
  return csv(
    ['demo', 'edition', 'region', 'country', 'country_name', 'score', ...keys],
    x.review.rows.map((r) => [x.edition.demo, x.edition.label, x.region.code, r.country, r.name, r.score, ...r.statuses]),
  );
}

export function regionJson(x: RegionExport, ctx: ExportContext): string {
  const recommendations = pickText(x.review.recommendations, ctx.locale);
  return json({
    ...header(x.framework, x.edition, ctx),
    region: x.region.code,
    regionName: pickText(x.region.names, ctx.locale).text,
    criteria: x.framework.criteria.map((c) => ({ key: c.key, name: pickText(c.name, ctx.locale).text, weight: c.weight })),
    rows: x.review.rows.map((r) => ({
      country: r.country,
      name: r.name,
      score: r.score,
      statuses: Object.fromEntries(x.framework.criteria.map((c, i) => [c.key, r.statuses[i]])),
    })),
    summary: x.review.summary.map((s) => ({ criterion: s.criterion.key, met: s.met, partly: s.partly, notMet: s.notMet, notAssessed: s.notAssessed })),
    averageScore: x.review.average,
    assessedCountries: x.review.assessed,
    recommendations: recommendations.text ? { text: recommendations.text, language: recommendations.lang } : null,
  });
}

// ---- Gap analysis -------------------------------------------------------------------------------

export type GapsExport = { framework: Framework; edition: ReviewEdition; country: string; countryName: string; analysis: GapAnalysis };

const citationText = (c: Citation) => (c.kind === 'law' ? `${c.title}${c.year ? ` (${c.year})` : ''}, ${c.provision}` : c.text);

function gapRows(a: GapAnalysis): GapRow[] {
  return [...a.gaps, ...a.notAssessed];
}

/** One row per criterion not met, partly met or not assessed; neighbours and their citations joined in one cell each. */
export function gapsCsv(x: GapsExport, ctx: ExportContext): string {
  return csv(
    ['demo', 'edition', 'country', 'criterion', 'criterion_name', 'status', 'model_law_article', 'model_law_heading', 'model_law_url', 'neighbours', 'evidence'],
    gapRows(x.analysis).map((g) => [
      x.edition.demo,
      x.edition.label,
      x.country,
      g.criterion.key,
      pickText(g.criterion.name, ctx.locale).text,
      g.status,
      g.article?.number ?? null,
      g.article?.heading ?? null,
      g.article ? ctx.baseUrl + g.article.path : null,
      g.neighbours.map((n) => n.country).join('; '),
      g.neighbours.map((n) => `${n.country}: ${n.citations.map(citationText).join(' | ')}`).join('; '),
    ]),
  );
}

export function gapsJson(x: GapsExport, ctx: ExportContext): string {
  return json({
    ...header(x.framework, x.edition, ctx),
    country: x.country,
    countryName: x.countryName,
    score: x.analysis.score?.score ?? null,
    rank: x.analysis.score?.rank ?? null,
    regions: x.analysis.regions.map((r) => r.code),
    met: x.analysis.met.map((c) => c.key),
    rows: gapRows(x.analysis).map((g) => ({
      criterion: g.criterion.key,
      name: pickText(g.criterion.name, ctx.locale).text,
      status: g.status,
      modelLawArticle: g.article ? { key: g.article.key, number: g.article.number, heading: g.article.heading, url: ctx.baseUrl + g.article.path } : null,
      neighbours: g.neighbours.map((n) => ({
        country: n.country,
        name: n.name,
        region: n.region,
        evidence: n.citations.map((c) =>
          c.kind === 'law'
            ? { nationalLaw: c.law, title: c.title, year: c.year, provision: c.provision, link: c.link ?? null }
            : { citation: c.text, link: c.link ?? null },
        ),
      })),
    })),
  });
}
