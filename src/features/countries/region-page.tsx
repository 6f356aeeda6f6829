// A regional grouping: its members with their newest scores, its sub-regions, and its regional reviews.
import type { Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { CountriesLayout, DemoBanner, countryPath, localName, regionPath, regionalReviewPath } from './components.tsx';
import type { Grouping, Standing } from './data.ts';
import { ScoreCells, ScoreHeadings, UnpublishedNote, publishedOnly } from './index-page.tsx';
import { kindLabel } from './profile-page.tsx';

export function RegionPage(props: {
  ctx: PageContext;
  region: Grouping;
  parent: Grouping | undefined;
  subRegions: Grouping[];
  countries: Map<string, Localized>;
  standings: Standing[];
}) {
  const { ctx, region, parent, subRegions, countries, standings } = props;
  const { t, locale } = ctx;
  const name = localName(ctx, region.names, region.code);
  const published = publishedOnly(standings);
  const members = [...region.members].sort((a, b) => localName(ctx, countries.get(a), a).localeCompare(localName(ctx, countries.get(b), b), locale));
  return (
    <CountriesLayout ctx={ctx} title={name}>
      <DemoBanner ctx={ctx} standings={standings} />
      <h1>{name}</h1>
      <p class="meta">
        {kindLabel(ctx, region.kind)} · {t('countries.region.memberCount', { count: members.length })}
        {parent ? (
          <>
            {' · '}
            {t('countries.region.partOf')} <a href={regionPath(locale, parent.code)}>{localName(ctx, parent.names, parent.code)}</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="reviews">
        <h2 id="reviews">{t('countries.region.reviews')}</h2>
        <ul>
          {standings.map((s) => (
            <li>
              <a href={regionalReviewPath(locale, s.framework.key, region.code)}>{localName(ctx, s.framework.name, s.framework.key)}</a>
              {!s.edition && <span class="muted"> ({t('countries.profile.noEdition')})</span>}
            </li>
          ))}
        </ul>
        <p>
          <a href={`/${locale}/library?region=${region.code}`}>{t('countries.region.library')}</a>
        </p>
      </section>

      {subRegions.length > 0 && (
        <section aria-labelledby="sub-regions">
          <h2 id="sub-regions">{t('countries.region.subRegions')}</h2>
          <ul class="chips">
            {subRegions.map((g) => (
              <li>
                <a href={regionPath(locale, g.code)}>{localName(ctx, g.names, g.code)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="members">
        <h2 id="members">{t('region.members')}</h2>
        <UnpublishedNote ctx={ctx} standings={standings} />
        <table class="cp-table">
          <caption class="cp-visually-hidden">{t('countries.region.membersCaption', { region: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('countries.col.country')}</th>
              <ScoreHeadings ctx={ctx} standings={published} />
            </tr>
          </thead>
          <tbody>
            {members.map((code) => (
              <tr>
                <th scope="row">
                  <a href={countryPath(locale, code)}>{localName(ctx, countries.get(code), code)}</a>
                </th>
                <ScoreCells ctx={ctx} standings={published} code={code} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </CountriesLayout>
  );
}
