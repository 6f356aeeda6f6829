// A user's own account: password change and sign-out elsewhere. Wrong current passwords count as
// failed sign-ins, so a stolen open session cannot be used to guess the password without limit.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../web/env.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { clearAccountFailures, recordSignInFailure, signInWait } from '../auth/throttle.ts';
import { tokenHash } from '../auth/tokens.ts';
import { findForSignIn } from '../auth/users.ts';
import { AccountPage, type AccountNotice } from './account-page.tsx';
import { newPasswordErrors, value, type FieldErrors } from './forms.ts';
import { actorOf } from './manage-routes.tsx';
import { changeOwnPassword, endOtherSessions, listSessions } from './store.ts';

type C = Context<AppEnv>;

function currentIdHash(c: C): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? tokenHash(token) : undefined;
}

async function accountPage(c: C, opts: { errors?: FieldErrors; notice?: AccountNotice; status?: 200 | 422 | 429 } = {}) {
  const { ctx, db, user, csrfToken } = c.var;
  const sessions = await listSessions(db, user!.id);
  return c.html(
    <AccountPage ctx={ctx} user={user!} csrfToken={csrfToken} sessions={sessions} currentIdHash={currentIdHash(c)} errors={opts.errors} notice={opts.notice} />,
    opts.status ?? 200,
  );
}

function noticeFrom(c: C): AccountNotice | undefined {
  const done = c.req.query('done');
  if (done === 'password') return { kind: 'password' };
  if (done === 'sessions') return { kind: 'sessions', count: Math.max(0, Number.parseInt(c.req.query('count') ?? '0', 10) || 0) };
  return undefined;
}

export function accountRoutes(pages: GuardedRouter): void {
  pages.get('/account', 'account.self', (c) => {
    const notice = noticeFrom(c);
    return accountPage(c, notice ? { notice } : {});
  });

  pages.post('/account/password', 'account.self', async (c) => {
    const { ctx, db, config, clientIp } = c.var;
    const user = c.var.user!;
    const body = await c.req.parseBody();
    const current = value(body, 'current');
    const password = value(body, 'password');
    const wait = await signInWait(db, user.email, clientIp);
    if (wait > 0) return accountPage(c, { errors: { current: ctx.t('admin.login.throttled', { minutes: wait }) }, status: 429 });
    const errors = newPasswordErrors(password, value(body, 'password2'), user.email, ctx.t);
    const account = await findForSignIn(db, user.email);
    if (!current || !(await verifyPassword(account?.passwordHash ?? null, current))) {
      if (current) await recordSignInFailure(db, user.email, clientIp);
      errors.current = ctx.t(current ? 'users.account.currentWrong' : 'users.account.currentMissing');
    }
    if (Object.keys(errors).length > 0) return accountPage(c, { errors, status: 422 });

    await changeOwnPassword(db, actorOf(c), password);
    await clearAccountFailures(db, user.email);
    // The change ended every session, this one too: this browser gets a fresh one, the others stay out.
    const session = await createSession(db, user.id, { hours: config.sessionHours, ip: clientIp, userAgent: c.req.header('user-agent') });
    setCookie(c, SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: config.secureCookies,
      maxAge: config.sessionHours * 3600,
    });
    return c.redirect(`/${ctx.locale}/admin/account?done=password`, 303);
  });

  pages.post('/account/sessions/end-others', 'account.self', async (c) => {
    const current = currentIdHash(c);
    const count = current ? await endOtherSessions(c.var.db, actorOf(c), current) : 0;
    return c.redirect(`/${c.var.ctx.locale}/admin/account?done=sessions&count=${count}`, 303);
  });
}
