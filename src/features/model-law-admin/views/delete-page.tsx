// The confirmation step before a node is deleted: what goes, and what happens to the numbers.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { EditionTree, LawNode } from '../../model-law/store.ts';
import { Breadcrumbs, editionPath, lawsPath, nodePath, NodeTitle, ReadOnlyNotice } from './common.tsx';

export function DeletePage({ ctx, user, csrfToken, tree, node }: { ctx: PageContext; user: User; csrfToken: string | undefined; tree: EditionTree; node: LawNode }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const later = node.kind === 'article' ? tree.articles.length - tree.articles.indexOf(node) - 1 : 0;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.deleteTitle')} section="modelLaw">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: lawsPath(locale), label: t('modelLawAdmin.title') },
          { href: editionPath(locale, edition.id), label: t('modelLaw.edition', { label: edition.label }) },
        ]}
      />
      <h1>{t('modelLawAdmin.deleteTitle')}</h1>
      <p class="delete-target">
        <NodeTitle ctx={ctx} node={node} sourceLocale={edition.law.sourceLocale} /> <code dir="ltr">{node.key}</code>
      </p>
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {node.children.length > 0 ? (
        <p class="notice error">{t('modelLawAdmin.error.notEmpty')}</p>
      ) : (
        edition.status === 'draft' && (
          <form method="post" action={nodePath(locale, edition.id, node.id, '/delete')} class="model-law-form">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={String(node.version)} />
            <p>{t('modelLawAdmin.deleteExplain')}</p>
            {node.kind === 'article' && <p>{t('modelLawAdmin.deleteRenumber', { count: later })}</p>}
            <button type="submit" class="model-law-danger">
              {t('modelLawAdmin.deleteConfirm')}
            </button>{' '}
            <a href={editionPath(locale, edition.id)}>{t('modelLawAdmin.cancel')}</a>
          </form>
        )
      )}
    </AdminLayout>
  );
}
