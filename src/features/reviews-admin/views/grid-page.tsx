// The assessment grid of one country in one edition: one row per criterion (status, evidence,
// notes, reviewer, date), saved by one form. Read-only (a table) for published and archived
// editions and for roles that may not edit. On a conflict, the rows someone else saved meanwhile
// are shown both ways above the form, which keeps what the user typed.
import { dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { AdminLayout, CsrfField } from '../../admin/layout.tsx';
import type { User } from '../../auth/users.ts';
import type { Criterion, Evidence, Framework, ReviewEdition } from '../../reviews/store.ts';
import { ASSESSMENT_STATUSES, type AssessmentData, type StoredAssessment } from '../assessments.ts';
import type { RowConflict } from '../errors.ts';
import { isHttpLink, isProvision } from '../evidence.ts';
import { fieldName, type GridField, type GridRowValues, type RowProblems } from '../grid.ts';
import { editionPath, frameworkPath, gridPath, reviewsPath } from '../http.ts';
import { Breadcrumbs, country, DemoBanner, described, EditionName, FieldError, formatDate, formatWhen, languageName, localeOrder, Notice, ReadOnlyNotice, StatusBadge, Text, textOf } from './common.tsx';

export type GridPageProps = {
  ctx: PageContext;
  user: User;
  csrfToken: string | undefined;
  framework: Framework;
  edition: ReviewEdition;
  country: string;
  /** True when this user may change this edition's grid now. */
  editable: boolean;
  /** Why not, when not: the edition's state, or the user's role. */
  readOnlyReason?: 'state' | 'role' | undefined;
  rows: GridRowValues[];
  stored: Map<string, StoredAssessment>;
  problems?: Map<string, RowProblems>;
  provisions: { law: string; provision: string }[];
  notice?: string | undefined;
  conflicts?: { rows: RowConflict<StoredAssessment>[]; mine: Map<string, AssessmentData> } | undefined;
};

export function statusLabel(ctx: PageContext, status: string): string {
  return (ASSESSMENT_STATUSES as readonly string[]).includes(status) ? ctx.t(`reviewsAdmin.status.${status as (typeof ASSESSMENT_STATUSES)[number]}`) : status;
}

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <>—</>;
  return (
    <ul class="reviews-admin-evidence">
      {evidence.map((e) =>
        isProvision(e) ? (
          <li>
            <code>{e.nationalLaw}</code> {e.provision}
          </li>
        ) : (
          <li dir="auto">
            {e.citation}
            {e.link && (
              <>
                {' '}
                {isHttpLink(e.link) ? (
                  <a href={e.link} rel="noopener noreferrer nofollow">
                    {e.link}
                  </a>
                ) : (
                  e.link
                )}
              </>
            )}
          </li>
        ),
      )}
    </ul>
  );
}

function NoteList({ ctx, note }: { ctx: PageContext; note: Partial<Record<Locale, string>> }) {
  const entries = Object.entries(note).filter(([, v]) => v) as [Locale, string][];
  if (entries.length === 0) return <>—</>;
  return (
    <dl class="reviews-admin-notes">
      {entries.map(([l, text]) => (
        <>
          <dt>{languageName(ctx, l)}</dt>
          <dd lang={l} dir={dir(l)} class="reviews-admin-text">
            {text}
          </dd>
        </>
      ))}
    </dl>
  );
}

function ReadOnlyGrid({ ctx, criteria, stored }: { ctx: PageContext; criteria: Criterion[]; stored: Map<string, StoredAssessment> }) {
  const { t, locale } = ctx;
  return (
    <table class="data-table reviews-admin-readonly-grid">
      <caption>{t('reviewsAdmin.grid.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewsAdmin.col.criterion')}</th>
          <th scope="col">{t('reviewsAdmin.grid.status')}</th>
          <th scope="col">{t('reviewsAdmin.grid.evidence')}</th>
          <th scope="col">{t('reviewsAdmin.grid.notes')}</th>
          <th scope="col">{t('reviewsAdmin.grid.reviewer')}</th>
          <th scope="col">{t('reviewsAdmin.grid.date')}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => {
          const a = stored.get(c.key);
          return (
            <tr>
              <th scope="row">
                <Text ctx={ctx} text={c.name} fallback={c.key} />
              </th>
              <td>{statusLabel(ctx, a?.status ?? 'not_assessed')}</td>
              <td>
                <EvidenceList evidence={a?.evidence ?? []} />
              </td>
              <td>
                <NoteList ctx={ctx} note={a?.note ?? {}} />
              </td>
              <td dir="auto">{a?.reviewer ?? '—'}</td>
              <td>{a?.assessedOn ? formatDate(locale, a.assessedOn) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The fields of a conflicting row that differ, saved value against the user's. */
function ConflictTable({ ctx, criterion, conflict, mine }: { ctx: PageContext; criterion: Criterion; conflict: RowConflict<StoredAssessment>; mine: AssessmentData | undefined }) {
  const { t, locale } = ctx;
  const saved = conflict.current;
  const cells: { label: string; saved: unknown; yours: unknown; lang?: Locale }[] = [
    { label: t('reviewsAdmin.grid.status'), saved: statusLabel(ctx, saved?.status ?? 'not_assessed'), yours: statusLabel(ctx, mine?.status ?? 'not_assessed') },
    { label: t('reviewsAdmin.grid.evidence'), saved: <EvidenceList evidence={saved?.evidence ?? []} />, yours: <EvidenceList evidence={mine?.evidence ?? []} /> },
    { label: t('reviewsAdmin.grid.notes'), saved: <NoteList ctx={ctx} note={saved?.note ?? {}} />, yours: <NoteList ctx={ctx} note={mine?.note ?? {}} /> },
    { label: t('reviewsAdmin.grid.reviewer'), saved: saved?.reviewer ?? '—', yours: mine?.reviewer ?? '—' },
    { label: t('reviewsAdmin.grid.date'), saved: formatDate(locale, saved?.assessedOn) || '—', yours: formatDate(locale, mine?.assessedOn) || '—' },
  ];
  return (
    <table class="data-table reviews-admin-compare">
      <caption>
        <Text ctx={ctx} text={criterion.name} fallback={criterion.key} />
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewsAdmin.conflict.field')}</th>
          <th scope="col">
            {conflict.current
              ? t('reviewsAdmin.conflict.saved', { version: conflict.version, who: conflict.updatedBy ?? '—', when: formatWhen(locale, conflict.updatedAt) })
              : t('reviewsAdmin.conflict.savedNone')}
          </th>
          <th scope="col">{t('reviewsAdmin.conflict.yours')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((cell) => (
          <tr>
            <th scope="row">{cell.label}</th>
            <td>{cell.saved as never}</td>
            <td>{cell.yours as never}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GridRow({ ctx, criterion, values, problems, provisionsHint }: { ctx: PageContext; criterion: Criterion; values: GridRowValues; problems: RowProblems; provisionsHint: string }) {
  const { t } = ctx;
  const id = (f: GridField) => `grid-${criterion.key}-${f.replace('.', '-')}`;
  const name = (f: GridField) => fieldName(criterion.key, f);
  const { shown, more } = localeOrder(ctx);
  const noteField = (l: Locale) => {
    const f: GridField = `note.${l}`;
    return (
      <div class="form-field">
        <label for={id(f)}>{t('reviewsAdmin.grid.noteIn', { language: languageName(ctx, l) })}</label>
        <textarea id={id(f)} name={name(f)} rows={3} lang={l} dir={dir(l)} {...described(id(f), problems[f])}>
          {values.note[l]}
        </textarea>
        <FieldError ctx={ctx} id={id(f)} problem={problems[f]} />
      </div>
    );
  };
  const openMore = more.some((l) => values.note[l].trim() !== '' || problems[`note.${l}`]);
  return (
    <fieldset class="reviews-admin-row" id={`row-${criterion.key}`}>
      <legend>
        <Text ctx={ctx} text={criterion.name} fallback={criterion.key} /> <code class="muted">{criterion.key}</code>
      </legend>
      {textOf(ctx, criterion.description, '') && (
        <p class="muted">
          <Text ctx={ctx} text={criterion.description} />
        </p>
      )}
      <div class="reviews-admin-row-fields">
        <div class="form-field">
          <label for={id('status')}>{t('reviewsAdmin.grid.status')}</label>
          <select id={id('status')} name={name('status')} {...described(id('status'), problems.status)}>
            {ASSESSMENT_STATUSES.map((s) => (
              <option value={s} selected={values.status === s}>
                {statusLabel(ctx, s)}
              </option>
            ))}
          </select>
          <FieldError ctx={ctx} id={id('status')} problem={problems.status} />
        </div>
        <div class="form-field">
          <label for={id('provisions')}>{t('reviewsAdmin.grid.provisions')}</label>
          <textarea id={id('provisions')} name={name('provisions')} rows={2} dir="ltr" {...described(id('provisions'), problems.provisions, provisionsHint)}>
            {values.provisions}
          </textarea>
          <FieldError ctx={ctx} id={id('provisions')} problem={problems.provisions} />
        </div>
        <div class="form-field">
          <label for={id('citations')}>{t('reviewsAdmin.grid.citations')}</label>
          <textarea id={id('citations')} name={name('citations')} rows={2} dir="auto" {...described(id('citations'), problems.citations, 'citations-hint')}>
            {values.citations}
          </textarea>
          <FieldError ctx={ctx} id={id('citations')} problem={problems.citations} />
        </div>
        {shown.map(noteField)}
        <details class="reviews-admin-more" open={openMore}>
          <summary>{t('reviewsAdmin.grid.moreNotes')}</summary>
          {more.map(noteField)}
        </details>
        <div class="form-field">
          <label for={id('reviewer')}>{t('reviewsAdmin.grid.reviewer')}</label>
          <input id={id('reviewer')} name={name('reviewer')} type="text" value={values.reviewer} maxlength={200} dir="auto" {...described(id('reviewer'), problems.reviewer)} />
          <FieldError ctx={ctx} id={id('reviewer')} problem={problems.reviewer} />
        </div>
        <div class="form-field">
          <label for={id('date')}>{t('reviewsAdmin.grid.date')}</label>
          <input id={id('date')} name={name('date')} type="date" value={values.date} {...described(id('date'), problems.date)} />
          <FieldError ctx={ctx} id={id('date')} problem={problems.date} />
        </div>
      </div>
      <input type="hidden" name={fieldName(criterion.key, 'version')} value={values.version} />
      <input type="hidden" name={fieldName(criterion.key, 'loaded')} value={values.loaded} />
    </fieldset>
  );
}

export function GridPage(props: GridPageProps) {
  const { ctx, user, csrfToken, framework, edition, editable, rows, stored, problems = new Map(), provisions, notice, conflicts, readOnlyReason } = props;
  const { t, locale } = ctx;
  const code = props.country;
  const countryLabel = country(ctx, code);
  const frameworkName = textOf(ctx, framework.name, framework.key);
  const errorCount = [...problems.values()].reduce((n, p) => n + Object.keys(p).length, 0);
  const byKey = new Map(framework.criteria.map((c) => [c.key, c]));
  return (
    <AdminLayout ctx={ctx} user={user} csrfToken={csrfToken} title={`${countryLabel} · ${frameworkName} ${edition.label}`} section="reviews">
      <Breadcrumbs
        ctx={ctx}
        items={[
          { href: reviewsPath(locale), label: t('reviewsAdmin.title') },
          { href: frameworkPath(locale, framework.key), label: frameworkName },
          { href: editionPath(locale, edition.id), label: <EditionName ctx={ctx} edition={edition} /> },
        ]}
      />
      <DemoBanner ctx={ctx} edition={edition} />
      <h1>{t('reviewsAdmin.grid.title', { country: countryLabel, framework: frameworkName, edition: edition.label })}</h1>
      <p>
        <StatusBadge ctx={ctx} status={edition.status} /> · <a href={`${reviewsPath(locale)}/ratifications?country=${code}`}>{t('reviewsAdmin.grid.ratificationsLink', { country: countryLabel })}</a>
      </p>
      <Notice text={notice} />
      <ReadOnlyNotice ctx={ctx} edition={edition} />
      {readOnlyReason === 'role' && <p class="notice">{t('reviewsAdmin.grid.roleReadOnly')}</p>}
      {conflicts && (
        <section class="reviews-admin-conflict" aria-labelledby="conflict-heading">
          <div class="notice error" role="alert">
            <h2 id="conflict-heading">{t('reviewsAdmin.conflict.title')}</h2>
            <p>{t('reviewsAdmin.conflict.explainRows', { count: conflicts.rows.length })}</p>
            <p>{t('reviewsAdmin.conflict.nothingLost')}</p>
          </div>
          {conflicts.rows.map((conflict) => {
            const criterion = byKey.get(conflict.key);
            return criterion ? <ConflictTable ctx={ctx} criterion={criterion} conflict={conflict} mine={conflicts.mine.get(conflict.key)} /> : null;
          })}
        </section>
      )}
      {errorCount > 0 && (
        <p class="notice error" role="alert">
          {t('reviewsAdmin.grid.errors', { count: errorCount })}
        </p>
      )}
      {framework.criteria.length === 0 ? (
        <p>{t('reviewsAdmin.noCriteria')}</p>
      ) : editable ? (
        <form method="post" action={gridPath(locale, edition.id, code)} class="reviews-admin-grid" novalidate>
          <CsrfField token={csrfToken} />
          <div class="reviews-admin-hints">
            <p id="provisions-hint">{t('reviewsAdmin.grid.provisionsHint')}</p>
            {provisions.length > 0 ? (
              <details>
                <summary>{t('reviewsAdmin.grid.knownProvisions', { count: provisions.length, country: countryLabel })}</summary>
                <ul class="reviews-admin-known" dir="ltr">
                  {provisions.map((p) => (
                    <li>
                      <code>
                        {p.law} | {p.provision}
                      </code>
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <p>{t('reviewsAdmin.grid.noProvisions', { country: countryLabel })}</p>
            )}
            <p id="citations-hint">{t('reviewsAdmin.grid.citationsHint')}</p>
          </div>
          {framework.criteria.map((c, i) => (
            <GridRow ctx={ctx} criterion={c} values={rows[i]!} problems={problems.get(c.key) ?? {}} provisionsHint="provisions-hint" />
          ))}
          <p>
            <button type="submit">{t('reviewsAdmin.grid.save')}</button>
          </p>
        </form>
      ) : (
        <ReadOnlyGrid ctx={ctx} criteria={framework.criteria} stored={stored} />
      )}
    </AdminLayout>
  );
}
