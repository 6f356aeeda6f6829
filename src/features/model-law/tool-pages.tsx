// The model law's tools: search within the law, compare two editions, and the drafting aid form.
import { LOCALES, LOCALE_NAMES, dir, pickText, type Locale } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { allCountryNames } from '../taxonomy/country-names.ts';
import { LawTitle, articlePath, lawPath } from './components.tsx';
import type { ArticleChange } from './compare.ts';
import { LawLayout } from './reading-pages.tsx';
import type { LawHit } from './search.ts';
import type { Edition, EditionTree } from './store.ts';
import { shownText } from './text.ts';

export function LawIndexPage({ ctx, laws }: { ctx: PageContext; laws: Edition[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('modelLaw.indexTitle')}>
      <h1>{t('modelLaw.indexTitle')}</h1>
      <p>{t('modelLaw.indexIntro')}</p>
      {laws.length === 0 ? (
        <p>{t('modelLaw.none')}</p>
      ) : (
        <ul>
          {laws.map((e) => (
            <li>
              <a href={lawPath(locale, e, '', false)}>
                <LawTitle ctx={ctx} edition={e} />
              </a>{' '}
              ({t('modelLaw.edition', { label: e.label })}){e.law.sample ? ` · ${t('modelLaw.sample')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function LawSearchPage({ ctx, tree, q, hits }: { ctx: PageContext; tree: EditionTree; q: string; hits: LawHit[] }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  return (
    <LawLayout ctx={ctx} edition={edition} title={t('modelLaw.search')}>
      <h1>{t('modelLaw.searchTitle')}</h1>
      <form method="get" action={lawPath(locale, edition, '/search', false)} role="search" class="search">
        <input type="hidden" name="edition" value={edition.label} />
        <div class="q">
          <label for="law-q">{t('modelLaw.searchLabel')}</label>
          <input id="law-q" type="search" name="q" value={q} maxlength={200} />
        </div>
        <button type="submit">{t('modelLaw.searchButton')}</button>
      </form>
      {q && <p role="status">{t('modelLaw.searchCount', { count: hits.length, q })}</p>}
      <ol class="law-hits">
        {hits.map((hit) => {
          const article = tree.byKey.get(hit.key)!;
          const shown = shownText(article, hit.locale, edition.law.sourceLocale);
          return (
            <li>
              <h2>
                <a href={articlePath(locale, edition, article)}>
                  {t('modelLaw.articleNumber', { number: article.number })}.{' '}
                  <span lang={hit.locale} dir={dir(hit.locale)}>{shown?.text.heading}</span>
                </a>
              </h2>
              <p lang={hit.locale} dir={dir(hit.locale)}>
                {hit.snippet.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}
              </p>
              {hit.locale !== locale && <p class="fallback">{t('modelLaw.matchedIn', { language: LOCALE_NAMES[hit.locale] })}</p>}
            </li>
          );
        })}
      </ol>
    </LawLayout>
  );
}

export function ComparePage({ ctx, edition, editions, from, to, changes }: {
  ctx: PageContext; edition: Edition; editions: Edition[]; from: Edition | undefined; to: Edition | undefined; changes: ArticleChange[] | undefined;
}) {
  const { t, locale } = ctx;
  const changed = changes?.filter((c) => c.kind !== 'unchanged' || c.renumbered) ?? [];
  const picker = (name: 'from' | 'to', selected: Edition | undefined) => (
    <>
      <label for={`compare-${name}`}>{t(name === 'from' ? 'modelLaw.compareFrom' : 'modelLaw.compareTo')}</label>
      <select id={`compare-${name}`} name={name}>
        {editions.map((e) => (
          <option value={e.label} selected={e.id === selected?.id}>{e.label} ({e.year})</option>
        ))}
      </select>
    </>
  );
  return (
    <LawLayout ctx={ctx} edition={edition} title={t('modelLaw.compareEditions')}>
      <h1>{t('modelLaw.compareEditions')}</h1>
      {editions.length < 2 ? (
        <p>{t('modelLaw.compareOnlyOne')}</p>
      ) : (
        <form method="get" action={`/${locale}/model-law/${edition.law.slug}/compare`} class="pair-picker">
          {picker('from', from)}
          {picker('to', to)}
          <button type="submit">{t('modelLaw.show')}</button>
        </form>
      )}
      {changes && from && to && (
        <>
          <p role="status">{t('modelLaw.compareSummary', {
            added: changes.filter((c) => c.kind === 'added').length,
            removed: changes.filter((c) => c.kind === 'removed').length,
            changed: changes.filter((c) => c.kind === 'changed').length,
            renumbered: changes.filter((c) => c.renumbered).length,
          })}</p>
          {changed.length === 0 && <p>{t('modelLaw.compareSame')}</p>}
          <ol class="law-changes">
            {changed.map((c) => {
              const node = c.to ?? c.from!;
              const heading = shownText(node, locale, edition.law.sourceLocale)?.text.heading ?? c.key;
              return (
                <li class={`change-${c.kind}`}>
                  <h2>
                    {c.from && c.to && c.renumbered
                      ? t('modelLaw.renumberedFromTo', { from: c.from.number, to: c.to.number })
                      : t('modelLaw.articleNumber', { number: node.number })}
                    . {heading}
                  </h2>
                  <p>
                    <strong>{t(`modelLaw.change.${c.kind}`)}</strong>
                    {c.renumbered ? ` · ${t('modelLaw.change.renumbered')}` : ''}
                  </p>
                  {c.words && (
                    <p class="word-diff" lang={locale} dir={ctx.dir}>
                      {c.words.map((w) => (w.added ? <ins>{w.text}</ins> : w.removed ? <del>{w.text}</del> : w.text))}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </LawLayout>
  );
}

export function DraftPage({ ctx, tree, selected, country, language }: { ctx: PageContext; tree: EditionTree; selected: Set<string>; country: string; language: Locale }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const countries = allCountryNames().sort((a, b) => (a.names[locale] ?? a.code).localeCompare(b.names[locale] ?? b.code, locale));
  const chapters = tree.roots.flatMap((n) => (n.kind === 'part' ? n.children : [n]));
  return (
    <LawLayout ctx={ctx} edition={edition} title={t('modelLaw.draftingAid')}>
      <h1>{t('modelLaw.draftingAid')}</h1>
      <p>{t('modelLaw.draft.intro')}</p>
      <form method="get" action={lawPath(locale, edition, '/draft.docx', false)} class="draft-form">
        <input type="hidden" name="edition" value={edition.label} />
        {chapters.map((chapter) => (
          <fieldset>
            <legend>
              {t('modelLaw.chapterNumber', { number: chapter.number })}. {shownText(chapter, locale, edition.law.sourceLocale)?.text.heading}
            </legend>
            {chapter.children.map((a) => (
              <div class="check">
                <input type="checkbox" id={`a-${a.key}`} name="article" value={a.key} checked={selected.has(a.key)} />
                <label for={`a-${a.key}`}>
                  {t('modelLaw.articleNumber', { number: a.number })}. {shownText(a, locale, edition.law.sourceLocale)?.text.heading}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
        <div class="form-row">
          <label for="draft-language">{t('modelLaw.draft.language')}</label>
          <select id="draft-language" name="language">
            {LOCALES.map((l) => (
              <option value={l} selected={l === language}>{LOCALE_NAMES[l]}</option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="draft-country">{t('modelLaw.draft.country')}</label>
          <select id="draft-country" name="country">
            <option value="">{t('modelLaw.draft.noCountry')}</option>
            {countries.map((c) => (
              <option value={c.code} selected={c.code === country}>{pickText(c.names, locale).text}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('modelLaw.draft.docx')}</button>{' '}
        <button type="submit" formaction={lawPath(locale, edition, '/draft.md', false)}>{t('modelLaw.draft.markdown')}</button>
      </form>
    </LawLayout>
  );
}
