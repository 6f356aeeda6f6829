// Public pages of the library under /{locale}/library.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { href } from '../../web/html.ts';
import { pickText } from '../../i18n/locales.ts';
import { getCountry, getPublisher, getTopic, listCountries, listPublishers, listTopics, listRegions } from '../taxonomy/store.ts';
import { parseSearchUrl } from './params.ts';
import { searchResources } from './search.ts';
import { getPublishedResource, relatedResources } from './store.ts';
import { LibraryPage } from './search-view.tsx';
import { ResourcePage } from './resource-view.tsx';
import { IndexPage, VocabularyPage, nameIn } from './vocabulary-views.tsx';
import { LIMITS, type SearchParams } from './schema.ts';
import { resourcePath } from './components.tsx';
import { listPublishedAttachments } from '../attachments/store.ts';

const VOCABULARY_PAGE_SIZE = 50;

function filtered(overrides: Partial<SearchParams>): SearchParams {
  return {
    q: '', topic: [], country: [], region: [], publisher: [], type: [], language: [],
    yearFrom: undefined, yearTo: undefined, sort: 'newest', page: 1, perPage: VOCABULARY_PAGE_SIZE, ...overrides,
  };
}

/** A topic, country, region or publisher page: its newest resources and a link to all of them in the library. */
async function vocabularyPage(c: Context<AppEnv>, heading: string, filter: Partial<SearchParams>, aside?: { title: string; links: { href: string; name: string }[] }) {
  const { db, ctx } = c.var;
  const [result, labels] = await Promise.all([searchResources(db, filtered(filter), ctx.locale), c.var.labels()]);
  const query = { topic: filter.topic, country: filter.country, region: filter.region, publisher: filter.publisher };
  return c.html(
    <VocabularyPage ctx={ctx} heading={heading} items={result.items} total={result.total} labels={labels}
      libraryLink={href(`/${ctx.locale}/library`, query)} aside={aside} />,
  );
}

export function libraryPages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/library', async (c) => {
    const { db, ctx } = c.var;
    const params = parseSearchUrl(new URL(c.req.url), { perPage: LIMITS.perPageDefault });
    const [result, labels] = await Promise.all([searchResources(db, params, ctx.locale), c.var.labels()]);
    return c.html(<LibraryPage ctx={ctx} params={params} result={result} labels={labels} />);
  });

  app.get('/:locale/library/topics', async (c) => {
    const { db, ctx } = c.var;
    const topics = (await listTopics(db)).filter((t) => t.count > 0);
    const entries = topics.map((t) => ({ key: t.slug, name: nameIn(ctx, t.names), count: t.count }));
    return c.html(<IndexPage ctx={ctx} title={ctx.t('topics.title')} intro={ctx.t('topics.intro')} entries={entries} path="topics" />);
  });

  app.get('/:locale/library/topics/:slug', async (c) => {
    const { db, ctx } = c.var;
    const topic = await getTopic(db, c.req.param('slug'));
    if (!topic) throw notFound();
    return vocabularyPage(c, ctx.t('topic.title', { name: nameIn(ctx, topic.names) }), { topic: [topic.slug] });
  });

  app.get('/:locale/library/countries', async (c) => {
    const { db, ctx } = c.var;
    const countries = await listCountries(db, true);
    const entries = countries
      .map((k) => ({ key: k.code, name: nameIn(ctx, k.names), count: k.count }))
      .sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
    return c.html(<IndexPage ctx={ctx} title={ctx.t('countries.title')} intro={ctx.t('countries.intro')} entries={entries} path="countries" />);
  });

  app.get('/:locale/library/countries/:code', async (c) => {
    const { db, ctx } = c.var;
    const code = c.req.param('code').toUpperCase();
    const country = /^[A-Z]{2}$/.test(code) ? await getCountry(db, code) : undefined;
    if (!country) throw notFound();
    const regions = country.regions.map((r) => ({ href: `/${ctx.locale}/library/regions/${r.code}`, name: nameIn(ctx, r.names) }));
    return vocabularyPage(c, ctx.t('country.title', { name: nameIn(ctx, country.names) }), { country: [code] }, { title: ctx.t('country.regions'), links: regions });
  });

  app.get('/:locale/library/regions/:code', async (c) => {
    const { db, ctx } = c.var;
    const region = (await listRegions(db)).find((r) => r.code === c.req.param('code'));
    if (!region) throw notFound();
    const labels = await c.var.labels();
    const members = region.members
      .map((code) => ({ href: `/${ctx.locale}/library/countries/${code}`, name: pickText(labels.country.get(code), ctx.locale).text || code }))
      .sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
    return vocabularyPage(c, ctx.t('region.title', { name: nameIn(ctx, region.names) }), { region: [region.code] }, { title: ctx.t('region.members'), links: members });
  });

  app.get('/:locale/library/publishers', async (c) => {
    const { db, ctx } = c.var;
    const entries = (await listPublishers(db)).map((p) => ({ key: p.slug, name: p.name, count: p.count }));
    return c.html(<IndexPage ctx={ctx} title={ctx.t('publishers.title')} intro={ctx.t('publishers.intro')} entries={entries} path="publishers" />);
  });

  app.get('/:locale/library/publishers/:slug', async (c) => {
    const { db, ctx } = c.var;
    const publisher = await getPublisher(db, c.req.param('slug'));
    if (!publisher) throw notFound();
    return vocabularyPage(c, ctx.t('publisher.title', { name: publisher.name }), { publisher: [publisher.slug] });
  });

  // /{locale}/library/{id}-{slug}: the id decides; a changed slug redirects to the current address.
  app.get('/:locale/library/:ref{[0-9]+(-[a-z0-9-]*)?}', async (c) => {
    const { db, ctx } = c.var;
    const id = c.req.param('ref').split('-')[0]!;
    const resource = await getPublishedResource(db, id);
    if (!resource) throw notFound();
    const canonical = resourcePath(ctx.locale, resource);
    if (new URL(c.req.url).pathname !== canonical) return c.redirect(canonical, 301);
    const [related, labels, attachments] = await Promise.all([relatedResources(db, resource), c.var.labels(), listPublishedAttachments(db, resource.id)]);
    return c.html(<ResourcePage ctx={ctx} resource={resource} related={related} labels={labels} attachments={attachments} />);
  });

  return app;
}
