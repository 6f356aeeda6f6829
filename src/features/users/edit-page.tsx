// One user's page for administrators: profile, role and locales; disabling; a password reset link.
import type { PageContext } from '../../web/context.ts';
import type { User } from '../auth/users.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import { DateTime, LocalesField, OneTimeLink, RoleField, TextField } from './fields.tsx';
import type { FieldErrors, ProfileDraft } from './forms.ts';
import { userState } from './store.ts';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

/** What the page confirms after a redirect (?done=…). */
export const EDIT_NOTICES = ['saved', 'unchanged', 'disabled', 'enabled'] as const;
export type EditNotice = (typeof EDIT_NOTICES)[number];

export function UserEditPage(
  props: Frame & { target: User; draft?: ProfileDraft; errors?: FieldErrors; notice?: EditNotice | undefined; problem?: string | undefined },
) {
  const { ctx, user, csrfToken, target, errors = {} } = props;
  const { t, locale } = ctx;
  const base = `/${locale}/admin/users/${target.id}`;
  const draft = props.draft ?? { email: target.email, name: target.name, role: target.role, locales: target.locales };
  const state = userState(target);
  const self = target.id === user.id;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={target.email} section="users">
      <p>
        <a href={`/${locale}/admin/users`}>{t('users.backToList')}</a>
      </p>
      <h1 dir="ltr">{target.email}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {t(`users.edit.notice.${props.notice}`)}
        </p>
      )}
      {props.problem && (
        <p class="notice error" role="alert" id="problem">
          {props.problem}
        </p>
      )}
      <dl class="users-facts">
        <dt>{t('users.list.state')}</dt>
        <dd>
          <span class={`status users-state-${state}`}>{t(`users.state.${state}`)}</span>
        </dd>
        <dt>{t('users.list.created')}</dt>
        <dd>
          <DateTime locale={locale} iso={target.created_at} />
        </dd>
      </dl>

      <h2 id="profile">{t('users.edit.profile')}</h2>
      {self && <p>{t('users.edit.selfNote')}</p>}
      <form method="post" action={base} aria-labelledby="profile" novalidate>
        <CsrfField token={csrfToken} />
        <TextField id="name" name="name" label={t('users.field.name')} value={draft.name} error={errors.name} autocomplete="off" maxlength={200} />
        <RoleField ctx={ctx} value={draft.role} error={errors.role} />
        <LocalesField ctx={ctx} value={draft.locales} error={errors.locales} />
        <p class="users-hint">{t('users.edit.sessionsNote')}</p>
        <button type="submit">{t('users.edit.save')}</button>
      </form>

      <h2 id="access">{t('users.edit.access')}</h2>
      {target.disabled ? (
        <form method="post" action={`${base}/enable`} aria-labelledby="access">
          <CsrfField token={csrfToken} />
          <p>{t('users.edit.disabledNote')}</p>
          <button type="submit">{t('users.edit.enable')}</button>
        </form>
      ) : self ? (
        <p>{t('users.edit.selfDisable')}</p>
      ) : (
        <form method="post" action={`${base}/disable`} aria-labelledby="access">
          <CsrfField token={csrfToken} />
          <p>{t('users.edit.disableNote')}</p>
          <button type="submit">{t('users.edit.disable')}</button>
        </form>
      )}

      {!target.disabled && (
        <>
          <h2 id="password">{t('users.edit.password')}</h2>
          <form method="post" action={`${base}/reset-link`} aria-labelledby="password">
            <CsrfField token={csrfToken} />
            <p>{t('users.edit.resetNote')}</p>
            <button type="submit">{t('users.edit.resetLink')}</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

export function ResetLinkPage({ ctx, user, csrfToken, target, link, days }: Frame & { target: User; link: string; days: number }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('users.resetLink.title')} section="users">
      <h1>{t('users.resetLink.title')}</h1>
      <p class="notice" role="status">
        {t('users.resetLink.done', { email: target.email })}
      </p>
      <OneTimeLink ctx={ctx} link={link} label={t('users.resetLink.link')} />
      <p>{t('users.resetLink.pass', { days })}</p>
      <p>{t('users.link.noMail')}</p>
      <p>
        <a href={`/${locale}/admin/users/${target.id}`}>{t('users.invited.toUser')}</a>
      </p>
    </AdminLayout>
  );
}
