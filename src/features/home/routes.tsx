// The landing page of each language.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { Layout } from '../../web/layout.tsx';
import { countPublished } from '../library/store.ts';
import { LIMITS } from '../library/schema.ts';

export function homePages() {
  const app = new Hono<AppEnv>();
  app.get('/:locale', async (c) => {
    const { ctx, db } = c.var;
    const { t, locale } = ctx;
    const stats = await countPublished(db);
    return c.html(
      <Layout ctx={ctx} title={t('home.title')}>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <form class="search" method="get" action={`/${locale}/library`} role="search">
          <div class="q">
            <label for="home-q">{t('home.searchLibrary')}</label>
            <input id="home-q" type="search" name="q" maxlength={LIMITS.queryMax} placeholder={t('library.searchPlaceholder')} />
          </div>
          <button type="submit">{t('library.searchButton')}</button>
        </form>
        <p>{t('home.stats', stats)}</p>
      </Layout>,
    );
  });
  return app;
}
