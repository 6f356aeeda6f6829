// The public address of an attached document: /files/{id}/{name}. Only documents of published
// resources; anything else is not found. Mounted in app.ts ahead of the language prefix and the
// response cache (documents are streamed from disk, never kept in memory).
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { PUBLIC_CACHE, sendAttachment } from './serve.ts';
import { findAttachment } from './store.ts';

export function attachmentFiles() {
  const app = new Hono<AppEnv>();
  // The name is there for the reader's browser and downloads folder; the id alone decides.
  app.get('/files/:id{[0-9]{1,18}}/:name', async (c) => {
    const attachment = await findAttachment(c.var.db, c.req.param('id'));
    if (!attachment || attachment.resource_status !== 'published') throw notFound();
    return sendAttachment(c, attachment, PUBLIC_CACHE);
  });
  return app;
}

/** The public address of an attachment, for links. */
export function publicFilePath(a: { id: string; filename: string }): string {
  return `/files/${a.id}/${encodeURIComponent(a.filename)}`;
}
