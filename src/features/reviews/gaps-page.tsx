// A country's gap analysis: each criterion its law does not (fully) meet, the model-law article
// that would meet it, and the countries of its regions that meet it, with their citations.
import { dir, pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { DownloadLinks, EditionLine, EditionSelect, ReviewLayout, StatusLabel, Text, formatScore, frameworkCrumb, reviewsPath } from './components.tsx';
import type { RegionInfo } from './queries.ts';
import type { Citation, GapAnalysis, GapRow } from './review-data.ts';
import type { Framework, ReviewEdition } from './store.ts';

export type GapsPageProps = {
  ctx: PageContext;
  framework: Framework;
  editions: ReviewEdition[];
  edition: ReviewEdition;
  country: string;
  countryName: string;
  analysis: GapAnalysis;
};

function CitationText({ citation }: { citation: Citation }) {
  const text = citation.kind === 'law' ? `${citation.title}${citation.year ? ` (${citation.year})` : ''}, ${citation.provision}` : citation.text;
  return citation.link ? (
    <a href={citation.link} rel="external">
      {text}
    </a>
  ) : (
    <>{text}</>
  );
}

function GapItem({ ctx, row, regions, hasModelLaw }: { ctx: PageContext; row: GapRow; regions: RegionInfo[]; hasModelLaw: boolean }) {
  const { t, locale } = ctx;
  const description = pickText(row.criterion.description, locale);
  const regionName = (code: string) => pickText(regions.find((r) => r.code === code)?.names, locale).text;
  return (
    <li class="gap">
      <h3>
        <Text value={row.criterion.name} locale={locale} />
      </h3>
      {description.text && (
        <p class="meta" lang={description.fallback ? description.lang : undefined}>
          {description.text}
        </p>
      )}
      <p>
        {t('reviews.statusLabel')}{' '}
        <StatusLabel ctx={ctx} status={row.status} />
      </p>
      <p>
        {t('reviews.modelLawLabel')}{' '}
        {row.article ? (
          <a href={row.article.path}>
            {t('reviews.articleNumber', { number: row.article.number })}.{' '}
            <span lang={row.article.lang !== locale ? row.article.lang : undefined} dir={row.article.lang !== locale ? dir(row.article.lang) : undefined}>
              {row.article.heading}
            </span>
          </a>
        ) : hasModelLaw ? (
          t('reviews.noArticle')
        ) : (
          t('reviews.noModelLaw')
        )}
      </p>
      {row.neighbours.length === 0 ? (
        <p>{t('reviews.noNeighbours')}</p>
      ) : (
        <>
          <p>{t('reviews.neighbours')}</p>
          <ul class="neighbours">
            {row.neighbours.map((n) => (
              <li>
                <strong>{n.name}</strong> ({regionName(n.region)}):{' '}
                {n.citations.length === 0 ? (
                  <span class="muted">{t('reviews.noCitation')}</span>
                ) : (
                  n.citations.map((c, i) => (
                    <>
                      {i > 0 ? '; ' : ''}
                      <CitationText citation={c} />
                    </>
                  ))
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

export function GapsPage({ ctx, framework, editions, edition, country, countryName, analysis }: GapsPageProps) {
  const { t, locale } = ctx;
  const title = t('reviews.gapsTitle', { country: countryName });
  const path = reviewsPath(locale, framework.key, `/gaps/${country}`);
  const score = analysis.score;
  return (
    <ReviewLayout ctx={ctx} title={title} edition={edition} crumbs={[frameworkCrumb(ctx, framework, edition), { label: countryName }]}>
      <h1>{title}</h1>
      <p class="page-kind">
        <Text value={framework.name} locale={locale} />
      </p>
      <EditionLine ctx={ctx} edition={edition} />
      <p>{t('reviews.gapsIntro', { country: countryName })}</p>
      {editions.length > 1 && (
        <form method="get" action={path} class="review-filters" aria-label={t('reviews.filters')}>
          <EditionSelect ctx={ctx} editions={editions} edition={edition} />
          <button type="submit">{t('reviews.show')}</button>
        </form>
      )}
      <p class="country-score">
        {score && score.score !== null
          ? t('reviews.countryScore', { score: formatScore(locale, score.score), rank: score.rank ?? 0, count: analysis.assessedCountries })
          : t('reviews.countryUnscored', { country: countryName })}{' '}
        {t('reviews.metCount', { count: analysis.met.length })}
      </p>
      {analysis.regions.length === 0 && <p>{t('reviews.noRegions')}</p>}

      <section aria-labelledby="gaps">
        <h2 id="gaps">{t('reviews.gapsHeading')}</h2>
        {analysis.gaps.length === 0 ? (
          <p>{t('reviews.noGaps')}</p>
        ) : (
          <ol class="gap-list">
            {analysis.gaps.map((row) => (
              <GapItem ctx={ctx} row={row} regions={analysis.regions} hasModelLaw={analysis.hasModelLaw} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="not-assessed">
        <h2 id="not-assessed">{t('reviews.notAssessedHeading')}</h2>
        {analysis.notAssessed.length === 0 ? (
          <p>{t('reviews.allAssessed')}</p>
        ) : (
          <>
            <p>{t('reviews.notAssessedIntro')}</p>
            <ol class="gap-list">
              {analysis.notAssessed.map((row) => (
                <GapItem ctx={ctx} row={row} regions={analysis.regions} hasModelLaw={analysis.hasModelLaw} />
              ))}
            </ol>
          </>
        )}
      </section>

      <DownloadLinks
        ctx={ctx}
        csv={reviewsPath(locale, framework.key, `/gaps/${country}.csv`, { edition: edition.label })}
        json={reviewsPath(locale, framework.key, `/gaps/${country}.json`, { edition: edition.label })}
      />
      <nav aria-label={t('reviews.more')} class="review-links">
        <ul>
          <li>
            <a href={`/${locale}/countries/${country}`}>{t('reviews.profileLinkLabel', { country: countryName })}</a>
          </li>
          {analysis.regions.map((r) => (
            <li>
              <a href={reviewsPath(locale, framework.key, `/regions/${r.code}`, { edition: edition.label })}>
                {t('reviews.regionTitle', { region: pickText(r.names, locale).text })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </ReviewLayout>
  );
}
