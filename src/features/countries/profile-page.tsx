// A country's profile: its groupings, the instruments it has joined, its laws, its resources in the
// library, its assessments in each framework's newest published edition and its model-law coverage.
import { pickText, type Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { safeHref } from '../../web/html.ts';
import { ResultList } from '../library/components.tsx';
import type { Labels } from '../library/labels.ts';
import type { Resource } from '../library/store.ts';
import { MODEL_LAW_COVERAGE } from '../reviews/frameworks-data.ts';
import { articlePath } from '../model-law/components.tsx';
import { shownText } from '../model-law/text.ts';
import {
  CountriesLayout,
  DateText,
  DemoBanner,
  DownloadLinks,
  EvidenceList,
  LocalText,
  Score,
  StatusBadge,
  gapsPath,
  localName,
  regionPath,
  scorecardPath,
} from './components.tsx';
import type { CitingArticle, CountryAssessment, Grouping, Instrument, NationalLaw, Ratification } from './data.ts';

export type Profile = {
  code: string;
  names: Localized;
  groupings: Grouping[];
  instruments: Instrument[];
  ratifications: Ratification[];
  laws: NationalLaw[];
  resources: { items: Resource[]; total: number; labels: Labels };
  assessments: CountryAssessment[];
  citing: CitingArticle[];
};

const ACTION_KEYS = {
  signature: 'countries.action.signature',
  ratification: 'countries.action.ratification',
  accession: 'countries.action.accession',
  succession: 'countries.action.succession',
  acceptance: 'countries.action.acceptance',
} as const;

export const actionLabel = (ctx: PageContext, action: Ratification['action']) => ctx.t(ACTION_KEYS[action]);

const KIND_KEYS = { continent: 'countries.kind.continent', subregion: 'countries.kind.subregion', organisation: 'countries.kind.organisation' } as const;
export const kindLabel = (ctx: PageContext, kind: Grouping['kind']) => ctx.t(KIND_KEYS[kind]);

function Groupings({ ctx, groupings }: { ctx: PageContext; groupings: Grouping[] }) {
  const { t, locale } = ctx;
  if (groupings.length === 0) return <p class="muted">{t('countries.profile.noGroupings')}</p>;
  return (
    <dl class="details">
      {(['continent', 'subregion', 'organisation'] as const).map((kind) => {
        const of = groupings.filter((g) => g.kind === kind);
        if (of.length === 0) return null;
        return (
          <>
            <dt>{kindLabel(ctx, kind)}</dt>
            <dd>
              <ul class="chips">
                {of.map((g) => (
                  <li>
                    <a href={regionPath(locale, g.code)}>{localName(ctx, g.names, g.code)}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        );
      })}
    </dl>
  );
}

function Ratifications({ ctx, instruments, ratifications }: { ctx: PageContext; instruments: Instrument[]; ratifications: Ratification[] }) {
  const { t } = ctx;
  if (ratifications.length === 0) return <p class="notice">{t('countries.profile.noRatifications')}</p>;
  const byKey = new Map(instruments.map((i) => [i.key, i]));
  return (
    <>
      <table class="cp-table">
        <caption class="cp-visually-hidden">{t('countries.profile.ratifications')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('countries.ratification.instrument')}</th>
            <th scope="col">{t('countries.ratification.action')}</th>
            <th scope="col">{t('countries.ratification.signed')}</th>
            <th scope="col">{t('countries.ratification.bound')}</th>
            <th scope="col">{t('countries.ratification.reservations')}</th>
          </tr>
        </thead>
        <tbody>
          {ratifications.map((r) => {
            const instrument = byKey.get(r.instrumentKey);
            const source = safeHref(r.sourceLink);
            return (
              <tr>
                <th scope="row">
                  {instrument && safeHref(instrument.link) ? (
                    <a href={safeHref(instrument.link)} rel="external">
                      <LocalText ctx={ctx} text={instrument.name} />
                    </a>
                  ) : (
                    <LocalText ctx={ctx} text={instrument?.name ?? { en: r.instrumentKey }} />
                  )}
                </th>
                <td>
                  {actionLabel(ctx, r.action)}
                  {source ? (
                    <>
                      {' '}
                      (<a href={source} rel="external">{t('countries.ratification.source')}</a>)
                    </>
                  ) : null}
                </td>
                <td>
                  <DateText ctx={ctx} date={r.signedOn} />
                </td>
                <td>
                  <DateText ctx={ctx} date={r.boundOn} />
                </td>
                <td>{pickText(r.reservations, ctx.locale).text ? <LocalText ctx={ctx} text={r.reservations} /> : <span class="muted">{t('countries.ratification.noReservations')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">{t('countries.profile.ratificationsNote')}</p>
    </>
  );
}

function Laws({ ctx, laws }: { ctx: PageContext; laws: NationalLaw[] }) {
  if (laws.length === 0) return <p class="notice">{ctx.t('countries.profile.noLaws')}</p>;
  return (
    <ul class="cp-laws">
      {laws.map((law) => {
        const link = safeHref(law.link);
        return (
          <li>
            <h3>
              <bdi>{link ? <a href={link} rel="external">{law.title}</a> : law.title}</bdi> <span class="muted">({law.year})</span>
            </h3>
            {law.provisions.length > 0 && (
              <dl class="cp-provisions">
                {law.provisions.map((p) => {
                  const plink = safeHref(p.link);
                  return (
                    <>
                      <dt>
                        <bdi>{plink ? <a href={plink} rel="external">{p.ref}</a> : p.ref}</bdi>
                      </dt>
                      <dd>{pickText(p.summary, ctx.locale).text ? <LocalText ctx={ctx} text={p.summary} /> : <span class="muted">{ctx.t('countries.profile.noSummary')}</span>}</dd>
                    </>
                  );
                })}
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One framework's newest published edition as it concerns this country. */
export function FrameworkAssessment(props: { ctx: PageContext; code: string; countryName: string; a: CountryAssessment; title?: string }) {
  const { ctx, code, countryName, a } = props;
  const { t, locale } = ctx;
  const name = localName(ctx, a.framework.name, a.framework.key);
  const id = `framework-${a.framework.key}`;
  const heading = <h3 id={id}>{props.title ?? name}</h3>;
  if (!a.edition) {
    return (
      <section aria-labelledby={id} class="cp-framework">
        {heading}
        <p class="muted">{t('countries.profile.noEdition')}</p>
      </section>
    );
  }
  const scored = a.scores.get(code);
  return (
    <section aria-labelledby={id} class="cp-framework">
      {heading}
      <DemoBanner ctx={ctx} standings={[a]} />
      <p class="meta">
        {a.edition.label === String(a.edition.year)
          ? t('countries.profile.editionLabel', { label: a.edition.label })
          : t('countries.profile.edition', { label: a.edition.label, year: String(a.edition.year) })}
      </p>
      {a.assessments.size === 0 ? (
        <p class="notice">{t('countries.profile.notInEdition', { country: countryName, edition: a.edition.label })}</p>
      ) : (
        <>
          <dl class="details cp-score">
            <dt>{t('countries.score')}</dt>
            <dd>
              <Score ctx={ctx} score={scored?.score} />
            </dd>
            <dt>{t('countries.rank')}</dt>
            <dd>{scored?.rank ? t('countries.rankOf', { rank: scored.rank, count: a.ranked }) : t('countries.unranked')}</dd>
          </dl>
          <table class="cp-table cp-assessment">
            <caption class="cp-visually-hidden">{t('countries.profile.assessmentCaption', { framework: name, edition: a.edition.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('countries.col.criterion')}</th>
                <th scope="col">{t('countries.col.status')}</th>
                <th scope="col">{t('countries.col.evidence')}</th>
                <th scope="col">{t('countries.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {a.framework.criteria.map((criterion) => {
                const row = a.assessments.get(criterion.key);
                return (
                  <tr>
                    <th scope="row">
                      <LocalText ctx={ctx} text={criterion.name} />
                    </th>
                    <td>
                      <StatusBadge ctx={ctx} status={row?.status ?? 'not_assessed'} />
                    </td>
                    <td>{row ? <EvidenceList ctx={ctx} evidence={row.evidence} laws={a.laws} /> : null}</td>
                    <td>{row && pickText(row.note, locale).text ? <LocalText ctx={ctx} text={row.note} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <p class="cp-links">
        <a href={scorecardPath(locale, a.framework.key)}>{t('countries.profile.scorecard', { framework: name })}</a>
        {' · '}
        <a href={gapsPath(locale, a.framework.key, code)}>{t('countries.profile.gaps', { country: countryName })}</a>
      </p>
    </section>
  );
}

function Coverage({ ctx, citing }: { ctx: PageContext; citing: CitingArticle[] }) {
  const { t, locale } = ctx;
  if (citing.length === 0) return <p class="notice">{t('countries.profile.noCoverage')}</p>;
  return (
    <ul class="cp-articles">
      {citing.map(({ edition, article, sources }) => {
        const shown = shownText(article, locale, edition.law.sourceLocale);
        return (
          <li>
            <a href={articlePath(locale, edition, article)}>
              {t('modelLaw.articleNumber', { number: article.number })}.{' '}
              <span lang={shown?.fallback ? shown.lang : undefined}>{shown?.text.heading ?? article.key}</span>
            </a>
            <span class="muted">
              {' '}
              ({t('countries.profile.draws')}{' '}
              <bdi>{sources.map((s) => `${s.lawTitle}, ${s.ref}`).join('; ')}</bdi>)
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function CountryProfilePage({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const { t, locale } = ctx;
  const name = localName(ctx, profile.names, profile.code);
  const reviews = profile.assessments.filter((a) => a.framework.key !== MODEL_LAW_COVERAGE);
  const coverage = profile.assessments.find((a) => a.framework.key === MODEL_LAW_COVERAGE);
  const { items, total, labels } = profile.resources;
  const sections = [
    ['ratifications', t('countries.profile.ratifications')],
    ['laws', t('countries.profile.laws')],
    ['resources', t('countries.profile.resources')],
    ['assessments', t('countries.profile.assessments')],
    ['coverage', t('countries.profile.coverage')],
  ] as const;
  return (
    <CountriesLayout ctx={ctx} title={name}>
      <DemoBanner ctx={ctx} standings={profile.assessments} />
      <article class="cp-profile">
        <h1>{name}</h1>
        <p class="meta">{t('countries.profile.kicker', { code: profile.code })}</p>
        <section aria-labelledby="groupings">
          <h2 id="groupings" class="cp-visually-hidden">{t('countries.profile.groupings')}</h2>
          <Groupings ctx={ctx} groupings={profile.groupings} />
        </section>
        <nav aria-label={t('countries.profile.onThisPage')} class="cp-toc">
          <ul>
            {sections.map(([id, label]) => (
              <li>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
            <li>
              <a href={`/${locale}/countries/compare?c=${profile.code}`}>{t('countries.profile.compare')}</a>
            </li>
          </ul>
        </nav>
        <p class="cp-print-hint muted">{t('countries.profile.printHint')}</p>

        <section aria-labelledby="ratifications">
          <h2 id="ratifications">{t('countries.profile.ratifications')}</h2>
          <Ratifications ctx={ctx} instruments={profile.instruments} ratifications={profile.ratifications} />
        </section>

        <section aria-labelledby="laws">
          <h2 id="laws">{t('countries.profile.laws')}</h2>
          <Laws ctx={ctx} laws={profile.laws} />
        </section>

        <section aria-labelledby="resources">
          <h2 id="resources">{t('countries.profile.resources')}</h2>
          {total === 0 ? (
            <p class="muted">{t('countries.profile.noResources')}</p>
          ) : (
            <>
              <p>{t('countries.profile.newestResources', { total })}</p>
              <ResultList ctx={ctx} items={items} labels={labels} />
              <p>
                <a href={`/${locale}/library?country=${profile.code}`}>{t('countries.profile.allResources', { count: total })}</a>
              </p>
            </>
          )}
        </section>

        <section aria-labelledby="assessments">
          <h2 id="assessments">{t('countries.profile.assessments')}</h2>
          {profile.assessments.some((a) => a.edition && a.assessments.size > 0) && (
            <DownloadLinks ctx={ctx} path={`/${locale}/countries/${profile.code}/assessments`} />
          )}
          {reviews.map((a) => (
            <FrameworkAssessment ctx={ctx} code={profile.code} countryName={name} a={a} />
          ))}
        </section>

        <section aria-labelledby="coverage">
          <h2 id="coverage">{t('countries.profile.coverage')}</h2>
          <p>{t('countries.profile.coverageIntro')}</p>
          <Coverage ctx={ctx} citing={profile.citing} />
          {coverage && <FrameworkAssessment ctx={ctx} code={profile.code} countryName={name} a={coverage} title={t('countries.profile.coverageAssessment')} />}
        </section>
      </article>
    </CountriesLayout>
  );
}
