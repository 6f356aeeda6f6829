// One practice: its texts in the reader's language (marked when shown in another), who runs it,
// where, since when, its outcomes and links, and the library resources about it.
import { pickText, type Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { href, safeHref } from '../../web/html.ts';
import { ASSETS } from '../../web/assets.ts';
import { FallbackNote, ResultList } from '../library/components.tsx';
import { facetLabel, type Labels } from '../library/labels.ts';
import type { Resource } from '../library/store.ts';
import { actorLabel, yearsLabel } from './components.tsx';
import type { Practice } from './store.ts';

type Props = { ctx: PageContext; practice: Practice; related: Resource[]; labels: Labels };

/** A text in the page's language, or in the fallback language with lang/dir and a note; paragraphs on blank lines. */
function Text({ ctx, text, heading, id }: { ctx: PageContext; text: Localized; heading: string; id: string }) {
  const picked = pickText(text, ctx.locale);
  if (!picked.text) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div lang={picked.fallback ? picked.lang : undefined} dir={picked.fallback ? 'auto' : undefined}>
        {picked.text.split(/\n\s*\n/).map((para) => (
          <p>{para}</p>
        ))}
      </div>
      {picked.fallback ? <FallbackNote ctx={ctx} lang={picked.lang} /> : null}
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function PracticePage({ ctx, practice: p, related, labels }: Props) {
  const { t, locale } = ctx;
  const base = `/${locale}/practices`;
  const title = pickText(p.title, locale);
  const summary = pickText(p.summary, locale);
  const links = p.links.flatMap((l) => {
    const url = safeHref(l.url);
    return url ? [{ url, label: l.label || hostOf(url) }] : [];
  });
  const joined = (items: { href: string; name: string }[]) =>
    items.map((item, i) => (
      <>
        {i > 0 ? ', ' : ''}
        <a href={item.href}>{item.name}</a>
      </>
    ));
  return (
    <Layout ctx={ctx} title={title.text} head={<link rel="stylesheet" href={ASSETS.toolsCss.url} />}>
      <p>
        <a href={base}>{t('practices.back')}</a>
      </p>
      <article class="practice">
        <h1 lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </h1>
        {summary.text ? (
          <p class="lead" lang={summary.fallback ? summary.lang : undefined} dir={summary.fallback ? 'auto' : undefined}>
            {summary.text}
          </p>
        ) : null}
        {summary.text && summary.fallback ? <FallbackNote ctx={ctx} lang={summary.lang} /> : null}
        <h2>{t('resource.details')}</h2>
        <dl class="details">
          <dt>{t('practices.facet.actor')}</dt>
          <dd>
            <a href={href(base, { actor: p.actor })}>{actorLabel(t, p.actor)}</a>
          </dd>
          <dt>{t('practices.facet.years')}</dt>
          <dd>{yearsLabel(t, p)}</dd>
          {p.countries.length ? (
            <>
              <dt>{t('resource.countries')}</dt>
              <dd>{joined(p.countries.map((c) => ({ href: `/${locale}/countries/${c}`, name: facetLabel(labels, t, locale, 'country', c) })))}</dd>
            </>
          ) : null}
          {p.regions.length ? (
            <>
              <dt>{t('resource.regions')}</dt>
              <dd>{joined(p.regions.map((r) => ({ href: href(base, { region: r }), name: facetLabel(labels, t, locale, 'region', r) })))}</dd>
            </>
          ) : null}
          {p.topics.length ? (
            <>
              <dt>{t('resource.topics')}</dt>
              <dd>{joined(p.topics.map((s) => ({ href: href(base, { topic: s }), name: facetLabel(labels, t, locale, 'topic', s) })))}</dd>
            </>
          ) : null}
        </dl>
        <Text ctx={ctx} text={p.description} heading={t('practices.description')} id="description" />
        <Text ctx={ctx} text={p.outcomes} heading={t('practices.outcomes')} id="outcomes" />
        {links.length ? (
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t('practices.links')}</h2>
            <ul class="practice-links">
              {links.map((l) => (
                <li>
                  <a href={l.url} rel="noopener noreferrer">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section class="exports" aria-labelledby="export-heading">
          <h2 id="export-heading" class="muted">{t('library.exportResource')}</h2>
          <a href={`/api/v1/practices/${p.slug}/export.json?lang=${locale}`} download>
            JSON
          </a>
        </section>
      </article>
      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('practices.related')}</h2>
          <ResultList ctx={ctx} items={related} labels={labels} />
        </section>
      ) : null}
    </Layout>
  );
}
