// Deleting an audit: a confirmation, because nothing can bring it back.
import type { PageContext } from '../../web/context.ts';
import { CsrfField } from '../admin/layout.tsx';
import { AuditLinks, auditPath, PrivatePage } from './components.tsx';

export function DeletePage({ ctx, token, csrfToken, label }: { ctx: PageContext; token: string; csrfToken: string; label: string | null }) {
  const { t } = ctx;
  return (
    <PrivatePage ctx={ctx} title={t('safeguarding.delete.title')}>
      <div class="safeguarding">
        <h1>{t('safeguarding.delete.title')}</h1>
        {label ? <p class="safeguarding-label">{label}</p> : null}
        <AuditLinks ctx={ctx} token={token} current="delete" />
        <p>{t('safeguarding.delete.body')}</p>
        <p>{t('safeguarding.delete.exportFirst')}</p>
        <form method="post" action={`${auditPath(ctx.locale, token)}/delete`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="danger">
            {t('safeguarding.delete.confirm')}
          </button>{' '}
          <a href={auditPath(ctx.locale, token)}>{t('safeguarding.delete.cancel')}</a>
        </form>
      </div>
    </PrivatePage>
  );
}
