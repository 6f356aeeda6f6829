// What each review table holds, built once and shared by its page and its CSV/JSON exports, so
// that a download always says exactly what the page says. Scores come from the store's
// scoreEdition only.
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../i18n/locales.ts';
import { safeHref } from '../../web/html.ts';
import { countryName } from '../taxonomy/country-names.ts';
import type { LawNode } from '../model-law/store.ts';
import { shownText } from '../model-law/text.ts';
import { citedLaws, getRecommendations, newestModelLaw, type RegionInfo } from './queries.ts';
import type { Sort, Weights } from './params.ts';
import type { AssessmentStatus } from './scores.ts';
import { listAssessments, scoreEdition, type Assessment, type Criterion, type Framework, type ReviewEdition, type ScoredCountry } from './store.ts';
import type { Localized } from '../../i18n/locales.ts';

export type ScorecardRow = ScoredCountry & { name: string };

const collator = (locale: Locale) => new Intl.Collator(locale);

/** The scorecard: every country of the edition (or of one region), sorted as asked, and the set of all countries with a score. */
export async function loadScorecard(
  db: Db,
  framework: Framework,
  edition: ReviewEdition,
  opts: { locale: Locale; sort: Sort; region?: RegionInfo; weights?: Weights },
): Promise<{ rows: ScorecardRow[]; countries: Set<string> }> {
  const scored = await scoreEdition(db, framework, edition, opts.weights?.values);
  const members = opts.region ? new Set(opts.region.members) : undefined;
  const rows = scored.filter((s) => !members || members.has(s.country)).map((s) => ({ ...s, name: countryName(s.country, opts.locale) }));
  return { rows: sortRows(rows, opts.sort, opts.locale), countries: new Set(scored.filter((s) => s.score !== null).map((s) => s.country)) };
}

function sortRows(rows: ScorecardRow[], sort: Sort, locale: Locale): ScorecardRow[] {
  const byName = collator(locale);
  const byRank = (a: ScorecardRow, b: ScorecardRow) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName.compare(a.name, b.name);
  if (sort === 'name') return [...rows].sort((a, b) => byName.compare(a.name, b.name));
  if (sort === 'score') return [...rows].sort(byRank);
  // By change: the biggest gains first, down to the biggest losses; then countries new in this
  // edition, then those with nothing to compare.
  const delta = (r: ScorecardRow) => (r.score !== null && typeof r.previous === 'number' ? r.score - r.previous : undefined);
  const group = (r: ScorecardRow) => (delta(r) !== undefined ? 0 : r.change === 'new' ? 1 : 2);
  return [...rows].sort((a, b) => group(a) - group(b) || (delta(b) ?? 0) - (delta(a) ?? 0) || byRank(a, b));
}

export type StatusCounts = { met: number; partly: number; notMet: number; notAssessed: number };

const COUNT_FIELD: Record<AssessmentStatus, keyof StatusCounts> = { met: 'met', partly: 'partly', not_met: 'notMet', not_assessed: 'notAssessed' };

export type RegionalReview = {
  rows: { country: string; name: string; score: number | null; rank: number | null; statuses: AssessmentStatus[] }[];
  summary: (StatusCounts & { criterion: Criterion })[];
  average: number | null;
  assessed: number;
  recommendations: Localized | undefined;
};

function statusIndex(assessments: Assessment[]): Map<string, Map<string, Assessment>> {
  const index = new Map<string, Map<string, Assessment>>();
  for (const a of assessments) {
    let byCriterion = index.get(a.country);
    if (!byCriterion) index.set(a.country, (byCriterion = new Map()));
    byCriterion.set(a.criterion, a);
  }
  return index;
}

/** Every member of the region against every criterion (no row means not assessed), and the region's totals. */
export async function loadRegionalReview(db: Db, framework: Framework, edition: ReviewEdition, region: RegionInfo, locale: Locale): Promise<RegionalReview> {
  const [assessments, scored, recommendations] = await Promise.all([
    listAssessments(db, edition.id),
    scoreEdition(db, framework, edition),
    getRecommendations(db, edition.id, region.code),
  ]);
  const index = statusIndex(assessments);
  const scores = new Map(scored.map((s) => [s.country, s]));
  const byName = collator(locale);
  const rows = region.members
    .map((country) => ({
      country,
      name: countryName(country, locale),
      score: scores.get(country)?.score ?? null,
      rank: scores.get(country)?.rank ?? null,
      statuses: framework.criteria.map((c) => index.get(country)?.get(c.key)?.status ?? 'not_assessed'),
    }))
    .sort((a, b) => byName.compare(a.name, b.name));
  const summary = framework.criteria.map((criterion, i) => {
    const counts: StatusCounts = { met: 0, partly: 0, notMet: 0, notAssessed: 0 };
    for (const row of rows) counts[COUNT_FIELD[row.statuses[i]!]]++;
    return { criterion, ...counts };
  });
  const assessedScores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  const average = assessedScores.length ? Math.round((assessedScores.reduce((a, b) => a + b, 0) / assessedScores.length) * 10) / 10 : null;
  return { rows, summary, average, assessed: assessedScores.length, recommendations };
}

export type Citation =
  | { kind: 'law'; law: string; title: string; year: number | null; provision: string; link: string | undefined }
  | { kind: 'citation'; text: string; link: string | undefined };

export type ArticleRef = { key: string; number: string; heading: string; lang: Locale; path: string };

export type Neighbour = { country: string; name: string; region: string; citations: Citation[] };

export type GapRow = { criterion: Criterion; status: AssessmentStatus; article: ArticleRef | undefined; neighbours: Neighbour[] };

export type GapAnalysis = {
  score: ScoredCountry | undefined;
  assessedCountries: number;
  regions: RegionInfo[];
  gaps: GapRow[];
  notAssessed: GapRow[];
  met: Criterion[];
  hasModelLaw: boolean;
};

/** The regions whose members a country is compared with: its M49 subregion, then its groupings. */
export function neighbourRegions(regions: RegionInfo[], country: string): RegionInfo[] {
  const rankKind = (r: RegionInfo) => (r.kind === 'subregion' ? 0 : 1);
  return regions
    .filter((r) => r.kind !== 'continent' && r.members.includes(country))
    .sort((a, b) => rankKind(a) - rankKind(b) || a.position - b.position);
}

function articleRef(node: LawNode | undefined, slug: string, locale: Locale, sourceLocale: Locale): ArticleRef | undefined {
  if (!node || node.kind !== 'article') return undefined;
  const shown = shownText(node, locale, sourceLocale);
  return { key: node.key, number: node.number, heading: shown?.text.heading ?? '', lang: shown?.lang ?? locale, path: `/${locale}/model-law/${slug}/articles/${node.key}` };
}

/** What a country lacks in an edition, what the model law proposes for it, and who nearby already has it. */
export async function loadGapAnalysis(
  db: Db,
  framework: Framework,
  edition: ReviewEdition,
  country: string,
  regions: RegionInfo[],
  locale: Locale,
): Promise<GapAnalysis> {
  const [assessments, scored, law] = await Promise.all([listAssessments(db, edition.id), scoreEdition(db, framework, edition), newestModelLaw(db)]);
  const index = statusIndex(assessments);
  const own = index.get(country);
  const near = neighbourRegions(regions, country);
  const lawKeys = new Set<string>();
  for (const a of assessments) for (const e of a.evidence) if ('nationalLaw' in e) lawKeys.add(e.nationalLaw);
  const laws = await citedLaws(db, [...lawKeys]);

  const cite = (a: Assessment): Citation[] =>
    a.evidence.map((e): Citation => {
      if ('nationalLaw' in e) {
        const found = laws.get(e.nationalLaw);
        const link = safeHref(found?.provisions[e.provision] ?? found?.link);
        return { kind: 'law', law: e.nationalLaw, title: found?.title ?? e.nationalLaw, year: found?.year ?? null, provision: e.provision, link };
      }
      return { kind: 'citation', text: e.citation, link: safeHref(e.link) };
    });

  const byName = collator(locale);
  const row = (criterion: Criterion, status: AssessmentStatus): GapRow => {
    const seen = new Set([country]);
    const neighbours: Neighbour[] = [];
    for (const region of near) {
      const found = region.members
        .filter((m) => !seen.has(m) && index.get(m)?.get(criterion.key)?.status === 'met')
        .map((m) => ({ country: m, name: countryName(m, locale), region: region.code, citations: cite(index.get(m)!.get(criterion.key)!) }))
        .sort((a, b) => byName.compare(a.name, b.name));
      for (const n of found) seen.add(n.country);
      neighbours.push(...found);
    }
    const node = law && criterion.modelLawArticle ? law.byKey.get(criterion.modelLawArticle) : undefined;
    return { criterion, status, article: law ? articleRef(node, law.edition.law.slug, locale, law.edition.law.sourceLocale) : undefined, neighbours };
  };

  const statusOf = (c: Criterion): AssessmentStatus => own?.get(c.key)?.status ?? 'not_assessed';
  return {
    score: scored.find((s) => s.country === country),
    assessedCountries: scored.filter((s) => s.score !== null).length,
    regions: near,
    gaps: framework.criteria.filter((c) => statusOf(c) === 'not_met' || statusOf(c) === 'partly').map((c) => row(c, statusOf(c))),
    notAssessed: framework.criteria.filter((c) => statusOf(c) === 'not_assessed').map((c) => row(c, 'not_assessed')),
    met: framework.criteria.filter((c) => statusOf(c) === 'met'),
    hasModelLaw: law !== undefined,
  };
}
