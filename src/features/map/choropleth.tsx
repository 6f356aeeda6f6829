// The world map as accessible SVG: one path per country with a colour class and a hover title, a
// title and description for screen readers, and a legend as an HTML list. On the page the map is
// an image (role="img") of the table beside it, which carries the same values and the links to
// the country profiles in reading order: links inside an image would be hidden from screen readers
// yet reachable by keyboard (axe: nested-interactive). With `link`, as in the standalone file, the
// SVG is a graphics document instead, whose countries are links named by their titles.
import type { Child } from 'hono/jsx';
import type { PageContext } from '../../web/context.ts';
import { countryName } from '../taxonomy/country-names.ts';
import { worldGeometry } from './geometry.ts';
import { FILLS, HATCH_ID, UNCODED_CLASS, notAssessed, type MapClass } from './scales.ts';

export type ChoroplethProps = {
  ctx: PageContext;
  title: string;
  /** Defaults to a sentence saying that the table beside the map gives the same data. */
  description?: string;
  /** By ISO alpha-2 code; countries left out are "not assessed". */
  classes: ReadonlyMap<string, MapClass>;
  legend: MapClass[];
  /** Where a country with data links to (its profile); makes the SVG a graphics document, not an image. */
  link?: (code: string) => string;
};

/** The page's map: the SVG and its legend. */
export function Choropleth(props: ChoroplethProps) {
  const { ctx, legend } = props;
  return (
    <figure class="map-figure">
      <MapSvg {...props} />
      <figcaption class="map-legend">
        <h2 id="map-legend-heading" class="map-legend-heading">
          {ctx.t('map.legend')}
        </h2>
        <ul aria-labelledby="map-legend-heading">
          {legend.map((entry) => (
            <li>
              <span class={`map-swatch ${entry.cls}`} aria-hidden="true"></span>
              {entry.label}
            </li>
          ))}
        </ul>
        <p class="map-small-note">{ctx.t('map.markerNote')}</p>
      </figcaption>
    </figure>
  );
}

export type StandaloneParts = {
  /** The demonstration-data warning, shown above the map when the edition is a demo. */
  notice?: string;
  credit: string;
};

/**
 * The SVG itself. Standalone (the .svg download), it carries its own fills as presentation
 * attributes (no stylesheet reaches a file opened on its own), its legend, credit and any notice.
 */
export function MapSvg({ ctx, title, description, classes, legend, link, standalone }: ChoroplethProps & { standalone?: StandaloneParts }) {
  const { width, height, shapes } = worldGeometry();
  const top = standalone?.notice ? 28 : 0;
  const legendHeight = standalone ? 56 : 0;
  const fill = (cls: string) => (standalone ? FILLS[cls] : undefined);
  const fallback = notAssessed(ctx.t);
  const countries: Child[] = shapes.map(({ code, d }) => {
    if (!code) return <path class={UNCODED_CLASS} fill={fill(UNCODED_CLASS)} d={d}></path>;
    const shown = classes.get(code);
    const { cls, label } = shown ?? fallback;
    const path = (
      <path class={cls} fill={fill(cls)} d={d} data-code={code}>
        <title>{`${countryName(code, ctx.locale)}: ${label}`}</title>
      </path>
    );
    return shown && link ? <a href={link(code)}>{path}</a> : path;
  });
  return (
    <svg
      xmlns={standalone ? 'http://www.w3.org/2000/svg' : undefined}
      class="map-svg"
      viewBox={`0 0 ${width} ${height + top + legendHeight}`}
      width={standalone ? width : undefined}
      height={standalone ? height + top + legendHeight : undefined}
      role={link ? 'graphics-document' : 'img'}
      aria-labelledby="map-title map-desc"
      lang={ctx.locale}
    >
      <title id="map-title">{title}</title>
      <desc id="map-desc">{description ?? ctx.t('map.desc')}</desc>
      <defs>
        <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" fill="#e3e6ea"></rect>
          <path d="M0 0v4" stroke="#8d97a1" stroke-width="1.2"></path>
        </pattern>
      </defs>
      {standalone && <rect width="100%" height="100%" fill="#ffffff"></rect>}
      {standalone?.notice && (
        <text x={width / 2} y="18" text-anchor="middle" font-family="sans-serif" font-size="14" font-weight="bold" fill="#8a1c00" direction={ctx.dir}>
          {standalone.notice}
        </text>
      )}
      <g class="map-countries" transform={top ? `translate(0 ${top})` : undefined} stroke={standalone ? '#77828d' : undefined} stroke-width={standalone ? '0.35' : undefined}>
        {countries}
      </g>
      {standalone && <SvgLegend ctx={ctx} legend={legend} width={width} y={top + height + 14} credit={standalone.credit} />}
    </svg>
  );
}

/** The legend drawn inside the SVG file: one row of swatches, then the credit line; mirrored in RTL. */
function SvgLegend({ ctx, legend, width, y, credit }: { ctx: PageContext; legend: MapClass[]; width: number; y: number; credit: string }) {
  const rtl = ctx.dir === 'rtl';
  const margin = 8;
  const slot = (width - 2 * margin) / Math.max(legend.length, 1);
  const at = (x: number) => (rtl ? width - x : x);
  return (
    <g font-family="sans-serif" font-size="12" fill="#1b1f24">
      {legend.map((entry, i) => {
        const start = margin + i * slot;
        return (
          <g>
            <rect x={rtl ? at(start) - 12 : start} y={y} width="12" height="12" fill={FILLS[entry.cls]} stroke="#77828d" stroke-width="0.5"></rect>
            <text x={at(start + 17)} y={y + 10} direction={ctx.dir} text-anchor="start">
              {entry.label}
            </text>
          </g>
        );
      })}
      <text x={at(margin)} y={y + 34} direction={ctx.dir} text-anchor="start" font-size="11" fill="#555d66">
        {credit}
      </text>
    </g>
  );
}
