// The two versions of a conflict side by side: what is saved now, and what the user submitted, each
// whole, with the words and items that differ marked.
import { dir } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { ALL_FIELDS, fieldValue, LIST_FIELDS, type FieldName } from '../fields.ts';
import type { FormValues } from '../form.ts';
import type { EditorResource } from '../queries.ts';
import { fieldLabel, fieldLocale, formatWhen, ListDiff } from './common.tsx';
import { WordDiff } from '../../../web/word-diff.tsx';

const isList = (field: FieldName) => (LIST_FIELDS as readonly string[]).includes(field);

const splitCodes = (text: string, upper: boolean) =>
  text
    .split(/[\s,;]+/)
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim().toLowerCase()))
    .filter(Boolean);

/** A field of the submitted form as text, normalised like a stored value so that equal means equal. */
export function submittedValue(values: FormValues, field: FieldName): string {
  const locale = fieldLocale(field);
  if (locale) return (field.startsWith('title.') ? values.title[locale] : values.summary[locale]).trim();
  switch (field) {
    case 'publishers':
      return values.publishers
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .join('\n');
    case 'topics':
      return [...new Set(values.topics)].sort().join('\n');
    case 'countries':
      return [...new Set(splitCodes(values.countries, true))].sort().join('\n');
    case 'languages':
      return [...new Set(splitCodes(values.languages, false))].sort().join('\n');
    default:
      return String(values[field as 'slug' | 'type' | 'year' | 'link']).trim();
  }
}

export function ConflictComparison({ ctx, current, mine }: { ctx: PageContext; current: EditorResource; mine: FormValues }) {
  const { t, locale } = ctx;
  const differing = ALL_FIELDS.filter((f) => fieldValue(current.data, f) !== submittedValue(mine, f));
  return (
    <section class="editor-conflict" aria-labelledby="conflict-heading">
      <div class="notice error" role="alert">
        <h2 id="conflict-heading">{t('editor.conflict.title')}</h2>
        <p>
          {t('editor.conflict.explain', {
            version: current.version,
            who: current.updated_by_email ?? '—',
            when: formatWhen(locale, current.updated_at),
          })}
        </p>
        <p>{t('editor.conflict.nothingLost')}</p>
      </div>
      {differing.length === 0 ? (
        <p>{t('editor.conflict.same')}</p>
      ) : (
        <table class="data-table editor-compare">
          <caption>{t('editor.conflict.caption', { count: differing.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editor.diff.field')}</th>
              <th scope="col">{t('editor.conflict.saved', { version: current.version })}</th>
              <th scope="col">{t('editor.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((field) => {
              const saved = fieldValue(current.data, field);
              const yours = submittedValue(mine, field);
              const lang = fieldLocale(field);
              const cell = (side: 'old' | 'new') =>
                isList(field) ? (
                  <ListDiff before={saved ? saved.split('\n') : []} after={yours ? yours.split('\n') : []} side={side} />
                ) : (
                  <WordDiff before={saved} after={yours} side={side} locale={lang ?? ctx.locale} />
                );
              return (
                <tr>
                  <th scope="row">{fieldLabel(ctx, field)}</th>
                  <td lang={lang} dir={lang ? dir(lang) : undefined}>
                    {cell('old')}
                  </td>
                  <td lang={lang} dir={lang ? dir(lang) : undefined}>
                    {cell('new')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
