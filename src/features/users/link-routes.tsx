// The public one-time link pages: /welcome/:token (invitation) and /reset/:token (reset by an
// administrator). A token that is unknown, used, expired, of a disabled account or of the other kind
// answers 404, so the pages tell nothing about which tokens exist.
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { formToken } from '../auth/middleware.ts';
import { userForToken, type User } from '../auth/users.ts';
import { newPasswordErrors, value, type FieldErrors } from './forms.ts';
import { ChoosePasswordPage, PasswordSetPage, type LinkPurpose } from './link-pages.tsx';
import { linkJustUsed, redeemLink } from './store.ts';

type C = Context<AppEnv>;

const PATHS: Record<LinkPurpose, string> = { invite: '/welcome/:token', reset: '/reset/:token' };
const SEGMENT: Record<LinkPurpose, string> = { invite: 'welcome', reset: 'reset' };

function invalidLink(): HttpError {
  return new HttpError(404, 'users.link.invalid');
}

function tokenOf(c: C): string {
  const token = c.req.param('token') ?? '';
  // Ours are 43 characters of base64url; anything else is not worth a query.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalidLink();
  return token;
}

async function holder(c: C, purpose: LinkPurpose, token: string): Promise<User> {
  const found = await userForToken(c.var.db, token);
  if (!found || found.purpose !== purpose) throw invalidLink();
  return found.user;
}

function page(c: C, purpose: LinkPurpose, token: string, email: string, errors?: FieldErrors) {
  const { ctx } = c.var;
  const action = `/${ctx.locale}/admin/${SEGMENT[purpose]}/${token}`;
  return c.html(
    <ChoosePasswordPage ctx={ctx} purpose={purpose} email={email} action={action} csrfToken={formToken(c)} errors={errors} />,
    errors ? 422 : 200,
  );
}

export function linkRoutes(pages: GuardedRouter): void {
  for (const purpose of ['invite', 'reset'] as const) {
    pages.get(PATHS[purpose], 'public', async (c) => {
      const token = tokenOf(c);
      // After a successful post: the link is used up, so its page confirms (for an hour) instead.
      if (c.req.query('done') === '1') {
        if (!(await linkJustUsed(c.var.db, token, purpose))) throw invalidLink();
        return c.html(<PasswordSetPage ctx={c.var.ctx} csrfToken={c.var.csrfToken} />);
      }
      const user = await holder(c, purpose, token);
      return page(c, purpose, token, user.email);
    });

    pages.post(PATHS[purpose], 'public', async (c) => {
      const { ctx, db, clientIp } = c.var;
      const token = tokenOf(c);
      const user = await holder(c, purpose, token);
      const body = await c.req.parseBody();
      const password = value(body, 'password');
      const errors = newPasswordErrors(password, value(body, 'password2'), user.email, ctx.t);
      if (Object.keys(errors).length > 0) return page(c, purpose, token, user.email, errors);
      if (!(await redeemLink(db, token, password, clientIp))) throw invalidLink();
      return c.redirect(`/${ctx.locale}/admin/${SEGMENT[purpose]}/${token}?done=1`, 303);
    });
  }
}

