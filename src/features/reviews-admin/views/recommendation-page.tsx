// The recommendations of a regional review: one text per language, each written in its own
// direction, saved together with a version check.
import { dir, LOCALES, type Locale, type Localized } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { Framework, ReviewEdition } from '../../reviews/store.ts';
import { editionPath, frameworkPath, regionPath, reviewsPath } from '../http.ts';
import type { Problem } from '../problems.ts';
import type { StoredRecommendation } from '../recommendations.ts';
import { Breadcrumbs, country, DemoBanner, described, EditionName, FieldError, formatWhen, languageName, Notice, ReadOnlyNotice, textOf } from './common.tsx';

export type RecommendationPageProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  framework: Framework;
  edition: ReviewEdition;
  region: { code: string; names: Localized; members: string[] };
  editable: boolean;
  readOnlyReason?: 'state' | 'role' | undefined;
  values: Record<Locale, string>;
  version: number;
  stored: StoredRecommendation | undefined;
  errors?: Partial<Record<Locale, Problem>>;
  notice?: string | undefined;
  /** On a conflict: the text saved meanwhile (the form keeps the user's). */
  conflict?: StoredRecommendation | undefined;
};

export function RecommendationPage(props: RecommendationPageProps) {
  const { ctx, user, csrfToken, framework, edition, region, editable, values, version, stored, errors = {}, notice, conflict, readOnlyReason } = props;
  const { t, locale } = ctx;
  const frameworkName = textOf(ctx, framework.name, framework.key);
  const regionName = textOf(ctx, region.names, region.code);
  const differing = conflict ? LOCALES.filter((l) => (conflict.text[l] ?? '') !== values[l].replace(/\r\n?/g, '\n').trim()) : [];
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={`${regionName} · ${frameworkName} ${edition.label}`} section="reviews">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: reviewsPath(locale), label: t('reviewsAdmin.title') },
          { href: frameworkPath(locale, framework.key), label: frameworkName },
          { href: editionPath(locale, edition.id), label: <EditionName ctx={ctx} edition={edition} /> },
        ]}
      />
      <DemoBanner ctx={ctx} edition={edition} />
      <h1>{t('reviewsAdmin.recommendation.title', { region: regionName, framework: frameworkName, edition: edition.label })}</h1>
      <Notice text={notice} />
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {readOnlyReason === 'role' && <p class="notice">{t('reviewsAdmin.recommendation.roleReadOnly')}</p>}
      <p class="muted">{t('reviewsAdmin.recommendation.members', { count: region.members.length, list: region.members.map((m) => country(ctx, m)).join(', ') })}</p>
      {stored && <p class="muted">{t('reviewsAdmin.conflict.savedBy', { version: stored.version, who: stored.updatedBy ?? '—', when: formatWhen(locale, stored.updatedAt) })}</p>}
      {conflict && (
        <section class="reviews-admin-conflict" aria-labelledby="conflict-heading">
          <div class="notice error" role="alert">
            <h2 id="conflict-heading">{t('reviewsAdmin.conflict.title')}</h2>
            <p>{t('reviewsAdmin.conflict.explain', { version: conflict.version, who: conflict.updatedBy ?? '—', when: formatWhen(locale, conflict.updatedAt) })}</p>
            <p>{t('reviewsAdmin.conflict.nothingLost')}</p>
          </div>
          {differing.length > 0 && (
            <table class="data-table reviews-admin-compare">
              <caption>{t('reviewsAdmin.conflict.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reviewsAdmin.conflict.language')}</th>
                  <th scope="col">{t('reviewsAdmin.conflict.savedNow')}</th>
                  <th scope="col">{t('reviewsAdmin.conflict.yours')}</th>
                </tr>
              </thead>
              <tbody>
                {differing.map((l) => (
                  <tr>
                    <th scope="row">{languageName(ctx, l)}</th>
                    <td lang={l} dir={dir(l)} class="reviews-admin-text">
                      {conflict.text[l] ?? ''}
                    </td>
                    <td lang={l} dir={dir(l)} class="reviews-admin-text">
                      {values[l]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <form method="post" action={regionPath(locale, edition.id, region.code)} class="reviews-admin-form reviews-admin-texts" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        {LOCALES.map((l) => {
          const id = `rec-${l}`;
          return (
            <div class="form-field">
              <label for={id}>{t('reviewsAdmin.recommendation.textIn', { language: languageName(ctx, l) })}</label>
              <textarea id={id} name={`text.${l}`} rows={6} lang={l} dir={dir(l)} disabled={!editable} {...described(id, errors[l])}>
                {values[l]}
              </textarea>
              <FieldError ctx={ctx} id={id} problem={errors[l]} />
            </div>
          );
        })}
        {editable && <button type="submit">{t('reviewsAdmin.recommendation.save')}</button>}
      </form>
    </AdminLayout>
  );
}
