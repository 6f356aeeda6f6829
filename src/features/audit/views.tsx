// The audit log page: a GET form of filters, then the entries newest first, 50 a page.
import type { PageContext } from '../../web/context.ts';
import { href } from '../../web/html.ts';
import { CATALOGS, type MessageKey } from '../../i18n/messages.ts';
import type { User } from '../auth/users.ts';
import { AdminLayout, type AdminPageProps } from '../admin/layout.tsx';
import type { AuditFilters, FilterField, ParsedQuery } from './filters.ts';
import type { AuditPage, AuditRow } from './store.ts';

/** A translated label for the actions and item types we know; others are shown as stored. */
function known(prefix: string, value: string): MessageKey | undefined {
  const key = `${prefix}.${value}`;
  return Object.hasOwn(CATALOGS.en, key) ? (key as MessageKey) : undefined;
}

export function actionLabel(ctx: PageContext, action: string): string {
  const key = known('audit.action', action);
  return key ? ctx.t(key) : action;
}

function entityTypeLabel(ctx: PageContext, type: string): string {
  const key = known('audit.entity', type);
  return key ? ctx.t(key) : type;
}

const PROBLEM_KEYS = {
  tooLong: 'audit.problem.tooLong',
  date: 'audit.problem.date',
  dateOrder: 'audit.problem.dateOrder',
  cursor: 'audit.problem.cursor',
} as const satisfies Record<string, MessageKey>;

type PageProps = {
  ctx: PageContext;
  user: User | undefined;
  csrfToken: string | undefined;
  query: ParsedQuery;
  choices: { actions: string[]; entityTypes: string[] };
  page: AuditPage | undefined;
};

export function AuditLogPage({ ctx, user, csrfToken, query, choices, page }: PageProps) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin/audit`;
  const layout: Omit<AdminPageProps, 'children'> = { ctx, user, csrfToken, title: t('audit.title'), section: 'audit' };
  const filters = query.filters;
  const cursorProblem = query.problems.before ?? query.problems.after;
  return (
    <AdminLayout {...layout}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <FilterForm ctx={ctx} query={query} choices={choices} />
      {cursorProblem && (
        <p class="notice error" role="alert">
          {t(PROBLEM_KEYS[cursorProblem])} <a href={base}>{t('audit.newest')}</a>
        </p>
      )}
      {page && (
        <>
          <p class="audit-export">
            <a href={href(`${base}/export.csv`, filters)} download>
              {t('audit.export')}
            </a>
          </p>
          {page.rows.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <div class="audit-scroll">
              <table class="data-table audit-table">
                <caption>{t('audit.caption', { count: page.rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.col.time')}</th>
                    <th scope="col">{t('audit.col.actor')}</th>
                    <th scope="col">{t('audit.col.action')}</th>
                    <th scope="col">{t('audit.col.item')}</th>
                    <th scope="col">{t('audit.col.details')}</th>
                    <th scope="col">{t('audit.col.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => (
                    <AuditRowView ctx={ctx} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager ctx={ctx} filters={filters} page={page} />
        </>
      )}
    </AdminLayout>
  );
}

function FilterForm({ ctx, query, choices }: { ctx: PageContext; query: ParsedQuery; choices: PageProps['choices'] }) {
  const { t, locale } = ctx;
  const value = (f: FilterField) => query.typed[f] ?? '';
  const problem = (f: FilterField) => query.problems[f];
  const errorId = (f: FilterField) => `audit-${f}-error`;
  const a11y = (f: FilterField) => (problem(f) ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId(f) } : {});
  const error = (f: FilterField) => {
    const p = problem(f);
    return p ? (
      <span class="field-error" id={errorId(f)}>
        {t(PROBLEM_KEYS[p])}
      </span>
    ) : null;
  };
  // A value typed into the URL that the log does not (yet) hold stays selectable, so the form shows what is applied.
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [...list, current] : list);
  return (
    <form method="get" action={`/${locale}/admin/audit`} class="audit-filters" role="search" aria-label={t('audit.filters')}>
      <div class="form-field">
        <label for="audit-actor">{t('audit.filter.actor')}</label>
        <input id="audit-actor" name="actor" type="search" value={value('actor')} maxlength={320} dir="ltr" {...a11y('actor')} />
        {error('actor')}
      </div>
      <div class="form-field">
        <label for="audit-action">{t('audit.filter.action')}</label>
        <select id="audit-action" name="action" {...a11y('action')}>
          <option value="">{t('audit.filter.any')}</option>
          {withCurrent(choices.actions, value('action')).map((a) => (
            <option value={a} selected={a === value('action')}>
              {actionLabel(ctx, a)}
            </option>
          ))}
        </select>
        {error('action')}
      </div>
      <div class="form-field">
        <label for="audit-entity-type">{t('audit.filter.entityType')}</label>
        <select id="audit-entity-type" name="entity_type" {...a11y('entity_type')}>
          <option value="">{t('audit.filter.any')}</option>
          {withCurrent(choices.entityTypes, value('entity_type')).map((type) => (
            <option value={type} selected={type === value('entity_type')}>
              {entityTypeLabel(ctx, type)}
            </option>
          ))}
        </select>
        {error('entity_type')}
      </div>
      <div class="form-field">
        <label for="audit-entity-id">{t('audit.filter.entityId')}</label>
        <input id="audit-entity-id" name="entity_id" type="text" value={value('entity_id')} maxlength={200} dir="ltr" {...a11y('entity_id')} />
        {error('entity_id')}
      </div>
      <div class="form-field">
        <label for="audit-from">{t('audit.filter.from')}</label>
        <input id="audit-from" name="from" type="date" value={value('from')} {...a11y('from')} />
        {error('from')}
      </div>
      <div class="form-field">
        <label for="audit-to">{t('audit.filter.to')}</label>
        <input id="audit-to" name="to" type="date" value={value('to')} {...a11y('to')} />
        {error('to')}
      </div>
      <div class="audit-filter-actions">
        <button type="submit">{t('audit.filter.apply')}</button>
        <a href={`/${locale}/admin/audit`}>{t('audit.filter.clear')}</a>
      </div>
    </form>
  );
}

function AuditRowView({ ctx, row }: { ctx: PageContext; row: AuditRow }) {
  const { t, locale } = ctx;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(row.at);
  const system = row.actor_id === null && row.actor_email === 'system';
  const label = known('audit.action', row.action);
  return (
    <tr>
      <td>
        <time datetime={row.at.toISOString()}>{time}</time>
      </td>
      <td>
        {system ? (
          t('audit.actor.system')
        ) : (
          <span dir="ltr" class="audit-email">
            {row.actor_email ?? ''}
          </span>
        )}
      </td>
      <td>{label ? t(label) : <code>{row.action}</code>}</td>
      <td>
        <Item ctx={ctx} row={row} />
      </td>
      <td>
        <Details details={row.details} />
      </td>
      <td>
        <span dir="ltr">{row.ip ?? ''}</span>
      </td>
    </tr>
  );
}

function Item({ ctx, row }: { ctx: PageContext; row: AuditRow }) {
  if (!row.entity_type && !row.entity_id) return null;
  const type = row.entity_type ? entityTypeLabel(ctx, row.entity_type) : '';
  const name = row.entity_label || (row.entity_id ? `#${row.entity_id}` : '');
  if (row.entity_type === 'resource' && row.entity_id && /^\d+$/.test(row.entity_id)) {
    return (
      <>
        {type}:{' '}
        <a href={`/${ctx.locale}/admin/resources/${row.entity_id}`} dir="auto">
          {name}
        </a>
      </>
    );
  }
  return (
    <>
      {type}
      {type && name ? ': ' : ''}
      <span dir="auto">{name}</span>
    </>
  );
}

/** The details object as "key: value" pairs; nested values as compact JSON, long ones cut (the export has them whole). */
function Details({ details }: { details: Record<string, unknown> | null }) {
  // A null says nothing (e.g. no file name for pasted text): left out of the compact view.
  const entries = Object.entries(details ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return null;
  return (
    <dl class="audit-details">
      {entries.map(([key, value]) => (
        <div>
          <dt dir="ltr">{key}</dt>
          <dd dir="auto">{compact(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const SHOWN_CHARS = 300;

function compact(value: unknown): string {
  const text = Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)
    ? value.map(String).join('; ')
    : typeof value === 'object' && value !== null
      ? JSON.stringify(value)
      : String(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

function Pager({ ctx, filters, page }: { ctx: PageContext; filters: AuditFilters; page: AuditPage }) {
  const { t, locale } = ctx;
  const base = `/${locale}/admin/audit`;
  if (!page.newer && !page.older) return null;
  return (
    <nav aria-label={t('audit.pagination')} class="audit-pager">
      <ul>
        {page.newer && (
          <>
            <li>
              <a href={href(base, filters)}>{t('audit.newest')}</a>
            </li>
            <li>
              <a href={href(base, { ...filters, after: page.newer })} rel="prev">
                {t('audit.newer')}
              </a>
            </li>
          </>
        )}
        {page.older && (
          <li>
            <a href={href(base, { ...filters, before: page.older })} rel="next">
              {t('audit.older')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
