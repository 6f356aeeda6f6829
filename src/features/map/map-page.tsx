// The map page of a review: choose an edition and what to colour by, see the world map and, beside
// it, the table with the same countries and the same labels.
import { pickText } from '../../i18n/locales.ts';
import { ASSETS } from '../../web/assets.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { Criterion, Framework, ReviewEdition } from '../reviews/store.ts';
import { Choropleth } from './choropleth.tsx';
import type { MapRow } from './map-data.ts';
import { scoreLegend, statusLegend } from './scales.ts';

export type MapChoice = { framework: Framework; editions: ReviewEdition[]; edition: ReviewEdition | undefined; criterion: Criterion | undefined };

export function mapPath(locale: string, framework: string, edition: ReviewEdition | undefined, criterion: Criterion | undefined, file = 'map'): string {
  const query = new URLSearchParams();
  if (edition) query.set('edition', edition.label);
  if (criterion) query.set('criterion', criterion.key);
  const q = query.toString();
  return `/${locale}/reviews/${framework}/${file}${q ? `?${q}` : ''}`;
}

export const countryProfile = (locale: string, code: string) => `/${locale}/countries/${code}`;

/** The map's title, for the page's SVG and the standalone file. */
export function mapTitle(ctx: PageContext, { framework, edition, criterion }: MapChoice): string {
  const name = pickText(framework.name, ctx.locale).text;
  const label = edition?.label ?? '';
  return criterion
    ? ctx.t('map.svgTitleCriterion', { framework: name, edition: label, criterion: pickText(criterion.name, ctx.locale).text })
    : ctx.t('map.svgTitleScore', { framework: name, edition: label });
}

export function DemoBanner({ ctx, edition }: { ctx: PageContext; edition: ReviewEdition | undefined }) {
  if (!edition?.demo) return null;
  return (
    <p class="map-demo" role="note">
      <strong>{ctx.t('map.demoNotice')}</strong>
    </p>
  );
}

export function MapPage({ ctx, choice, rows }: { ctx: PageContext; choice: MapChoice; rows: MapRow[] }) {
  const { t, locale } = ctx;
  const { framework, editions, edition, criterion } = choice;
  const name = pickText(framework.name, locale);
  const title = t('map.title', { framework: name.text });
  const legend = criterion ? statusLegend(t) : scoreLegend(locale, t);
  const caption = criterion ? t('map.tableCaptionCriterion', { criterion: pickText(criterion.name, locale).text }) : t('map.tableCaptionScore');
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ASSETS.reviewsCss.url} />}>
      <DemoBanner ctx={ctx} edition={edition} />
      <nav class="map-crumbs" aria-label={t('map.allReviews')}>
        <a href={`/${locale}/reviews`}>{t('map.allReviews')}</a>
        {edition && (
          <>
            {' · '}
            <a href={`/${locale}/reviews/${framework.key}?edition=${encodeURIComponent(edition.label)}`}>{t('map.scorecard')}</a>
          </>
        )}
      </nav>
      <h1>{title}</h1>
      {!edition ? (
        <p class="notice">{t('map.noPublished')}</p>
      ) : (
        <>
          <p class="map-edition">{t('map.editionLine', { label: edition.label })}</p>
          <p>{t('map.intro')}</p>
          <MapForm ctx={ctx} choice={choice} editions={editions} />
          {rows.length === 0 ? (
            <p class="notice">{t('map.noAssessments')}</p>
          ) : (
            <>
              <div class="map-layout">
                <Choropleth
                  ctx={ctx}
                  title={mapTitle(ctx, choice)}
                  description={edition.demo ? `${t('map.demoNotice')} ${t('map.desc')}` : undefined}
                  classes={new Map(rows.map((r) => [r.code, r.value]))}
                  legend={legend}
                />
                <MapTable ctx={ctx} rows={rows} caption={caption} valueHeading={criterion ? t('map.statusColumn') : t('map.score')} />
              </div>
              <p class="map-credit">{t('map.credit')}</p>
              <p>
                <a href={mapPath(locale, framework.key, edition, criterion, 'map.svg')} type="image/svg+xml">
                  {t('map.download')}
                </a>
              </p>
              <p class="map-downloads">
                {t('map.downloadTable')} <a href={mapPath(locale, framework.key, edition, criterion, 'map.csv')}>CSV</a> ·{' '}
                <a href={mapPath(locale, framework.key, edition, criterion, 'map.json')}>JSON</a>
              </p>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function MapForm({ ctx, choice, editions }: { ctx: PageContext; choice: MapChoice; editions: ReviewEdition[] }) {
  const { t, locale } = ctx;
  const { framework, edition, criterion } = choice;
  return (
    <form method="get" action={`/${locale}/reviews/${framework.key}/map`} class="map-picker">
      <p>
        <label for="map-edition">{t('map.edition')}</label>
        <select id="map-edition" name="edition">
          {editions.map((e) => (
            <option value={e.label} selected={e.id === edition?.id}>
              {e.label === String(e.year) ? e.label : `${e.label} (${e.year})`}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="map-criterion">{t('map.choose')}</label>
        <select id="map-criterion" name="criterion">
          <option value="score" selected={!criterion}>
            {t('map.byScore')}
          </option>
          {framework.criteria.map((c) => {
            const text = pickText(c.name, locale);
            return (
              <option value={c.key} selected={c.key === criterion?.key} lang={text.fallback ? text.lang : undefined}>
                {text.text}
              </option>
            );
          })}
        </select>
      </p>
      <p>
        <button type="submit">{t('map.show')}</button>
      </p>
    </form>
  );
}

/** The same data as the map: one row per country of the edition, with the legend's swatch and label. */
function MapTable({ ctx, rows, caption, valueHeading }: { ctx: PageContext; rows: MapRow[]; caption: string; valueHeading: string }) {
  const { t, locale } = ctx;
  return (
    <div class="map-table" role="region" aria-labelledby="map-table-caption" tabindex={0}>
      <table>
        <caption id="map-table-caption">
          {caption}
          <span class="map-count">{t('map.countryCount', { count: rows.length })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('map.country')}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-code={row.code}>
              <th scope="row">
                <a href={countryProfile(locale, row.code)}>{row.name}</a>
              </th>
              <td>
                <span class={`map-swatch ${row.value.cls}`} aria-hidden="true"></span>
                {row.value.label}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="map-small-note">{t('map.tableNote')}</p>
    </div>
  );
}
