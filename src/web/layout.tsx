// The page frame: language and direction on <html>, skip link, header with language switcher, footer.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { LOCALES, LOCALE_NAMES, dir } from '../i18n/locales.ts';
import { ASSETS } from './assets.ts';
import type { PageContext } from './context.ts';

export type LayoutProps = {
  ctx: PageContext;
  title: string;
  children: Child;
  scripts?: string[];
  head?: Child;
};

export function Layout({ ctx, title, children, scripts = [], head }: LayoutProps) {
  const { t, locale } = ctx;
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang={locale} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <link rel="stylesheet" href={ASSETS.css.url} />
        {LOCALES.filter((l) => l !== locale).map((l) => (
          <link rel="alternate" hreflang={l} href={`/${l}${ctx.pathInLocale}`} />
        ))}
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site">
          <a class="brand" href={`/${locale}`}>
            {t('site.name')}
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              <li><a href={`/${locale}/library`}>{t('nav.library')}</a></li>
              <li><a href={`/${locale}/model-law`}>{t('nav.modelLaw')}</a></li>
              <li><a href={`/${locale}/reviews`}>{t('nav.reviews')}</a></li>
              <li><a href={`/${locale}/practices`}>{t('nav.practices')}</a></li>
              <li><a href={`/${locale}/terminology`}>{t('nav.terminology')}</a></li>
              <li><a href={`/${locale}/self-audit`}>{t('nav.selfAudit')}</a></li>
              <li><a href={`/${locale}/library/topics`}>{t('nav.topics')}</a></li>
              <li><a href={`/${locale}/countries`}>{t('nav.countries')}</a></li>
              <li><a href={`/${locale}/library/publishers`}>{t('nav.publishers')}</a></li>
              <li><a href="/api/docs">{t('nav.api')}</a></li>
            </ul>
          </nav>
          <LanguageSwitcher ctx={ctx} />
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <p>{t('footer.openData')}</p>
          <p>{t('footer.help')}</p>
        </footer>
        {scripts.map((src) => (
          <script type="module" src={src} />
        ))}
      </body>
    </html>
    </>
  );
}

/** Links to this page in each language, each named in its own language and direction. */
export function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <nav aria-label={ctx.t('nav.language')} class="langs">
      <ul>
        {LOCALES.map((l) => (
          <li>
            <a href={`/${l}${ctx.pathInLocale}`} hreflang={l} lang={l} dir={dir(l)} aria-current={l === ctx.locale ? 'true' : undefined}>
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
