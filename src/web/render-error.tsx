// One handler for every error: HttpErrors become a page or JSON in the request's language;
// anything else is logged with the request id and shown as a 500 without detail.
import type { Context } from 'hono';
import { negotiateLocale } from '../i18n/locales.ts';
import { pageContext } from './context.ts';
import type { AppEnv } from './env.ts';
import { ErrorPage } from './error-page.tsx';
import { HttpError } from './errors.ts';

export function renderError(c: Context<AppEnv>, error: unknown) {
  const ctx = c.var.ctx ?? pageContext(negotiateLocale(c.req.header('accept-language')), new URL(c.req.url));
  // A statement cancelled by statement_timeout: the server is overloaded, not broken.
  const timedOut = (error as { code?: string } | null)?.code === '57014';
  const known = error instanceof HttpError ? error : timedOut ? new HttpError(503, 'error.busy') : undefined;
  if (timedOut) c.header('Retry-After', '5');
  if (!known) c.var.log?.error({ requestId: c.var.requestId, err: error }, 'unexpected error');
  const status = known?.status ?? 500;
  const message = known ? ctx.t(known.messageKey, translateValues(ctx, known.values)) : ctx.t('error.server');
  const isApi = c.req.path.startsWith('/api/');
  if (isApi) {
    return c.json(
      { error: { code: known?.code ?? 'server', message, ...(known?.field ? { field: known.field } : {}), requestId: c.var.requestId } },
      status,
    );
  }
  const hint =
    status === 404 ? ctx.t('error.notFoundHint') : status === 500 ? ctx.t('error.serverHint', { requestId: c.var.requestId ?? '' }) : undefined;
  return c.html(<ErrorPage ctx={ctx} status={status} message={message} hint={hint} />, status);
}

/** Values that are themselves message keys (e.g. the kind of problem) are translated too. */
function translateValues(ctx: ReturnType<typeof pageContext>, values: Record<string, string | number | Date>) {
  const out: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.startsWith('error.') ? ctx.t(v as never) : v;
  return out;
}
