// How a value becomes a colour class and a label, the same for the map, its legend and the table.
// Colours: ColorBrewer's YlGnBu for the score bands (sequential, safe for colour-blind readers),
// blue / light blue / orange for the statuses (they differ in lightness as well as hue), and a
// hatched grey for "not assessed", which is never a colour of the scale.
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/messages.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';

export type MapClass = { cls: string; label: string };

export const NOT_ASSESSED_CLASS = 'map-na';
/** Land without a country code of its own (disputed areas): drawn, never coloured. */
export const UNCODED_CLASS = 'map-land';
export const HATCH_ID = 'map-hatch';

/**
 * The fills, for the standalone SVG file (which cannot use the site's stylesheet); map.css holds
 * the same colours for the pages, and a test keeps the two equal.
 */
export const FILLS: Record<string, string> = {
  'map-b1': '#ffffcc',
  'map-b2': '#a1dab4',
  'map-b3': '#41b6c4',
  'map-b4': '#2c7fb8',
  'map-b5': '#253494',
  'map-met': '#2166ac',
  'map-partly': '#92c5de',
  'map-notmet': '#e66101',
  [NOT_ASSESSED_CLASS]: `url(#${HATCH_ID})`,
  [UNCODED_CLASS]: '#e9ecef',
};

const BAND_WIDTH = 20;
const BANDS = 5;

export function percent(locale: Locale, score: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(score / 100);
}

/** The band of a score: 0–20 is band 1, …, 80–100 band 5 (a bound belongs to the band above it). */
export function scoreBand(score: number): number {
  return Math.min(BANDS, Math.floor(score / BAND_WIDTH) + 1);
}

export function notAssessed(t: Translate): MapClass {
  return { cls: NOT_ASSESSED_CLASS, label: t('map.notAssessed') };
}

/** A country's score as a class and label; no score is "not assessed", never the lowest band. */
export function scoreClass(score: number | null, locale: Locale, t: Translate): MapClass {
  if (score === null) return notAssessed(t);
  return { cls: `map-b${scoreBand(score)}`, label: percent(locale, score) };
}

export function scoreLegend(locale: Locale, t: Translate): MapClass[] {
  const bands = Array.from({ length: BANDS }, (_, i) => ({
    cls: `map-b${i + 1}`,
    label: t('map.band', { from: percent(locale, i * BAND_WIDTH), to: percent(locale, (i + 1) * BAND_WIDTH) }),
  }));
  return [...bands, notAssessed(t)];
}

export const STATUS_ORDER: AssessmentStatus[] = ['met', 'partly', 'not_met', 'not_assessed'];

const STATUS_CLASSES: Record<AssessmentStatus, string> = { met: 'map-met', partly: 'map-partly', not_met: 'map-notmet', not_assessed: NOT_ASSESSED_CLASS };

export function statusClass(status: AssessmentStatus, t: Translate): MapClass {
  if (status === 'not_assessed') return notAssessed(t);
  const labels = { met: t('map.status.met'), partly: t('map.status.partly'), not_met: t('map.status.notMet') };
  return { cls: STATUS_CLASSES[status], label: labels[status] };
}

export function statusLegend(t: Translate): MapClass[] {
  return STATUS_ORDER.map((s) => statusClass(s, t));
}
