// The create and edit pages: the state and the workflow buttons the user's role allows, links to the
// preview, history and attachments, and the form. On a version conflict, the same page opens with
// both versions compared and the form holding what the user typed, set to save over the current version.
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import { resourcePath } from '../../library/components.tsx';
import type { EditScope, FieldErrors, FormValues } from '../form.ts';
import type { Choice, EditorResource } from '../queries.ts';
import { TRANSITIONS, mayTransition, type Transition } from '../workflow.ts';
import { editorPath, formatWhen, languageLabel, StatusBadge } from './common.tsx';
import { ResourceForm } from './form.tsx';
import { ConflictComparison } from './conflict.tsx';

export type EditPageProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  /** Undefined on the create page. */
  resource: EditorResource | undefined;
  values: FormValues;
  version: number | undefined;
  errors: FieldErrors;
  scope: EditScope;
  choices: { topics: Choice[]; countries: Choice[] };
  /** A short confirmation after a redirect ("saved as version 3"). */
  notice?: string | undefined;
  /** Present on the conflict page: what the user submitted, against the current state. */
  conflict?: { mine: FormValues } | undefined;
};

const TRANSITION_PATHS: Record<Transition['action'], string> = {
  submit: '/submit',
  publish: '/publish',
  send_back: '/send-back',
  archive: '/archive',
  unarchive: '/unarchive',
};

export function transitionPath(action: Transition['action']): string {
  return TRANSITION_PATHS[action];
}

function WorkflowActions({ ctx, user, csrfToken, resource }: { ctx: PageContext; user: User; csrfToken: string | undefined; resource: EditorResource }) {
  const { t, locale } = ctx;
  const from = resource.data.status;
  const allowed = TRANSITIONS.filter((tr) => mayTransition(user.role, tr, from));
  if (allowed.length === 0) return <p class="muted">{t('editor.workflow.none')}</p>;
  return (
    <div class="editor-workflow">
      {allowed.map((tr) => (
        <form method="post" action={editorPath(locale, resource.id, TRANSITION_PATHS[tr.action])}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(resource.version)} />
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

export function EditPage(props: EditPageProps) {
  const { ctx, user, csrfToken, resource, values, version, errors, scope, choices, notice, conflict } = props;
  const { t, locale } = ctx;
  const title = resource ? pickText(resource.data.title, locale) : undefined;
  const heading = resource ? t('editor.edit.title', { title: title!.text || resource.data.slug }) : t('editor.new.title');
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section="resources">
      <p>
        <a href={`/${locale}/admin/resources`}>{t('editor.backToList')}</a>
      </p>
      {resource ? (
        <h1>
          {t('editor.edit.heading')}{' '}
          <span lang={title!.lang} dir="auto">
            {title!.text || resource.data.slug}
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
      {resource && (
        <section class="editor-meta" aria-labelledby="state-heading">
          <h2 id="state-heading">{t('editor.state.heading')}</h2>
          <dl class="details">
            <dt>{t('editor.state.label')}</dt>
            <dd>
              <StatusBadge ctx={ctx} status={resource.data.status} />
            </dd>
            <dt>{t('editor.meta.version')}</dt>
            <dd>{resource.version}</dd>
            <dt>{t('editor.meta.updated')}</dt>
            <dd>
              {resource.updated_by_email
                ? t('editor.meta.updatedBy', { when: formatWhen(locale, resource.updated_at), who: resource.updated_by_email })
                : formatWhen(locale, resource.updated_at)}
            </dd>
            {resource.published_at && (
              <>
                <dt>{t('editor.meta.firstPublished')}</dt>
                <dd>{formatWhen(locale, resource.published_at)}</dd>
              </>
            )}
          </dl>
          <nav aria-label={t('editor.meta.links')}>
            <ul class="editor-links">
              <li>
                <a href={editorPath(locale, resource.id, '/preview')}>{t('editor.link.preview')}</a>
              </li>
              <li>
                <a href={editorPath(locale, resource.id, '/history')}>{t('editor.link.history')}</a>
              </li>
              <li>
                <a href={editorPath(locale, resource.id, '/attachments')}>{t('editor.link.attachments')}</a>
              </li>
              {resource.data.status === 'published' && (
                <li>
                  <a href={resourcePath(locale, { id: resource.id, slug: resource.data.slug })}>{t('editor.link.public')}</a>
                </li>
              )}
            </ul>
          </nav>
          {!conflict && <WorkflowActions ctx={ctx} user={user} csrfToken={csrfToken} resource={resource} />}
        </section>
      )}
      {conflict && resource && <ConflictComparison ctx={ctx} current={resource} mine={conflict.mine} />}
      {!scope.all && scope.locales.length > 0 && (
        <p class="notice">{t('editor.form.translatorScope', { languages: scope.locales.map((l) => languageLabel(ctx, l)).join(', ') })}</p>
      )}
      {!scope.all && scope.locales.length === 0 && <p class="notice">{t('editor.form.readOnly')}</p>}
      <h2 class="editor-form-heading">{conflict ? t('editor.conflict.formHeading') : t('editor.form.heading')}</h2>
      <ResourceForm
        ctx={ctx}
        csrfToken={csrfToken}
        action={resource ? editorPath(locale, resource.id) : `/${locale}/admin/resources/new`}
        values={values}
        version={version}
        errors={errors}
        scope={scope}
        choices={choices}
        submitLabel={conflict ? t('editor.conflict.saveMine') : resource ? t('editor.form.save') : t('editor.form.create')}
      />
    </AdminLayout>
  );
}
