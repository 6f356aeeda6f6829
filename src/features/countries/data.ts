// What the country, grouping and comparison pages read: ratifications, national laws, the newest
// published edition of each framework with its scores, evidence sources and model-law citations.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Localized } from '../../i18n/locales.ts';
import { listPublishedLaws, loadEditionTree, type Edition, type LawNode, type ResolvedSource } from '../model-law/store.ts';
import { listAssessments, listFrameworks, listReviewEditions, scoreEdition, type Assessment, type Framework, type ReviewEdition, type ScoredCountry } from '../reviews/store.ts';
import { listRegions } from '../taxonomy/store.ts';
import type { Resource } from '../library/store.ts';

export type RatificationAction = 'signature' | 'ratification' | 'accession' | 'succession' | 'acceptance';

export type Instrument = { key: string; name: Localized; shortName: Localized; link: string; adopted: string };

export type Ratification = {
  country: string;
  instrumentKey: string;
  action: RatificationAction;
  signedOn: string | null;
  boundOn: string | null;
  reservations: Localized;
  sourceLink: string | null;
};

export async function listInstruments(db: Db): Promise<Instrument[]> {
  const result = await sql<Instrument>`SELECT key, name, short_name AS "shortName", link, to_char(adopted, 'YYYY-MM-DD') AS adopted
    FROM instruments ORDER BY position, key`.execute(db);
  return result.rows;
}

/** The recorded ratifications of some countries, in instrument order. */
export async function ratificationsOf(db: Db, countries: string[]): Promise<Ratification[]> {
  if (countries.length === 0) return [];
  const result = await sql<Ratification>`SELECT r.country, r.instrument_key AS "instrumentKey", r.action,
      to_char(r.signed_on, 'YYYY-MM-DD') AS "signedOn", to_char(r.bound_on, 'YYYY-MM-DD') AS "boundOn",
      r.reservations, r.source_link AS "sourceLink"
    FROM ratifications r JOIN instruments i ON i.key = r.instrument_key
    WHERE r.country = ANY(${countries}::text[]) ORDER BY i.position, i.key, r.country`.execute(db);
  return result.rows;
}

export type NationalProvision = { ref: string; summary: Localized; link: string | null };
export type NationalLaw = { key: string; country: string; title: string; year: number; link: string | null; provisions: NationalProvision[] };

const LAW_COLUMNS = sql`l.key, l.country, l.title, l.year, l.link,
  coalesce((SELECT json_agg(json_build_object('ref', p.ref, 'summary', p.summary, 'link', p.link) ORDER BY p.position, p.ref)
    FROM national_provisions p WHERE p.law_key = l.key), '[]') AS provisions`;

export async function nationalLawsOf(db: Db, country: string): Promise<NationalLaw[]> {
  const result = await sql<NationalLaw>`SELECT ${LAW_COLUMNS} FROM national_laws l WHERE l.country = ${country} ORDER BY l.year DESC, l.title`.execute(db);
  return result.rows;
}

/** The national laws that evidence citations name, by key (to show their titles and provisions). */
export async function lawsCitedBy(db: Db, assessments: Assessment[]): Promise<Map<string, NationalLaw>> {
  const keys = [...new Set(assessments.flatMap((a) => a.evidence.flatMap((e) => ('nationalLaw' in e ? [e.nationalLaw] : []))))];
  if (keys.length === 0) return new Map();
  const result = await sql<NationalLaw>`SELECT ${LAW_COLUMNS} FROM national_laws l WHERE l.key = ANY(${keys}::text[])`.execute(db);
  return new Map(result.rows.map((l) => [l.key, l]));
}

/** A framework with its newest published edition (if any) and that edition's scores by country. */
export type Standing = { framework: Framework; edition: ReviewEdition | undefined; scores: Map<string, ScoredCountry>; ranked: number };

export async function newestStandings(db: Db): Promise<Standing[]> {
  const frameworks = await listFrameworks(db);
  return Promise.all(
    frameworks.map(async (framework) => {
      const edition = (await listReviewEditions(db, framework.key))[0];
      const scored = edition ? await scoreEdition(db, framework, edition) : [];
      return { framework, edition, scores: new Map(scored.map((s) => [s.country, s])), ranked: scored.filter((s) => s.rank !== null).length };
    }),
  );
}

/** One country's assessments in a standing's edition, with the laws its evidence cites. */
export type CountryAssessment = Standing & { assessments: Map<string, Assessment>; laws: Map<string, NationalLaw> };

export async function assessmentsFor(db: Db, standings: Standing[], country: string): Promise<CountryAssessment[]> {
  return Promise.all(
    standings.map(async (s) => {
      const rows = s.edition ? await listAssessments(db, s.edition.id, country) : [];
      return { ...s, assessments: new Map(rows.map((a) => [a.criterion, a])), laws: await lawsCitedBy(db, rows) };
    }),
  );
}

/** Assessments of several countries in one edition: country → criterion → assessment. */
export async function assessmentsOfCountries(db: Db, edition: ReviewEdition, countries: string[]): Promise<Map<string, Map<string, Assessment>>> {
  const out = new Map(countries.map((c) => [c, new Map<string, Assessment>()]));
  for (const a of await listAssessments(db, edition.id)) out.get(a.country)?.set(a.criterion, a);
  return out;
}

export type NationalSource = Extract<ResolvedSource, { kind: 'national' }>;
export type CitingArticle = { edition: Edition; article: LawNode; sources: NationalSource[] };

/** Articles of the published model laws whose sources cite a national provision of the country. */
export async function articlesCiting(db: Db, country: string): Promise<CitingArticle[]> {
  const out: CitingArticle[] = [];
  for (const edition of await listPublishedLaws(db)) {
    const tree = await loadEditionTree(db, edition);
    for (const article of tree.articles) {
      const sources = article.sources.filter((s): s is NationalSource => s.kind === 'national' && s.country === country);
      if (sources.length > 0) out.push({ edition, article, sources });
    }
  }
  return out;
}

export type Grouping = { code: string; kind: 'continent' | 'subregion' | 'organisation'; names: Localized; members: string[] };

export async function listGroupings(db: Db): Promise<Grouping[]> {
  return (await listRegions(db)) as Grouping[];
}

/** The continent a sub-region lies in: the one holding all its members (the M49 nesting). */
export function parentOf(groupings: Grouping[], sub: Grouping): Grouping | undefined {
  if (sub.kind !== 'subregion') return undefined;
  return groupings.find((g) => g.kind === 'continent' && sub.members.every((m) => g.members.includes(m)));
}

/** The sub-regions of a grouping: continents hold M49 sub-regions; other groupings have none. */
export function subRegionsOf(groupings: Grouping[], region: Grouping): Grouping[] {
  if (region.kind !== 'continent') return [];
  return groupings.filter((g) => g.kind === 'subregion' && parentOf(groupings, g)?.code === region.code);
}

export async function countryNames(db: Db): Promise<Map<string, Localized>> {
  const result = await sql<{ code: string; names: Localized }>`SELECT code, names FROM countries`.execute(db);
  return new Map(result.rows.map((r) => [r.code, r.names]));
}

export async function isKnownCountry(db: Db, code: string): Promise<boolean> {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM countries WHERE code = ${code}`.execute(db);
  return result.rows[0]!.n > 0;
}

/** The newest published resources tagged with a country (the library's "newest" order) and how many there are. */
export async function newestResources(db: Db, country: string, limit: number): Promise<{ items: Resource[]; total: number }> {
  const result = await sql<Resource & { total: number }>`SELECT id::text AS id, slug, type, year, link, status, title, summary, topics,
      countries, regions, publishers, languages, to_json(created_at)#>>'{}' AS created_at, to_json(updated_at)#>>'{}' AS updated_at,
      to_json(published_at)#>>'{}' AS published_at, (count(*) OVER ())::int AS total
    FROM resources WHERE status = 'published' AND countries @> ARRAY[${country}::text]
    ORDER BY year DESC NULLS LAST, published_at DESC NULLS LAST, id DESC LIMIT ${limit}`.execute(db);
  const total = result.rows[0]?.total ?? 0;
  return { items: result.rows.map(({ total: _total, ...r }) => r), total };
}
