// The world's outlines as SVG paths, projected once on the server. The shapes come from Natural
// Earth (public domain, www.naturalearthdata.com) through the world-atlas package's TopoJSON, whose
// feature ids are ISO 3166-1 numeric codes.
//
// Why 50m, simplified here, rather than the ready-made 110m: 110m leaves out about 60 countries
// and territories (Singapore, Bahrain, Malta, the Maldives, most island states), which a review
// may well assess. 50m has them, but drawn as it comes it weighs 1.1 MB (300 KB gzipped) of paths.
// Simplified after projection (Douglas–Peucker, a third of a pixel at 960 wide: invisible) and
// written as relative moves in tenths of a pixel, it weighs less than 110m did untouched.
//
// Measured (Node 20): the first call reads 50m (0.75 MB), projects and simplifies in about 0.45 s
// on an idle machine, 0.7–1.5 s on a busy one (load average 16); later calls reuse the result.
// All paths together: 103.5 KB, 35 KB gzipped (geometry.test.ts prints the figures of the day).
// For comparison, 110m drawn the usual way: 119 KB, 42 KB gzipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { geoEqualEarth, geoStream, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CountryShape = {
  /** ISO 3166-1 alpha-2, or null for land without a code of its own (disputed areas). */
  code: string | null;
  /** The SVG path, in tenths of a pixel of the view box. */
  d: string;
};

export type WorldGeometry = { width: number; height: number; shapes: CountryShape[] };

export const MAP_WIDTH = 960;
/** Pixels of the view box a simplified outline may stray from the true one. */
const TOLERANCE = 0.33;
/** A country smaller than this (square pixels) cannot be seen or clicked: it gets a marker. */
const TINY_AREA = 4;
const MARKER_RADIUS = 2.2;
/** Room at the edges for markers and borders. */
const MARGIN = 3;

/**
 * Natural Earth features without a numeric id that the Atlas's own country list names: Kosovo is
 * XK there (as in i18n-iso-countries). Northern Cyprus, Somaliland and the Siachen glacier stay
 * land without a code.
 */
const CODES_BY_NAME: Record<string, string> = { Kosovo: 'XK' };

/**
 * Countries and territories of the ISO list that Natural Earth 50m does not draw apart (too small,
 * or part of another country's shape): a marker at [longitude, latitude] stands for them.
 */
const MARKERS: Record<string, [number, number]> = {
  BV: [3.41, -54.42],
  CX: [105.69, -10.49],
  CC: [96.87, -12.17],
  GF: [-53.13, 3.93],
  GI: [-5.35, 36.14],
  GP: [-61.55, 16.25],
  MQ: [-61.02, 14.64],
  YT: [45.17, -12.83],
  RE: [55.54, -21.12],
  SJ: [16.0, 78.5],
  TK: [-171.85, -9.2],
  TV: [179.2, -8.52],
  UM: [166.61, 19.28],
  BQ: [-68.26, 12.18],
};

/** Antarctica is left out: no national law applies there, and it would take a fifth of the height. */
const LEFT_OUT = new Set(['AQ']);

let cached: WorldGeometry | undefined;

/** The projected world, built at first use (reading and projecting 50m takes a few hundred ms). */
export function worldGeometry(): WorldGeometry {
  return (cached ??= buildGeometry());
}

type Point = [number, number];

function buildGeometry(): WorldGeometry {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;

  const byCode = new Map<string | null, Feature<Geometry, { name: string }>[]>();
  const uncoded: Feature<Geometry, { name: string }>[] = [];
  for (const f of collection.features) {
    const code = (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ?? CODES_BY_NAME[f.properties.name];
    if (code && LEFT_OUT.has(code)) continue;
    if (!code) uncoded.push(f);
    else byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }
  // Fitted to the whole sphere's width (islands near the antimeridian stay inside); the view box
  // then starts where the land does, so the rings are moved up once they are projected.
  // No adaptive resampling: 50m's points are already far closer together than a pixel.
  const projection = geoEqualEarth().precision(0).fitWidth(MAP_WIDTH - 2 * MARGIN, { type: 'Sphere' });
  const coded = [...byCode].map(([code, features]) => ({ code, rings: features.flatMap((f) => projectedRings(projection, f)) }));
  const others = uncoded.map((f) => projectedRings(projection, f));
  let top = Infinity;
  let bottom = -Infinity;
  for (const rings of [...coded.map((c) => c.rings), ...others]) {
    for (const ring of rings) for (const [, y] of ring) (top = Math.min(top, y)), (bottom = Math.max(bottom, y));
  }
  const shift = (p: Point): Point => [p[0] + MARGIN, p[1] - top + MARGIN];
  const height = Math.ceil(bottom - top + 2 * MARGIN);

  const shapes: CountryShape[] = [];
  const small: CountryShape[] = [];
  for (const { code, rings } of coded) {
    const moved = rings.map((ring) => ring.map(shift));
    const outline = outlinePath(moved);
    if (totalArea(moved) < TINY_AREA) small.push({ code, d: outline + markerPath(largestRingCentre(moved)) });
    else shapes.push({ code, d: outline });
  }
  for (const rings of others) shapes.push({ code: null, d: outlinePath(rings.map((ring) => ring.map(shift))) });
  for (const [code, place] of Object.entries(MARKERS)) {
    if (byCode.has(code)) continue;
    const at = projection(place);
    if (at) small.push({ code, d: markerPath(shift(at)) });
  }
  // Markers go last, so that they are drawn above their larger neighbours.
  return { width: MAP_WIDTH, height, shapes: [...shapes, ...small] };
}

/** The feature's rings in view-box pixels, clipped and resampled by the projection. */
function projectedRings(projection: GeoProjection, f: Feature): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  const sink = projection.stream({
    point: (x: number, y: number) => void ring.push([x, y]),
    lineStart: () => void (ring = []),
    lineEnd: () => void (ring.length > 2 && rings.push(ring)),
    polygonStart: () => {},
    polygonEnd: () => {},
    sphere: () => {},
  });
  geoStream(f, sink);
  return rings;
}

function ringArea(ring: Point[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

function totalArea(rings: Point[][]): number {
  return rings.reduce((sum, r) => sum + ringArea(r), 0);
}

function largestRingCentre(rings: Point[][]): Point {
  const largest = rings.reduce<Point[]>((best, r) => (ringArea(r) > ringArea(best) ? r : best), rings[0] ?? [[0, 0]]);
  const [sx, sy] = largest.reduce(([ax, ay], [x, y]) => [ax + x, ay + y], [0, 0]);
  return [sx / largest.length, sy / largest.length];
}

/**
 * Douglas–Peucker on an open polyline (a ring without its closing point), after dropping points
 * closer than half the tolerance to the previous one (cheap, and most of 50m's points at this scale).
 */
function simplify(ring: Point[], tolerance: number): Point[] {
  const points: Point[] = [];
  let last: Point | undefined;
  for (const p of ring) {
    if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) > tolerance / 2) points.push((last = p));
  }
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = points[from]!;
    const [bx, by] = points[to]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = points[i]!;
      const d = length < 1e-9 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([from, farthest], [farthest, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Tenths of a pixel as the shortest SVG number: 5 → ".5", -130 → "-13". */
function tenths(n: number): string {
  const s = String(Math.abs(n) / 10).replace(/^0\./, '.');
  return n < 0 ? `-${s}` : s;
}

function joinNumbers(numbers: number[]): string {
  let out = '';
  for (const n of numbers) {
    const s = tenths(n);
    out += out && !s.startsWith('-') ? ` ${s}` : s;
  }
  return out;
}

/**
 * One path for all the rings: a move to the first point, then relative lines (rounded in tenths
 * first, so that rounding errors do not add up along the ring).
 */
function outlinePath(rings: Point[][]): string {
  let d = '';
  for (const ring of rings) {
    const points = simplify(ring, TOLERANCE).map(([x, y]): Point => [Math.round(x * 10), Math.round(y * 10)]);
    const steps: number[] = [];
    for (let i = 1; i < points.length; i++) {
      const dx = points[i]![0] - points[i - 1]![0];
      const dy = points[i]![1] - points[i - 1]![1];
      if (dx || dy) steps.push(dx, dy);
    }
    // A ring that collapsed to a line or a point adds nothing visible.
    if (steps.length < 4) continue;
    d += `M${joinNumbers(points[0]!)}l${joinNumbers(steps)}z`;
  }
  return d;
}

/** A small circle (two arcs) around a point, for countries too small to see. */
function markerPath([x, y]: Point): string {
  const r = Math.round(MARKER_RADIUS * 10);
  const left = [Math.round(x * 10) - r, Math.round(y * 10)];
  return `M${joinNumbers(left)}a${joinNumbers([r, r])} 0 1 0 ${joinNumbers([2 * r, 0])}a${joinNumbers([r, r])} 0 1 0 ${joinNumbers([-2 * r, 0])}z`;
}
