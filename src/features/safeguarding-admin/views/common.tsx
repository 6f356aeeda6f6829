// Pieces shared by the self-audit back-office pages: paths, the texts of five languages side by
// side (each in its own language and direction), messages beside fields, and small notices. What
// every back-office feature shows the same way comes from admin/views and is re-exported here.
import { dir, LOCALE_NAMES, LOCALES, type Locale, type Localized } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import { Text } from '../../admin/views/localized-text.tsx';
import { Breadcrumbs as Trail, type Crumb } from '../../admin/views/breadcrumbs.tsx';
import { errorId, FieldMessage as MessageText } from '../../admin/views/field-message.tsx';
import type { EditScope } from '../../editor/form.ts';
import { LIMITS, type Problems, type Texts } from '../forms.ts';

export { errorId } from '../../admin/views/field-message.tsx';
export { Text, textOf } from '../../admin/views/localized-text.tsx';
export { Notice } from '../../admin/views/notice.tsx';
export { StatusBadge } from '../../admin/views/status-badge.tsx';

export const adminPath = (locale: Locale) => `/${locale}/admin/safeguarding`;
export const questionnairePath = (locale: Locale, key: string, rest = '') => `${adminPath(locale)}/questionnaires/${key}${rest}`;
export const domainPath = (locale: Locale, key: string, domain: string, rest = '') => questionnairePath(locale, key, `/domains/${domain}${rest}`);
export const questionPath = (locale: Locale, key: string, question: string, rest = '') => questionnairePath(locale, key, `/questions/${question}${rest}`);
export const scalesPath = (locale: Locale, key?: string) => `${adminPath(locale)}/scales${key ? `/${key}` : ''}`;
export const statsPath = (locale: Locale) => `${adminPath(locale)}/stats`;

/** aria attributes of a field that may carry a message and a hint. */
export function described(problems: Problems, id: string, extra: string[] = []) {
  const ids = [...extra, ...(problems.has(id) ? [errorId(id)] : [])];
  return { 'aria-invalid': problems.has(id) ? ('true' as const) : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}

export function FieldMessage({ ctx, problems, id }: { ctx: PageContext; problems: Problems; id: string }) {
  const problem = problems.get(id);
  return <MessageText id={id} text={problem && ctx.t(problem.key, problem.values)} />;
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

export type TextColumn<Name extends string = string> = { name: Name; label: MessageKey; long?: boolean; max: number };

/** The texts each kind of item has, in the order the forms show them. */
export const TEXT_COLUMNS = {
  questionnaire: [
    { name: 'title', label: 'safeguardingAdmin.field.title', max: LIMITS.title },
    { name: 'intro', label: 'safeguardingAdmin.field.intro', long: true, max: LIMITS.text },
  ],
  domain: [
    { name: 'title', label: 'safeguardingAdmin.field.title', max: LIMITS.title },
    { name: 'description', label: 'safeguardingAdmin.field.description', long: true, max: LIMITS.text },
  ],
  question: [
    { name: 'text', label: 'safeguardingAdmin.field.question', long: true, max: LIMITS.title },
    { name: 'guidance', label: 'safeguardingAdmin.field.guidance', long: true, max: LIMITS.text },
    { name: 'action', label: 'safeguardingAdmin.field.action', long: true, max: LIMITS.text },
  ],
  scale: [{ name: 'name', label: 'safeguardingAdmin.field.name', max: LIMITS.title }],
} as const satisfies Record<string, readonly TextColumn[]>;

/**
 * The texts of one item in the five languages: a row per language, a column per text. A language
 * the user may not edit is read-only. Field names are `{name}.{locale}`, ids `{name}-{locale}`.
 * `values` may be the whole form: only the columns' texts are read.
 */
export function TextsTable<Name extends string>({
  ctx,
  legend = ctx.t('safeguardingAdmin.form.texts'),
  columns,
  values,
  scope,
  problems,
  prefix = '',
}: {
  ctx: PageContext;
  legend?: string;
  columns: readonly TextColumn<Name>[];
  values: Record<Name, Texts>;
  scope: EditScope;
  problems: Problems;
  /** Distinguishes several tables on one page (scale options). */
  prefix?: string;
}) {
  const { t } = ctx;
  const col = (c: TextColumn<Name>) => `${prefix}col-${c.name.replace(/\./g, '-')}`;
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

/** The row header of an item in a list: its name, linking to its page, over its key. */
export function NameCell({ ctx, href, name, itemKey }: { ctx: PageContext; href: string; name: Localized; itemKey: string }) {
  return (
    <th scope="row">
      <a href={href}>
        <Text ctx={ctx} text={name} fallback={itemKey} />
      </a>
      <div class="muted">
        <code>{itemKey}</code>
      </div>
    </th>
  );
}

export function Breadcrumbs({ ctx, items }: { ctx: PageContext; items: Crumb[] }) {
  return <Trail label={ctx.t('safeguardingAdmin.breadcrumbs')} class="safeguarding-admin-breadcrumbs" items={items} />;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A 0..1 figure as a whole percentage in the reader's language. */
export function formatPercent(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(value);
}
