// Back office: documents attached to a resource. Everyone in the back office may see and download
// them; editors and admins upload and remove. An upload is checked (size, type read from the bytes,
// text extracted) before anything is written; then one transaction records the row, the resource's
// searchable text and the audit entry, and stores the file under its hash.
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { contentChanged } from '../../web/cache.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { pickText } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { recordAudit, type Actor } from '../audit/log.ts';
import { extractText, UnreadableDocument } from './extract.ts';
import { cleanFilename } from './filename.ts';
import { sendAttachment } from './serve.ts';
import { deleteFile, detectType, sha256, storeFile } from './storage.ts';
import {
  deleteAttachment,
  findAttachment,
  insertAttachment,
  isAttached,
  isReferenced,
  listAttachments,
  lockFile,
  resourceHead,
  type ResourceHead,
} from './store.ts';
import { megabytes, UPLOAD_PATH } from './upload-limit.ts';
import { AttachmentsPage } from './views.tsx';

type Failure = { status: 409 | 413 | 415 | 422; key: MessageKey; values?: Record<string, number> };

export function attachmentsRoutes(pages: GuardedRouter, _api: GuardedRouter): void {
  const path = UPLOAD_PATH.replace('/:locale/admin', '');

  pages.get(path, 'backoffice.read', async (c) => {
    const resource = await requireResource(c);
    const done = c.req.query('done');
    return page(c, resource, { done: done === 'added' || done === 'removed' ? done : undefined });
  });

  pages.post(path, 'content.edit', async (c) => {
    const { db, config, user } = c.var;
    const resource = await requireResource(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const fail = (f: Failure) => page(c, resource, { error: c.var.ctx.t(f.key, f.values), status: f.status });

    if (!(file instanceof File) || file.size === 0) {
      return fail({ status: 422, key: file instanceof File ? 'attachments.error.empty' : 'attachments.error.missing' });
    }
    if (file.size > config.uploadMaxBytes) return fail({ status: 413, key: 'attachments.error.tooLarge', values: { mb: megabytes(config.uploadMaxBytes) } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = await detectType(bytes);
    if (!type) return fail({ status: 415, key: 'attachments.error.type' });
    let extracted;
    try {
      extracted = await extractText(bytes, type);
    } catch (error) {
      if (!(error instanceof UnreadableDocument)) throw error;
      return fail({ status: 422, key: error.reason === 'password' ? 'attachments.error.password' : 'attachments.error.broken' });
    }

    const hash = sha256(bytes);
    const filename = cleanFilename(file.name, type);
    const added = await db.transaction().execute(async (trx) => {
      await lockFile(trx, hash);
      if (await isAttached(trx, resource.id, hash)) return false;
      const id = await insertAttachment(trx, {
        resourceId: resource.id,
        sha256: hash,
        filename,
        mediaType: type,
        size: bytes.byteLength,
        pages: extracted.pages,
        text: extracted.text,
        createdBy: user!.id,
      });
      await recordAudit(trx, actor(c), {
        action: 'resource.attachment_add',
        entityType: 'resource',
        entityId: resource.id,
        entityLabel: label(resource),
        details: { attachmentId: id, filename, sha256: hash, size: bytes.byteLength, mediaType: type },
      });
      // Written while the lock is held, so a concurrent removal cannot delete it in between.
      await storeFile(config.filesDir, hash, bytes);
      return true;
    });
    if (!added) return fail({ status: 409, key: 'attachments.error.duplicate' });
    contentChanged();
    return c.redirect(`/${c.var.ctx.locale}/admin/resources/${resource.id}/attachments?done=added`, 303);
  });

  pages.post(`${path}/:attachmentId/remove`, 'content.edit', async (c) => {
    const { db, config } = c.var;
    const resource = await requireResource(c);
    const removed = await db.transaction().execute(async (trx) => {
      const a = await deleteAttachment(trx, resource.id, c.req.param('attachmentId') ?? '');
      if (!a) return undefined;
      await recordAudit(trx, actor(c), {
        action: 'resource.attachment_remove',
        entityType: 'resource',
        entityId: resource.id,
        entityLabel: label(resource),
        details: { attachmentId: a.id, filename: a.filename, sha256: a.sha256, size: a.size, mediaType: a.media_type },
      });
      return a;
    });
    if (!removed) throw notFound();
    contentChanged();
    // The file goes once no attachment uses it; under the file's lock, so that an upload of the
    // same content either came first (and keeps it) or comes after (and writes it again).
    await db.transaction().execute(async (trx) => {
      await lockFile(trx, removed.sha256);
      if (!(await isReferenced(trx, removed.sha256))) await deleteFile(config.filesDir, removed.sha256);
    });
    return c.redirect(`/${c.var.ctx.locale}/admin/resources/${resource.id}/attachments?done=removed`, 303);
  });

  pages.get('/attachments/:id/download', 'backoffice.read', async (c) => {
    const attachment = await findAttachment(c.var.db, c.req.param('id') ?? '');
    if (!attachment) throw notFound();
    return sendAttachment(c, attachment, 'private, no-store');
  });
}

async function requireResource(c: Context<AppEnv>): Promise<ResourceHead> {
  const resource = await resourceHead(c.var.db, c.req.param('id') ?? '');
  if (!resource) throw new HttpError(404, 'error.notFound');
  return resource;
}

async function page(
  c: Context<AppEnv>,
  resource: ResourceHead,
  opts: { done?: 'added' | 'removed' | undefined; error?: string; status?: 200 | 409 | 413 | 415 | 422 },
) {
  const { db, ctx, user, csrfToken, config } = c.var;
  const attachments = await listAttachments(db, resource.id);
  return c.html(
    <AttachmentsPage
      ctx={ctx}
      user={user!}
      csrfToken={csrfToken}
      resource={resource}
      attachments={attachments}
      maxBytes={config.uploadMaxBytes}
      done={opts.done}
      error={opts.error}
    />,
    opts.status ?? 200,
  );
}

function actor(c: Context<AppEnv>): Actor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

function label(resource: ResourceHead): string {
  return pickText(resource.title, 'en').text;
}
