// Signing in and out. Failures are throttled per account and per address (throttle.ts), logged in
// the audit log, and answered with one message that does not tell whether the account exists.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { recordAudit } from '../audit/log.ts';
import { CSRF_COOKIE, formToken } from '../auth/middleware.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { clearAccountFailures, recordSignInFailure, signInWait } from '../auth/throttle.ts';
import { findForSignIn, normalizeEmail } from '../auth/users.ts';
import type { GuardedRouter } from './guarded.ts';
import { AdminLayout, CsrfField } from './layout.tsx';

const SignInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  next: z.string().max(2000).optional(),
});

/** Only a path inside the back office: never another site (open redirect). */
export function safeNext(next: string | undefined, locale: string): string {
  const fallback = `/${locale}/admin`;
  if (!next || !/^\/(ar|en|es|fa|ru)\/admin(\/|$|\?)/.test(next)) return fallback;
  return next;
}

export function signInRoutes(router: GuardedRouter) {
  router.get('/login', 'public', (c) => {
    if (c.var.user) return c.redirect(safeNext(c.req.query('next'), c.var.ctx.locale), 303);
    return signInPage(c, { next: c.req.query('next') });
  });

  router.post('/login', 'public', async (c) => {
    const { db, ctx, clientIp } = c.var;
    const parsed = SignInForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return signInPage(c, { error: ctx.t('admin.login.missing'), status: 400 });
    const { password, next } = parsed.data;
    const email = normalizeEmail(parsed.data.email);
    const wait = await signInWait(db, email, clientIp);
    if (wait > 0) {
      await recordAudit(db, { id: null, email, ip: clientIp }, { action: 'user.login_throttled' });
      return signInPage(c, { email, next, error: ctx.t('admin.login.throttled', { minutes: wait }), status: 429 });
    }
    const user = await findForSignIn(db, email);
    const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && user !== undefined && !user.disabled;
    if (!ok || !user) {
      await recordSignInFailure(db, email, clientIp);
      await recordAudit(db, { id: user?.id ?? null, email, ip: clientIp }, { action: 'user.login_failed' });
      return signInPage(c, { email, next, error: ctx.t('admin.login.failed'), status: 401 });
    }
    await clearAccountFailures(db, email);
    const session = await createSession(db, user.id, {
      hours: c.var.config.sessionHours,
      ip: clientIp,
      userAgent: c.req.header('user-agent'),
      replacing: getCookie(c, SESSION_COOKIE),
    });
    await recordAudit(db, { id: user.id, email: user.email, ip: clientIp }, { action: 'user.login', entityType: 'user', entityId: user.id, entityLabel: user.email });
    setCookie(c, SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.var.config.secureCookies,
      maxAge: c.var.config.sessionHours * 3600,
    });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });
    return c.redirect(safeNext(next, ctx.locale), 303);
  });

  router.post('/logout', 'account.self', async (c) => {
    const { db, user, clientIp } = c.var;
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(db, token);
    if (user) await recordAudit(db, { id: user.id, email: user.email, ip: clientIp }, { action: 'user.logout', entityType: 'user', entityId: user.id, entityLabel: user.email });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(`/${c.var.ctx.locale}/admin/login`, 303);
  });
}

function signInPage(
  c: Context<AppEnv>,
  opts: { email?: string | undefined; next?: string | undefined; error?: string; status?: 200 | 400 | 401 | 429 },
) {
  const { ctx } = c.var;
  const { t, locale } = ctx;
  const token = formToken(c);
  return c.html(
    <AdminLayout ctx={ctx} user={undefined} csrfToken={token} title={t('admin.login.title')}>
      <h1>{t('admin.login.title')}</h1>
      {opts.error && (
        <p class="notice error" role="alert" id="login-error">
          {opts.error}
        </p>
      )}
      <form method="post" action={`/${locale}/admin/login`} aria-describedby={opts.error ? 'login-error' : undefined}>
        <CsrfField token={token} />
        {opts.next && <input type="hidden" name="next" value={opts.next} />}
        <div class="form-field">
          <label for="email">{t('admin.login.email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required maxlength={320} value={opts.email ?? ''} dir="ltr" />
        </div>
        <div class="form-field">
          <label for="password">{t('admin.login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={200} />
        </div>
        <button type="submit">{t('admin.login.submit')}</button>
      </form>
      <p>{t('admin.login.forgot')}</p>
    </AdminLayout>,
    opts.status ?? 200,
  );
}
