// The projected world: every country of the Atlas can be drawn, the paths stay small, and the
// standalone file's fills are the stylesheet's colours.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { allCountryNames } from '../taxonomy/country-names.ts';
import { MAP_WIDTH, worldGeometry } from './geometry.ts';
import { FILLS, percent, scoreBand, scoreClass } from './scales.ts';
import { translator } from '../../i18n/messages.ts';

describe('world geometry', () => {
  it('draws every country of the Atlas but Antarctica, each once, plus uncoded land', (ctx) => {
    const started = performance.now();
    const { width, height, shapes } = worldGeometry();
    ctx.diagnostic(`first projection (or reuse): ${Math.round(performance.now() - started)} ms`);
    assert.equal(width, MAP_WIDTH);
    assert.ok(height > 380 && height < 500, `height ${height}`);
    const codes = shapes.flatMap((s) => (s.code ? [s.code] : []));
    assert.equal(new Set(codes).size, codes.length, 'one path per country');
    const missing = allCountryNames()
      .map((c) => c.code)
      .filter((code) => !codes.includes(code));
    assert.deepEqual(missing, ['AQ']);
    assert.ok(shapes.some((s) => s.code === null), 'disputed areas are drawn without a code');
    for (const s of shapes) assert.match(s.d, /^M[\d.]+[ -][\d.]+[la][-\d. a]*z(M[-\d. la]+z)*$/, `${s.code}`);
  });

  it('keeps the paths small and inside the view box', (ctx) => {
    const { width, height, shapes } = worldGeometry();
    const all = shapes.map((s) => s.d).join('');
    const gzipped = gzipSync(all).length;
    ctx.diagnostic(`all paths: ${all.length} bytes, ${gzipped} gzipped`);
    assert.ok(all.length < 160_000 && gzipped < 50_000);
    for (const s of shapes) {
      for (const m of s.d.matchAll(/M([\d.]+)[ ]?(-?[\d.]+)/g)) {
        const [x, y] = [Number(m[1]), Number(m[2])];
        assert.ok(x >= 0 && x <= width && y >= 0 && y <= height, `${s.code} starts at ${x},${y}`);
      }
    }
  });

  it('is built once and reused', () => {
    assert.equal(worldGeometry(), worldGeometry());
  });
});

describe('map scales', () => {
  it('puts scores in five bands and keeps "not assessed" out of them', () => {
    assert.deepEqual([0, 19.9, 20, 50, 79.9, 80, 100].map(scoreBand), [1, 1, 2, 3, 4, 5, 5]);
    const t = translator('en');
    assert.deepEqual(scoreClass(0, 'en', t), { cls: 'map-b1', label: '0%' });
    assert.deepEqual(scoreClass(null, 'en', t), { cls: 'map-na', label: 'Not assessed' });
    assert.equal(percent('ru', 72.5), '72,5\u00a0%');
  });

  it('gives the standalone file the same colours as map.css', () => {
    const css = readFileSync(new URL('./map.css', import.meta.url), 'utf8');
    for (const [cls, fill] of Object.entries(FILLS)) {
      const rule = css.match(new RegExp(`\\.${cls}\\{fill:([^;}]+)`));
      assert.ok(rule, `map.css has .${cls}`);
      assert.equal(rule[1], fill, cls);
    }
  });
});
