// The create and edit pages of a resource, in the content editors' shared frame: its state, links to
// the preview, history and attachments, the workflow buttons the user's role allows, and the form.
// On a version conflict, the same page opens with both versions compared and the form holding what
// the user typed, set to save over the current version.
import type { PageContext } from '../../../web/context.ts';
import { EditFrame, submitLabel } from '../../admin/content-editor/edit-frame.tsx';
import type { FieldErrors } from '../../admin/content-editor/field-messages.tsx';
import { formatWhen } from '../../admin/content-editor/format.tsx';
import type { Choice } from '../../admin/content-editor/vocabulary.ts';
import { transitionFor, type TransitionAction } from '../../admin/workflow.ts';
import type { User } from '../../auth/users.ts';
import { resourcePath } from '../../library/components.tsx';
import type { EditScope, FormValues } from '../form.ts';
import type { EditorResource } from '../queries.ts';
import { editorPath } from './common.tsx';
import { ResourceForm } from './form.tsx';
import { ResourceConflict } from './conflict.tsx';

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

/** The URL segment of a workflow step under the resource, e.g. /send-back. */
export function transitionPath(action: TransitionAction): string {
  return transitionFor(action).path;
}

function ResourceLinks({ ctx, resource }: { ctx: PageContext; resource: EditorResource }) {
  const { t, locale } = ctx;
  return (
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
  );
}

export function EditPage(props: EditPageProps) {
  const { ctx, user, csrfToken, resource, values, version, errors, scope, choices, notice, conflict } = props;
  const { t, locale } = ctx;
  return (
    <EditFrame
      ctx={ctx}
      user={user}
      csrfToken={csrfToken}
      section="resources"
      back={{ href: `/${locale}/admin/resources`, label: t('editor.backToList') }}
      item={resource}
      titles={{ edit: 'editor.edit.title', create: 'editor.new.title' }}
      notice={notice}
      details={
        resource?.published_at && (
          <>
            <dt>{t('editor.meta.firstPublished')}</dt>
            <dd>{formatWhen(locale, resource.published_at)}</dd>
          </>
        )
      }
      links={resource && <ResourceLinks ctx={ctx} resource={resource} />}
      stepPath={(tr) => editorPath(locale, resource!.id, tr.path)}
      conflict={conflict && resource ? <ResourceConflict ctx={ctx} current={resource} mine={conflict.mine} /> : undefined}
      scope={scope}
      scopeNotices={{ translator: 'editor.form.translatorScope', readOnly: 'editor.form.readOnly' }}
    >
      <ResourceForm
        ctx={ctx}
        csrfToken={csrfToken}
        action={resource ? editorPath(locale, resource.id) : `/${locale}/admin/resources/new`}
        values={values}
        version={version}
        errors={errors}
        scope={scope}
        choices={choices}
        submitLabel={submitLabel(ctx, { creating: !resource, conflict: !!conflict })}
      />
    </EditFrame>
  );
}
