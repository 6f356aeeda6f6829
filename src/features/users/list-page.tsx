// The users list with the invitation form, and the page that shows a new invitation's link.
import type { PageContext } from '../../web/context.ts';
import type { User } from '../auth/users.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import { DateTime, LocaleList, LocalesField, OneTimeLink, RoleField, TextField } from './fields.tsx';
import type { FieldErrors, ProfileDraft } from './forms.ts';
import { userState } from './store.ts';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export function UsersListPage({ ctx, user, csrfToken, users, draft, errors = {} }: Frame & { users: User[]; draft?: ProfileDraft; errors?: FieldErrors }) {
  const { t, locale } = ctx;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('users.list.title')} section="users">
      <h1>{t('users.list.title')}</h1>
      <table class="data-table users-table">
        <caption>{t('users.list.caption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.field.email')}</th>
            <th scope="col">{t('users.field.name')}</th>
            <th scope="col">{t('users.field.role')}</th>
            <th scope="col">{t('users.list.locales')}</th>
            <th scope="col">{t('users.list.state')}</th>
            <th scope="col">{t('users.list.created')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const state = userState(u);
            return (
              <tr>
                <th scope="row">
                  <a href={`/${locale}/admin/users/${u.id}`} dir="ltr">
                    {u.email}
                  </a>
                </th>
                <td>{u.name}</td>
                <td>{t(`admin.role.${u.role}`)}</td>
                <td>{u.role === 'translator' ? <LocaleList locales={u.locales} /> : ''}</td>
                <td>
                  <span class={`status users-state-${state}`}>{t(`users.state.${state}`)}</span>
                </td>
                <td>
                  <DateTime locale={locale} iso={u.created_at} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 id="invite">{t('users.invite.title')}</h2>
      <p>{t('users.invite.intro')}</p>
      {hasErrors && (
        <p class="notice error" role="alert">
          {t('users.error.summary')}
        </p>
      )}
      <form method="post" action={`/${locale}/admin/users`} aria-labelledby="invite" novalidate>
        <CsrfField token={csrfToken} />
        <TextField id="email" name="email" type="email" label={t('users.field.email')} value={draft?.email ?? ''} error={errors.email} autocomplete="off" required maxlength={320} ltr />
        <TextField id="name" name="name" label={t('users.field.name')} value={draft?.name ?? ''} error={errors.name} autocomplete="off" maxlength={200} />
        <RoleField ctx={ctx} value={draft?.role ?? 'editor'} error={errors.role} />
        <LocalesField ctx={ctx} value={draft?.locales ?? []} error={errors.locales} />
        <button type="submit">{t('users.invite.submit')}</button>
      </form>
    </AdminLayout>
  );
}

export function InvitedPage({ ctx, user, csrfToken, invited, link, days }: Frame & { invited: User; link: string; days: number }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('users.invited.title')} section="users">
      <h1>{t('users.invited.title')}</h1>
      <p class="notice" role="status">
        {t('users.invited.done', { email: invited.email })}
      </p>
      <OneTimeLink ctx={ctx} link={link} label={t('users.invited.link')} />
      <p>{t('users.invited.pass', { days })}</p>
      <p>{t('users.link.noMail')}</p>
      <p>
        <a href={`/${locale}/admin/users/${invited.id}`}>{t('users.invited.toUser')}</a> · <a href={`/${locale}/admin/users`}>{t('users.backToList')}</a>
      </p>
    </AdminLayout>
  );
}
