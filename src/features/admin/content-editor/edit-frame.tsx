// The frame of a content editor's create and edit pages (resources, practices): the item's title,
// the confirmation of the last write, its state with the workflow steps the user's role allows, the
// conflict comparison when there is one, what the user may change, and then the editor's own form.
import type { Child } from 'hono/jsx';
import { pickText, type Locale, type Localized } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import type { User } from '../../auth/users.ts';
import { AdminLayout, CsrfField, type AdminSection } from '../layout.tsx';
import { mayTransition, TRANSITIONS, type Transition, type WorkflowState } from '../workflow.ts';
import { formatWhen, languageLabel, StatusBadge } from './format.tsx';

/** What the frame reads of a stored item. */
export type EditedItem = {
  id: string;
  version: number;
  data: { status: WorkflowState; title: Localized; slug: string };
  updated_at: string;
  updated_by_email: string | null;
};

export type EditFrameProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  section: AdminSection;
  back: { href: string; label: string };
  /** Undefined on the create page. */
  item: EditedItem | undefined;
  /** The page's title: `edit` gets the item's title, `create` is the create page's. */
  titles: { edit: MessageKey; create: MessageKey };
  /** A short confirmation after a redirect ("saved as version 3"). */
  notice?: string | undefined;
  /** More rows of the state's details, after the last change. */
  details?: Child;
  /** Links to the item's other pages (preview, public page, …). */
  links?: Child;
  /** Where a workflow step's form posts. */
  stepPath: (transition: Transition) => string;
  /** On the conflict page: both versions compared (the workflow steps wait until it is resolved). */
  conflict?: Child;
  scope: { all: boolean; locales: readonly Locale[] };
  /** The notices of a translator's scope (`languages` placeholder) and of a read-only form. */
  scopeNotices: { translator: MessageKey; readOnly: MessageKey };
  /** The form. */
  children: Child;
};

/** The form's button: creating, saving, or saving over a version someone else saved meanwhile. */
export function submitLabel(ctx: PageContext, { creating, conflict }: { creating: boolean; conflict: boolean }): string {
  const { t } = ctx;
  return conflict ? t('editor.conflict.saveMine') : creating ? t('editor.form.create') : t('editor.form.save');
}

function WorkflowActions({ ctx, user, csrfToken, item, stepPath }: { ctx: PageContext; user: User; csrfToken: string | undefined; item: EditedItem; stepPath: (transition: Transition) => string }) {
  const { t } = ctx;
  const allowed = TRANSITIONS.filter((tr) => mayTransition(user.role, tr, item.data.status));
  if (allowed.length === 0) return <p class="muted">{t('editor.workflow.none')}</p>;
  return (
    <div class="editor-workflow">
      {allowed.map((tr) => (
        <form method="post" action={stepPath(tr)}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(item.version)} />
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

export function EditFrame(props: EditFrameProps) {
  const { ctx, user, csrfToken, item, notice, conflict, scope, scopeNotices } = props;
  const { t, locale } = ctx;
  const title = item ? pickText(item.data.title, locale) : undefined;
  const heading = item ? t(props.titles.edit, { title: title!.text || item.data.slug }) : t(props.titles.create);
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={heading} section={props.section}>
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
      {item ? (
        <h1>
          {t('editor.edit.heading')}{' '}
          <span lang={title!.lang} dir="auto">
            {title!.text || item.data.slug}
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
      {item && (
        <section class="editor-meta" aria-labelledby="state-heading">
          <h2 id="state-heading">{t('editor.state.heading')}</h2>
          <dl class="details">
            <dt>{t('editor.state.label')}</dt>
            <dd>
              <StatusBadge ctx={ctx} status={item.data.status} />
            </dd>
            <dt>{t('editor.meta.version')}</dt>
            <dd>{item.version}</dd>
            <dt>{t('editor.meta.updated')}</dt>
            <dd>
              {item.updated_by_email
                ? t('editor.meta.updatedBy', { when: formatWhen(locale, item.updated_at), who: item.updated_by_email })
                : formatWhen(locale, item.updated_at)}
            </dd>
            {props.details}
          </dl>
          {props.links}
          {!conflict && <WorkflowActions ctx={ctx} user={user} csrfToken={csrfToken} item={item} stepPath={props.stepPath} />}
        </section>
      )}
      {item && conflict}
      {!scope.all && scope.locales.length > 0 && (
        <p class="notice">{t(scopeNotices.translator, { languages: scope.locales.map((l) => languageLabel(ctx, l)).join(', ') })}</p>
      )}
      {!scope.all && scope.locales.length === 0 && <p class="notice">{t(scopeNotices.readOnly)}</p>}
      <h2 class="editor-form-heading">{conflict ? t('editor.conflict.formHeading') : t('editor.form.heading')}</h2>
      {props.children}
    </AdminLayout>
  );
}
