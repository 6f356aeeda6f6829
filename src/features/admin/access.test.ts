// Every back-office route, found by enumerating the application's routes (so a route added later
// is tested without anyone remembering to): without a session it redirects to sign-in (pages) or
// answers 401 (API); with a role that lacks its permission, 403; with one that has it, never 401,
// 403 or a server error. A route that was added without a declared permission fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../testing/app.ts';
import { testSession, type TestSession } from '../../testing/sessions.ts';
import { ROLES, can } from '../auth/roles.ts';
import { BACK_OFFICE_PREFIXES, ROUTE_ACCESS } from './guarded.ts';

/** Routes that must work without a session: signing in, and the one-time links of invitations. */
const PUBLIC_BY_DESIGN = [/^(GET|POST) \/:locale\/admin\/login$/, /^(GET|POST) \/:locale\/admin\/(welcome|reset)\/:token$/];

/** A path with every parameter filled by a value its pattern accepts (ids, country codes, keys). */
function concrete(path: string): string {
  const candidates = ['1', 'FR', 'key', 'a'];
  return path.replace(':locale', 'en').replace(/:[a-zA-Z]+(?:\{((?:[^{}]|\{[^}]*\})*)\})?/g, (_, pattern: string | undefined) => {
    if (!pattern) return '1';
    const re = new RegExp(`^(?:${pattern})$`);
    return candidates.find((c) => re.test(c)) ?? assert.fail(`no test value for the parameter pattern ${pattern} in ${path}`);
  });
}

describe('back-office access control', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let routes: { method: string; path: string; key: string }[] = [];

  before(async () => {
    t = await testApp('pglite', { shipped: false });
    const seen = new Set<string>();
    routes = t.app.routes
      .filter((r) => r.method !== 'ALL' && BACK_OFFICE_PREFIXES.some((p) => r.path === p || r.path.startsWith(`${p}/`)))
      .map((r) => ({ method: r.method, path: r.path, key: `${r.method} ${r.path}` }))
      .filter((r) => !seen.has(r.key) && seen.add(r.key));
  });
  after(() => t.close());

  function request(route: { method: string; path: string }, session?: TestSession) {
    const url = concrete(route.path);
    if (route.method === 'GET') return t.app.request(url, { headers: session ? session.headers() : {} });
    // Writes carry a valid CSRF token (the session's, or a pre-session one), so that what answers is the permission check.
    if (session) return t.app.request(url, session.form({}));
    return t.app.request(url, {
      method: route.method,
      body: new URLSearchParams({ _csrf: 'anonymous-token' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'atlas_csrf=anonymous-token', origin: 'http://atlas.test' },
    });
  }

  it('finds the back-office routes, each with a declared permission', () => {
    assert.ok(routes.length >= 4, `found ${routes.length} routes`);
    const undeclared = routes.filter((r) => !ROUTE_ACCESS.has(r.key)).map((r) => r.key);
    assert.deepEqual(undeclared, [], 'routes registered without guardedRouter');
    const publicRoutes = routes.filter((r) => ROUTE_ACCESS.get(r.key) === 'public').map((r) => r.key);
    for (const key of publicRoutes) assert.ok(PUBLIC_BY_DESIGN.some((p) => p.test(key)), `${key} is public but not meant to be`);
  });

  it('without a session: pages redirect to sign-in, the API answers 401', async () => {
    for (const route of routes.filter((r) => ROUTE_ACCESS.get(r.key) !== 'public')) {
      const res = await request(route);
      if (route.path.startsWith('/api/')) {
        assert.equal(res.status, 401, route.key);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'signInRequired');
      } else {
        assert.equal(res.status, 302, route.key);
        assert.match(res.headers.get('location') ?? '', /^\/en\/admin\/login/, route.key);
      }
    }
  });

  it('with a role that lacks the permission: 403; with one that has it: neither 401, 403 nor 5xx', async () => {
    for (const route of routes) {
      const access = ROUTE_ACCESS.get(route.key)!;
      if (access === 'public') continue;
      for (const role of ROLES) {
        // A fresh session each time: some routes (sign-out, password change) end the session they run in.
        const res = await request(route, await testSession(t.db, role));
        if (can(role, access)) {
          assert.ok(![401, 403].includes(res.status) && res.status < 500, `${route.key} as ${role}: ${res.status}`);
        } else {
          assert.equal(res.status, 403, `${route.key} as ${role}`);
        }
      }
    }
  });
});
