// Small pieces shared by the editor's pages (those shared with the other content editors are in
// src/features/admin/content-editor/).
import type { Locale } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import { languageLabel } from '../../admin/content-editor/format.tsx';
import type { FieldName } from '../fields.ts';

export function editorPath(locale: Locale, id: string, rest = ''): string {
  return `/${locale}/admin/resources/${id}${rest}`;
}

/** The label of a field name, e.g. "Title (العربية)". */
export function fieldLabel(ctx: PageContext, field: FieldName): string {
  const { t } = ctx;
  if (field.startsWith('title.') || field.startsWith('summary.')) {
    const [kind, locale] = field.split('.') as ['title' | 'summary', Locale];
    return t(kind === 'title' ? 'editor.diff.titleIn' : 'editor.diff.summaryIn', { language: languageLabel(ctx, locale) });
  }
  const keys: Record<string, MessageKey> = {
    slug: 'editor.field.slug',
    type: 'resource.type',
    year: 'resource.year',
    link: 'editor.field.link',
    publishers: 'resource.publishers',
    topics: 'resource.topics',
    countries: 'resource.countries',
    languages: 'resource.languages',
  };
  return t(keys[field]!);
}

export function isTextField(field: FieldName): boolean {
  return field.startsWith('title.') || field.startsWith('summary.');
}

export function fieldLocale(field: FieldName): Locale | undefined {
  return isTextField(field) ? (field.split('.')[1] as Locale) : undefined;
}
