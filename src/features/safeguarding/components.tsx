// Pieces the self-audit pages share: the frame of a private (token) page, localised content with
// its language marked when it falls back, and the paths.
import type { Child } from 'hono/jsx';
import { dir, pickText, type Locale, type Localized } from '../../i18n/locales.ts';
import { ASSETS } from '../../web/assets.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';

export const startPath = (locale: Locale) => `/${locale}/self-audit`;
export const auditPath = (locale: Locale, token: string) => `/${locale}/self-audit/a/${token}`;

/** Content text in the page's language, or marked with its own language when it falls back. */
export function Text({ ctx, value }: { ctx: PageContext; value: Localized }) {
  const picked = pickText(value, ctx.locale);
  if (!picked.fallback) return <>{picked.text}</>;
  return (
    <span lang={picked.lang} dir={dir(picked.lang)}>
      {picked.text}
    </span>
  );
}

export const plain = (ctx: PageContext, value: Localized) => pickText(value, ctx.locale).text;

/** Public self-audit pages: the tools stylesheet. */
export function ToolPage({ ctx, title, children }: { ctx: PageContext; title: string; children: Child }) {
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      {children}
    </Layout>
  );
}

/**
 * Pages reached through an audit's token: kept out of search engines, and no address (which holds
 * the token) is sent on to other sites when a link is followed. "same-origin" rather than
 * "no-referrer": with no-referrer, browsers send `Origin: null` on our own form posts, which the
 * CSRF check rightly refuses.
 */
export function PrivatePage({ ctx, title, children, script = false }: { ctx: PageContext; title: string; children: Child; script?: boolean }) {
  const head = (
    <>
      <meta name="robots" content="noindex, nofollow" />
      <meta name="referrer" content="same-origin" />
      <link rel="stylesheet" href={ASSETS.toolsCss.url} />
    </>
  );
  return (
    <Layout ctx={ctx} title={title} head={head} scripts={script ? [ASSETS.safeguardingJs.url] : []}>
      {children}
    </Layout>
  );
}

/** The links every page of an audit carries. */
export function AuditLinks({ ctx, token, current }: { ctx: PageContext; token: string; current: 'audit' | 'results' | 'delete' }) {
  const { t, locale } = ctx;
  const base = auditPath(locale, token);
  const link = (href: string, label: string, here: boolean) => (
    <li>
      <a href={href} aria-current={here ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="safeguarding-links" aria-label={t('safeguarding.links.label')}>
      <ul>
        {link(base, t('safeguarding.links.answers'), current === 'audit')}
        {link(`${base}/results`, t('safeguarding.links.results'), current === 'results')}
        <li>
          <a href={`${base}/export.json`} download>
            {t('safeguarding.links.export')}
          </a>
        </li>
        {link(`${base}/delete`, t('safeguarding.links.delete'), current === 'delete')}
      </ul>
    </nav>
  );
}
