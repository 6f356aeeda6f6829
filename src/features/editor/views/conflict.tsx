// The two versions of a resource in conflict: what is saved now against what the user submitted,
// read like stored values so that equal means equal; lists (topics, countries, …) item by item.
import type { PageContext } from '../../../web/context.ts';
import { ConflictComparison } from '../../admin/content-editor/conflict.tsx';
import { ALL_FIELDS, fieldValue, LIST_FIELDS, type FieldName } from '../fields.ts';
import type { FormValues } from '../form.ts';
import type { EditorResource } from '../queries.ts';
import { fieldLabel, fieldLocale } from './common.tsx';

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

export function ResourceConflict({ ctx, current, mine }: { ctx: PageContext; current: EditorResource; mine: FormValues }) {
  return (
    <ConflictComparison
      ctx={ctx}
      title={ctx.t('editor.conflict.title')}
      current={current}
      fields={{
        differing: ALL_FIELDS.filter((f) => fieldValue(current.data, f) !== submittedValue(mine, f)),
        label: (field) => fieldLabel(ctx, field),
        saved: (field) => fieldValue(current.data, field),
        yours: (field) => submittedValue(mine, field),
        locale: fieldLocale,
        isList,
      }}
    />
  );
}
