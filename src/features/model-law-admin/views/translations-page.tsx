// The translation dashboard of an edition: per language, how many texts are current, outdated or
// missing, and the lists of outdated and missing texts with links to their forms. A translator sees
// their own languages first.
import { dir, LOCALE_NAMES } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { EditionTree, LawNode } from '../../model-law/store.ts';
import { ownLocalesFirst, type LocaleProgress } from '../progress.ts';
import { Breadcrumbs, editionPath, formatPercent, languageName, LawName, lawsPath, nodePath, NodeTitle } from './common.tsx';

export function TranslationsPage({ ctx, user, csrfToken, tree, progress }: { ctx: PageContext; user: User; csrfToken: string | undefined; tree: EditionTree; progress: LocaleProgress[] }) {
  const { t, locale } = ctx;
  const { edition } = tree;
  const ordered = ownLocalesFirst(progress, user.role === 'translator' ? user.locales : []);
  const source = edition.law.sourceLocale;
  const pct = (n: number, total: number) => formatPercent(locale, total === 0 ? 0 : n / total);
  const list = (nodes: LawNode[], l: string) => (
    <ul class="todo-list">
      {nodes.map((n) => (
        <li>
          <a href={`${nodePath(locale, edition.id, n.id)}#title-${l}`}>
            <NodeTitle ctx={ctx} node={n} sourceLocale={source} />
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.translations.title')} section="modelLaw">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: lawsPath(locale), label: t('modelLawAdmin.title') },
          { href: editionPath(locale, edition.id), label: t('modelLaw.edition', { label: edition.label }) },
        ]}
      />
      <h1>
        {t('modelLawAdmin.translations.title')}: <LawName ctx={ctx} edition={edition} />, {t('modelLaw.edition', { label: edition.label })}
      </h1>
      <p>{t('modelLawAdmin.translations.explain', { language: languageName(ctx, source), count: progress[0]?.total ?? 0 })}</p>
      <table class="data-table translation-progress">
        <caption>{t('modelLawAdmin.translations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('modelLawAdmin.translations.language')}</th>
            <th scope="col">{t('modelLawAdmin.textStatus.current')}</th>
            <th scope="col">{t('modelLawAdmin.textStatus.outdated')}</th>
            <th scope="col">{t('modelLawAdmin.textStatus.missing')}</th>
            <th scope="col">{t('modelLawAdmin.translations.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((p) => (
            <tr id={`progress-${p.locale}`}>
              <th scope="row">
                {languageName(ctx, p.locale)}
                {p.locale === source && <span class="muted"> {t('modelLawAdmin.sourceBadge')}</span>}
              </th>
              <td>
                {p.current} ({pct(p.current, p.total)})
              </td>
              <td>
                {p.outdated} ({pct(p.outdated, p.total)})
              </td>
              <td>
                {p.missing} ({pct(p.missing, p.total)})
              </td>
              <td>
                <meter min={0} max={1} value={p.share} aria-label={t('modelLawAdmin.translations.meter', { language: languageName(ctx, p.locale) })}>
                  {formatPercent(locale, p.share)}
                </meter>{' '}
                {formatPercent(locale, p.share)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ordered
        .filter((p) => p.outdated + p.missing > 0)
        .map((p) => (
          <section aria-labelledby={`todo-${p.locale}`} class="translation-todo">
            <h2 id={`todo-${p.locale}`}>
              {languageName(ctx, p.locale)}{' '}
              <span lang={p.locale} dir={dir(p.locale)} class="muted">
                ({LOCALE_NAMES[p.locale]})
              </span>
            </h2>
            {p.outdated > 0 && (
              <>
                <h3>{t('modelLawAdmin.translations.outdated', { count: p.outdated })}</h3>
                {list(p.outdatedNodes, p.locale)}
              </>
            )}
            {p.missing > 0 && (
              <>
                <h3>{t('modelLawAdmin.translations.missing', { count: p.missing })}</h3>
                {list(p.missingNodes, p.locale)}
              </>
            )}
          </section>
        ))}
      {ordered.every((p) => p.outdated + p.missing === 0) && <p class="notice">{t('modelLawAdmin.translations.allDone')}</p>}
    </AdminLayout>
  );
}
