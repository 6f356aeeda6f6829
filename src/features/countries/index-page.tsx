// Every country by M49 region and sub-region, each with its newest published score per framework.
import type { Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { CountriesLayout, DemoBanner, DownloadLinks, Score, countryPath, editionName, localName, regionPath } from './components.tsx';
import { subRegionsOf, type Grouping, type Standing } from './data.ts';

type Published = Standing & { edition: NonNullable<Standing['edition']> };

export function ScoreHeadings({ ctx, standings }: { ctx: PageContext; standings: Published[] }) {
  return (
    <>
      {standings.map((s) => (
        <th scope="col">{editionName(ctx, s)}</th>
      ))}
    </>
  );
}

export function ScoreCells({ ctx, standings, code }: { ctx: PageContext; standings: Published[]; code: string }) {
  return (
    <>
      {standings.map((s) => (
        <td>
          <Score ctx={ctx} score={s.scores.get(code)?.score} />
        </td>
      ))}
    </>
  );
}

export function publishedOnly(standings: Standing[]): Published[] {
  return standings.filter((s): s is Published => s.edition !== undefined);
}

/** Frameworks with no published edition yet, said once instead of a column of empty cells. */
export function UnpublishedNote({ ctx, standings }: { ctx: PageContext; standings: Standing[] }) {
  const waiting = standings.filter((s) => !s.edition);
  if (waiting.length === 0) return null;
  return <p class="muted">{ctx.t('countries.unpublished', { frameworks: waiting.map((s) => localName(ctx, s.framework.name, s.framework.key)).join(', ') })}</p>;
}

export function CountryIndexPage(props: { ctx: PageContext; countries: Map<string, Localized>; groupings: Grouping[]; standings: Standing[] }) {
  const { ctx, countries, groupings, standings } = props;
  const { t, locale } = ctx;
  const published = publishedOnly(standings);
  const byName = (a: string, b: string) => localName(ctx, countries.get(a), a).localeCompare(localName(ctx, countries.get(b), b), locale);
  const continents = groupings.filter((g) => g.kind === 'continent');
  const placed = new Set(continents.flatMap((g) => g.members));
  const others = [...countries.keys()].filter((c) => !placed.has(c)).sort(byName);
  const row = (code: string) => (
    <tr>
      <th scope="row">
        <a href={countryPath(locale, code)}>{localName(ctx, countries.get(code), code)}</a>
      </th>
      <ScoreCells ctx={ctx} standings={published} code={code} />
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('countries.col.country')}</th>
        <ScoreHeadings ctx={ctx} standings={published} />
      </tr>
    </thead>
  );
  return (
    <CountriesLayout ctx={ctx} title={t('countries.index.title')}>
      <DemoBanner ctx={ctx} standings={standings} />
      <h1>{t('countries.index.title')}</h1>
      <p>{t('countries.index.intro')}</p>
      {published.length === 0 ? <p class="notice">{t('countries.index.nothingPublished')}</p> : <UnpublishedNote ctx={ctx} standings={standings} />}
      <p class="cp-actions">
        <a href={`/${locale}/countries/compare`}>{t('countries.compare.title')}</a>
      </p>
      <DownloadLinks ctx={ctx} path={`/${locale}/countries`} />
      <nav aria-label={t('countries.index.regionsNav')} class="cp-jump">
        <ul>
          {continents.map((g) => (
            <li>
              <a href={`#region-${g.code}`}>{localName(ctx, g.names, g.code)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {continents.map((continent) => {
        const subs = subRegionsOf(groupings, continent);
        // Members outside every sub-region (none in M49 today) still get a row.
        const rest = continent.members.filter((m) => !subs.some((s) => s.members.includes(m)));
        return (
          <section aria-labelledby={`region-${continent.code}`}>
            <h2 id={`region-${continent.code}`}>
              <a href={regionPath(locale, continent.code)}>{localName(ctx, continent.names, continent.code)}</a>
            </h2>
            <table class="cp-table">
              <caption class="cp-visually-hidden">{t('countries.index.caption', { region: localName(ctx, continent.names, continent.code) })}</caption>
              {head}
              {subs.map((sub) => (
                <tbody>
                  <tr class="cp-group">
                    <th scope="rowgroup" colspan={published.length + 1}>
                      <a href={regionPath(locale, sub.code)}>{localName(ctx, sub.names, sub.code)}</a>
                    </th>
                  </tr>
                  {[...sub.members].sort(byName).map(row)}
                </tbody>
              ))}
              {rest.length > 0 && <tbody>{rest.sort(byName).map(row)}</tbody>}
            </table>
          </section>
        );
      })}
      {others.length > 0 && (
        <section aria-labelledby="region-other">
          <h2 id="region-other">{t('countries.index.other')}</h2>
          <table class="cp-table">
            <caption class="cp-visually-hidden">{t('countries.index.other')}</caption>
            {head}
            <tbody>{others.map(row)}</tbody>
          </table>
        </section>
      )}
    </CountriesLayout>
  );
}
