// An edition in the back office: its state and the workflow steps the user's role allows, the CSV
// export and import, every country with how many criteria are assessed (each leading to its grid),
// and the regions with their recommendations.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { Framework, ReviewEdition } from '../../reviews/store.ts';
import { editionPath, frameworkPath, gridPath, regionPath, reviewsPath } from '../http.ts';
import { EDITION_TRANSITIONS, isEditable, mayTransition } from '../workflow.ts';
import { Breadcrumbs, byCountryName, country, DemoBanner, EditionName, formatWhen, languageName, Notice, ReadOnlyNotice, StatusBadge, Text, textOf } from './common.tsx';

export type RegionRow = { code: string; names: Record<string, string>; kind: string; locales: string[] | undefined };

function Workflow({ ctx, user, csrfToken, edition }: { ctx: PageContext; user: User; csrfToken: string | undefined; edition: ReviewEdition }) {
  const { t, locale } = ctx;
  const allowed = EDITION_TRANSITIONS.filter((tr) => mayTransition(user.role, tr, edition.status));
  if (allowed.length === 0) return <p class="muted">{t('reviewsAdmin.workflow.none')}</p>;
  return (
    <div class="reviews-admin-workflow">
      {allowed.map((tr) => (
        <form method="post" action={editionPath(locale, edition.id, tr.path)}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(edition.version)} />
          {tr.action === 'send_back' && (
            <div class="form-field">
              <label for="send-back-note">{t('reviewsAdmin.workflow.note')}</label>
              <textarea id="send-back-note" name="note" rows={2} maxlength={1000}></textarea>
            </div>
          )}
          <button type="submit">{t(`reviewsAdmin.action.${tr.action}`)}</button>
        </form>
      ))}
    </div>
  );
}

export function EditionPage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  framework: Framework;
  edition: ReviewEdition;
  countries: string[];
  assessed: Map<string, number>;
  regions: RegionRow[];
  notice?: string | undefined;
}) {
  const { ctx, user, csrfToken, framework, edition, countries, assessed, regions, notice } = props;
  const { t, locale } = ctx;
  const name = textOf(ctx, framework.name, framework.key);
  const total = framework.criteria.length;
  const started = countries.filter((c) => assessed.has(c)).length;
  const sorted = [...countries].sort(byCountryName(ctx));
  const title = `${name} · ${t('reviewsAdmin.editionName', { label: edition.label, year: edition.year })}`;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={title} section="reviews">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: reviewsPath(locale), label: t('reviewsAdmin.title') },
          { href: frameworkPath(locale, framework.key), label: <Text ctx={ctx} text={framework.name} fallback={framework.key} /> },
        ]}
      />
      <DemoBanner ctx={ctx} edition={edition} />
      <h1>
        <Text ctx={ctx} text={framework.name} fallback={framework.key} />: <EditionName ctx={ctx} edition={edition} />
      </h1>
      <Notice text={notice} />
      <section aria-labelledby="state-heading">
        <h2 id="state-heading">{t('reviewsAdmin.state.heading')}</h2>
        <dl class="details">
          <dt>{t('reviewsAdmin.state.label')}</dt>
          <dd>
            <StatusBadge ctx={ctx} status={edition.status} />
          </dd>
          <dt>{t('reviewsAdmin.state.version')}</dt>
          <dd>{edition.version}</dd>
          {edition.publishedAt && (
            <>
              <dt>{t('reviewsAdmin.state.firstPublished')}</dt>
              <dd>{formatWhen(locale, edition.publishedAt)}</dd>
            </>
          )}
        </dl>
        <Workflow ctx={ctx} user={user} csrfToken={csrfToken} edition={edition} />
      </section>
      <ReadOnlyNotice ctx={ctx} edition={edition} />

      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading">{t('reviewsAdmin.csv.heading')}</h2>
        <ul class="reviews-admin-links">
          <li>
            <a href={editionPath(locale, edition.id, '/assessments.csv')} download>
              {t('reviewsAdmin.csv.export')}
            </a>
          </li>
          {can(user.role, 'content.import') && isEditable(edition.status) && (
            <li>
              <a href={editionPath(locale, edition.id, '/import')}>{t('reviewsAdmin.csv.import')}</a>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t('reviewsAdmin.countries.heading')}</h2>
        <p>{t('reviewsAdmin.countries.summary', { started, total: countries.length })}</p>
        {total === 0 ? (
          <p>{t('reviewsAdmin.noCriteria')}</p>
        ) : (
          <table class="data-table reviews-admin-countries">
            <caption>{t('reviewsAdmin.countries.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewsAdmin.col.country')}</th>
                <th scope="col">{t('reviewsAdmin.col.assessed')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((code) => {
                const n = assessed.get(code) ?? 0;
                return (
                  <tr class={n > 0 ? 'started' : undefined}>
                    <th scope="row">
                      <a href={gridPath(locale, edition.id, code)}>{country(ctx, code)}</a> <span class="muted">{code}</span>
                    </th>
                    <td>
                      <meter min={0} max={total} value={n} aria-hidden="true"></meter> {t('reviewsAdmin.countries.assessed', { assessed: n, total })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t('reviewsAdmin.regions.heading')}</h2>
        <p>{t('reviewsAdmin.regions.intro')}</p>
        <table class="data-table reviews-admin-regions">
          <caption>{t('reviewsAdmin.regions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviewsAdmin.col.region')}</th>
              <th scope="col">{t('reviewsAdmin.col.recommendations')}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr>
                <th scope="row">
                  <a href={regionPath(locale, edition.id, r.code)}>
                    <Text ctx={ctx} text={r.names} fallback={r.code} />
                  </a>
                </th>
                <td>
                  {r.locales && r.locales.length > 0
                    ? r.locales.map((l) => languageName(ctx, l as never)).join(', ')
                    : t('reviewsAdmin.regions.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminLayout>
  );
}
