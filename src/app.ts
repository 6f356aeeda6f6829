// Builds the web application from the feature routers. No I/O happens at import time: the caller
// passes the open database, the config and the logger.
import { Hono } from 'hono';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { isLocale, negotiateLocale, type Locale } from './i18n/locales.ts';
import { assetByUrl } from './web/assets.ts';
import { perGeneration, ResponseCache } from './web/cache.ts';
import { pageContext } from './web/context.ts';
import type { AppEnv } from './web/env.ts';
import { renderError } from './web/render-error.tsx';
import { HttpError } from './web/errors.ts';
import { securityHeaders } from './web/security.ts';
import { compressResponses } from './web/compress.ts';
import { facetLabels } from './features/taxonomy/store.ts';
import { homePages } from './features/home/routes.tsx';
import { libraryPages } from './features/library/routes.tsx';
import { apiRoutes } from './features/api/routes.ts';
import { mountBackOffice } from './features/admin/routes.tsx';
import { modelLawPages } from './features/model-law/routes.tsx';
import { countryPages } from './features/countries/routes.tsx';
import { reviewPages } from './features/reviews/routes.tsx';
import { mapPages } from './features/map/routes.tsx';
import { practicePages } from './features/practices/routes.tsx';
import { submissionPages } from './features/practices-admin/routes.tsx';
import { terminologyPages } from './features/terminology/routes.tsx';
import { safeguardingPages } from './features/safeguarding/routes.tsx';
import { csrfProtection, loadSession } from './features/auth/middleware.ts';
import { attachmentFiles } from './features/attachments/public.ts';
import { UPLOAD_PATH, uploadBodyLimit } from './features/attachments/upload-limit.ts';
import { requestBodyLimit } from './web/body-limit.ts';

export type AppDeps = { db: Db; config: Config; log: Logger };

/** The locale of an API request: ?lang=, then Accept-Language. */
function apiLocale(url: URL, acceptLanguage: string | undefined): Locale {
  const lang = url.searchParams.get('lang');
  return isLocale(lang) ? lang : negotiateLocale(acceptLanguage);
}

export function createApp({ db, config, log }: AppDeps) {
  const app = new Hono<AppEnv>();
  const cache = new ResponseCache(config.cacheEntries);
  const labels = perGeneration(() => facetLabels(db));

  // One structured log line per request, with its id and timing.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', requestId);
    c.set('db', db);
    c.set('config', config);
    c.set('log', log);
    c.set('labels', labels);
    await next();
    c.header('X-Request-Id', requestId);
    log.info({ requestId, method: c.req.method, path: withoutSecrets(c.req.path), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
  });
  app.use('*', securityHeaders);
  app.use('*', compressResponses);

  app.get('/assets/:file', (c) => {
    const asset = assetByUrl.get(c.req.path);
    if (!asset) throw new HttpError(404, 'error.notFound');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', asset.etag);
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });
  app.get('/', (c) => c.redirect(`/${negotiateLocale(c.req.header('accept-language'))}`, 302));
  app.get('/health', (c) => c.json({ ok: true }));
  // Attached documents: no language prefix, streamed from disk, never held in the response cache.
  app.route('/', attachmentFiles());

  // Language context: from the URL prefix for pages, from ?lang / Accept-Language for the API.
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const first = url.pathname.split('/')[1] ?? '';
    if (first === 'api') c.set('ctx', pageContext(apiLocale(url, c.req.header('accept-language')), url));
    else if (isLocale(first)) c.set('ctx', pageContext(first, url));
    else {
      c.set('ctx', pageContext(negotiateLocale(c.req.header('accept-language')), new URL(url.origin)));
      throw new HttpError(404, 'error.notFound');
    }
    await next();
  });

  // Before the CSRF check, which reads (and so buffers) every form body.
  app.use(UPLOAD_PATH, uploadBodyLimit);
  app.use('*', requestBodyLimit);
  app.use('*', loadSession);
  app.use('*', csrfProtection);

  // Public GETs: answered from memory until the next write, with ETag and Cache-Control. The back
  // office and anyone signed in bypass it: their pages are private and must never be shared.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET') return next();
    if (c.var.user || isBackOffice(c.req.path) || isPrivate(c.req.path)) {
      await next();
      c.res.headers.set('Cache-Control', 'private, no-store');
      return;
    }
    const key = `${c.var.ctx.locale} ${c.req.url}`;
    const hit = cache.get(key);
    if (hit) {
      if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, { ETag: hit.etag });
      return c.body(hit.body as string, hit.status as 200, { ...hit.headers, 'X-Cache': 'hit' });
    }
    await next();
    if (c.res.status !== 200 || !shareable(c.res.headers)) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', 'public, max-age=60');
    c.res.headers.set('Vary', 'Accept-Language');
    const headers: Record<string, string> = {};
    c.res.headers.forEach((v, k) => (headers[k] = v));
    cache.set(key, { body, headers, status: 200, etag });
    if (c.req.header('if-none-match') === etag) c.res = new Response(null, { status: 304, headers: { ETag: etag } });
  });

  mountBackOffice(app);
  app.route('/', apiRoutes());
  app.route('/', homePages());
  app.route('/', libraryPages());
  app.route('/', modelLawPages());
  app.route('/', countryPages());
  app.route('/', reviewPages());
  app.route('/', mapPages());
  app.route('/', submissionPages());
  app.route('/', practicePages());
  app.route('/', terminologyPages());
  app.route('/', safeguardingPages());

  app.notFound((c) => renderError(c, new HttpError(404, 'error.notFound')));
  app.onError((error, c) => renderError(c, error));
  return app;
}

/** A response for one visitor (a form with its token, a cookie, no-store) is never stored. */
function shareable(headers: Headers): boolean {
  return !headers.has('set-cookie') && !/no-store|private/.test(headers.get('cache-control') ?? '');
}

/** Pages reached through a secret token (a self-audit): never cached, never logged with the token. */
const PRIVATE_PATH = /^(\/[a-z]{2}\/self-audit\/a\/)[^/]+/;

function isPrivate(path: string): boolean {
  return PRIVATE_PATH.test(path);
}

function withoutSecrets(path: string): string {
  return path.replace(PRIVATE_PATH, (_, prefix: string) => `${prefix}…`);
}

function isBackOffice(path: string): boolean {
  return /^\/[a-z]{2}\/admin(\/|$)/.test(path) || path.startsWith('/api/v1/admin');
}

export type AtlasApp = ReturnType<typeof createApp>;
