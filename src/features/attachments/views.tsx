// The attachments page of a resource in the back office, and the list of documents on the public
// page of a published resource.
import { pickText } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import type { User } from '../auth/users.ts';
import { can } from '../auth/roles.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import { formatDate, formatSize } from './format.ts';
import { publicFilePath } from './public.ts';
import { DOCX, EXTENSIONS, PDF, TYPE_LABELS } from './storage.ts';
import type { Attachment, ResourceHead } from './store.ts';
import { megabytes } from './upload-limit.ts';

export type AttachmentsPageProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  resource: ResourceHead;
  attachments: Attachment[];
  maxBytes: number;
  done?: 'added' | 'removed' | undefined;
  error?: string | undefined;
};

const ACCEPT = [PDF, DOCX, EXTENSIONS[PDF], EXTENSIONS[DOCX]].join(',');

export function AttachmentsPage({ ctx, user, csrfToken, resource, attachments, maxBytes, done, error }: AttachmentsPageProps) {
  const { t, locale } = ctx;
  const title = pickText(resource.title, locale);
  const base = `/${locale}/admin`;
  const here = `${base}/resources/${resource.id}/attachments`;
  const editable = can(user.role, 'content.edit');
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('attachments.title')} section="resources">
      <p>
        <a href={`${base}/resources`}>{t('attachments.back')}</a>
      </p>
      <h1>
        {t('attachments.title')}:{' '}
        <span lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </span>
      </h1>
      <p>
        <span class={`status status-${resource.status}`}>{t(`admin.state.${resource.status}`)}</span>{' '}
        {resource.status === 'published' ? <a href={`/${locale}/library/${resource.id}`}>{t('attachments.publicPage')}</a> : t('attachments.notPublic')}
      </p>
      {done && (
        <p class="notice" role="status">
          {t(done === 'added' ? 'attachments.done.added' : 'attachments.done.removed')}
        </p>
      )}
      {attachments.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <table class="data-table attachments-table">
          <caption>{t('attachments.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('attachments.col.name')}</th>
              <th scope="col">{t('attachments.col.type')}</th>
              <th scope="col">{t('attachments.col.size')}</th>
              <th scope="col">{t('attachments.col.pages')}</th>
              <th scope="col">{t('attachments.col.added')}</th>
              <th scope="col">{t('attachments.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr>
                <th scope="row">
                  <bdi>{a.filename}</bdi>
                </th>
                <td>{TYPE_LABELS[a.media_type]}</td>
                <td>{formatSize(locale, a.size)}</td>
                <td>{a.pages ?? '–'}</td>
                <td>
                  {a.created_by_email
                    ? t('attachments.addedBy', { date: formatDate(locale, a.created_at), email: a.created_by_email })
                    : formatDate(locale, a.created_at)}
                </td>
                <td class="attachment-actions">
                  <a href={`${base}/attachments/${a.id}/download`} aria-label={t('attachments.downloadLabel', { name: a.filename })}>
                    {t('attachments.download')}
                  </a>
                  {editable && (
                    <form method="post" action={`${here}/${a.id}/remove`}>
                      <CsrfField token={csrfToken} />
                      <button type="submit" aria-label={t('attachments.removeLabel', { name: a.filename })}>
                        {t('attachments.remove')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t('attachments.upload.heading')}</h2>
          <form method="post" action={here} enctype="multipart/form-data">
            <CsrfField token={csrfToken} />
            <div class="form-field">
              <label for="attachment-file">{t('attachments.upload.field')}</label>
              <input
                id="attachment-file"
                name="file"
                type="file"
                required
                accept={ACCEPT}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'attachment-file-error attachment-file-hint' : 'attachment-file-hint'}
              />
              <p id="attachment-file-hint" class="muted">
                {t('attachments.upload.hint', { mb: megabytes(maxBytes) })}
              </p>
              {error && (
                <p id="attachment-file-error" class="field-error" role="alert">
                  {error}
                </p>
              )}
            </div>
            <button type="submit">{t('attachments.upload.submit')}</button>
          </form>
        </section>
      ) : (
        <p class="muted">{t('attachments.readOnly')}</p>
      )}
    </AdminLayout>
  );
}

/** The documents of a published resource, on its public page. */
export function PublicAttachmentList({ ctx, attachments }: { ctx: PageContext; attachments: Attachment[] }) {
  const { t, locale } = ctx;
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('attachments.public.heading')}</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            <a href={publicFilePath(a)} download>
              <bdi>{a.filename}</bdi>
            </a>{' '}
            <span class="muted">({t('attachments.public.entry', { type: TYPE_LABELS[a.media_type], size: formatSize(locale, a.size) })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
