// Public pages of the legislative reviews: the frameworks, each framework's scorecard, regional
// reviews, a country's gap analysis, the weighted index, and a CSV/JSON export of every table.
// Only published editions are public; without one, pages say so instead of showing empty tables.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { countryName } from '../taxonomy/country-names.ts';
import { GapsPage } from './gaps-page.tsx';
import { gapsCsv, gapsJson, regionCsv, regionJson, scorecardCsv, scorecardJson, type ExportContext } from './exports.ts';
import { chooseEdition, countryCode, parseRegion, parseSort, parseWeights, previousEdition } from './params.ts';
import { countryExists, listRegionInfo, newestEditionSummaries } from './queries.ts';
import { RegionPage } from './region-page.tsx';
import { loadGapAnalysis, loadRegionalReview, loadScorecard } from './review-data.ts';
import { FrameworksPage, NoEditionPage, ScorecardPage } from './scorecard-page.tsx';
import { getFramework, listFrameworks } from './store.ts';
import { WeightedPage } from './weighted-page.tsx';

type C = Context<AppEnv>;

/** The framework of the URL and the edition asked for; 404 for an unknown framework or edition. */
async function frameworkAndEdition(c: C) {
  const framework = await getFramework(c.var.db, c.req.param('framework') ?? '');
  if (!framework) throw notFound();
  const { editions, edition } = await chooseEdition(c.var.db, framework, c.req.query('edition'));
  return { framework, editions, edition };
}

/** `name.csv` / `name.json` / `name` → the name and the export format, if any. */
function splitFormat(segment: string): { name: string; format: 'csv' | 'json' | undefined } {
  const match = /^(.+)\.(csv|json)$/.exec(segment);
  return match ? { name: match[1]!, format: match[2] as 'csv' | 'json' } : { name: segment, format: undefined };
}

function exportContext(c: C): ExportContext {
  return { locale: c.var.ctx.locale, t: c.var.ctx.t, baseUrl: c.var.config.publicUrl.replace(/\/$/, '') };
}

function download(c: C, format: 'csv' | 'json', body: string, name: string) {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  const file = name.replace(/[^a-z0-9-]+/gi, '-') + `.${format}`;
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${file}"` });
}

/** The scorecard's state (shared by the page, the weighted index and the exports). */
async function scorecardState(c: C, withWeights: boolean) {
  const { framework, editions, edition } = await frameworkAndEdition(c);
  const regions = await listRegionInfo(c.var.db);
  const region = parseRegion(c.req.query('region'), regions);
  const sort = parseSort(c.req.query('sort'));
  const weights = withWeights ? parseWeights(new URL(c.req.url), framework) : { values: new Map(framework.criteria.map((x) => [x.key, x.weight])), custom: false };
  return { framework, editions, edition, regions, region, sort, weights };
}

export function reviewPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/reviews', async (c) => {
    const [frameworks, newest] = await Promise.all([listFrameworks(c.var.db), newestEditionSummaries(c.var.db)]);
    return c.html(<FrameworksPage ctx={c.var.ctx} frameworks={frameworks} newest={newest} />);
  });

  app.get('/:locale/reviews/:framework', async (c) => {
    const s = await scorecardState(c, false);
    if (!s.edition) return c.html(<NoEditionPage ctx={c.var.ctx} framework={s.framework} />);
    const { rows, countries } = await loadScorecard(c.var.db, s.framework, s.edition, { locale: c.var.ctx.locale, sort: s.sort, region: s.region });
    return c.html(
      <ScorecardPage
        ctx={c.var.ctx}
        framework={s.framework}
        editions={s.editions}
        edition={s.edition}
        previous={previousEdition(s.editions, s.edition)}
        regions={s.regions}
        region={s.region}
        sort={s.sort}
        rows={rows}
        assessedCountries={countries}
      />,
    );
  });

  app.get('/:locale/reviews/:framework/index', async (c) => {
    const s = await scorecardState(c, true);
    if (!s.edition) return c.html(<NoEditionPage ctx={c.var.ctx} framework={s.framework} />);
    const { rows } = await loadScorecard(c.var.db, s.framework, s.edition, { locale: c.var.ctx.locale, sort: s.sort, region: s.region, weights: s.weights });
    return c.html(
      <WeightedPage
        ctx={c.var.ctx}
        framework={s.framework}
        editions={s.editions}
        edition={s.edition}
        previous={previousEdition(s.editions, s.edition)}
        regions={s.regions}
        region={s.region}
        sort={s.sort}
        weights={s.weights}
        rows={rows}
      />,
    );
  });

  app.get('/:locale/reviews/:framework/:file{scorecard\\.(csv|json)}', async (c) => {
    const { format } = splitFormat(c.req.param('file'));
    const s = await scorecardState(c, true);
    if (!s.edition || !format) throw notFound();
    const { rows } = await loadScorecard(c.var.db, s.framework, s.edition, { locale: c.var.ctx.locale, sort: s.sort, region: s.region, weights: s.weights });
    const x = { framework: s.framework, edition: s.edition, region: s.region, sort: s.sort, weights: s.weights, rows };
    const name = [s.framework.key, s.edition.label, s.region?.code, 'scorecard'].filter(Boolean).join('-');
    return download(c, format, format === 'csv' ? scorecardCsv(x) : scorecardJson(x, exportContext(c)), name);
  });

  app.get('/:locale/reviews/:framework/regions/:region', async (c) => {
    const { name: code, format } = splitFormat(c.req.param('region'));
    const { framework, editions, edition } = await frameworkAndEdition(c);
    const region = (await listRegionInfo(c.var.db)).find((r) => r.code === code);
    if (!region) throw notFound();
    if (!edition) {
      if (format) throw notFound();
      return c.html(<NoEditionPage ctx={c.var.ctx} framework={framework} />);
    }
    const review = await loadRegionalReview(c.var.db, framework, edition, region, c.var.ctx.locale);
    if (format) {
      const x = { framework, edition, region, review };
      return download(c, format, format === 'csv' ? regionCsv(x) : regionJson(x, exportContext(c)), `${framework.key}-${edition.label}-${region.code}`);
    }
    return c.html(<RegionPage ctx={c.var.ctx} framework={framework} editions={editions} edition={edition} region={region} review={review} />);
  });

  app.get('/:locale/reviews/:framework/gaps/:country', async (c) => {
    const { name, format } = splitFormat(c.req.param('country'));
    const country = countryCode(name);
    const { framework, editions, edition } = await frameworkAndEdition(c);
    if (!(await countryExists(c.var.db, country))) throw notFound();
    if (!edition) {
      if (format) throw notFound();
      return c.html(<NoEditionPage ctx={c.var.ctx} framework={framework} />);
    }
    const locale = c.var.ctx.locale;
    const analysis = await loadGapAnalysis(c.var.db, framework, edition, country, await listRegionInfo(c.var.db), locale);
    const x = { framework, edition, country, countryName: countryName(country, locale), analysis };
    if (format) return download(c, format, format === 'csv' ? gapsCsv(x, exportContext(c)) : gapsJson(x, exportContext(c)), `${framework.key}-${edition.label}-${country}-gaps`);
    return c.html(<GapsPage ctx={c.var.ctx} editions={editions} {...x} />);
  });

  return app;
}
