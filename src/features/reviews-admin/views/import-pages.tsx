// Importing an edition's assessments from CSV in the browser: the upload form with the format
// explained, the preview (rows to create, update and leave unchanged, and every bad row with its
// line, column and problem; nothing written yet) and the report after the confirmation.
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { Framework, ReviewEdition } from '../../reviews/store.ts';
import { ASSESSMENT_CSV_COLUMNS } from '../csv.ts';
import { editionPath, frameworkPath, gridPath, reviewsPath } from '../http.ts';
import type { ImportPlan, PlannedRow } from '../import.ts';
import { Breadcrumbs, country, DemoBanner, described, EditionName, Notice, problemText, textOf } from './common.tsx';
import { statusLabel } from './grid-page.tsx';

type Frame = { ctx: PageContext; user: User; csrfToken: string | undefined; framework: Framework; edition: ReviewEdition };

/** Tables longer than this show their first rows and how many more there are (the counts are always whole). */
const ROWS_SHOWN = 300;

function Page({ ctx, user, csrfToken, framework, edition, title, children }: Frame & { title: string; children: unknown }) {
  const { t, locale } = ctx;
  const frameworkName = textOf(ctx, framework.name, framework.key);
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={`${title} · ${frameworkName} ${edition.label}`} section="reviews">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: reviewsPath(locale), label: t('reviewsAdmin.title') },
          { href: frameworkPath(locale, framework.key), label: frameworkName },
          { href: editionPath(locale, edition.id), label: <EditionName ctx={ctx} edition={edition} /> },
        ]}
      />
      <DemoBanner ctx={ctx} edition={edition} />
      <h1>{title}</h1>
      {children as never}
    </AdminLayout>
  );
}

/** The CSV format, explained where the file is chosen. */
function FormatHelp({ ctx, framework }: { ctx: PageContext; framework: Framework }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="format-heading" class="reviews-admin-format">
      <h2 id="format-heading">{t('reviewsAdmin.import.format.heading')}</h2>
      <p>{t('reviewsAdmin.import.format.columns')}</p>
      <pre class="reviews-admin-example" dir="ltr" lang="en">
        {ASSESSMENT_CSV_COLUMNS.join(',')}
      </pre>
      <dl>
        <dt>
          <code>country</code>
        </dt>
        <dd>{t('reviewsAdmin.import.format.country')}</dd>
        <dt>
          <code>criterion</code>
        </dt>
        <dd>
          {t('reviewsAdmin.import.format.criterion')}{' '}
          <span dir="ltr">
            {framework.criteria.map((c, i) => (
              <>
                {i > 0 && ', '}
                <code>{c.key}</code>
              </>
            ))}
          </span>
        </dd>
        <dt>
          <code>status</code>
        </dt>
        <dd>{t('reviewsAdmin.import.format.status')}</dd>
        <dt>
          <code>evidence</code>
        </dt>
        <dd>
          <p>{t('reviewsAdmin.import.format.evidence')}</p>
          <ul>
            <li>{t('reviewsAdmin.import.format.evidenceProvision')}</li>
            <li>{t('reviewsAdmin.import.format.evidenceLink')}</li>
            <li>{t('reviewsAdmin.import.format.evidenceText')}</li>
          </ul>
          <pre class="reviews-admin-example" dir="ltr" lang="en">
            {'gb-sexual-offences-act-2003 s. 15; gb-sexual-offences-act-2003 s. 47; Home Office guidance 2021 <https://www.gov.uk/>'}
          </pre>
        </dd>
        <dt>
          <code>note_en … note_ru</code>
        </dt>
        <dd>{t('reviewsAdmin.import.format.notes')}</dd>
        <dt>
          <code>reviewer</code>, <code>assessed_on</code>
        </dt>
        <dd>{t('reviewsAdmin.import.format.reviewer')}</dd>
      </dl>
      <p>{t('reviewsAdmin.import.format.partial')}</p>
      <p>{t('reviewsAdmin.import.format.rules')}</p>
    </section>
  );
}

export function ImportFormPage(props: Frame & { skipInvalid: boolean; fileError?: string | undefined; fileDetail?: string | undefined }) {
  const { ctx, csrfToken, framework, edition, skipInvalid, fileError, fileDetail } = props;
  const { t, locale } = ctx;
  const problem = fileError ? { code: 'parse' as const } : undefined;
  return (
    <Page {...props} title={t('reviewsAdmin.import.title')}>
      <form method="post" action={editionPath(locale, edition.id, '/import')} enctype="multipart/form-data" class="reviews-admin-form" novalidate>
        <CsrfField token={csrfToken} />
        <div class="form-field">
          <label for="import-file">{t('reviewsAdmin.import.file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required {...described('import-file', problem)} />
          {fileError && (
            <p class="field-error" id="import-file-error">
              {fileError}{' '}
              {fileDetail && (
                <span lang="en" dir="ltr">
                  {fileDetail}
                </span>
              )}
            </p>
          )}
        </div>
        <div class="form-field reviews-admin-check">
          <label>
            <input type="checkbox" name="skip_invalid" value="1" checked={skipInvalid} /> {t('reviewsAdmin.import.skipInvalid')}
          </label>
        </div>
        <button type="submit">{t('reviewsAdmin.import.preview')}</button>
      </form>
      <FormatHelp ctx={ctx} framework={framework} />
    </Page>
  );
}

function ProblemsTable({ ctx, problems, caption }: { ctx: PageContext; problems: ImportPlan['problems']; caption: string }) {
  const { t } = ctx;
  return (
    <table class="data-table reviews-admin-problems">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewsAdmin.import.col.line')}</th>
          <th scope="col">{t('reviewsAdmin.import.col.field')}</th>
          <th scope="col">{t('reviewsAdmin.import.col.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, ROWS_SHOWN).map((p) => (
          <tr>
            <th scope="row">{p.line}</th>
            <td>
              <code>{p.field}</code>
            </td>
            <td>{problemText(ctx, p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowsTable({ ctx, edition, rows, caption }: { ctx: PageContext; edition: ReviewEdition; rows: PlannedRow[]; caption: string }) {
  const { t, locale } = ctx;
  return (
    <table class="data-table reviews-admin-planned">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewsAdmin.import.col.line')}</th>
          <th scope="col">{t('reviewsAdmin.col.country')}</th>
          <th scope="col">{t('reviewsAdmin.col.criterion')}</th>
          <th scope="col">{t('reviewsAdmin.grid.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((r) => (
          <tr>
            <th scope="row">{r.line}</th>
            <td>
              <a href={gridPath(locale, edition.id, r.country)}>{country(ctx, r.country)}</a>
            </td>
            <td>
              <code>{r.criterion}</code>
            </td>
            <td>
              {r.existing && r.existing.status !== r.data.status ? (
                <>
                  <del>{statusLabel(ctx, r.existing.status)}</del> → <ins>{statusLabel(ctx, r.data.status)}</ins>
                </>
              ) : (
                statusLabel(ctx, r.data.status)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function More({ ctx, total }: { ctx: PageContext; total: number }) {
  return total > ROWS_SHOWN ? <p class="muted">{ctx.t('reviewsAdmin.import.more', { count: total - ROWS_SHOWN })}</p> : null;
}

/** Before the confirmation (`done` false) and after it (`done` true: the report of what was written). */
export function ImportPreviewPage(props: Frame & { id: string; file: string; plan: ImportPlan; skipInvalid: boolean; done: boolean; notice?: string | undefined }) {
  const { ctx, csrfToken, edition, id, file, plan, skipInvalid, done, notice } = props;
  const { t, locale } = ctx;
  const invalid = plan.invalidLines.length;
  const counts = { create: plan.create.length, update: plan.update.length, unchanged: plan.unchanged.length, invalid };
  return (
    <Page {...props} title={done ? t('reviewsAdmin.import.doneTitle') : t('reviewsAdmin.import.previewTitle')}>
      <Notice text={notice} />
      <p>
        {t('reviewsAdmin.import.fileName')} <bdi>{file}</bdi>
      </p>
      <ul class="reviews-admin-counts">
        <li>{t('reviewsAdmin.import.count.create', { count: counts.create })}</li>
        <li>{t('reviewsAdmin.import.count.update', { count: counts.update })}</li>
        <li>{t('reviewsAdmin.import.count.unchanged', { count: counts.unchanged })}</li>
        <li>{t(done ? 'reviewsAdmin.import.count.skipped' : 'reviewsAdmin.import.count.invalid', { count: counts.invalid })}</li>
      </ul>
      {done ? (
        <p class="notice" role="status">
          {t('reviewsAdmin.import.written')}
        </p>
      ) : invalid > 0 && !skipInvalid ? (
        <p class="notice error" role="alert">
          {t('reviewsAdmin.import.refused', { count: invalid })}
        </p>
      ) : invalid > 0 ? (
        <p class="notice">{t('reviewsAdmin.import.willSkip', { count: invalid })}</p>
      ) : (
        <p class="notice">{t('reviewsAdmin.import.nothingWritten')}</p>
      )}
      {plan.problems.length > 0 && (
        <>
          <ProblemsTable ctx={ctx} problems={plan.problems} caption={t(done ? 'reviewsAdmin.import.skippedCaption' : 'reviewsAdmin.import.problemsCaption', { count: plan.problems.length })} />
          <More ctx={ctx} total={plan.problems.length} />
        </>
      )}
      {!done && (
        <form method="post" action={editionPath(locale, edition.id, `/import/${id}`)} class="reviews-admin-form">
          <CsrfField token={csrfToken} />
          {invalid > 0 && (
            <div class="form-field reviews-admin-check">
              <label>
                <input type="checkbox" name="skip_invalid" value="1" checked={skipInvalid} /> {t('reviewsAdmin.import.skipInvalidCount', { count: invalid })}
              </label>
            </div>
          )}
          <button type="submit">{t('reviewsAdmin.import.confirm')}</button>{' '}
          <a href={editionPath(locale, edition.id, '/import')}>{t('reviewsAdmin.import.again')}</a>
        </form>
      )}
      {plan.create.length > 0 && (
        <>
          <RowsTable ctx={ctx} edition={edition} rows={plan.create} caption={t('reviewsAdmin.import.createCaption', { count: plan.create.length })} />
          <More ctx={ctx} total={plan.create.length} />
        </>
      )}
      {plan.update.length > 0 && (
        <>
          <RowsTable ctx={ctx} edition={edition} rows={plan.update} caption={t('reviewsAdmin.import.updateCaption', { count: plan.update.length })} />
          <More ctx={ctx} total={plan.update.length} />
        </>
      )}
      {done && (
        <p>
          <a href={editionPath(locale, edition.id)}>{t('reviewsAdmin.import.backToEdition')}</a>
        </p>
      )}
    </Page>
  );
}
