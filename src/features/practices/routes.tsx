// Public pages of the best-practices directory under /{locale}/practices. The submission form
// (/{locale}/practices/submit) belongs to practices-admin and is mounted before these routes.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { LIMITS } from '../library/schema.ts';
import { parsePracticeUrl } from './params.ts';
import { searchPractices } from './search.ts';
import { getPublishedPractice, relatedLibraryResources } from './store.ts';
import { PracticesPage } from './search-view.tsx';
import { PracticePage } from './practice-view.tsx';

export function practicePages() {
  const app = new Hono<AppEnv>();

  app.get('/:locale/practices', async (c) => {
    const { db, ctx } = c.var;
    const params = parsePracticeUrl(new URL(c.req.url), { perPage: LIMITS.perPageDefault });
    const [result, labels] = await Promise.all([searchPractices(db, params, ctx.locale), c.var.labels()]);
    return c.html(<PracticesPage ctx={ctx} params={params} result={result} labels={labels} />);
  });

  app.get('/:locale/practices/:slug{[a-z0-9]+(-[a-z0-9]+)*}', async (c) => {
    const { db, ctx } = c.var;
    const practice = await getPublishedPractice(db, c.req.param('slug'));
    if (!practice) throw notFound();
    const [related, labels] = await Promise.all([relatedLibraryResources(db, practice), c.var.labels()]);
    return c.html(<PracticePage ctx={ctx} practice={practice} related={related} labels={labels} />);
  });

  return app;
}
