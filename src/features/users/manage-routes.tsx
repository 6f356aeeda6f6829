// Administrators' user management: the list, invitations, one user's page and its actions.
// A new link is shown in the answer to the POST itself rather than after a redirect: the Atlas keeps
// only the token's hash, so the page that shows the link is the only time anyone sees it.
import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { HttpError } from '../../web/errors.ts';
import type { GuardedRouter } from '../admin/guarded.ts';
import { EmailTakenError, getUser, listUsers, TOKEN_DAYS, type User } from '../auth/users.ts';
import { EDIT_NOTICES, ResetLinkPage, UserEditPage, type EditNotice } from './edit-page.tsx';
import { parseInvite, parseProfile, profileDraft, type FieldErrors, type ProfileDraft } from './forms.ts';
import { InvitedPage, UsersListPage } from './list-page.tsx';
import { inviteUser, makeResetLink, saveProfile, setDisabled, type Refusal, type UserActor } from './store.ts';

type C = Context<AppEnv>;

export function actorOf(c: C): UserActor {
  const user = c.var.user!;
  return { id: user.id, email: user.email, ip: c.var.clientIp };
}

/** Why a change was refused, in the page's language; a lost role is simply forbidden. */
function refusalMessage(c: C, refusal: Refusal): string {
  if (refusal === 'notAdmin') throw new HttpError(403, 'error.forbidden');
  return c.var.ctx.t(`users.refusal.${refusal}`);
}

async function listPage(c: C, opts: { draft?: ProfileDraft; errors?: FieldErrors; status?: 200 | 409 | 422 } = {}) {
  const { ctx, db, user, csrfToken } = c.var;
  const users = await listUsers(db);
  return c.html(<UsersListPage ctx={ctx} user={user!} csrfToken={csrfToken} users={users} draft={opts.draft} errors={opts.errors} />, opts.status ?? 200);
}

async function target(c: C): Promise<User> {
  const found = await getUser(c.var.db, c.req.param('id') ?? '');
  if (!found) throw new HttpError(404, 'error.notFound');
  return found;
}

function editPage(
  c: C,
  target: User,
  opts: { draft?: ProfileDraft; errors?: FieldErrors; notice?: EditNotice; problem?: string; status?: 200 | 409 | 422 } = {},
) {
  const { ctx, user, csrfToken } = c.var;
  return c.html(
    <UserEditPage ctx={ctx} user={user!} csrfToken={csrfToken} target={target} draft={opts.draft} errors={opts.errors} notice={opts.notice} problem={opts.problem} />,
    opts.status ?? 200,
  );
}

export function manageRoutes(pages: GuardedRouter): void {
  pages.get('/users', 'users.manage', (c) => listPage(c));

  pages.post('/users', 'users.manage', async (c) => {
    const { ctx, db, config } = c.var;
    const draft = profileDraft(await c.req.parseBody({ all: true }));
    const parsed = parseInvite(draft, ctx.t);
    if (!parsed.ok) return listPage(c, { draft, errors: parsed.errors, status: 422 });
    try {
      const { user: invited, token } = await inviteUser(db, actorOf(c), parsed.data);
      const link = `${config.publicUrl}/${ctx.locale}/admin/welcome/${token}`;
      return c.html(<InvitedPage ctx={ctx} user={c.var.user!} csrfToken={c.var.csrfToken} invited={invited} link={link} days={TOKEN_DAYS.invite} />, 201);
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      return listPage(c, { draft, errors: { email: ctx.t('users.error.emailTaken') }, status: 409 });
    }
  });

  pages.get('/users/:id', 'users.manage', async (c) => {
    const done = c.req.query('done');
    const notice = EDIT_NOTICES.find((n) => n === done);
    return editPage(c, await target(c), notice ? { notice } : {});
  });

  pages.post('/users/:id', 'users.manage', async (c) => {
    const { ctx, db } = c.var;
    const before = await target(c);
    const draft = { ...profileDraft(await c.req.parseBody({ all: true })), email: before.email };
    const parsed = parseProfile(draft, ctx.t);
    if (!parsed.ok) return editPage(c, before, { draft, errors: parsed.errors, status: 422 });
    const result = await saveProfile(db, actorOf(c), before.id, parsed.data);
    if (!result) throw new HttpError(404, 'error.notFound');
    if ('refusal' in result) return editPage(c, before, { draft, errors: { role: refusalMessage(c, result.refusal) }, status: 409 });
    return c.redirect(`/${ctx.locale}/admin/users/${before.id}?done=${result.changed.length ? 'saved' : 'unchanged'}`, 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    pages.post(`/users/:id/${action}`, 'users.manage', async (c) => {
      const { ctx, db } = c.var;
      const before = await target(c);
      const result = await setDisabled(db, actorOf(c), before.id, action === 'disable');
      if (!result) throw new HttpError(404, 'error.notFound');
      if ('refusal' in result) return editPage(c, before, { problem: refusalMessage(c, result.refusal), status: 409 });
      return c.redirect(`/${ctx.locale}/admin/users/${before.id}?done=${action}d`, 303);
    });
  }

  pages.post('/users/:id/reset-link', 'users.manage', async (c) => {
    const { ctx, db, config } = c.var;
    const before = await target(c);
    const result = await makeResetLink(db, actorOf(c), before.id);
    if (!result) throw new HttpError(404, 'error.notFound');
    if ('refusal' in result) return editPage(c, before, { problem: refusalMessage(c, result.refusal), status: 409 });
    const link = `${config.publicUrl}/${ctx.locale}/admin/reset/${result.token}`;
    return c.html(<ResetLinkPage ctx={ctx} user={c.var.user!} csrfToken={c.var.csrfToken} target={result.user} link={link} days={TOKEN_DAYS.reset} />, 201);
  });
}
