// Importing a model law: the upload form (with the three formats described, Markdown's by an
// example), and the preview, which writes nothing: what the file holds, and either its problems
// or a button that writes it as a new draft edition.
import { pickText } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { FieldProblem } from '../forms.ts';
import type { DocumentCounts, FileFormat, Prepared } from '../import-file.ts';
import { IMPORT_FORMATS } from '../import-file.ts';
import { MARKDOWN_EXAMPLE } from '../markdown.ts';
import { PENDING_MINUTES } from '../pending.ts';
import { Breadcrumbs, described, FieldError, formatList, languageName, lawsPath, ProblemList } from './common.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined };

export type ImportValues = { format: string; label: string; year: string };

export function formatSize(locale: string, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

export function ImportFormPage({
  ctx,
  user,
  csrfToken,
  limit,
  values = { format: 'auto', label: '', year: '' },
  errors = {},
  problems = [],
}: Frame & { limit: number; values?: ImportValues; errors?: Record<string, FieldProblem>; problems?: string[] }) {
  const { t, locale } = ctx;
  const fileProblem: FieldProblem | undefined = errors.file;
  const hasProblems = Object.keys(errors).length > 0 || problems.length > 0;
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.import.title')} section="modelLaw">
      <Breadcrumbs ctx={ctx} items={[{ href: lawsPath(locale), label: t('modelLawAdmin.title') }]} />
      <h1>{t('modelLawAdmin.import.title')}</h1>
      <p>{t('modelLawAdmin.import.intro')}</p>
      {hasProblems && (
        <p class="notice error" role="alert">
          {t('modelLawAdmin.import.refused')}
        </p>
      )}
      <form method="post" action={`${lawsPath(locale)}/import`} enctype="multipart/form-data" class="model-law-form" id="import-form">
        <CsrfField token={csrfToken} />
        <div class="form-field">
          <label for="import-file">{t('modelLawAdmin.import.file')}</label>
          <p class="hint" id="import-file-hint">
            {t('modelLawAdmin.import.fileHint', { limit: formatSize(locale, limit) })}
          </p>
          <input type="file" id="import-file" name="file" accept=".xml,.akn,.json,.md,.markdown,.txt" {...described('import-file', fileProblem, 'import-file-hint')} />
          <FieldError ctx={ctx} id="import-file" problem={fileProblem} />
          {problems.length > 0 && (
            <div id="import-file-problems">
              <ProblemList problems={problems} />
            </div>
          )}
        </div>
        <fieldset class="form-field">
          <legend>{t('modelLawAdmin.import.format')}</legend>
          {IMPORT_FORMATS.map((f) => (
            <div class="choice">
              <input type="radio" id={`import-format-${f}`} name="format" value={f} checked={values.format === f} />{' '}
              <label for={`import-format-${f}`}>{t(`modelLawAdmin.import.format.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-field">
          <label for="import-label">{t('modelLawAdmin.field.label')}</label>
          <p class="hint" id="import-label-hint">
            {t('modelLawAdmin.import.labelHint')}
          </p>
          <input type="text" id="import-label" name="label" value={values.label} maxlength={40} {...described('import-label', errors.label, 'import-label-hint')} />
          <FieldError ctx={ctx} id="import-label" problem={errors.label} />
        </div>
        <div class="form-field">
          <label for="import-year">{t('modelLawAdmin.field.year')}</label>
          <p class="hint" id="import-year-hint">
            {t('modelLawAdmin.import.yearHint')}
          </p>
          <input type="text" id="import-year" name="year" value={values.year} inputmode="numeric" {...described('import-year', errors.year, 'import-year-hint')} />
          <FieldError ctx={ctx} id="import-year" problem={errors.year} />
        </div>
        <button type="submit">{t('modelLawAdmin.import.preview')}</button>
      </form>
      <section aria-labelledby="formats-heading" class="import-formats">
        <h2 id="formats-heading">{t('modelLawAdmin.import.formatsHeading')}</h2>
        <dl>
          <dt>{t('modelLawAdmin.import.format.akn')}</dt>
          <dd>{t('modelLawAdmin.import.aknExplain')}</dd>
          <dt>{t('modelLawAdmin.import.format.json')}</dt>
          <dd>{t('modelLawAdmin.import.jsonExplain')}</dd>
          <dt>{t('modelLawAdmin.import.format.markdown')}</dt>
          <dd>
            <p>{t('modelLawAdmin.import.markdownExplain')}</p>
            <ul>
              <li>{t('modelLawAdmin.import.md.title')}</li>
              <li>{t('modelLawAdmin.import.md.fields')}</li>
              <li>{t('modelLawAdmin.import.md.headings')}</li>
              <li>{t('modelLawAdmin.import.md.paragraphs')}</li>
              <li>{t('modelLawAdmin.import.md.sources')}</li>
            </ul>
            <pre lang="en" dir="ltr" class="import-example">
              <code>{MARKDOWN_EXAMPLE}</code>
            </pre>
          </dd>
        </dl>
      </section>
    </AdminLayout>
  );
}

export type PreviewProps = Frame & { id: string; file: string; format: FileFormat; prepared: Prepared; counts: DocumentCounts };

export function ImportPreviewPage({ ctx, user, csrfToken, id, file, format, prepared, counts }: PreviewProps) {
  const { t, locale } = ctx;
  const { doc, law, problems } = prepared;
  const title = pickText(doc.title, locale);
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={t('modelLawAdmin.import.previewTitle')} section="modelLaw">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: lawsPath(locale), label: t('modelLawAdmin.title') },
          { href: `${lawsPath(locale)}/import`, label: t('modelLawAdmin.import.title') },
        ]}
      />
      <h1>{t('modelLawAdmin.import.previewTitle')}</h1>
      <p>{t('modelLawAdmin.import.nothingYet')}</p>
      <dl class="details import-facts">
        <dt>{t('modelLawAdmin.import.file')}</dt>
        <dd>
          <bdi>{file}</bdi> ({t(`modelLawAdmin.import.format.${format}`)})
        </dd>
        <dt>{t('modelLawAdmin.import.law')}</dt>
        <dd>
          <span lang={title.lang}>{title.text}</span> (<code dir="ltr">{doc.slug}</code>){' '}
          {law ? t('modelLawAdmin.import.existingLaw') : t('modelLawAdmin.import.newLaw')}
        </dd>
        <dt>{t('modelLawAdmin.field.label')}</dt>
        <dd>
          <bdi>{doc.edition.label}</bdi> ({doc.edition.year}), {t('admin.state.draft')}
        </dd>
        <dt>{t('modelLawAdmin.import.sourceLanguage')}</dt>
        <dd>{languageName(ctx, doc.sourceLocale)}</dd>
        <dt>{t('modelLawAdmin.import.languages')}</dt>
        <dd>{formatList(locale, counts.locales.map((l) => languageName(ctx, l)))}</dd>
        <dt>{t('modelLawAdmin.import.contents')}</dt>
        <dd>
          {t('modelLawAdmin.import.counts', {
            parts: counts.parts,
            chapters: counts.chapters,
            articles: counts.articles,
            paragraphs: counts.paragraphs,
            sources: counts.sources,
          })}
        </dd>
      </dl>
      {problems.length > 0 ? (
        <section aria-labelledby="problems-heading" class="notice error">
          <h2 id="problems-heading">{t('modelLawAdmin.import.problems', { count: problems.length })}</h2>
          <ProblemList problems={problems} />
          <p>
            <a href={`${lawsPath(locale)}/import`}>{t('modelLawAdmin.import.again')}</a>
          </p>
        </section>
      ) : (
        <form method="post" action={`${lawsPath(locale)}/import/${id}`} class="model-law-form">
          <CsrfField token={csrfToken} />
          <p>{t('modelLawAdmin.import.confirmExplain', { minutes: PENDING_MINUTES })}</p>
          <button type="submit">{t('modelLawAdmin.import.confirm')}</button>
        </form>
      )}
    </AdminLayout>
  );
}
