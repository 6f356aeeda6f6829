// The create and edit pages of a practice: its state and the workflow steps the user's role
// allows, then the form. On a version conflict the same page opens with the saved version and the
// user's side by side, and the form keeps what the user typed, set to save over the current version.
import { dir, pickText, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { WordDiff } from '../../../web/word-diff.tsx';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { mayTransition, TRANSITIONS } from '../../admin/workflow.ts';
import type { User } from '../../auth/users.ts';
import type { EditScope } from '../../editor/form.ts';
import type { Choice } from '../../editor/queries.ts';
import { formatWhen, languageLabel, StatusBadge } from '../../editor/views/common.tsx';
import { changedFields, fieldValue, isTextField, type FieldName, type PracticeFields } from '../fields.ts';
import { practicePath, practicesPath, publicPracticePath } from '../paths.ts';
import type { PracticeFormValues } from '../practice-form.ts';
import type { StoredPractice } from '../practice-store.ts';
import { PracticeForm } from './practice-form.tsx';
import type { FieldErrors } from './form-parts.tsx';

export type PracticeEditProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  /** Undefined on the create page. */
  practice: StoredPractice | undefined;
  values: PracticeFormValues;
  version: number | undefined;
  errors: FieldErrors;
  scope: EditScope;
  choices: { topics: Choice[]; countries: Choice[] };
  notice?: string | undefined;
  /** On the conflict page: what the user submitted, validated. */
  conflict?: { mine: PracticeFields } | undefined;
};

function WorkflowActions({ ctx, user, csrfToken, practice }: { ctx: PageContext; user: User; csrfToken: string | undefined; practice: StoredPractice }) {
  const { t, locale } = ctx;
  const allowed = TRANSITIONS.filter((tr) => mayTransition(user.role, tr, practice.data.status));
  if (allowed.length === 0) return <p class="muted">{t('editor.workflow.none')}</p>;
  return (
    <div class="editor-workflow">
      {allowed.map((tr) => (
        <form method="post" action={practicePath(locale, practice.id, tr.path)}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(practice.version)} />
          {tr.action === 'send_back' && (
            <div class="form-field">
              <label for="send-back-note">{t('editor.workflow.note')}</label>
              <textarea id="send-back-note" name="note" rows={2} maxlength={1000}></textarea>
            </div>
          )}
          <button type="submit">{t(`editor.action.${tr.action}`)}</button>
        </form>
      ))}
    </div>
  );
}

function fieldLabel(ctx: PageContext, field: FieldName): string {
  const { t } = ctx;
  if (isTextField(field)) {
    const [kind, locale] = field.split('.') as ['title' | 'summary' | 'description' | 'outcomes', Locale];
    return `${t(`practicesAdmin.field.${kind}`)} (${languageLabel(ctx, locale)})`;
  }
  const keys = {
    slug: 'editor.field.slug',
    actor: 'practicesAdmin.field.actor',
    yearFrom: 'practicesAdmin.field.yearFrom',
    yearTo: 'practicesAdmin.field.yearTo',
    topics: 'practicesAdmin.field.topics',
    countries: 'practicesAdmin.field.countries',
    links: 'practicesAdmin.field.links',
    relatedResources: 'practicesAdmin.field.related',
  } as const;
  return t(keys[field]);
}

/** The saved version and the user's, field by field, with the differing words marked. */
function ConflictComparison({ ctx, current, mine }: { ctx: PageContext; current: StoredPractice; mine: PracticeFields }) {
  const { t, locale } = ctx;
  const differing = changedFields(current.data, { ...mine, slug: mine.slug || current.data.slug });
  return (
    <section class="editor-conflict" aria-labelledby="conflict-heading">
      <div class="notice error" role="alert">
        <h2 id="conflict-heading">{t('practicesAdmin.conflict.title')}</h2>
        <p>{t('editor.conflict.explain', { version: current.version, who: current.updated_by_email ?? '—', when: formatWhen(locale, current.updated_at) })}</p>
        <p>{t('editor.conflict.nothingLost')}</p>
      </div>
      {differing.length === 0 ? (
        <p>{t('editor.conflict.same')}</p>
      ) : (
        <table class="data-table editor-compare">
          <caption>{t('editor.conflict.caption', { count: differing.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editor.diff.field')}</th>
              <th scope="col">{t('editor.conflict.saved', { version: current.version })}</th>
              <th scope="col">{t('editor.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((field) => {
              const saved = fieldValue(current.data, field);
              const yours = fieldValue({ ...mine, slug: mine.slug || current.data.slug }, field);
              const lang = isTextField(field) ? (field.split('.')[1] as Locale) : undefined;
              return (
                <tr>
                  <th scope="row">{fieldLabel(ctx, field)}</th>
                  <td lang={lang} dir={lang ? dir(lang) : undefined}>
                    <WordDiff before={saved} after={yours} side="old" locale={lang ?? locale} />
                  </td>
                  <td lang={lang} dir={lang ? dir(lang) : undefined}>
                    <WordDiff before={saved} after={yours} side="new" locale={lang ?? locale} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PracticeEditPage(props: PracticeEditProps) {
  const { ctx, user, csrfToken, practice, values, version, errors, scope, choices, notice, conflict } = props;
  const { t, locale } = ctx;
  const title = practice ? pickText(practice.data.title, locale) : undefined;
  const heading = practice ? t('practicesAdmin.edit.title', { title: title!.text || practice.data.slug }) : t('practicesAdmin.new.title');
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="practices">
      <p>
        <a href={practicesPath(locale)}>{t('practicesAdmin.backToList')}</a>
      </p>
      {practice ? (
        <h1>
          {t('editor.edit.heading')}{' '}
          <span lang={title!.lang} dir="auto">
            {title!.text || practice.data.slug}
          </span>
        </h1>
      ) : (
        <h1>{heading}</h1>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {practice && (
        <section class="editor-meta" aria-labelledby="state-heading">
          <h2 id="state-heading">{t('editor.state.heading')}</h2>
          <dl class="details">
            <dt>{t('editor.state.label')}</dt>
            <dd>
              <StatusBadge ctx={ctx} status={practice.data.status} />
            </dd>
            <dt>{t('editor.meta.version')}</dt>
            <dd>{practice.version}</dd>
            <dt>{t('editor.meta.updated')}</dt>
            <dd>
              {practice.updated_by_email
                ? t('editor.meta.updatedBy', { when: formatWhen(locale, practice.updated_at), who: practice.updated_by_email })
                : formatWhen(locale, practice.updated_at)}
            </dd>
          </dl>
          {practice.data.status === 'published' && (
            <p>
              <a href={publicPracticePath(locale, practice.data.slug)}>{t('editor.link.public')}</a>
            </p>
          )}
          {!conflict && <WorkflowActions ctx={ctx} user={user} csrfToken={csrfToken} practice={practice} />}
        </section>
      )}
      {conflict && practice && <ConflictComparison ctx={ctx} current={practice} mine={conflict.mine} />}
      {!scope.all && scope.locales.length > 0 && (
        <p class="notice">{t('practicesAdmin.form.translatorScope', { languages: scope.locales.map((l) => languageLabel(ctx, l)).join(', ') })}</p>
      )}
      {!scope.all && scope.locales.length === 0 && <p class="notice">{t('practicesAdmin.form.readOnly')}</p>}
      <h2 class="editor-form-heading">{conflict ? t('editor.conflict.formHeading') : t('editor.form.heading')}</h2>
      <PracticeForm
        ctx={ctx}
        csrfToken={csrfToken}
        action={practice ? practicePath(locale, practice.id) : `${practicesPath(locale)}/new`}
        values={values}
        version={version}
        errors={errors}
        scope={scope}
        choices={choices}
        submitLabel={conflict ? t('editor.conflict.saveMine') : practice ? t('editor.form.save') : t('editor.form.create')}
      />
    </AdminLayout>
  );
}
