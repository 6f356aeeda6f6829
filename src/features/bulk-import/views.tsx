// The web import's three pages: the upload form, the preview (nothing written yet) and the result.
// Messages that come from the importers (problems, "line 14") are English, like the CLI's: they are
// marked lang="en" so that screen readers pronounce them right on pages in other languages.
import type { Child } from 'hono/jsx';
import type { PageContext } from '../../web/context.ts';
import { pickText, type Localized } from '../../i18n/locales.ts';
import type { User } from '../auth/users.ts';
import { can } from '../auth/roles.ts';
import { AdminLayout, CsrfField } from '../admin/layout.tsx';
import type { ImportEntry, ImportOutcome, ImportReport } from '../import/run.ts';
import { PENDING_HOURS, type PendingImport } from './pending.ts';
import type { ImportRunItem, ImportRunRecord } from './runs.ts';
import type { FormProblem, ImportField, TypedForm } from './upload.ts';

type Frame = { ctx: PageContext; user: User | undefined; csrfToken: string | undefined };

/** Tables longer than this show their first rows and how many more there are (the counts are always whole). */
const ROWS_SHOWN = 500;

export function formatSize(locale: string, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(value);
}

function Page({ ctx, user, csrfToken, title, children }: Frame & { title: string; children: Child }) {
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={title} section="import">
      {children}
    </AdminLayout>
  );
}

// ---- The form ----------------------------------------------------------------------------------

type FormProps = Frame & { limit: number; typed?: TypedForm; problems?: Partial<Record<ImportField, FormProblem>> };

export function ImportFormPage({ ctx, user, csrfToken, limit, typed, problems = {} }: FormProps) {
  const { t, locale } = ctx;
  const form = typed ?? { format: '', status: 'draft', text: '' };
  const size = formatSize(locale, limit);
  const message = (p: FormProblem) => (
    <>
      {t(p.key, p.key === 'bulk-import.error.tooLarge' ? { limit: size } : p.values)}
      {p.detail && (
        <>
          {' '}
          <span lang="en" dir="ltr">
            {p.detail}
          </span>
        </>
      )}
    </>
  );
  const errorId = (f: ImportField) => `import-${f}-error`;
  const error = (f: ImportField) => {
    const p = problems[f];
    return p ? (
      <p class="field-error" id={errorId(f)}>
        {message(p)}
      </p>
    ) : null;
  };
  const described = (f: ImportField, hint?: string) => [problems[f] ? errorId(f) : undefined, hint].filter(Boolean).join(' ') || undefined;
  const invalid = (f: ImportField) => (problems[f] ? 'true' : undefined);
  const hasProblems = Object.keys(problems).length > 0;
  return (
    <Page ctx={ctx} user={user} csrfToken={csrfToken} title={t('bulk-import.title')}>
      <h1>{t('bulk-import.title')}</h1>
      <p>{t('bulk-import.intro')}</p>
      {hasProblems && (
        <p class="notice error" role="alert">
          {t('bulk-import.error.summary')} {problems.source && form.text.trim() === '' ? t('bulk-import.chooseAgain') : ''}
        </p>
      )}
      <form method="post" action={`/${locale}/admin/import`} enctype="multipart/form-data" class="bulk-import-form">
        <CsrfField token={csrfToken} />
        <fieldset aria-describedby={problems.format ? errorId('format') : undefined}>
          <legend>{t('bulk-import.format')}</legend>
          {error('format')}
          {(['listing', 'csv', 'json'] as const).map((f) => (
            <div class="choice">
              <input type="radio" id={`import-format-${f}`} name="format" value={f} checked={form.format === f} required aria-invalid={invalid('format')} />
              <label for={`import-format-${f}`}>{t(`bulk-import.format.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-field">
          <label for="import-file">{t('bulk-import.file')}</label>
          <input type="file" id="import-file" name="file" accept=".txt,.csv,.json,text/plain,text/csv,application/json"
            aria-invalid={invalid('source')} aria-describedby={described('source', 'import-file-hint')} />
          <span id="import-file-hint" class="hint">
            {t('bulk-import.fileHint', { size })}
          </span>
          {error('source')}
        </div>
        <div class="form-field">
          <label for="import-text">{t('bulk-import.text')}</label>
          <textarea id="import-text" name="text" rows={8} dir="auto" aria-invalid={invalid('source')} aria-describedby={described('source', 'import-text-hint')}>
            {form.text}
          </textarea>
          <span id="import-text-hint" class="hint">
            {t('bulk-import.textHint')}
          </span>
        </div>
        <fieldset aria-describedby={['import-status-hint', problems.status ? errorId('status') : ''].join(' ').trim()}>
          <legend>{t('bulk-import.status')}</legend>
          {error('status')}
          {(['draft', 'published'] as const).map((s) => (
            <div class="choice">
              <input type="radio" id={`import-status-${s}`} name="status" value={s} checked={form.status === s} aria-invalid={invalid('status')} />
              <label for={`import-status-${s}`}>{t(`bulk-import.status.${s}`)}</label>
            </div>
          ))}
          <p id="import-status-hint" class="hint">
            {t('bulk-import.statusHint')}
          </p>
        </fieldset>
        <button type="submit">{t('bulk-import.preview')}</button>
      </form>
    </Page>
  );
}

// ---- The preview -------------------------------------------------------------------------------

/** "line 14" / "item 3" in the page's language; anything else as the importer said it. */
function whereLabel(ctx: PageContext, where: string) {
  const m = /^(line|item) (\d+)$/.exec(where);
  if (!m) return <span lang="en">{where}</span>;
  return <>{ctx.t(m[1] === 'line' ? 'bulk-import.where.line' : 'bulk-import.where.item', { n: Number(m[2]) })}</>;
}

function entryTitle(entry: ImportEntry | undefined, locale: PageContext['locale']): { text: string; lang: string } | undefined {
  const title = entry?.input.title;
  if (typeof title !== 'object' || title === null) return undefined;
  const picked = pickText(title as Localized, locale);
  return picked.text ? { text: picked.text, lang: picked.lang } : undefined;
}

function SourceFacts({ ctx, pending }: { ctx: PageContext; pending: PendingImport }) {
  const { t } = ctx;
  return (
    <dl class="bulk-import-facts">
      <div>
        <dt>{t('bulk-import.source')}</dt>
        <dd>{pending.options.file ? <span dir="auto">{pending.options.file}</span> : t('bulk-import.pasted')}</dd>
      </div>
      <div>
        <dt>{t('bulk-import.format')}</dt>
        <dd>{t(`bulk-import.format.${pending.format}`)}</dd>
      </div>
      <div>
        <dt>{t('bulk-import.status')}</dt>
        <dd>{t(`bulk-import.status.${pending.options.status}`)}</dd>
      </div>
    </dl>
  );
}

function More({ ctx, total }: { ctx: PageContext; total: number }) {
  return total > ROWS_SHOWN ? <p>{ctx.t('bulk-import.more', { count: total - ROWS_SHOWN })}</p> : null;
}

function OutcomeTable({ ctx, id, heading, outcomes, byWhere, link }: {
  ctx: PageContext;
  id: string;
  heading: string;
  outcomes: ImportOutcome[];
  byWhere: Map<string, ImportEntry>;
  link: boolean;
}) {
  const { t, locale } = ctx;
  if (outcomes.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('bulk-import.col.where')}</th>
            <th scope="col">{t('bulk-import.col.title')}</th>
            <th scope="col">{t('bulk-import.col.slug')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.slice(0, ROWS_SHOWN).map((o) => {
            const title = entryTitle(byWhere.get(o.where), locale);
            const text = title ? <span lang={title.lang} dir="auto">{title.text}</span> : '';
            return (
              <tr>
                <td>{whereLabel(ctx, o.where)}</td>
                <td>{link && o.id ? <a href={`/${locale}/admin/resources/${o.id}`}>{text || o.slug}</a> : text}</td>
                <td>
                  <code>{o.slug}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <More ctx={ctx} total={outcomes.length} />
    </section>
  );
}

function ProblemTable({ ctx, id, heading, problems }: { ctx: PageContext; id: string; heading: string; problems: ImportReport['problems'] }) {
  const { t } = ctx;
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('bulk-import.col.where')}</th>
            <th scope="col">{t('bulk-import.col.field')}</th>
            <th scope="col">{t('bulk-import.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, ROWS_SHOWN).map((p) => (
            <tr>
              <td>{whereLabel(ctx, p.where)}</td>
              <td>
                <code>{p.field}</code>
              </td>
              <td lang="en" dir="ltr">
                {p.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <More ctx={ctx} total={problems.length} />
    </section>
  );
}

type PreviewProps = Frame & {
  pending: PendingImport;
  entries: ImportEntry[];
  report: ImportReport;
  /** Set when a confirmation was just refused: why. */
  refused?: 'problems' | 'noValid';
  skipChecked?: boolean;
};

export function PreviewPage({ ctx, user, csrfToken, pending, entries, report, refused, skipChecked }: PreviewProps) {
  const { t, locale } = ctx;
  const byWhere = new Map(entries.map((e) => [e.where, e]));
  const of = (kind: ImportOutcome['outcome']) => report.outcomes.filter((o) => o.outcome === kind);
  const hasProblems = report.problems.length > 0;
  return (
    <Page ctx={ctx} user={user} csrfToken={csrfToken} title={t('bulk-import.previewTitle')}>
      <h1>{t('bulk-import.previewTitle')}</h1>
      {refused && (
        <p class="notice error" role="alert">
          {refused === 'noValid' ? t('bulk-import.noValid') : t('bulk-import.refused', { count: report.rejected })}
        </p>
      )}
      <SourceFacts ctx={ctx} pending={pending} />
      <p class="notice">{t('bulk-import.advisory')}</p>
      <h2>{t('bulk-import.summary')}</h2>
      <ul class="bulk-import-counts">
        <li>{t('bulk-import.count.created', { count: report.created })}</li>
        <li>{t('bulk-import.count.updated', { count: report.updated })}</li>
        <li>{t('bulk-import.count.unchanged', { count: report.unchanged })}</li>
        <li>{t('bulk-import.count.rejected', { count: report.rejected })}</li>
      </ul>
      {hasProblems && !refused && <p class="notice error">{t('bulk-import.refusedUnlessSkipped', { count: report.rejected })}</p>}
      <ProblemTable ctx={ctx} id="import-rejected" heading={t('bulk-import.section.rejected')} problems={report.problems} />
      <OutcomeTable ctx={ctx} id="import-created" heading={t('bulk-import.section.created')} outcomes={of('created')} byWhere={byWhere} link={false} />
      <OutcomeTable ctx={ctx} id="import-updated" heading={t('bulk-import.section.updated')} outcomes={of('updated')} byWhere={byWhere} link={true} />
      <OutcomeTable ctx={ctx} id="import-unchanged" heading={t('bulk-import.section.unchanged')} outcomes={of('unchanged')} byWhere={byWhere} link={false} />
      {report.valid === 0 ? (
        !refused && <p class="notice error">{t('bulk-import.noValid')}</p>
      ) : (
        <form method="post" action={`/${locale}/admin/import/${pending.id}`} class="bulk-import-confirm">
          <CsrfField token={csrfToken} />
          {hasProblems && (
            <div class="choice">
              <input type="checkbox" id="import-skip" name="skip_invalid" value="1" checked={!!skipChecked} />
              <label for="import-skip">{t('bulk-import.skipInvalid', { count: report.rejected })}</label>
            </div>
          )}
          <button type="submit">{t('bulk-import.confirm')}</button>
        </form>
      )}
      <p>{t('bulk-import.kept', { hours: PENDING_HOURS })}</p>
      <p>
        <a href={`/${locale}/admin/import`}>{t('bulk-import.startOver')}</a>
      </p>
    </Page>
  );
}

// ---- The result --------------------------------------------------------------------------------

type ResultProps = Frame & { run: ImportRunRecord; items: ImportRunItem[]; batch: string };

export function ResultPage({ ctx, user, csrfToken, run, items, batch }: ResultProps) {
  const { t, locale } = ctx;
  const d = run.details;
  const skipped = d.skipped ?? [];
  const list = (action: string, id: string, heading: string) => {
    const rows = items.filter((i) => i.action === action);
    if (rows.length === 0) return null;
    return (
      <section aria-labelledby={id}>
        <h2 id={id}>{heading}</h2>
        <ul>
          {rows.slice(0, ROWS_SHOWN).map((i) => (
            <li>
              {i.where && <>{whereLabel(ctx, i.where)}: </>}
              <a href={`/${locale}/admin/resources/${i.resourceId}`} dir="auto">
                {i.title ?? `#${i.resourceId}`}
              </a>
            </li>
          ))}
        </ul>
        <More ctx={ctx} total={rows.length} />
      </section>
    );
  };
  return (
    <Page ctx={ctx} user={user} csrfToken={csrfToken} title={t('bulk-import.resultTitle')}>
      <h1>{t('bulk-import.resultTitle')}</h1>
      <p class="notice" role="status">
        {t('bulk-import.done', { file: d.file ?? t('bulk-import.pasted') })}
      </p>
      <ul class="bulk-import-counts">
        <li>{t('bulk-import.done.created', { count: d.created ?? 0 })}</li>
        <li>{t('bulk-import.done.updated', { count: d.updated ?? 0 })}</li>
        <li>{t('bulk-import.done.unchanged', { count: d.unchanged ?? 0 })}</li>
        <li>{t('bulk-import.done.skipped', { count: d.rejected ?? 0 })}</li>
      </ul>
      {list('resource.import_create', 'import-done-created', t('bulk-import.section.createdDone'))}
      {list('resource.import_update', 'import-done-updated', t('bulk-import.section.updatedDone'))}
      {skipped.length > 0 && (
        <section aria-labelledby="import-done-skipped">
          <h2 id="import-done-skipped">{t('bulk-import.section.skipped')}</h2>
          <ul lang="en" dir="ltr">
            {skipped.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
          {(d.skippedNotListed ?? 0) > 0 && <p>{t('bulk-import.more', { count: d.skippedNotListed ?? 0 })}</p>}
        </section>
      )}
      <p>
        <a href={`/${locale}/admin/import`}>{t('bulk-import.another')}</a>
        {user && can(user.role, 'audit.read') && (
          <>
            {' · '}
            <a href={`/${locale}/admin/audit?entity_type=import&entity_id=${encodeURIComponent(batch)}`}>{t('bulk-import.seeAudit')}</a>
          </>
        )}
      </p>
    </Page>
  );
}
