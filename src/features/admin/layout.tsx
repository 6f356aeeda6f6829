// The back office's page frame: the public layout's <html lang dir>, with the back-office bar
// (sections the user's role may open, who is signed in, sign out) instead of the public navigation.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { ASSETS } from '../../web/assets.ts';
import { LanguageSwitcher } from '../../web/layout.tsx';
import type { PageContext } from '../../web/context.ts';
import type { User } from '../auth/users.ts';
import { can, type Permission } from '../auth/roles.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { CSRF_FIELD } from '../auth/middleware.ts';

export type AdminSection = 'dashboard' | 'resources' | 'modelLaw' | 'reviews' | 'practices' | 'safeguarding' | 'import' | 'audit' | 'users' | 'account';

const SECTIONS: { id: AdminSection; path: string; label: MessageKey; permission: Permission }[] = [
  { id: 'dashboard', path: '', label: 'admin.nav.dashboard', permission: 'backoffice.read' },
  { id: 'resources', path: '/resources', label: 'admin.nav.resources', permission: 'backoffice.read' },
  { id: 'modelLaw', path: '/model-law', label: 'modelLawAdmin.nav', permission: 'backoffice.read' },
  { id: 'reviews', path: '/reviews', label: 'reviewsAdmin.nav', permission: 'backoffice.read' },
  { id: 'practices', path: '/practices', label: 'practicesAdmin.nav', permission: 'backoffice.read' },
  { id: 'safeguarding', path: '/safeguarding', label: 'safeguardingAdmin.nav', permission: 'backoffice.read' },
  { id: 'import', path: '/import', label: 'admin.nav.import', permission: 'content.import' },
  { id: 'audit', path: '/audit', label: 'admin.nav.audit', permission: 'audit.read' },
  { id: 'users', path: '/users', label: 'admin.nav.users', permission: 'users.manage' },
  { id: 'account', path: '/account', label: 'admin.nav.account', permission: 'account.self' },
];

export type AdminPageProps = {
  ctx: PageContext;
  /** Undefined on the sign-in and invitation pages. */
  user: User | undefined;
  csrfToken: string | undefined;
  title: string;
  section?: AdminSection;
  children: Child;
  scripts?: string[];
};

export function AdminLayout({ ctx, user, csrfToken, title, section, children, scripts = [] }: AdminPageProps) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={locale} dir={ctx.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · ${t('admin.title')} · ${t('site.name')}`}</title>
          <link rel="stylesheet" href={ASSETS.css.url} />
          <link rel="stylesheet" href={ASSETS.adminCss.url} />
        </head>
        <body>
          <a class="skip" href="#main">
            {t('nav.skip')}
          </a>
          <header class="admin-bar">
            <a href={`/${locale}`}>{t('site.name')}</a>
            {user && (
              <nav aria-label={t('admin.nav.label')}>
                <ul>
                  {SECTIONS.filter((s) => can(user.role, s.permission)).map((s) => (
                    <li>
                      <a href={`${base}${s.path}`} aria-current={s.id === section ? 'page' : undefined}>
                        {t(s.label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <div class="who">
              {user && (
                <>
                  <span>{t('admin.signedInAs', { email: user.email, role: t(`admin.role.${user.role}`) })}</span>
                  <form method="post" action={`${base}/logout`}>
                    <input type="hidden" name={CSRF_FIELD} value={csrfToken ?? ''} />
                    <button type="submit" class="link">
                      {t('admin.signOut')}
                    </button>
                  </form>
                </>
              )}
              <LanguageSwitcher ctx={ctx} />
            </div>
          </header>
          <main id="main" class="admin-main" tabindex={-1}>
            {children}
          </main>
          {scripts.map((src) => (
            <script type="module" src={src} />
          ))}
        </body>
      </html>
    </>
  );
}

/** The hidden CSRF field every back-office form carries. */
export function CsrfField({ token }: { token: string | undefined }) {
  return <input type="hidden" name={CSRF_FIELD} value={token ?? ''} />;
}
