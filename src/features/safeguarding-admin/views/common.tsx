// Pieces shared by the self-audit back-office pages: paths, the texts of five languages side by
// side (each in its own language and direction), messages beside fields, and small notices.
import type { Child } from 'hono/jsx';
import { dir, LOCALE_NAMES, LOCALES, pickText, type Locale, type Localized } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import type { WorkflowState } from '../../admin/workflow.ts';
import type { EditScope } from '../../editor/form.ts';
import type { Problems, Texts } from '../forms.ts';

export const adminPath = (locale: Locale) => `/${locale}/admin/safeguarding`;
export const questionnairePath = (locale: Locale, key: string, rest = '') => `${adminPath(locale)}/questionnaires/${key}${rest}`;
export const domainPath = (locale: Locale, key: string, domain: string, rest = '') => questionnairePath(locale, key, `/domains/${domain}${rest}`);
export const questionPath = (locale: Locale, key: string, question: string, rest = '') => questionnairePath(locale, key, `/questions/${question}${rest}`);
export const scalesPath = (locale: Locale, key?: string) => `${adminPath(locale)}/scales${key ? `/${key}` : ''}`;
export const statsPath = (locale: Locale) => `${adminPath(locale)}/stats`;

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: WorkflowState }) {
  return <span class={`status status-${status}`}>{ctx.t(`admin.state.${status}`)}</span>;
}

/** A stored text in the page's language, or marked with the language it falls back to. */
export function Text({ ctx, text, fallback = '' }: { ctx: PageContext; text: Localized; fallback?: string }) {
  const shown = pickText(text, ctx.locale);
  if (!shown.text) return <>{fallback}</>;
  return (
    <span lang={shown.fallback ? shown.lang : undefined} dir={shown.fallback ? dir(shown.lang) : undefined}>
      {shown.text}
    </span>
  );
}

export const textOf = (ctx: PageContext, text: Localized, fallback: string) => pickText(text, ctx.locale).text || fallback;

export function errorId(id: string) {
  return `${id}-error`;
}

/** aria attributes of a field that may carry a message and a hint. */
export function described(problems: Problems, id: string, extra: string[] = []) {
  const ids = [...extra, ...(problems.has(id) ? [errorId(id)] : [])];
  return { 'aria-invalid': problems.has(id) ? ('true' as const) : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}

export function FieldMessage({ ctx, problems, id }: { ctx: PageContext; problems: Problems; id: string }) {
  const problem = problems.get(id);
  if (!problem) return null;
  return (
    <p class="field-error" id={errorId(id)}>
      {ctx.t(problem.key, problem.values)}
    </p>
  );
}

/** All messages at the top, each linking to its field. */
export function ProblemSummary({ ctx, problems, first = {} }: { ctx: PageContext; problems: Problems; first?: Record<string, string> }) {
  if (problems.size === 0) return null;
  return (
    <div class="notice error" role="alert">
      <p>{ctx.t('safeguardingAdmin.form.problems', { count: problems.size })}</p>
      <ul>
        {[...problems.entries()].map(([id, p]) => (
          <li>
            <a href={`#${first[id] ?? id}`}>{ctx.t(p.key, p.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

/** Someone saved meanwhile: what the user typed is kept and now saves over the current version. */
export function ConflictNotice({ ctx, current }: { ctx: PageContext; current: number | undefined }) {
  if (current === undefined) return null;
  return (
    <div class="notice error" role="alert">
      <p>{ctx.t('safeguardingAdmin.conflict.text', { version: current })}</p>
    </div>
  );
}

export function ScopeNotice({ ctx, scope }: { ctx: PageContext; scope: EditScope }) {
  if (scope.all) return null;
  if (scope.locales.length === 0) return <p class="notice">{ctx.t('safeguardingAdmin.form.readOnly')}</p>;
  return <p class="notice">{ctx.t('safeguardingAdmin.form.translatorScope', { languages: scope.locales.map((l) => LOCALE_NAMES[l]).join(', ') })}</p>;
}

export type TextColumn = { name: string; label: MessageKey; long?: boolean; max: number };

/**
 * The texts of one item in the five languages: a row per language, a column per text. A language
 * the user may not edit is read-only. Field names are `{name}.{locale}`, ids `{name}-{locale}`.
 */
export function TextsTable({
  ctx,
  legend,
  columns,
  values,
  scope,
  problems,
  prefix = '',
}: {
  ctx: PageContext;
  legend: string;
  columns: TextColumn[];
  values: Record<string, Texts>;
  scope: EditScope;
  problems: Problems;
  /** Distinguishes several tables on one page (scale options). */
  prefix?: string;
}) {
  const { t } = ctx;
  const col = (c: TextColumn) => `${prefix}col-${c.name.replace(/\./g, '-')}`;
  return (
    <fieldset class="safeguarding-admin-texts">
      <legend>{legend}</legend>
      {columns.map((c) => (
        <FieldMessage ctx={ctx} problems={problems} id={c.name.replace(/\./g, '-')} />
      ))}
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col" id={`${prefix}col-language`}>
              {t('safeguardingAdmin.field.language')}
            </th>
            {columns.map((c) => (
              <th scope="col" id={col(c)}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LOCALES.map((l) => {
            const editable = scope.all || scope.locales.includes(l);
            const row = `${prefix}row-${l}`;
            return (
              <tr>
                <th scope="row" id={row}>
                  <span lang={l} dir={dir(l)}>
                    {LOCALE_NAMES[l]}
                  </span>
                </th>
                {columns.map((c) => {
                  const base = c.name.replace(/\./g, '-');
                  const id = `${base}-${l}`;
                  const group = problems.has(base) ? [errorId(base)] : [];
                  const attrs = {
                    id,
                    name: `${c.name}.${l}`,
                    lang: l,
                    dir: dir(l),
                    maxlength: c.max,
                    readonly: !editable,
                    'aria-labelledby': `${col(c)} ${row}`,
                    ...described(problems, id, group),
                    ...(group.length && !problems.has(id) ? { 'aria-invalid': 'true' as const } : {}),
                  };
                  return (
                    <td>
                      {c.long ? (
                        <textarea rows={3} {...attrs}>
                          {values[c.name]?.[l] ?? ''}
                        </textarea>
                      ) : (
                        <input type="text" value={values[c.name]?.[l] ?? ''} {...attrs} />
                      )}
                      <FieldMessage ctx={ctx} problems={problems} id={id} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

export function Breadcrumbs({ ctx, items }: { ctx: PageContext; items: { href: string; label: Child }[] }) {
  return (
    <nav aria-label={ctx.t('safeguardingAdmin.breadcrumbs')} class="safeguarding-admin-breadcrumbs">
      <ol>
        {items.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A 0..1 figure as a whole percentage in the reader's language. */
export function formatPercent(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(value);
}
