// The model law as a reader meets it: the table of contents, an article with its sources, and two
// languages side by side (each column with its own lang and dir, aligned article by article).
import type { Child } from 'hono/jsx';
import { LOCALES, LOCALE_NAMES, dir, type Locale } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import { ArticleHeading, ArticleParagraphs, LawNav, LawTitle, SampleBanner, SourcesPanel, articlePath, lawPath } from './components.tsx';
import { sourceCounts, type Edition, type EditionTree, type LawNode } from './store.ts';
import { shownText } from './text.ts';

export function LawLayout({ ctx, edition, title, children }: { ctx: PageContext; edition: Edition; title: string; children: Child }) {
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ASSETS.modelLawCss.url} />}>
      <SampleBanner ctx={ctx} edition={edition} />
      <p class="law-name">
        <a href={lawPath(ctx.locale, edition)}>
          <LawTitle ctx={ctx} edition={edition} />
        </a>{' '}
        · {ctx.t('modelLaw.edition', { label: edition.label })}
      </p>
      <LawNav ctx={ctx} edition={edition} />
      {children}
    </Layout>
  );
}

function NodeHeading({ ctx, node, sourceLocale }: { ctx: PageContext; node: LawNode; sourceLocale: Locale }) {
  const shown = shownText(node, ctx.locale, sourceLocale);
  const label = node.kind === 'part' ? ctx.t('modelLaw.partNumber', { number: node.number }) : ctx.t('modelLaw.chapterNumber', { number: node.number });
  return (
    <>
      {label}. <span lang={shown?.fallback ? shown.lang : undefined}>{shown?.text.heading}</span>
    </>
  );
}

export function TocPage({ ctx, tree, editions }: { ctx: PageContext; tree: EditionTree; editions: Edition[] }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const counts = sourceCounts(tree);
  const source = edition.law.sourceLocale;
  const renderNode = (node: LawNode): Child => {
    if (node.kind === 'article') {
      return (
        <li>
          <ArticleHeading ctx={ctx} article={node} sourceLocale={source} level={3} link={articlePath(locale, edition, node)} />
        </li>
      );
    }
    return (
      <li class={`toc-${node.kind}`}>
        <h2 id={node.key}>
          <NodeHeading ctx={ctx} node={node} sourceLocale={source} />
        </h2>
        <ol class="toc-list">{node.children.map(renderNode)}</ol>
      </li>
    );
  };
  return (
    <LawLayout ctx={ctx} edition={edition} title={t('modelLaw.contents')}>
      <h1>
        <LawTitle ctx={ctx} edition={edition} />
      </h1>
      <p class="law-counts">
        {t('modelLaw.counts', { articles: tree.articles.length, laws: counts.nationalLaws, countries: counts.countries, instruments: counts.instruments })}
      </p>
      {editions.length > 1 && (
        <form method="get" action={lawPath(locale, edition, '', false)} class="edition-picker">
          <label for="edition">{t('modelLaw.chooseEdition')}</label>
          <select id="edition" name="edition">
            {editions.map((e) => (
              <option value={e.label} selected={e.id === edition.id}>
                {e.label} ({e.year})
              </option>
            ))}
          </select>
          <button type="submit">{t('modelLaw.show')}</button>
        </form>
      )}
      <p class="law-downloads">
        {t('modelLaw.download')}{' '}
        <a href={lawPath(locale, edition, '/export.json')}>JSON</a> · <a href={lawPath(locale, edition, '/export.akn.xml')}>Akoma Ntoso XML</a> ·{' '}
        <a href={lawPath(locale, edition, '/export.docx')}>DOCX</a> · {t('modelLaw.printHint')}
      </p>
      <ol class="toc">{tree.roots.map(renderNode)}</ol>
    </LawLayout>
  );
}

export function ArticlePage({ ctx, tree, article }: { ctx: PageContext; tree: EditionTree; article: LawNode }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const source = edition.law.sourceLocale;
  const index = tree.articles.indexOf(article);
  const previous = tree.articles[index - 1];
  const next = tree.articles[index + 1];
  const shown = shownText(article, locale, source);
  return (
    <LawLayout ctx={ctx} edition={edition} title={`${t('modelLaw.articleNumber', { number: article.number })}. ${shown?.text.heading ?? ''}`}>
      <article class="law-article">
        <ArticleHeading ctx={ctx} article={article} sourceLocale={source} level={1} />
        <ArticleParagraphs ctx={ctx} article={article} locale={locale} sourceLocale={source} />
        <p class="other-languages">
          {t('modelLaw.otherLanguages')}{' '}
          {LOCALES.filter((l) => l !== locale && article.texts[l]).map((l, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={`/${l}/model-law/${edition.law.slug}/articles/${article.key}?edition=${encodeURIComponent(edition.label)}`} hreflang={l} lang={l} dir={dir(l)}>
                {LOCALE_NAMES[l]}
              </a>
            </>
          ))}
          {' · '}
          <a href={`${lawPath(locale, edition, '/side-by-side')}&left=${locale}&right=${locale === 'en' ? 'ar' : 'en'}#article-${article.key}`}>
            {t('modelLaw.sideBySide')}
          </a>
        </p>
        <SourcesPanel ctx={ctx} article={article} />
      </article>
      <nav aria-label={t('modelLaw.articleNav')} class="article-nav">
        {previous && (
          <a href={articlePath(locale, edition, previous)} rel="prev">
            {t('modelLaw.previous', { number: previous.number })}
          </a>
        )}
        {next && (
          <a href={articlePath(locale, edition, next)} rel="next">
            {t('modelLaw.next', { number: next.number })}
          </a>
        )}
      </nav>
    </LawLayout>
  );
}

export function SideBySidePage({ ctx, tree, left, right }: { ctx: PageContext; tree: EditionTree; left: Locale; right: Locale }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const source = edition.law.sourceLocale;
  const column = (l: Locale, article: LawNode) => {
    const shown = shownText(article, l, source);
    return (
      <td lang={l} dir={dir(l)}>
        {shown && !shown.fallback ? (
          <>
            <p class="column-heading">
              <strong>{shown.text.heading}</strong>
            </p>
            {shown.status === 'outdated' && <p class="outdated">{t('modelLaw.outdated')}</p>}
            <ol class="paragraphs">
              {shown.text.paragraphs.map((p) => (
                <li>{p}</li>
              ))}
            </ol>
          </>
        ) : (
          <p class="missing" lang={locale} dir={ctx.dir}>
            {t('modelLaw.noTextIn', { language: LOCALE_NAMES[l] })}
          </p>
        )}
      </td>
    );
  };
  return (
    <LawLayout ctx={ctx} edition={edition} title={t('modelLaw.sideBySide')}>
      <h1>{t('modelLaw.sideBySideTitle', { left: LOCALE_NAMES[left], right: LOCALE_NAMES[right] })}</h1>
      <form method="get" action={lawPath(locale, edition, '/side-by-side', false)} class="pair-picker">
        <input type="hidden" name="edition" value={edition.label} />
        <label for="left">{t('modelLaw.leftLanguage')}</label>
        <select id="left" name="left">
          {LOCALES.map((l) => (
            <option value={l} selected={l === left}>{LOCALE_NAMES[l]}</option>
          ))}
        </select>
        <label for="right">{t('modelLaw.rightLanguage')}</label>
        <select id="right" name="right">
          {LOCALES.map((l) => (
            <option value={l} selected={l === right}>{LOCALE_NAMES[l]}</option>
          ))}
        </select>
        <button type="submit">{t('modelLaw.show')}</button>
      </form>
      <table class="side-by-side">
        <caption>{t('modelLaw.sideBySideCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('modelLaw.articleColumn')}</th>
            <th scope="col" lang={left} dir={dir(left)}>{LOCALE_NAMES[left]}</th>
            <th scope="col" lang={right} dir={dir(right)}>{LOCALE_NAMES[right]}</th>
          </tr>
        </thead>
        <tbody>
          {tree.articles.map((article) => (
            <tr id={`article-${article.key}`}>
              <th scope="row">
                <a href={articlePath(locale, edition, article)}>{article.number}</a>
              </th>
              {column(left, article)}
              {column(right, article)}
            </tr>
          ))}
        </tbody>
      </table>
    </LawLayout>
  );
}
