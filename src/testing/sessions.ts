// Signed-in requests for HTTP tests: a user of a role with a live session, without the cost of
// hashing a password (sign-in itself is tested through the form in sign-in.test.ts).
import type { Db } from '../db/connect.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Role } from '../features/auth/roles.ts';
import { createSession, SESSION_COOKIE } from '../features/auth/sessions.ts';
import { createUser, type User } from '../features/auth/users.ts';

let counter = 0;

export type TestSession = {
  user: User;
  cookie: string;
  csrfToken: string;
  /** Headers for app.request: the session cookie, plus our own Origin for writes. */
  headers(extra?: Record<string, string>): Record<string, string>;
  /** A same-origin form post with the CSRF token added. */
  form(fields: Record<string, string | string[]>): { method: 'POST'; headers: Record<string, string>; body: URLSearchParams };
};

export async function testSession(db: Db, role: Role, opts: { locales?: Locale[]; email?: string } = {}): Promise<TestSession> {
  const email = opts.email ?? `${role}${++counter}-${process.pid}@atlas.test`;
  const user = await createUser(db, { email, role, locales: opts.locales ?? (role === 'translator' ? ['ar'] : []) });
  const { token, csrfToken } = await createSession(db, user.id, { hours: 1 });
  const cookie = `${SESSION_COOKIE}=${token}`;
  const headers = (extra: Record<string, string> = {}) => ({ cookie, origin: 'http://atlas.test', ...extra });
  return {
    user,
    cookie,
    csrfToken,
    headers,
    form(fields) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      body.set('_csrf', csrfToken);
      return { method: 'POST', headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }), body };
    },
  };
}
