// Small pieces shared by the editor's pages.
import type { Locale } from '../../../i18n/locales.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/context.ts';
import type { FieldName } from '../fields.ts';
import type { ResourceState } from '../workflow.ts';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: ResourceState }) {
  return <span class={`status status-${status}`}>{ctx.t(`admin.state.${status}`)}</span>;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A timestamp in the reader's language, in UTC (the server does not know the reader's zone). */
export function formatWhen(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

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

const languageDisplay = new Map<Locale, Intl.DisplayNames>();

/** A locale's name in the reader's language. */
export function languageLabel(ctx: PageContext, locale: Locale): string {
  let names = languageDisplay.get(ctx.locale);
  if (!names) languageDisplay.set(ctx.locale, (names = new Intl.DisplayNames([ctx.locale], { type: 'language' })));
  return names.of(locale) ?? locale;
}

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

export function isTextField(field: FieldName): boolean {
  return field.startsWith('title.') || field.startsWith('summary.');
}

export function fieldLocale(field: FieldName): Locale | undefined {
  return isTextField(field) ? (field.split('.')[1] as Locale) : undefined;
}
