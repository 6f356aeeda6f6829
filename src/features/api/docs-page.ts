// A short human page about the API; the machine description is /api/openapi.json.
import { html } from 'hono/html';
import type { PageContext } from '../../web/context.ts';
import { ASSETS } from '../../web/assets.ts';

export function apiDocsPage(ctx: PageContext) {
  const example = '/api/v1/resources?q=missing+children&country=TH&topic=legislation';
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Open data API · ${ctx.t('site.name')}</title><link rel="stylesheet" href="${ASSETS.css.url}"></head>
<body><main id="main">
<h1>Open data API</h1>
<p>Everything in the library is open data. The full description is <a href="/api/openapi.json">OpenAPI 3.1</a>.</p>
<ul>
<li><code>GET /api/v1/resources</code>: search with the library's filters (q, topic, country, region, publisher, type, language, year_from, year_to, sort, page, per_page, lang), with facet counts. Example: <a href="${example}"><code>${example}</code></a></li>
<li><code>GET /api/v1/resources/{id}</code>: one resource.</li>
<li><code>GET /api/v1/resources/export.{csv|json|ris|bib|csl.json}</code>: any result set as a file.</li>
<li><code>GET /api/v1/resources/feed.atom</code>: an Atom feed of new resources for any filter.</li>
<li><code>GET /api/v1/topics</code>, <code>GET /api/v1/countries</code>: the vocabularies, in five languages.</li>
<li><code>GET /api/v1/frameworks</code>, <code>/api/v1/frameworks/{key}</code>: the legislative review frameworks and their weighted criteria.</li>
<li><code>GET /api/v1/frameworks/{key}/editions</code>, <code>…/editions/{label}/assessments?country=XX</code>, <code>…/editions/{label}/scores</code>: published editions, assessments with their evidence, and scores (null when a country was not assessed). Answers built on demonstration data say so: <code>"demo": true</code> and a <code>notice</code>.</li>
<li>Model law exports: <code>/{locale}/model-law/{slug}/export.json</code>, <code>export.akn.xml</code> (Akoma Ntoso), <code>export.docx</code>.</li>
</ul>
<p>A bad parameter gets HTTP 400 with a JSON message naming it, in the language asked for with <code>lang</code> or Accept-Language.</p>
<p><a href="/${ctx.locale}/library">${ctx.t('nav.library')}</a></p>
</main></body></html>`;
}
