// A regional review: every member country against every criterion (words, not only colours), the
// region's totals per criterion, its average score, and the editors' recommendations.
import { LOCALE_NAMES, pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { DownloadLinks, EditionLine, EditionSelect, Paragraphs, ReviewLayout, STATUSES, STATUS_KEYS, Score, StatusLabel, Text, formatScore, frameworkCrumb, reviewsPath } from './components.tsx';
import type { RegionInfo } from './queries.ts';
import type { RegionalReview, StatusCounts } from './review-data.ts';
import type { AssessmentStatus } from './scores.ts';
import type { Framework, ReviewEdition } from './store.ts';

const COUNT_OF: Record<AssessmentStatus, keyof StatusCounts> = { met: 'met', partly: 'partly', not_met: 'notMet', not_assessed: 'notAssessed' };

export type RegionPageProps = { ctx: PageContext; framework: Framework; editions: ReviewEdition[]; edition: ReviewEdition; region: RegionInfo; review: RegionalReview };

export function RegionPage({ ctx, framework, editions, edition, region, review }: RegionPageProps) {
  const { t, locale } = ctx;
  const regionName = pickText(region.names, locale).text;
  const title = t('reviews.regionTitle', { region: regionName });
  const path = reviewsPath(locale, framework.key, `/regions/${region.code}`);
  const recommendations = pickText(review.recommendations, locale);
  return (
    <ReviewLayout ctx={ctx} title={title} edition={edition} crumbs={[frameworkCrumb(ctx, framework, edition), { label: regionName }]}>
      <h1>{title}</h1>
      <p class="page-kind">
        <Text value={framework.name} locale={locale} />
      </p>
      <EditionLine ctx={ctx} edition={edition} />
      <p>{t('reviews.regionIntro', { count: review.rows.length, criteria: framework.criteria.length })}</p>
      {editions.length > 1 && (
        <form method="get" action={path} class="review-filters" aria-label={t('reviews.filters')}>
          <EditionSelect ctx={ctx} editions={editions} edition={edition} />
          <button type="submit">{t('reviews.show')}</button>
        </form>
      )}
      <div class="table-scroll" role="region" aria-label={t('reviews.regionTableCaption')} tabindex={0}>
        <table class="review-table matrix">
          <caption>{t('reviews.regionTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviews.col.country')}</th>
              <th scope="col">{t('reviews.col.score')}</th>
              {framework.criteria.map((c) => (
                <th scope="col" class="criterion-col">
                  <Text value={c.name} locale={locale} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={reviewsPath(locale, framework.key, `/gaps/${row.country}`, { edition: edition.label })}>{row.name}</a>
                </th>
                <td class="num">
                  <Score ctx={ctx} score={row.score} />
                </td>
                {row.statuses.map((status) => (
                  <td class={`cell status-${status}`}>{t(STATUS_KEYS[status])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="regional-summary">
        <h2 id="regional-summary">{t('reviews.summaryTitle')}</h2>
        <p class="regional-average">
          {review.average === null ? t('reviews.noAverage') : t('reviews.average', { count: review.assessed, score: formatScore(locale, review.average) })}
        </p>
        <div class="table-scroll" role="region" aria-label={t('reviews.summaryCaption')} tabindex={0}>
          <table class="review-table summary">
            <caption>{t('reviews.summaryCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviews.col.criterion')}</th>
                {STATUSES.map((s) => (
                  <th scope="col">
                    <StatusLabel ctx={ctx} status={s} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {review.summary.map((line) => (
                <tr>
                  <th scope="row">
                    <Text value={line.criterion.name} locale={locale} />
                  </th>
                  {STATUSES.map((s) => (
                    <td class="num">{line[COUNT_OF[s]]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="recommendations" class="recommendations">
        <h2 id="recommendations">{t('reviews.recommendations')}</h2>
        {recommendations.text ? (
          <>
            {recommendations.fallback && <p class="fallback">{t('reviews.fallback', { language: LOCALE_NAMES[recommendations.lang] })}</p>}
            <Paragraphs text={review.recommendations ?? {}} locale={locale} />
          </>
        ) : (
          <p>{t('reviews.noRecommendations')}</p>
        )}
      </section>

      <DownloadLinks
        ctx={ctx}
        csv={reviewsPath(locale, framework.key, `/regions/${region.code}.csv`, { edition: edition.label })}
        json={reviewsPath(locale, framework.key, `/regions/${region.code}.json`, { edition: edition.label })}
      />
      <nav aria-label={t('reviews.more')} class="review-links">
        <ul>
          <li>
            <a href={reviewsPath(locale, framework.key, '', { edition: edition.label, region: region.code })}>{t('reviews.regionScorecard')}</a>
          </li>
          <li>
            <a href={`/${locale}/regions/${region.code}`}>{t('reviews.profileLinkLabel', { country: regionName })}</a>
          </li>
          <li>
            <a href={reviewsPath(locale, framework.key, '/map', { edition: edition.label })}>{t('reviews.mapLink')}</a>
          </li>
        </ul>
      </nav>
    </ReviewLayout>
  );
}
