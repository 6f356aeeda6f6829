// The conflict page's comparison, shared by the content editors: what is saved now and what the user
// submitted, side by side, each whole, with the words and items that differ marked. Each editor
// says which fields differ and how to read, name and mark each of them.
import { dir, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { WordDiff } from '../../../web/word-diff.tsx';
import { formatWhen } from './format.tsx';

/** Two lists compared item by item: removed ones in <del>, added ones in <ins>, the rest as is. */
export function ListDiff({ before, after, side }: { before: string[]; after: string[]; side: 'old' | 'new' | 'both' }) {
  const removed = before.filter((v) => !after.includes(v));
  const added = after.filter((v) => !before.includes(v));
  const kept = after.filter((v) => before.includes(v));
  const items = [
    ...(side === 'new' ? [] : removed.map((v) => <del>{v}</del>)),
    ...kept.map((v) => <span>{v}</span>),
    ...(side === 'old' ? [] : added.map((v) => <ins>{v}</ins>)),
  ];
  return <ul class="editor-list-diff">{items.map((item) => <li>{item}</li>)}</ul>;
}

export type ConflictFields<F extends string> = {
  /** The fields whose saved and submitted values differ, in the form's order. */
  differing: F[];
  label: (field: F) => string;
  saved: (field: F) => string;
  yours: (field: F) => string;
  /** The language of a text field (its cells get lang and dir). */
  locale: (field: F) => Locale | undefined;
  /** Fields holding one item a line, compared item by item rather than word by word. */
  isList?: (field: F) => boolean;
};

export function ConflictComparison<F extends string>({
  ctx,
  title,
  current,
  fields,
}: {
  ctx: PageContext;
  title: string;
  current: { version: number; updated_at: string; updated_by_email: string | null };
  fields: ConflictFields<F>;
}) {
  const { t, locale } = ctx;
  const { differing } = fields;
  return (
    <section class="editor-conflict" aria-labelledby="conflict-heading">
      <div class="notice error" role="alert">
        <h2 id="conflict-heading">{title}</h2>
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
              const saved = fields.saved(field);
              const yours = fields.yours(field);
              const lang = fields.locale(field);
              const cell = (side: 'old' | 'new') =>
                fields.isList?.(field) ? (
                  <ListDiff before={saved ? saved.split('\n') : []} after={yours ? yours.split('\n') : []} side={side} />
                ) : (
                  <WordDiff before={saved} after={yours} side={side} locale={lang ?? locale} />
                );
              return (
                <tr>
                  <th scope="row">{fields.label(field)}</th>
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
