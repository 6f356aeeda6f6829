// Index pages of topics, countries and publishers, and the page of one of them with its resources.
import { pickText } from '../../i18n/locales.ts';
import { formatNumber } from '../../i18n/messages.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { ResultList } from './components.tsx';
import type { Labels } from './labels.ts';
import type { Resource } from './store.ts';

export type IndexEntry = { key: string; name: string; lang?: string; count: number };

export function IndexPage({ ctx, title, intro, entries, path }: { ctx: PageContext; title: string; intro: string; entries: IndexEntry[]; path: string }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{intro}</p>
      <ul class="cols">
        {entries.map((e) => (
          <li>
            <a href={`/${locale}/library/${path}/${e.key}`} lang={e.lang}>
              {e.name}
            </a>{' '}
            <span class="muted">{t('list.resourceCount', { count: e.count })}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function VocabularyPage(props: {
  ctx: PageContext;
  heading: string;
  libraryLink: string;
  items: Resource[];
  total: number;
  labels: Labels;
  aside?: { title: string; links: { href: string; name: string }[] };
}) {
  const { ctx, heading, items, total, labels, libraryLink, aside } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      {aside && aside.links.length ? (
        <section aria-labelledby="aside-heading">
          <h2 id="aside-heading">{aside.title}</h2>
          <ul class="chips">
            {aside.links.map((l) => (
              <li>
                <a href={l.href}>{l.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t('list.resourceCount', { count: total })}</h2>
      <ResultList ctx={ctx} items={items} labels={labels} />
      <p>
        <a href={libraryLink}>
          {t('list.seeAll')} ({formatNumber(locale, total)})
        </a>
      </p>
    </Layout>
  );
}

export const nameIn = (ctx: PageContext, names: Parameters<typeof pickText>[0]) => pickText(names, ctx.locale).text;
