// The pages behind one-time links: an invitation (choose a first password) or a reset made by an
// administrator (choose a new one). Nobody is signed in here; the form carries the pre-session token.
import type { PageContext } from '../../web/context.ts';
import { PASSWORD_MIN } from '../auth/passwords.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import { TextField } from './fields.tsx';
import type { FieldErrors } from './forms.ts';

export type LinkPurpose = 'invite' | 'reset';

const TITLES = { invite: 'users.welcome.title', reset: 'users.reset.title' } as const;

export function ChoosePasswordPage({ ctx, purpose, email, action, csrfToken, errors = {} }: {
  ctx: PageContext;
  purpose: LinkPurpose;
  email: string;
  action: string;
  csrfToken: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} user={undefined} csrfToken={csrfToken} title={t(TITLES[purpose])}>
      <h1>{t(TITLES[purpose])}</h1>
      <p>{t(purpose === 'invite' ? 'users.welcome.intro' : 'users.reset.intro')}</p>
      {Object.keys(errors).length > 0 && (
        <p class="notice error" role="alert">
          {t('users.error.summary')}
        </p>
      )}
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {/* Shown read-only, and named username so that password managers file the new password under it. */}
        <div class="form-field">
          <label for="username">{t('users.field.email')}</label>
          <input id="username" name="username" type="email" value={email} readonly autocomplete="username" dir="ltr" />
        </div>
        <TextField id="password" name="password" type="password" label={t('users.password.new')} hint={t('users.password.rules', { min: PASSWORD_MIN })}
          error={errors.password} autocomplete="new-password" required maxlength={200} />
        <TextField id="password2" name="password2" type="password" label={t('users.password.again')} error={errors.password2} autocomplete="new-password" required maxlength={200} />
        <button type="submit">{t('users.password.submit')}</button>
      </form>
    </AdminLayout>
  );
}

export function PasswordSetPage({ ctx, csrfToken }: { ctx: PageContext; csrfToken: string | undefined }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} user={undefined} csrfToken={csrfToken} title={t('users.passwordSet.title')}>
      <h1>{t('users.passwordSet.title')}</h1>
      <p class="notice" role="status">
        {t('users.passwordSet.done')}
      </p>
      <p>
        <a href={`/${locale}/admin/login`}>{t('users.passwordSet.signIn')}</a>
      </p>
    </AdminLayout>
  );
}
