// Request-level security for the back office: who is signed in, what they may do, and that a write
// really comes from one of our own forms (CSRF).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import { can, type Permission } from './roles.ts';
import { resumeSession, SESSION_COOKIE } from './sessions.ts';
import { newToken, sameToken } from './tokens.ts';

/** The pre-session CSRF cookie, for forms shown before sign-in (the sign-in form itself). */
export const CSRF_COOKIE = 'atlas_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sets c.var.user and c.var.csrfToken from the session cookie, when there is a live session. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('clientIp', clientIp(c));
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await resumeSession(c.var.db, token, c.var.config.sessionHours);
    if (session) {
      c.set('user', session.user);
      c.set('csrfToken', session.csrfToken);
    } else {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
  }
  if (!c.var.csrfToken) c.set('csrfToken', getCookie(c, CSRF_COOKIE));
  await next();
};

/**
 * Refuses a write that does not come from our own pages: the Origin (or, failing that,
 * Sec-Fetch-Site) must be ours, and the form field `_csrf` or the X-CSRF-Token header must carry
 * the token of the session (or of the pre-session cookie). Applies to every unsafe method.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  const own = new Set([new URL(c.req.url).origin, new URL(c.var.config.publicUrl).origin]);
  if (origin !== undefined && !own.has(origin)) throw new HttpError(403, 'error.csrf');
  if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') throw new HttpError(403, 'error.csrf');
  // The open-data API (e.g. POST /api/v1/terminology/check from a team's CI): a request without a
  // session cookie carries no authority that a forged request could borrow, so it needs no token.
  if (isPublicApi(c.req.path) && !getCookie(c, SESSION_COOKIE)) return next();
  let sent = c.req.header(CSRF_HEADER);
  if (!sent && isForm(c)) {
    const body = await c.req.parseBody();
    const field = body[CSRF_FIELD];
    sent = typeof field === 'string' ? field : undefined;
  }
  if (!sameToken(sent, c.var.csrfToken)) throw new HttpError(403, 'error.csrf');
  await next();
};

function isPublicApi(path: string): boolean {
  return path.startsWith('/api/v1/') && !path.startsWith('/api/v1/admin');
}

function isForm(c: Context<AppEnv>): boolean {
  const type = c.req.header('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/** The token to put in a form; before sign-in it makes (once) the pre-session cookie. */
export function formToken(c: Context<AppEnv>): string {
  // A page with a visitor's own token must never be shared by the response cache or a proxy.
  c.header('Cache-Control', 'private, no-store');
  if (c.var.csrfToken) return c.var.csrfToken;
  const token = newToken();
  setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.var.config.secureCookies });
  c.set('csrfToken', token);
  return token;
}

/**
 * Guards a route: without a session, pages redirect to the sign-in page and the API answers 401;
 * with a role that lacks the permission, 403.
 */
export function requirePermission(permission: Permission | 'public'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === 'public') return next();
    const user = c.var.user;
    if (!user) {
      if (c.req.path.startsWith('/api/')) throw new HttpError(401, 'error.signInRequired');
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? url.pathname + url.search : undefined;
      return c.redirect(`/${c.var.ctx.locale}/admin/login${back ? `?next=${encodeURIComponent(back)}` : ''}`, 302);
    }
    if (!can(user.role, permission)) throw new HttpError(403, 'error.forbidden');
    await next();
  };
}

function clientIp(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), c.var.config.trustProxyHops);
}

/**
 * The client's address: the socket's, or behind `hops` trusted reverse proxies the entry that the
 * outermost of them appended to X-Forwarded-For (entries further left were written by the client
 * and prove nothing). Too few entries means a request that bypassed a proxy: the socket's.
 */
export function clientAddress(socket: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const own = socket ?? 'local';
  if (hops === 0 || !forwardedFor) return own;
  const entries = forwardedFor.split(',').map((e) => e.trim()).filter(Boolean);
  return entries.length >= hops ? entries[entries.length - hops]!.slice(0, 64) : own;
}
