// The signed-in user's own account: profile, password change, and where they are signed in.
import type { PageContext } from '../../web/context.ts';
import { PASSWORD_MIN } from '../auth/passwords.ts';
import type { User } from '../auth/users.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import { DateTime, LocaleList, TextField } from './fields.tsx';
import type { FieldErrors } from './forms.ts';
import type { SessionRow } from './store.ts';

export type AccountNotice = { kind: 'password' } | { kind: 'sessions'; count: number };

export function AccountPage(props: {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  sessions: SessionRow[];
  currentIdHash: string | undefined;
  errors?: FieldErrors;
  notice?: AccountNotice | undefined;
}) {
  const { ctx, user, csrfToken, sessions, currentIdHash, errors = {}, notice } = props;
  const { t, locale } = ctx;
  const others = sessions.filter((s) => s.idHash !== currentIdHash).length;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('users.account.title')} section="account">
      <h1>{t('users.account.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice.kind === 'password' ? t('users.account.passwordChanged') : t('users.account.sessionsEnded', { count: notice.count })}
        </p>
      )}
      <dl class="users-facts">
        <dt>{t('users.field.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t('users.field.name')}</dt>
        <dd>{user.name || '—'}</dd>
        <dt>{t('users.field.role')}</dt>
        <dd>{t(`admin.role.${user.role}`)}</dd>
        {user.role === 'translator' && (
          <>
            <dt>{t('users.list.locales')}</dt>
            <dd>
              <LocaleList locales={user.locales} />
            </dd>
          </>
        )}
      </dl>

      <h2 id="password">{t('users.account.password')}</h2>
      {Object.keys(errors).length > 0 && (
        <p class="notice error" role="alert">
          {t('users.error.summary')}
        </p>
      )}
      <form method="post" action={`/${locale}/admin/account/password`} aria-labelledby="password" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="username" value={user.email} autocomplete="username" />
        <TextField id="current" name="current" type="password" label={t('users.account.current')} error={errors.current} autocomplete="current-password" required maxlength={200} />
        <TextField id="password" name="password" type="password" label={t('users.password.new')} hint={t('users.password.rules', { min: PASSWORD_MIN })}
          error={errors.password} autocomplete="new-password" required maxlength={200} />
        <TextField id="password2" name="password2" type="password" label={t('users.password.again')} error={errors.password2} autocomplete="new-password" required maxlength={200} />
        <p class="users-hint">{t('users.account.passwordNote')}</p>
        <button type="submit">{t('users.account.change')}</button>
      </form>

      <h2 id="sessions">{t('users.account.sessions')}</h2>
      <table class="data-table">
        <caption>{t('users.account.sessionsCaption', { count: sessions.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.account.started')}</th>
            <th scope="col">{t('users.account.lastSeen')}</th>
            <th scope="col">{t('users.account.address')}</th>
            <th scope="col">{t('users.account.browser')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>
                <DateTime locale={locale} iso={s.createdAt} time />
                {s.idHash === currentIdHash && <strong class="users-current"> {t('users.account.thisBrowser')}</strong>}
              </td>
              <td>
                <DateTime locale={locale} iso={s.lastSeenAt} time />
              </td>
              <td dir="ltr">{s.ip ?? '—'}</td>
              <td dir="ltr">{s.userAgent ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && (
        <form method="post" action={`/${locale}/admin/account/sessions/end-others`} aria-labelledby="sessions">
          <CsrfField token={csrfToken} />
          <button type="submit">{t('users.account.endOthers')}</button>
        </form>
      )}
    </AdminLayout>
  );
}
