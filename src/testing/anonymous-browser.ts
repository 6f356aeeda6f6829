// Test helpers that act like a browser without a session: read a form's CSRF token and pre-session
// cookie, post it back, sign in through the real sign-in form.
import assert from 'node:assert/strict';
import type { AtlasApp } from '../app.ts';
import { SESSION_COOKIE } from '../features/auth/sessions.ts';

/** Cookies set by a response, as name -> value. */
export function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair!.split('=');
    out.set(name!.trim(), value.join('='));
  }
  return out;
}

/** Opens a page with a form as an anonymous browser: its HTML, CSRF token and pre-session cookie. */
export async function openForm(app: AtlasApp, path: string) {
  const res = await app.request(path);
  assert.equal(res.status, 200, `GET ${path}`);
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = setCookies(res).get('atlas_csrf');
  assert.ok(token && cookie, `${path} carries a form token and sets its cookie`);
  return { html, token: token!, cookie: `atlas_csrf=${cookie}` };
}

/** Posts a form as the anonymous browser that opened it. */
export async function postForm(app: AtlasApp, path: string, fields: Record<string, string>) {
  const form = await openForm(app, path);
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams({ ...fields, _csrf: form.token }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: 'http://atlas.test' },
  });
}

/** Signs in through the sign-in form; the session cookie on success, undefined otherwise. */
export async function signIn(app: AtlasApp, email: string, password: string): Promise<string | undefined> {
  const res = await postForm(app, '/en/admin/login', { email, password });
  if (res.status !== 303) return undefined;
  const token = setCookies(res).get(SESSION_COOKIE);
  return token ? `${SESSION_COOKIE}=${token}` : undefined;
}

/** The one-time link shown on an invitation or reset page, as a path. */
export function linkPath(html: string): string {
  const link = /id="one-time-link"[^>]*value="([^"]+)"/.exec(html)?.[1];
  assert.ok(link, 'the page shows a one-time link');
  return new URL(link!).pathname;
}
