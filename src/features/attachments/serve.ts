// Sending a stored document: its detected type, its length, a download (never shown inline, so a
// crafted PDF cannot run as a page of the Atlas), and its hash as the ETag.
import type { Context } from 'hono';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { AppEnv } from '../../web/env.ts';
import { notFound } from '../../web/errors.ts';
import { contentDisposition } from './filename.ts';
import { filePath, storedSize } from './storage.ts';
import type { StoredAttachment } from './store.ts';

/**
 * The content at an attachment's address never changes, so caches may keep it long; a week rather
 * than a year, because a document can be withdrawn (resource unpublished, attachment removed).
 */
export const PUBLIC_CACHE = 'public, max-age=604800';

export async function sendAttachment(c: Context<AppEnv>, a: StoredAttachment, cacheControl: string) {
  const { config, log } = c.var;
  const size = await storedSize(config.filesDir, a.sha256);
  if (size === undefined) {
    log.error({ requestId: c.var.requestId, attachment: a.id, sha256: a.sha256 }, 'attachment file missing');
    throw notFound();
  }
  const etag = `"${a.sha256}"`;
  const common = { ETag: etag, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);
  const stream = Readable.toWeb(createReadStream(filePath(config.filesDir, a.sha256))) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, {
    ...common,
    'Content-Type': a.media_type,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(a.filename),
  });
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
