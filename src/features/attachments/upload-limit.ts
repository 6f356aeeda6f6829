// Uploads are refused by size before anything reads them: the CSRF check parses every form body,
// so this runs ahead of it (see app.ts). The limit leaves room for the form's other fields and
// boundaries; the file's own size is checked exactly by the upload handler.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';

/** Where uploads are posted: registered in app.ts before the session and CSRF middleware. */
export const UPLOAD_PATH = '/:locale/admin/resources/:id/attachments';

const FORM_OVERHEAD = 64 * 1024;

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'attachments.error.tooLarge', { mb: megabytes(maxBytes) });
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

export const uploadBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (c.req.method !== 'POST') return next();
  const max = c.var.config.uploadMaxBytes;
  return bodyLimit({
    maxSize: max + FORM_OVERHEAD,
    onError: () => {
      throw tooLarge(max);
    },
  })(c, next);
};
