// One resource: its details, links to its topics, countries and publishers, exports and related resources.
import type { Child } from 'hono/jsx';
import { pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { safeHref } from '../../web/html.ts';
import { ResultList, FallbackNote } from './components.tsx';
import { facetLabel, type Labels } from './labels.ts';
import type { Resource } from './store.ts';
import { EXPORT_FORMATS } from './export-formats.ts';
import type { Attachment } from '../attachments/store.ts';
import { PublicAttachmentList } from '../attachments/views.tsx';

/** `banner`: the back office's preview shows this page with a notice above it (and keeps it out of search engines). */
type Props = { ctx: PageContext; resource: Resource; related: Resource[]; labels: Labels; attachments?: Attachment[]; banner?: Child };

export function ResourcePage({ ctx, resource: r, related, labels, attachments = [], banner }: Props) {
  const { t, locale } = ctx;
  const title = pickText(r.title, locale);
  const summary = pickText(r.summary, locale);
  const lib = `/${locale}/library`;
  const links = (items: string[], facet: 'topic' | 'country' | 'publisher', path: string) =>
    items.map((v, i) => (
      <>
        {i > 0 ? ', ' : ''}
        <a href={`${lib}/${path}/${v}`}>{facetLabel(labels, t, locale, facet, v)}</a>
      </>
    ));
  return (
    <Layout ctx={ctx} title={title.text} head={banner ? <meta name="robots" content="noindex" /> : undefined}>
      {banner}
      <p>
        <a href={lib}>{t('resource.backToLibrary')}</a>
      </p>
      <article>
        <h1 lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </h1>
        {summary.text ? (
          <p lang={summary.fallback ? summary.lang : undefined} dir={summary.fallback ? 'auto' : undefined}>
            {summary.text}
          </p>
        ) : null}
        {summary.fallback && summary.text ? <FallbackNote ctx={ctx} lang={summary.lang} /> : null}
        <h2>{t('resource.details')}</h2>
        <dl class="details">
          <dt>{t('resource.type')}</dt>
          <dd>
            <a href={`${lib}?type=${r.type}`}>{facetLabel(labels, t, locale, 'type', r.type)}</a>
          </dd>
          <dt>{t('resource.year')}</dt>
          <dd>{r.year ?? t('library.yearUnknown')}</dd>
          {r.publishers.length ? (
            <>
              <dt>{t('resource.publishers')}</dt>
              <dd>{links(r.publishers, 'publisher', 'publishers')}</dd>
            </>
          ) : null}
          {r.topics.length ? (
            <>
              <dt>{t('resource.topics')}</dt>
              <dd>{links(r.topics, 'topic', 'topics')}</dd>
            </>
          ) : null}
          {r.countries.length ? (
            <>
              <dt>{t('resource.countries')}</dt>
              <dd>{links(r.countries, 'country', 'countries')}</dd>
            </>
          ) : null}
          {r.regions.length ? (
            <>
              <dt>{t('resource.regions')}</dt>
              <dd>
                {r.regions.map((v, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`${lib}/regions/${v}`}>{facetLabel(labels, t, locale, 'region', v)}</a>
                  </>
                ))}
              </dd>
            </>
          ) : null}
          {r.languages.length ? (
            <>
              <dt>{t('resource.languages')}</dt>
              <dd>{r.languages.map((l) => facetLabel(labels, t, locale, 'language', l)).join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <p>{safeHref(r.link) ? <a href={safeHref(r.link)} rel="noopener noreferrer">{t('resource.link')}</a> : t('resource.noLink')}</p>
        <PublicAttachmentList ctx={ctx} attachments={attachments} />
        <section class="exports" aria-labelledby="cite-heading">
          <h2 id="cite-heading" class="muted">{t('library.exportResource')}</h2>
          {EXPORT_FORMATS.map((f) => (
            <a href={`/api/v1/resources/${r.id}/export.${f.extension}?lang=${locale}`} download>
              {f.label}
            </a>
          ))}
        </section>
      </article>
      <section aria-labelledby="related-heading">
        <h2 id="related-heading">{t('resource.related')}</h2>
        {related.length ? <ResultList ctx={ctx} items={related} labels={labels} /> : <p>{t('resource.noRelated')}</p>}
      </section>
    </Layout>
  );
}
