// The model laws of the back office: each law with all its editions, their state, size and
// translation progress, and where to go from there.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout } from '../../admin/layout.tsx';
import { can } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import { lawPath } from '../../model-law/components.tsx';
import type { Edition } from '../../model-law/store.ts';
import type { LocaleProgress } from '../progress.ts';
import { EditionStatusBadge, editionPath, formatPercent, formatWhen, languageName, LawName, lawsPath, Notice } from './common.tsx';

export type EditionRow = { edition: Edition; articles: number; progress: LocaleProgress[] };

export function EditionsPage({ ctx, user, csrfToken, rows, notice }: { ctx: PageContext; user: User; csrfToken: string | undefined; rows: EditionRow[]; notice?: string | undefined }) {
  const { t, locale } = ctx;
  const laws = new Map<string, EditionRow[]>();
  for (const row of rows) laws.set(row.edition.law.slug, [...(laws.get(row.edition.law.slug) ?? []), row]);
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.title')} section="modelLaw">
      <h1>{t('modelLawAdmin.title')}</h1>
      <Notice text={notice} />
      <p>{t('modelLawAdmin.intro')}</p>
      {can(user.role, 'content.import') && (
        <p>
          <a href={`${lawsPath(locale)}/import`}>{t('modelLawAdmin.import.link')}</a>
        </p>
      )}
      {laws.size === 0 && <p>{t('modelLawAdmin.noLaws')}</p>}
      {[...laws.values()].map((editions) => {
        const law = editions[0]!.edition;
        return (
          <section class="model-law-admin-law" aria-labelledby={`law-${law.law.slug}`}>
            <h2 id={`law-${law.law.slug}`}>
              <LawName ctx={ctx} edition={law} />
            </h2>
            <p class="muted">
              <code dir="ltr">{law.law.slug}</code> · {t('modelLawAdmin.sourceLanguage', { language: languageName(ctx, law.law.sourceLocale) })}
              {law.law.sample && <> · {t('modelLaw.sample')}</>}
            </p>
            <table class="data-table model-law-editions">
              <caption>{t('modelLawAdmin.editionsCaption', { count: editions.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('modelLawAdmin.col.edition')}</th>
                  <th scope="col">{t('modelLawAdmin.col.state')}</th>
                  <th scope="col">{t('modelLawAdmin.col.articles')}</th>
                  <th scope="col">{t('modelLawAdmin.col.translated')}</th>
                  <th scope="col">{t('modelLawAdmin.col.links')}</th>
                </tr>
              </thead>
              <tbody>
                {editions.map(({ edition, articles, progress }) => (
                  <tr>
                    <th scope="row">
                      <a href={editionPath(locale, edition.id)}>{t('modelLaw.edition', { label: edition.label })}</a> ({edition.year})
                    </th>
                    <td>
                      <EditionStatusBadge ctx={ctx} status={edition.status} />
                      {edition.published_at && <div class="muted">{t('modelLawAdmin.publishedAt', { when: formatWhen(locale, edition.published_at) })}</div>}
                    </td>
                    <td>{articles}</td>
                    <td>
                      <ul class="model-law-progress">
                        {progress.map((p) => (
                            <li>
                              {languageName(ctx, p.locale)}: {formatPercent(locale, p.share)}
                            </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ul class="model-law-links">
                        <li>
                          <a href={editionPath(locale, edition.id)}>{t('modelLawAdmin.link.structure')}</a>
                        </li>
                        <li>
                          <a href={editionPath(locale, edition.id, '/translations')}>{t('modelLawAdmin.link.translations')}</a>
                        </li>
                        {edition.status === 'published' && (
                          <li>
                            <a href={lawPath(locale, edition)}>{t('modelLawAdmin.link.public')}</a>
                          </li>
                        )}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </AdminLayout>
  );
}
