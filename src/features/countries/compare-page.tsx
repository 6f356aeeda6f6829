// Two to six countries side by side: each framework's newest published edition (criteria x
// countries), then the instruments they have joined. The form works without JavaScript.
import type { Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import type { Assessment } from '../reviews/store.ts';
import { CountriesLayout, DateText, DemoBanner, DownloadLinks, LocalText, Score, StatusBadge, countryPath, editionName, localName } from './components.tsx';
import type { Instrument, Ratification, Standing } from './data.ts';
import { actionLabel } from './profile-page.tsx';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

export type Comparison = {
  codes: string[];
  standings: (Standing & { byCountry: Map<string, Map<string, Assessment>> })[];
  instruments: Instrument[];
  ratifications: Ratification[];
};

function CompareForm({ ctx, names, chosen, error }: { ctx: PageContext; names: Map<string, Localized>; chosen: string[]; error?: string }) {
  const { t, locale } = ctx;
  const options = [...names.entries()]
    .map(([code, n]) => ({ code, name: localName(ctx, n, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <form method="get" action={`/${locale}/countries/compare`} class="cp-compare-form">
      <fieldset>
        <legend>{t('countries.compare.choose')}</legend>
        <p id="compare-help" class="muted">{t('countries.compare.help', { min: COMPARE_MIN, max: COMPARE_MAX })}</p>
        {error && (
          <p id="compare-error" class="cp-error" role="alert">
            {error}
          </p>
        )}
        <div class="cp-pickers">
          {Array.from({ length: COMPARE_MAX }, (_, i) => (
            <p>
              <label for={`c${i + 1}`}>{t('countries.compare.countryN', { n: i + 1 })}</label>
              <select id={`c${i + 1}`} name="c" aria-describedby={error ? 'compare-error compare-help' : 'compare-help'} aria-invalid={error ? 'true' : undefined}>
                <option value="">{t('countries.compare.noCountry')}</option>
                {options.map((o) => (
                  <option value={o.code} selected={chosen[i] === o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            </p>
          ))}
        </div>
        <button type="submit">{t('countries.compare.submit')}</button>
      </fieldset>
    </form>
  );
}

function CountryHeadings({ ctx, codes, names }: { ctx: PageContext; codes: string[]; names: Map<string, Localized> }) {
  return (
    <>
      {codes.map((code) => (
        <th scope="col">
          <a href={countryPath(ctx.locale, code)}>{localName(ctx, names.get(code), code)}</a>
        </th>
      ))}
    </>
  );
}

function FrameworkComparison({ ctx, s, codes, names }: { ctx: PageContext; s: Comparison['standings'][number]; codes: string[]; names: Map<string, Localized> }) {
  const { t } = ctx;
  const id = `framework-${s.framework.key}`;
  const title = localName(ctx, s.framework.name, s.framework.key);
  if (!s.edition) {
    return (
      <section aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <p class="muted">{t('countries.profile.noEdition')}</p>
      </section>
    );
  }
  const edition = s.edition;
  return (
    <section aria-labelledby={id} class="cp-framework">
      <h2 id={id}>{title}</h2>
      <DemoBanner ctx={ctx} standings={[s]} />
      <div class="cp-scroll">
        <table class="cp-table cp-compare">
          <caption>{t('countries.compare.caption', { edition: editionName(ctx, { framework: s.framework, edition }) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('countries.col.criterion')}</th>
              <CountryHeadings ctx={ctx} codes={codes} names={names} />
            </tr>
          </thead>
          <tbody>
            {s.framework.criteria.map((criterion) => (
              <tr>
                <th scope="row">
                  <LocalText ctx={ctx} text={criterion.name} />
                </th>
                {codes.map((code) => (
                  <td>
                    <StatusBadge ctx={ctx} status={s.byCountry.get(code)?.get(criterion.key)?.status ?? 'not_assessed'} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('countries.score')}</th>
              {codes.map((code) => (
                <td>
                  <Score ctx={ctx} score={s.scores.get(code)?.score} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('countries.rank')}</th>
              {codes.map((code) => {
                const rank = s.scores.get(code)?.rank;
                return <td>{rank ? t('countries.rankOf', { rank, count: s.ranked }) : t('countries.unranked')}</td>;
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function RatificationComparison({ ctx, comparison, names }: { ctx: PageContext; comparison: Comparison; names: Map<string, Localized> }) {
  const { t } = ctx;
  const { codes, instruments, ratifications } = comparison;
  const find = (code: string, key: string) => ratifications.find((r) => r.country === code && r.instrumentKey === key);
  return (
    <section aria-labelledby="ratifications">
      <h2 id="ratifications">{t('countries.profile.ratifications')}</h2>
      {ratifications.length === 0 && <p class="notice">{t('countries.compare.noRatifications')}</p>}
      <div class="cp-scroll">
        <table class="cp-table cp-compare">
          <caption>{t('countries.compare.ratificationsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('countries.ratification.instrument')}</th>
              <CountryHeadings ctx={ctx} codes={codes} names={names} />
            </tr>
          </thead>
          <tbody>
            {instruments.map((instrument) => (
              <tr>
                <th scope="row">
                  <abbr title={localName(ctx, instrument.name, instrument.key)}>
                    <LocalText ctx={ctx} text={instrument.shortName} />
                  </abbr>
                </th>
                {codes.map((code) => {
                  const r = find(code, instrument.key);
                  if (!r) return <td class="muted">{t('countries.compare.noRecord')}</td>;
                  return (
                    <td>
                      {actionLabel(ctx, r.action)} <DateText ctx={ctx} date={r.boundOn ?? r.signedOn} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ComparePage(props: { ctx: PageContext; names: Map<string, Localized>; chosen: string[]; error?: string; comparison?: Comparison }) {
  const { ctx, names, chosen, error, comparison } = props;
  const { t } = ctx;
  const title = comparison
    ? t('countries.compare.titleWith', { countries: comparison.codes.map((c) => localName(ctx, names.get(c), c)).join(', ') })
    : t('countries.compare.title');
  return (
    <CountriesLayout ctx={ctx} title={title}>
      {comparison && <DemoBanner ctx={ctx} standings={comparison.standings} />}
      <h1>{title}</h1>
      <p>{t('countries.compare.intro')}</p>
      <CompareForm ctx={ctx} names={names} chosen={chosen} error={error} />
      {comparison && (
        <>
          <DownloadLinks ctx={ctx} path={`/${ctx.locale}/countries/compare`} query={`?${comparison.codes.map((c) => `c=${c}`).join('&')}`} />
          {comparison.standings.map((s) => (
            <FrameworkComparison ctx={ctx} s={s} codes={comparison.codes} names={names} />
          ))}
          <RatificationComparison ctx={ctx} comparison={comparison} names={names} />
        </>
      )}
    </CountriesLayout>
  );
}
