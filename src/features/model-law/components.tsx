// Pieces shared by the model law's pages.
import { LOCALE_NAMES, dir, type Locale } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { countryName } from '../taxonomy/country-names.ts';
import type { Edition, LawNode, ResolvedSource } from './store.ts';
import { shownText } from './text.ts';
import { pickText } from '../../i18n/locales.ts';
import { safeHref } from '../../web/html.ts';

export function lawPath(locale: Locale, edition: Edition, rest = '', editionParam = true): string {
  const query = editionParam ? `?edition=${encodeURIComponent(edition.label)}` : '';
  return `/${locale}/model-law/${edition.law.slug}${rest}${query}`;
}

export function articlePath(locale: Locale, edition: Edition, article: LawNode): string {
  return lawPath(locale, edition, `/articles/${article.key}`);
}

/** Every page of a sample law says so, before anything else. */
export function SampleBanner({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  if (!edition.law.sample) return null;
  const note = pickText(edition.note, ctx.locale);
  return (
    <p class="sample-banner" role="note">
      <strong>{ctx.t('modelLaw.sample')}</strong> <span lang={note.fallback ? note.lang : undefined}>{note.text}</span>
    </p>
  );
}

export function LawTitle({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const title = pickText(edition.law.title, ctx.locale);
  return <span lang={title.fallback ? title.lang : undefined}>{title.text}</span>;
}

/** The law's own navigation: contents, side by side, search, editions, exports, drafting aid. */
export function LawNav({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const { t, locale } = ctx;
  const other = locale === 'en' ? 'ar' : 'en';
  return (
    <nav aria-label={t('modelLaw.navLabel')} class="law-nav">
      <ul>
        <li><a href={lawPath(locale, edition)}>{t('modelLaw.contents')}</a></li>
        <li><a href={`${lawPath(locale, edition, '/side-by-side')}&left=${locale}&right=${other}`}>{t('modelLaw.sideBySide')}</a></li>
        <li><a href={lawPath(locale, edition, '/search')}>{t('modelLaw.search')}</a></li>
        <li><a href={lawPath(locale, edition, '/compare', false)}>{t('modelLaw.compareEditions')}</a></li>
        <li><a href={lawPath(locale, edition, '/draft')}>{t('modelLaw.draftingAid')}</a></li>
      </ul>
    </nav>
  );
}

export function ArticleHeading({ ctx, article, sourceLocale, level = 2, link }: { ctx: PageContext; article: LawNode; sourceLocale: Locale; level?: 1 | 2 | 3; link?: string }) {
  const shown = shownText(article, ctx.locale, sourceLocale);
  const label = ctx.t('modelLaw.articleNumber', { number: article.number });
  const heading = shown?.text.heading ?? '';
  const inner = (
    <>
      <span class="article-number">{label}.</span>{' '}
      <span lang={shown?.fallback ? shown.lang : undefined} dir={shown?.fallback ? dir(shown.lang) : undefined}>
        {heading}
      </span>
    </>
  );
  const content = link ? <a href={link}>{inner}</a> : inner;
  if (level === 1) return <h1 id={`article-${article.key}`}>{content}</h1>;
  if (level === 3) return <h3 id={`article-${article.key}`}>{content}</h3>;
  return <h2 id={`article-${article.key}`}>{content}</h2>;
}

/** The paragraphs of an article in one language, with the state of that translation. */
export function ArticleParagraphs({ ctx, article, locale, sourceLocale }: { ctx: PageContext; article: LawNode; locale: Locale; sourceLocale: Locale }) {
  const shown = shownText(article, locale, sourceLocale);
  if (!shown) return <p class="missing">{ctx.t('modelLaw.noText')}</p>;
  return (
    <>
      {shown.fallback && (
        <p class="fallback">{ctx.t('modelLaw.fallback', { language: LOCALE_NAMES[shown.lang] })}</p>
      )}
      {shown.status === 'outdated' && <p class="outdated">{ctx.t('modelLaw.outdated')}</p>}
      <ol class="paragraphs" lang={shown.lang} dir={dir(shown.lang)}>
        {shown.text.paragraphs.map((p) => (
          <li>{p}</li>
        ))}
      </ol>
    </>
  );
}

/** "Where this comes from": the instruments, then national laws grouped by country. */
export function SourcesPanel({ ctx, article }: { ctx: PageContext; article: LawNode }) {
  const { t, locale } = ctx;
  const instruments = article.sources.filter((s): s is Extract<ResolvedSource, { kind: 'instrument' }> => s.kind === 'instrument');
  const national = article.sources.filter((s): s is Extract<ResolvedSource, { kind: 'national' }> => s.kind === 'national');
  const countries = [...new Set(national.map((s) => s.country))].sort((a, b) => countryName(a, locale).localeCompare(countryName(b, locale), locale));
  return (
    <aside class="sources" aria-labelledby={`sources-${article.key}`}>
      <h2 id={`sources-${article.key}`}>{t('modelLaw.sources')}</h2>
      {article.sources.length === 0 && <p>{t('modelLaw.noSources')}</p>}
      {instruments.length > 0 && (
        <>
          <h3>{t('modelLaw.instruments')}</h3>
          <ul>
            {instruments.map((s) => {
              const short = pickText(s.shortName, locale);
              const title = pickText(s.title, locale);
              return (
                <li>
                  <a href={safeHref(s.link)} rel="external">
                    <span lang={short.fallback ? short.lang : undefined}>{short.text}</span>
                  </a>
                  {', '}
                  {t('modelLaw.provisionRef', { ref: s.ref })}
                  {title.text ? (
                    <>
                      {': '}
                      <span lang={title.fallback ? title.lang : undefined}>{title.text}</span>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {countries.length > 0 && (
        <>
          <h3>{t('modelLaw.nationalLaws')}</h3>
          <dl>
            {countries.map((code) => (
              <>
                <dt>{countryName(code, locale)}</dt>
                {national
                  .filter((s) => s.country === code)
                  .map((s) => {
                    const summary = pickText(s.summary, locale);
                    return (
                      <dd>
                        {safeHref(s.link) ? <a href={safeHref(s.link)} rel="external">{s.lawTitle}</a> : s.lawTitle} ({s.year}), {s.ref}
                        {summary.text ? (
                          <>
                            {': '}
                            <span lang={summary.fallback ? summary.lang : undefined}>{summary.text}</span>
                          </>
                        ) : null}
                      </dd>
                    );
                  })}
              </>
            ))}
          </dl>
        </>
      )}
    </aside>
  );
}
