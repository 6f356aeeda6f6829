// The world map page of the legislative reviews, and the same map as a bare SVG file. Only
// published editions are shown; a demonstration edition says so on the page and in the file.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { getFramework, listReviewEditions } from '../reviews/store.ts';
import { MapSvg } from './choropleth.tsx';
import { mapRows } from './map-data.ts';
import { mapExport } from './exports.ts';
import { download, formatOf } from '../countries/downloads.ts';
import { MapPage, countryProfile, mapPath, mapTitle, type MapChoice } from './map-page.tsx';
import { scoreLegend, statusLegend } from './scales.ts';

const invalid = (name: string) => new HttpError(400, 'error.invalidParameter', { name, problem: 'error.problem.enum' }, name);

/** The framework (404 when unknown), the published edition asked for (newest by default) and the criterion, if any. */
async function mapChoice(c: Context<AppEnv>): Promise<MapChoice> {
  const framework = await getFramework(c.var.db, c.req.param('framework') ?? '');
  if (!framework) throw notFound();
  const editions = await listReviewEditions(c.var.db, framework.key);
  const label = c.req.query('edition');
  const edition = label ? editions.find((e) => e.label === label) : editions[0];
  if (label && !edition) throw invalid('edition');
  const key = c.req.query('criterion');
  const criterion = key && key !== 'score' ? framework.criteria.find((k) => k.key === key) : undefined;
  if (key && key !== 'score' && !criterion) throw invalid('criterion');
  return { framework, editions, edition, criterion };
}

export function mapPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/reviews/:framework/map', async (c) => {
    const choice = await mapChoice(c);
    const rows = choice.edition ? await mapRows(c.var.db, c.var.ctx, choice.framework, choice.edition, choice.criterion) : [];
    return c.html(<MapPage ctx={c.var.ctx} choice={choice} rows={rows} />);
  });

  app.get('/:locale/reviews/:framework/:file{map\\.(csv|json)}', async (c) => {
    const format = formatOf(c.req.param('file'))!;
    const choice = await mapChoice(c);
    const { framework, edition, criterion } = choice;
    if (!edition) throw notFound();
    const rows = await mapRows(c.var.db, c.var.ctx, framework, edition, criterion);
    const name = `map-${framework.key}-${edition.label}${criterion ? `-${criterion.key}` : ''}`;
    return download(c, format, mapExport(format, c.var.ctx, { ...choice, edition }, rows), name);
  });

  app.get('/:locale/reviews/:framework/map.svg', async (c) => {
    const choice = await mapChoice(c);
    const { ctx, config } = c.var;
    const { framework, edition, criterion } = choice;
    if (!edition) throw notFound();
    const rows = await mapRows(c.var.db, ctx, framework, edition, criterion);
    const notice = edition.demo ? ctx.t('map.demoNotice') : undefined;
    const page = config.publicUrl + mapPath(ctx.locale, framework.key, edition, criterion);
    const description = [notice, ctx.t('map.descStandalone', { url: page })].filter(Boolean).join(' ');
    const svg = await (
      <MapSvg
        ctx={ctx}
        title={mapTitle(ctx, choice)}
        description={description}
        classes={new Map(rows.map((r) => [r.code, r.value]))}
        legend={criterion ? statusLegend(ctx.t) : scoreLegend(ctx.locale, ctx.t)}
        link={(code) => config.publicUrl + countryProfile(ctx.locale, code)}
        standalone={{ notice, credit: ctx.t('map.credit') }}
      />
    ).toString();
    const name = `${framework.key}-${edition.label}${criterion ? `-${criterion.key}` : ''}`.replace(/[^a-z0-9-]+/gi, '-');
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `inline; filename="map-${name}.svg"`,
      // The file is served from the site's own origin: never let a browser read it as anything else.
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
