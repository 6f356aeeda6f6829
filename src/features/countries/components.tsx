// Pieces shared by the country, grouping and comparison pages.
import type { Child } from 'hono/jsx';
import { dir, pickText, type Locale, type Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import { safeHref } from '../../web/html.ts';
import type { Evidence, ReviewEdition } from '../reviews/store.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';
import type { NationalLaw, Standing } from './data.ts';

export const countryPath = (locale: Locale, code: string) => `/${locale}/countries/${code}`;
export const regionPath = (locale: Locale, code: string) => `/${locale}/regions/${code}`;
export const scorecardPath = (locale: Locale, framework: string) => `/${locale}/reviews/${framework}`;
export const gapsPath = (locale: Locale, framework: string, code: string) => `/${locale}/reviews/${framework}/gaps/${code}`;
export const regionalReviewPath = (locale: Locale, framework: string, region: string) => `/${locale}/reviews/${framework}/regions/${region}`;

export function CountriesLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: Child }) {
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ASSETS.reviewsCss.url} />}>
      {children}
    </Layout>
  );
}

/** Stored text in the reader's language, or the fallback marked with its own language and direction. */
export function LocalText({ ctx, text }: { ctx: PageContext; text: Localized | null | undefined }) {
  const shown = pickText(text, ctx.locale);
  if (!shown.fallback) return <>{shown.text}</>;
  return (
    <span lang={shown.lang} dir={dir(shown.lang)}>
      {shown.text}
    </span>
  );
}

export const localName = (ctx: PageContext, names: Localized | null | undefined, code = '') => pickText(names, ctx.locale).text || code;

export function formatScore(locale: Locale, score: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(score / 100);
}

/** A score, or plainly "not assessed": missing data is never shown as zero. */
export function Score({ ctx, score }: { ctx: PageContext; score: number | null | undefined }) {
  if (score === null || score === undefined) return <span class="cp-not-assessed">{ctx.t('countries.notAssessed')}</span>;
  return <data value={String(score)}>{formatScore(ctx.locale, score)}</data>;
}

const STATUS_KEYS = {
  met: 'countries.status.met',
  partly: 'countries.status.partly',
  not_met: 'countries.status.notMet',
  not_assessed: 'countries.notAssessed',
} as const;

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: AssessmentStatus }) {
  return <span class={`cp-status cp-status-${status.replace('_', '-')}`}>{ctx.t(STATUS_KEYS[status])}</span>;
}

/** A calendar date (YYYY-MM-DD) in the reader's language, machine-readable too. */
export function DateText({ ctx, date }: { ctx: PageContext; date: string | null }) {
  if (!date) return <span class="muted">—</span>;
  const formatted = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  return <time datetime={date}>{formatted}</time>;
}

export function editionName(ctx: PageContext, standing: Pick<Standing, 'framework'> & { edition: ReviewEdition }) {
  return ctx.t('countries.frameworkEdition', { framework: localName(ctx, standing.framework.name, standing.framework.key), edition: standing.edition.label });
}

/**
 * Said before any content built on demonstration editions: what is shown there is illustrative,
 * not a finding about any country.
 */
export function DemoBanner({ ctx, standings }: { ctx: PageContext; standings: Standing[] }) {
  const demo = standings.filter((s): s is Standing & { edition: ReviewEdition } => !!s.edition?.demo);
  if (demo.length === 0) return null;
  return (
    <div class="cp-demo-banner" role="note">
      <p>
        <strong>{ctx.t('countries.demo.title')}</strong> {ctx.t('countries.demo.text', { editions: demo.map((s) => editionName(ctx, s)).join('; ') })}
      </p>
      {demo.map((s) =>
        pickText(s.edition.note, ctx.locale).text ? (
          <p>
            <LocalText ctx={ctx} text={s.edition.note} />
          </p>
        ) : null,
      )}
    </div>
  );
}

/** Evidence citations: a national provision resolves to its law's title and the provision. */
export function EvidenceList({ ctx, evidence, laws }: { ctx: PageContext; evidence: Evidence[]; laws: Map<string, NationalLaw> }) {
  if (evidence.length === 0) return <span class="muted">{ctx.t('countries.evidence.none')}</span>;
  return (
    <ul class="cp-evidence">
      {evidence.map((e) => {
        if ('nationalLaw' in e) {
          const law = laws.get(e.nationalLaw);
          if (!law) return <li>{ctx.t('countries.evidence.unknownLaw', { law: e.nationalLaw, ref: e.provision })}</li>;
          const provision = law.provisions.find((p) => p.ref === e.provision);
          const link = safeHref(provision?.link) ?? safeHref(law.link);
          const title = `${law.title} (${law.year}), ${e.provision}`;
          return (
            <li>
              <cite>
                <bdi>{link ? <a href={link} rel="external">{title}</a> : title}</bdi>
              </cite>
              {provision && pickText(provision.summary, ctx.locale).text ? (
                <>
                  {': '}
                  <LocalText ctx={ctx} text={provision.summary} />
                </>
              ) : null}
            </li>
          );
        }
        const link = safeHref(e.link);
        return (
          <li>
            <cite>
              <bdi>{link ? <a href={link} rel="external">{e.citation}</a> : e.citation}</bdi>
            </cite>
          </li>
        );
      })}
    </ul>
  );
}

/** Links to a table's CSV and JSON exports. */
export function DownloadLinks({ ctx, path, query = '' }: { ctx: PageContext; path: string; query?: string }) {
  return (
    <p class="cp-downloads">
      {ctx.t('countries.download')} <a href={`${path}.csv${query}`}>CSV</a> · <a href={`${path}.json${query}`}>JSON</a>
    </p>
  );
}
