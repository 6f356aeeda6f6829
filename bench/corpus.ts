// A deterministic synthetic library: resource n is a pure function of (seed, n), so any batch can be
// generated on its own and every run imports the same corpus. Also the rotating search queries.
import { LOCALES, type Locale } from '../src/i18n/locales.ts';
import { RESOURCE_TYPES, type ResourceInput } from '../src/features/library/schema.ts';
import topicsData from '../src/data/topics.json' with { type: 'json' };
import { COUNTRIES, FUNCTION_WORDS, PUBLISHER_BODIES, PUBLISHER_FIELDS, PUBLISHER_SCOPES, WORDS } from './vocabulary.ts';

export const DEFAULT_SEED = 20240601;
export const TOPIC_SLUGS: readonly string[] = (topicsData as { slug: string }[]).map((t) => t.slug);

export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Biased towards the front of the list (items are ordered frequent to rare). */
  skewed<T>(items: readonly T[], power?: number): T;
  distinct<T>(items: readonly T[], count: number, power?: number): T[];
};

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    skewed: (items, power = 2) => items[Math.floor(Math.pow(next(), power) * items.length)]!,
    distinct(items, count, power = 1) {
      const chosen = new Set<(typeof items)[number]>();
      for (let guard = 0; chosen.size < Math.min(count, items.length) && guard < count * 20; guard++) chosen.add(r.skewed(items, power));
      return [...chosen];
    },
  };
  return r;
}

/** ~300 distinct publisher names, the same for every seed. */
export const PUBLISHERS: readonly string[] = (() => {
  const r = prng(7);
  const names = new Set<string>();
  while (names.size < 300) {
    names.add(`${r.pick(PUBLISHER_SCOPES)} ${r.pick(PUBLISHER_BODIES)} for ${r.pick(PUBLISHER_FIELDS)}`);
  }
  return [...names];
})();

// Share of resources whose main language is each locale; English dominates, as in the real listing.
const MAIN_LOCALE: readonly Locale[] = ['en', 'en', 'en', 'en', 'en', 'en', 'es', 'es', 'ru', 'ru', 'ar', 'ar', 'fa'];
const OTHER_DOC_LANGUAGES = ['fr', 'pt', 'zh', 'de', 'tr'];

/** Cumulative Zipf (s = 1) weights over a list's ranks. */
function zipfCdf(n: number): number[] {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
}
const CDF = Object.fromEntries(LOCALES.map((l) => [l, zipfCdf(WORDS[l].length)])) as Record<Locale, number[]>;

function zipf(r: Random, locale: Locale): string {
  const cdf = CDF[locale];
  const u = r.next();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[locale][lo]!;
}

/** Running text: content words by Zipf's law, mixed with function words (`share` of the tokens). */
function words(r: Random, locale: Locale, min: number, max: number, share: number): string[] {
  return Array.from({ length: r.int(min, max) }, () => (r.next() < share ? r.pick(FUNCTION_WORDS[locale]) : zipf(r, locale)));
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function title(r: Random, locale: Locale): string {
  return capital(words(r, locale, 5, 12, 0.3).join(' '));
}

function summary(r: Random, locale: Locale): string {
  return Array.from({ length: r.int(2, 4) }, () => capital(words(r, locale, 10, 22, 0.5).join(' ')) + '.').join(' ');
}

/** The n-th synthetic resource (n from 1). */
export function syntheticResource(n: number, seed = DEFAULT_SEED): ResourceInput {
  const r = prng(Math.imul(seed, 2654435761) ^ Math.imul(n, 40503));
  const main = r.pick(MAIN_LOCALE);
  const locales = [main, ...r.distinct(LOCALES.filter((l) => l !== main), r.int(0, 2))];
  const titles: Partial<Record<Locale, string>> = {};
  const summaries: Partial<Record<Locale, string>> = {};
  for (const l of locales) {
    titles[l] = title(r, l);
    // Some translations have a title but no summary yet.
    if (l === main || r.next() < 0.7) summaries[l] = summary(r, l);
  }
  const languages: string[] = [...locales];
  if (r.next() < 0.1) languages.push(r.pick(OTHER_DOC_LANGUAGES));
  return {
    slug: `synthetic-${n}`,
    type: r.skewed(RESOURCE_TYPES, 1.3),
    year: r.next() < 0.12 ? null : 1995 + Math.floor(Math.pow(r.next(), 0.6) * 32),
    link: r.next() < 0.8 ? `https://example.org/library/synthetic-${n}` : null,
    status: 'published',
    title: titles,
    summary: summaries,
    publishers: r.distinct(PUBLISHERS, r.int(1, 3), 1.5),
    topics: r.distinct(TOPIC_SLUGS, r.int(1, 4), 1.5),
    countries: r.distinct(COUNTRIES, r.int(0, 5), 1.7),
    languages,
  };
}

/** Resources from..to (inclusive), for one import batch. */
export function syntheticBatch(from: number, to: number, seed = DEFAULT_SEED): ResourceInput[] {
  const out: ResourceInput[] = [];
  for (let n = from; n <= to; n++) out.push(syntheticResource(n, seed));
  return out;
}

export type SearchQuery = { q: string; topic: string; country: string };

/** `count` different searches: one word (any language) + a topic + a country. */
export function searchQueries(count = 200, seed = DEFAULT_SEED): SearchQuery[] {
  const r = prng(seed ^ 0x5eed);
  const seen = new Set<string>();
  const out: SearchQuery[] = [];
  while (out.length < count) {
    const locale = r.pick(MAIN_LOCALE);
    const q = { q: r.pick(WORDS[locale]), topic: r.skewed(TOPIC_SLUGS, 1.5), country: r.skewed(COUNTRIES, 1.7) };
    const key = `${q.q}|${q.topic}|${q.country}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}

export const apiPath = (s: SearchQuery) =>
  `/api/v1/resources?${new URLSearchParams({ q: s.q, topic: s.topic, country: s.country })}`;
export const pagePath = (s: SearchQuery) => `/en/library?${new URLSearchParams({ q: s.q, topic: s.topic })}`;
