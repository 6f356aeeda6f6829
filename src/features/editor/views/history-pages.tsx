// A resource's history: every saved version (who, when, what kind of save), and one version's
// changes against the one before it, field by field, texts word by word. Restoring saves an old
// version's fields as a new version, so the history only grows.
import { dir, pickText } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { Revision } from '../../history/revisions.ts';
import { ALL_FIELDS, changedFields, fieldValue, LIST_FIELDS, type FieldName } from '../fields.ts';
import type { EditorResource } from '../queries.ts';
import type { ResourceSnapshot } from '../snapshot.ts';
import { ListDiff } from '../../admin/content-editor/conflict.tsx';
import { formatWhen, StatusBadge } from '../../admin/content-editor/format.tsx';
import { editorPath, fieldLabel, fieldLocale } from './common.tsx';
import { WordDiff } from '../../../web/word-diff.tsx';

type Base = { ctx: PageContext; user: User; csrfToken: string | undefined; resource: EditorResource };

const ACTIONS = ['create', 'update', 'submit', 'publish', 'send_back', 'archive', 'unarchive', 'restore', 'external'] as const;

export function actionLabel(ctx: PageContext, action: string): string {
  return (ACTIONS as readonly string[]).includes(action) ? ctx.t(`editor.history.action.${action}` as MessageKey) : action;
}

function Heading({ ctx, resource, text }: { ctx: PageContext; resource: EditorResource; text: string }) {
  const title = pickText(resource.data.title, ctx.locale);
  return (
    <>
      <p>
        <a href={editorPath(ctx.locale, resource.id)}>{ctx.t('editor.backToEdit')}</a>
      </p>
      <h1>
        {text}{' '}
        <span lang={title.lang} dir="auto">
          {title.text || resource.data.slug}
        </span>
      </h1>
    </>
  );
}

export function HistoryPage({ ctx, user, csrfToken, resource, revisions }: Base & { revisions: Revision<ResourceSnapshot>[] }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('editor.history.title')} section="resources">
      <Heading ctx={ctx} resource={resource} text={t('editor.history.heading')} />
      {revisions.length === 0 ? (
        <p>{t('editor.history.empty')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('editor.history.caption', { count: revisions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editor.meta.version')}</th>
              <th scope="col">{t('editor.history.action')}</th>
              <th scope="col">{t('editor.state.label')}</th>
              <th scope="col">{t('editor.history.who')}</th>
              <th scope="col">{t('editor.history.when')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <th scope="row">
                  <a href={editorPath(locale, resource.id, `/history/${r.version}`)}>{t('editor.history.version', { version: r.version })}</a>
                  {r.version === resource.version && <span class="muted"> {t('editor.history.current')}</span>}
                </th>
                <td>{actionLabel(ctx, r.action)}</td>
                <td>
                  <StatusBadge ctx={ctx} status={r.data.status} />
                </td>
                <td>{r.actor_id ? r.actor_email : t('editor.history.system')}</td>
                <td>{formatWhen(locale, r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

function FieldChange({ ctx, field, before, after }: { ctx: PageContext; field: FieldName; before: ResourceSnapshot | undefined; after: ResourceSnapshot }) {
  const old = before ? fieldValue(before, field) : '';
  const now = fieldValue(after, field);
  const lang = fieldLocale(field);
  const list = (LIST_FIELDS as readonly string[]).includes(field);
  return (
    <tr>
      <th scope="row">{fieldLabel(ctx, field)}</th>
      <td lang={lang} dir={lang ? dir(lang) : undefined}>
        {list ? (
          <ListDiff before={old ? old.split('\n') : []} after={now ? now.split('\n') : []} side="both" />
        ) : (
          <WordDiff before={old} after={now} side="both" locale={lang ?? ctx.locale} />
        )}
      </td>
    </tr>
  );
}

export function DiffPage({
  ctx,
  user,
  csrfToken,
  resource,
  revision,
  previous,
}: Base & { revision: Revision<ResourceSnapshot>; previous: Revision<ResourceSnapshot> | undefined }) {
  const { t, locale } = ctx;
  const after = revision.data;
  const before = previous?.data;
  const fields = before ? changedFields(before, after) : ALL_FIELDS.filter((f) => fieldValue(after, f) !== '');
  const statusChanged = before !== undefined && before.status !== after.status;
  const restorable = can(user.role, 'content.edit') && revision.version !== resource.version;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('editor.history.version', { version: revision.version })} section="resources">
      <Heading ctx={ctx} resource={resource} text={t('editor.history.version', { version: revision.version })} />
      <p>
        <a href={editorPath(locale, resource.id, '/history')}>{t('editor.history.back')}</a>
      </p>
      <dl class="details">
        <dt>{t('editor.history.action')}</dt>
        <dd>{actionLabel(ctx, revision.action)}</dd>
        <dt>{t('editor.history.who')}</dt>
        <dd>{revision.actor_id ? revision.actor_email : t('editor.history.system')}</dd>
        <dt>{t('editor.history.when')}</dt>
        <dd>{formatWhen(locale, revision.at)}</dd>
        <dt>{t('editor.state.label')}</dt>
        <dd>
          {statusChanged && (
            <>
              <del>
                <StatusBadge ctx={ctx} status={before!.status} />
              </del>{' '}
              →{' '}
            </>
          )}
          <StatusBadge ctx={ctx} status={after.status} />
        </dd>
      </dl>
      <h2>{previous ? t('editor.diff.against', { version: previous.version }) : t('editor.diff.first')}</h2>
      {fields.length === 0 ? (
        <p>{t('editor.diff.none')}</p>
      ) : (
        <table class="data-table editor-diff">
          <thead>
            <tr>
              <th scope="col">{t('editor.diff.field')}</th>
              <th scope="col">{t('editor.diff.change')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <FieldChange ctx={ctx} field={field} before={before} after={after} />
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">{t('editor.diff.legend')}</p>
      {restorable && (
        <form method="post" action={editorPath(locale, resource.id, `/history/${revision.version}/restore`)} class="editor-restore">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(resource.version)} />
          <p>{t('editor.restore.explain', { version: revision.version, current: resource.version })}</p>
          <button type="submit">{t('editor.restore.button', { version: revision.version })}</button>
        </form>
      )}
    </AdminLayout>
  );
}
