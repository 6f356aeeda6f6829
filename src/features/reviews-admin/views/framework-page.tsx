// A framework in the back office: its criteria with their weights (editors change them), its
// editions in every state, and the form for a new edition.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { Framework } from '../../reviews/store.ts';
import { LABEL_MAX, YEAR_MAX, YEAR_MIN, type AdminEdition } from '../editions.ts';
import { frameworkPath, reviewsPath } from '../http.ts';
import type { Problem } from '../problems.ts';
import { Breadcrumbs, described, FieldError, Notice, Text, textOf } from './common.tsx';
import { EditionsTable } from './index-page.tsx';

export type FrameworkForms = {
  create?: { values: { label: string; year: string }; errors: Partial<Record<'label' | 'year', Problem>> };
  weights?: { values: Record<string, string>; errors: Record<string, Problem>; changed?: string[] };
};

export function FrameworkPage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  framework: Framework;
  editions: AdminEdition[];
  forms?: FrameworkForms;
  notice?: string | undefined;
}) {
  const { ctx, user, csrfToken, framework, editions, forms = {}, notice } = props;
  const { t, locale } = ctx;
  const editable = can(user.role, 'content.edit');
  const name = textOf(ctx, framework.name, framework.key);
  const create = forms.create ?? { values: { label: '', year: String(new Date().getUTCFullYear()) }, errors: {} };
  const weights = forms.weights;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={name} section="reviews">
      <Breadcrumbs ctx={ctx} items={[{ href: reviewsPath(locale), label: t('reviewsAdmin.title') }]} />
      <h1>
        <Text ctx={ctx} text={framework.name} fallback={framework.key} />
      </h1>
      <Notice text={notice} />
      <p>
        <Text ctx={ctx} text={framework.description} />
      </p>
      {framework.derived && <p class="muted">{t('reviewsAdmin.derivedExplain')}</p>}

      <h2 id="editions-heading">{t('reviewsAdmin.editions')}</h2>
      {editions.length === 0 ? <p>{t('reviewsAdmin.noEditions')}</p> : <EditionsTable ctx={ctx} editions={editions} caption={t('reviewsAdmin.editionsCaption', { count: editions.length })} />}

      {editable && (
        <form method="post" action={`${frameworkPath(locale, framework.key)}/editions`} class="reviews-admin-form" aria-labelledby="create-heading" novalidate>
          <h2 id="create-heading">{t('reviewsAdmin.create.heading')}</h2>
          <p class="muted" id="create-hint">
            {t('reviewsAdmin.create.hint')}
          </p>
          <CsrfField token={csrfToken} />
          <div class="form-field">
            <label for="create-label">{t('reviewsAdmin.create.label')}</label>
            <input id="create-label" name="label" type="text" value={create.values.label} maxlength={LABEL_MAX} required {...described('create-label', create.errors.label, 'create-hint')} />
            <FieldError ctx={ctx} id="create-label" problem={create.errors.label} />
          </div>
          <div class="form-field">
            <label for="create-year">{t('reviewsAdmin.create.year')}</label>
            <input id="create-year" name="year" type="number" min={YEAR_MIN} max={YEAR_MAX} value={create.values.year} required {...described('create-year', create.errors.year)} />
            <FieldError ctx={ctx} id="create-year" problem={create.errors.year} />
          </div>
          <button type="submit">{t('reviewsAdmin.create.submit')}</button>
        </form>
      )}

      <h2 id="criteria-heading">{t('reviewsAdmin.criteria')}</h2>
      {framework.criteria.length === 0 ? (
        <p>{t('reviewsAdmin.noCriteria')}</p>
      ) : (
        <form method="post" action={`${frameworkPath(locale, framework.key)}/weights`} novalidate>
          <CsrfField token={csrfToken} />
          <table class="data-table reviews-admin-criteria">
            <caption>{t('reviewsAdmin.weights.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewsAdmin.col.criterion')}</th>
                <th scope="col">{t('reviewsAdmin.col.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {framework.criteria.map((c) => {
                const id = `weight-${c.key}`;
                const problem = weights?.errors[c.key];
                return (
                  <tr>
                    <th scope="row">
                      {editable ? (
                        <label for={id}>
                          <Text ctx={ctx} text={c.name} fallback={c.key} />
                        </label>
                      ) : (
                        <Text ctx={ctx} text={c.name} fallback={c.key} />
                      )}
                      <div class="muted">
                        <code>{c.key}</code>
                      </div>
                    </th>
                    <td>
                      {editable ? (
                        <>
                          <input id={id} name={`weight.${c.key}`} type="text" inputmode="decimal" size={6} value={weights?.values[c.key] ?? String(c.weight)} {...described(id, problem)} />
                          <input type="hidden" name={`was.${c.key}`} value={String(c.weight)} />
                          <FieldError ctx={ctx} id={id} problem={problem} />
                        </>
                      ) : (
                        c.weight
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {editable && (
            <p>
              <button type="submit">{t('reviewsAdmin.weights.submit')}</button>
            </p>
          )}
        </form>
      )}
    </AdminLayout>
  );
}
