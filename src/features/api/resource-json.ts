// The public JSON shape of a resource: every language's text, and names for the tags in the
// requested language. Shared by the API and the JSON export.
import { pickText, type Locale } from '../../i18n/locales.ts';
import { resourcePath } from '../library/components.tsx';
import type { Labels } from '../library/labels.ts';
import type { Resource } from '../library/store.ts';

export function resourceJson(r: Resource, labels: Labels, locale: Locale, baseUrl: string) {
  const name = (map: Map<string, Parameters<typeof pickText>[0]>, key: string) => pickText(map.get(key), locale).text || key;
  return {
    id: Number(r.id),
    slug: r.slug,
    type: r.type,
    year: r.year,
    title: r.title,
    summary: r.summary,
    publishers: r.publishers.map((slug) => ({ slug, name: labels.publisher.get(slug) ?? slug })),
    topics: r.topics.map((slug) => ({ slug, name: name(labels.topic, slug) })),
    countries: r.countries.map((code) => ({ code, name: name(labels.country, code) })),
    regions: r.regions.map((code) => ({ code, name: name(labels.region, code) })),
    languages: r.languages,
    link: r.link,
    url: baseUrl + resourcePath(locale, r),
    published_at: r.published_at,
    updated_at: r.updated_at,
  };
}
