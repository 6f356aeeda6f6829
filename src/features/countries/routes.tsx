// Public country and regional-grouping profiles, and country comparison.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import type { Db } from '../../db/connect.ts';
import { download, formatOf } from './downloads.ts';
import { assessmentsExport, compareExport, indexExport } from './exports.ts';
import { CountryIndexPage } from './index-page.tsx';
import { localName } from './components.tsx';
import { CountryProfilePage } from './profile-page.tsx';
import { RegionPage } from './region-page.tsx';
import { COMPARE_MAX, COMPARE_MIN, ComparePage, type Comparison } from './compare-page.tsx';
import {
  articlesCiting,
  assessmentsFor,
  assessmentsOfCountries,
  countryNames,
  listGroupings,
  listInstruments,
  nationalLawsOf,
  newestResources,
  newestStandings,
  parentOf,
  ratificationsOf,
  subRegionsOf,
} from './data.ts';

const PROFILE_RESOURCES = 5;

/** What the compare form asked for: codes (upper-cased, empty pickers dropped, each once) or the problem. */
export function readCompareQuery(values: string[], known: ReadonlySet<string>): { codes: string[]; error?: HttpError } {
  const codes = [...new Set(values.map((v) => v.trim().toUpperCase()).filter(Boolean))];
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) return { codes, error: new HttpError(400, 'countries.error.unknownCode', { name: 'c', code: unknown.slice(0, 12) }, 'c') };
  if (codes.length > 0 && (codes.length < COMPARE_MIN || codes.length > COMPARE_MAX)) {
    return { codes, error: new HttpError(400, 'countries.error.compareCount', { name: 'c', min: COMPARE_MIN, max: COMPARE_MAX, count: codes.length }, 'c') };
  }
  return { codes };
}

async function loadComparison(db: Db, codes: string[]): Promise<Comparison> {
  const [standings, instruments, ratifications] = await Promise.all([newestStandings(db), listInstruments(db), ratificationsOf(db, codes)]);
  return {
    codes,
    instruments,
    ratifications,
    standings: await Promise.all(standings.map(async (s) => ({ ...s, byCountry: s.edition ? await assessmentsOfCountries(db, s.edition, codes) : new Map() }))),
  };
}

/** The country of a profile URL, or 404 as the page answers. */
function profileCode(asked: string, names: Map<string, unknown>): string {
  const code = asked.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !names.has(code)) throw new HttpError(404, 'countries.error.unknownCountry', { code: asked.slice(0, 12) });
  return code;
}

function errorText(c: Context<AppEnv>, error: HttpError): string {
  return c.var.ctx.t(error.messageKey, error.values);
}

export function countryPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/:file{countries\\.(csv|json)}', async (c) => {
    const { db, ctx } = c.var;
    const format = formatOf(c.req.param('file'));
    if (!format) throw notFound();
    const [countries, groupings, standings] = await Promise.all([countryNames(db), listGroupings(db), newestStandings(db)]);
    return download(c, format, indexExport(format, ctx, { countries, groupings, standings }), 'countries');
  });

  app.get('/:locale/countries', async (c) => {
    const { db, ctx } = c.var;
    const [countries, groupings, standings] = await Promise.all([countryNames(db), listGroupings(db), newestStandings(db)]);
    return c.html(<CountryIndexPage ctx={ctx} countries={countries} groupings={groupings} standings={standings} />);
  });

  // Before /:code, which would otherwise read "compare" as a country code.
  app.get('/:locale/countries/compare', async (c) => {
    const { db, ctx } = c.var;
    const names = await countryNames(db);
    const { codes, error } = readCompareQuery(c.req.queries('c') ?? [], new Set(names.keys()));
    if (error || codes.length === 0) {
      const page = <ComparePage ctx={ctx} names={names} chosen={codes.filter((code) => names.has(code))} error={error ? errorText(c, error) : undefined} />;
      return error ? c.html(page, error.status as 400) : c.html(page);
    }
    return c.html(<ComparePage ctx={ctx} names={names} chosen={codes} comparison={await loadComparison(db, codes)} />);
  });

  // The exports, all before /:code. An export needs countries to compare: none is the same 400 as too few.
  app.get('/:locale/countries/:file{compare\\.(csv|json)}', async (c) => {
    const { db, ctx } = c.var;
    const format = formatOf(c.req.param('file'))!;
    const names = await countryNames(db);
    const { codes, error } = readCompareQuery(c.req.queries('c') ?? [], new Set(names.keys()));
    if (error) throw error;
    if (codes.length === 0) throw new HttpError(400, 'countries.error.compareCount', { name: 'c', min: COMPARE_MIN, max: COMPARE_MAX, count: 0 }, 'c');
    const body = compareExport(format, ctx, { ...(await loadComparison(db, codes)), names });
    return download(c, format, body, `compare-${codes.join('-')}`);
  });

  app.get('/:locale/countries/:code/:file{assessments\\.(csv|json)}', async (c) => {
    const { db, ctx } = c.var;
    const format = formatOf(c.req.param('file'))!;
    const asked = c.req.param('code');
    const names = await countryNames(db);
    const code = profileCode(asked, names);
    if (asked !== code) return c.redirect(`/${ctx.locale}/countries/${code}/${c.req.param('file')}`, 301);
    const assessments = await assessmentsFor(db, await newestStandings(db), code);
    return download(c, format, assessmentsExport(format, ctx, code, localName(ctx, names.get(code), code), assessments), `${code}-assessments`);
  });

  app.get('/:locale/countries/:code', async (c) => {
    const { db, ctx } = c.var;
    const asked = c.req.param('code');
    const names = await countryNames(db);
    const code = profileCode(asked, names);
    const countryNamesOf = names.get(code)!;
    if (asked !== code) {
      const url = new URL(c.req.url);
      return c.redirect(`/${ctx.locale}/countries/${code}${url.search}`, 301);
    }
    const [groupings, instruments, ratifications, laws, standings, citing, resources, labels] = await Promise.all([
      listGroupings(db),
      listInstruments(db),
      ratificationsOf(db, [code]),
      nationalLawsOf(db, code),
      newestStandings(db),
      articlesCiting(db, code),
      newestResources(db, code, PROFILE_RESOURCES),
      c.var.labels(),
    ]);
    const profile = {
      code,
      names: countryNamesOf,
      groupings: groupings.filter((g) => g.members.includes(code)),
      instruments,
      ratifications,
      laws,
      resources: { ...resources, labels },
      assessments: await assessmentsFor(db, standings, code),
      citing,
    };
    return c.html(<CountryProfilePage ctx={ctx} profile={profile} />);
  });

  app.get('/:locale/regions/:code', async (c) => {
    const { db, ctx } = c.var;
    const groupings = await listGroupings(db);
    const region = groupings.find((g) => g.code === c.req.param('code'));
    if (!region) throw new HttpError(404, 'countries.error.unknownRegion', { code: c.req.param('code').slice(0, 40) });
    const [countries, standings] = await Promise.all([countryNames(db), newestStandings(db)]);
    return c.html(
      <RegionPage
        ctx={ctx}
        region={region}
        parent={parentOf(groupings, region)}
        subRegions={subRegionsOf(groupings, region)}
        countries={countries}
        standings={standings}
      />,
    );
  });

  return app;
}
