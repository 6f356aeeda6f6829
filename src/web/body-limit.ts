// No request body may be larger than the largest upload the Atlas accepts: refused by its size
// before the CSRF check (which parses forms) or any handler reads it into memory. Routes with a
// tighter limit of their own (attachments) check theirs first.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';
import { HttpError } from './errors.ts';

const FORM_OVERHEAD = 64 * 1024;

export const requestBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const max = c.var.config.uploadMaxBytes;
  return bodyLimit({
    maxSize: max + FORM_OVERHEAD,
    onError: () => {
      throw new HttpError(413, 'error.tooLarge', { mb: Math.round((max / (1024 * 1024)) * 10) / 10 });
    },
  })(c, next);
};
