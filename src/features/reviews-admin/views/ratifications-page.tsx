// Ratifications: choose a country, then the eight instruments with how and when the country joined
// each, its reservations per language and a source link; one form saves them all.
import { dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { RowConflict } from '../errors.ts';
import { ratificationsPath, reviewsPath } from '../http.ts';
import { RATIFICATION_ACTIONS, type InstrumentInfo, type RatificationData, type RatificationField, type RatificationProblems, type RatificationValues, type StoredRatification } from '../ratifications.ts';
import { Breadcrumbs, byCountryName, country, described, FieldError, formatDate, formatWhen, languageName, localeOrder, Notice, Text } from './common.tsx';

export type RatificationsPageProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  countries: string[];
  country: string | undefined;
  instruments: InstrumentInfo[];
  editable: boolean;
  rows: RatificationValues[];
  stored: Map<string, StoredRatification>;
  problems?: Map<string, RatificationProblems>;
  notice?: string | undefined;
  conflicts?: { rows: RowConflict<StoredRatification>[]; mine: Map<string, RatificationData | null> } | undefined;
};

function actionLabel(ctx: PageContext, action: string | undefined): string {
  return action && (RATIFICATION_ACTIONS as readonly string[]).includes(action) ? ctx.t(`reviewsAdmin.ratification.action.${action as (typeof RATIFICATION_ACTIONS)[number]}`) : ctx.t('reviewsAdmin.ratification.none');
}

function Summary({ ctx, data }: { ctx: PageContext; data: RatificationData | null | undefined }) {
  const { t, locale } = ctx;
  if (!data) return <>{t('reviewsAdmin.ratification.none')}</>;
  const reservations = Object.entries(data.reservations).filter(([, v]) => v) as [Locale, string][];
  return (
    <ul class="reviews-admin-summary">
      <li>{actionLabel(ctx, data.action)}</li>
      {data.signedOn && <li>{t('reviewsAdmin.ratification.signedOn', { date: formatDate(locale, data.signedOn) })}</li>}
      {data.boundOn && <li>{t('reviewsAdmin.ratification.boundOn', { date: formatDate(locale, data.boundOn) })}</li>}
      {reservations.map(([l, text]) => (
        <li>
          {languageName(ctx, l)}:{' '}
          <span lang={l} dir={dir(l)} class="reviews-admin-text">
            {text}
          </span>
        </li>
      ))}
      {data.sourceLink && (
        <li dir="ltr">
          <bdi>{data.sourceLink}</bdi>
        </li>
      )}
    </ul>
  );
}

function InstrumentFields({ ctx, instrument, values, problems, editable }: { ctx: PageContext; instrument: InstrumentInfo; values: RatificationValues; problems: RatificationProblems; editable: boolean }) {
  const { t } = ctx;
  const key = instrument.key;
  const id = (f: RatificationField) => `rat-${key}-${f.replace('.', '-')}`;
  const name = (f: RatificationField) => `${key}.${f}`;
  const { shown, more } = localeOrder(ctx);
  const reservation = (l: Locale) => {
    const f: RatificationField = `reservations.${l}`;
    return (
      <div class="form-field">
        <label for={id(f)}>{t('reviewsAdmin.ratification.reservationsIn', { language: languageName(ctx, l) })}</label>
        <textarea id={id(f)} name={name(f)} rows={2} lang={l} dir={dir(l)} disabled={!editable} {...described(id(f), problems[f])}>
          {values.reservations[l]}
        </textarea>
        <FieldError ctx={ctx} id={id(f)} problem={problems[f]} />
      </div>
    );
  };
  const openMore = more.some((l) => values.reservations[l].trim() !== '' || problems[`reservations.${l}`]);
  return (
    <fieldset class="reviews-admin-row" id={`instrument-${key}`}>
      <legend>
        <Text ctx={ctx} text={instrument.shortName} fallback={key} />
      </legend>
      <p class="muted">
        <Text ctx={ctx} text={instrument.name} />
      </p>
      <div class="reviews-admin-row-fields">
        <div class="form-field">
          <label for={id('action')}>{t('reviewsAdmin.ratification.action')}</label>
          <select id={id('action')} name={name('action')} disabled={!editable} {...described(id('action'), problems.action)}>
            <option value="" selected={values.action === ''}>
              {t('reviewsAdmin.ratification.none')}
            </option>
            {RATIFICATION_ACTIONS.map((a) => (
              <option value={a} selected={values.action === a}>
                {actionLabel(ctx, a)}
              </option>
            ))}
          </select>
          <FieldError ctx={ctx} id={id('action')} problem={problems.action} />
        </div>
        <div class="form-field">
          <label for={id('signed')}>{t('reviewsAdmin.ratification.signed')}</label>
          <input id={id('signed')} name={name('signed')} type="date" value={values.signed} disabled={!editable} {...described(id('signed'), problems.signed)} />
          <FieldError ctx={ctx} id={id('signed')} problem={problems.signed} />
        </div>
        <div class="form-field">
          <label for={id('bound')}>{t('reviewsAdmin.ratification.bound')}</label>
          <input id={id('bound')} name={name('bound')} type="date" value={values.bound} disabled={!editable} {...described(id('bound'), problems.bound)} />
          <FieldError ctx={ctx} id={id('bound')} problem={problems.bound} />
        </div>
        <div class="form-field">
          <label for={id('link')}>{t('reviewsAdmin.ratification.link')}</label>
          <input id={id('link')} name={name('link')} type="url" value={values.link} maxlength={2000} dir="ltr" disabled={!editable} {...described(id('link'), problems.link)} />
          <FieldError ctx={ctx} id={id('link')} problem={problems.link} />
        </div>
        {shown.map(reservation)}
        <details class="reviews-admin-more" open={openMore}>
          <summary>{t('reviewsAdmin.ratification.moreReservations')}</summary>
          {more.map(reservation)}
        </details>
      </div>
      <input type="hidden" name={`${key}.version`} value={values.version} />
      <input type="hidden" name={`${key}.loaded`} value={values.loaded} />
    </fieldset>
  );
}

export function RatificationsPage(props: RatificationsPageProps) {
  const { ctx, user, csrfToken, countries, instruments, editable, rows, problems = new Map(), notice, conflicts } = props;
  const { t, locale } = ctx;
  const code = props.country;
  const title = code ? t('reviewsAdmin.ratifications.titleFor', { country: country(ctx, code) }) : t('reviewsAdmin.ratifications.title');
  const errorCount = [...problems.values()].reduce((n, p) => n + Object.keys(p).length, 0);
  const byKey = new Map(instruments.map((i) => [i.key, i]));
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={title} section="reviews">
      <Breadcrumbs ctx={ctx} items={[{ href: reviewsPath(locale), label: t('reviewsAdmin.title') }]} />
      <h1>{title}</h1>
      <Notice text={notice} />
      <form method="get" action={ratificationsPath(locale)} class="reviews-admin-choose">
        <div class="form-field">
          <label for="rat-country">{t('reviewsAdmin.ratifications.country')}</label>
          <select id="rat-country" name="country">
            {!code && <option value="">{t('reviewsAdmin.ratifications.choose')}</option>}
            {[...countries].sort(byCountryName(ctx)).map((c) => (
              <option value={c} selected={c === code}>
                {country(ctx, c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('reviewsAdmin.ratifications.open')}</button>
      </form>
      {code && !editable && <p class="notice">{t('reviewsAdmin.ratifications.roleReadOnly')}</p>}
      {conflicts && (
        <section class="reviews-admin-conflict" aria-labelledby="conflict-heading">
          <div class="notice error" role="alert">
            <h2 id="conflict-heading">{t('reviewsAdmin.conflict.title')}</h2>
            <p>{t('reviewsAdmin.conflict.explainRows', { count: conflicts.rows.length })}</p>
            <p>{t('reviewsAdmin.conflict.nothingLost')}</p>
          </div>
          <table class="data-table reviews-admin-compare">
            <caption>{t('reviewsAdmin.conflict.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewsAdmin.ratification.instrument')}</th>
                <th scope="col">{t('reviewsAdmin.conflict.savedNow')}</th>
                <th scope="col">{t('reviewsAdmin.conflict.yours')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.rows.map((c) => (
                <tr>
                  <th scope="row">
                    <Text ctx={ctx} text={byKey.get(c.key)?.shortName ?? {}} fallback={c.key} />
                  </th>
                  <td>
                    {c.current && <p class="muted">{t('reviewsAdmin.conflict.savedBy', { version: c.version, who: c.updatedBy ?? '—', when: formatWhen(locale, c.updatedAt) })}</p>}
                    <Summary ctx={ctx} data={c.current} />
                  </td>
                  <td>
                    <Summary ctx={ctx} data={conflicts.mine.get(c.key)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {errorCount > 0 && (
        <p class="notice error" role="alert">
          {t('reviewsAdmin.grid.errors', { count: errorCount })}
        </p>
      )}
      {code && (
        <form method="post" action={ratificationsPath(locale)} class="reviews-admin-grid" novalidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="country" value={code} />
          {instruments.map((instrument, i) => (
            <InstrumentFields ctx={ctx} instrument={instrument} values={rows[i]!} problems={problems.get(instrument.key) ?? {}} editable={editable} />
          ))}
          {editable && (
            <p>
              <button type="submit">{t('reviewsAdmin.ratifications.save')}</button>
            </p>
          )}
        </form>
      )}
    </AdminLayout>
  );
}
