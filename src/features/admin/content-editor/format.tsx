// How the content editors (resources, practices) show a state, a moment and a language.
import type { Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import type { WorkflowState } from '../workflow.ts';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: WorkflowState }) {
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

const languageDisplay = new Map<Locale, Intl.DisplayNames>();

/** A locale's name in the reader's language. */
export function languageLabel(ctx: PageContext, locale: Locale): string {
  let names = languageDisplay.get(ctx.locale);
  if (!names) languageDisplay.set(ctx.locale, (names = new Intl.DisplayNames([ctx.locale], { type: 'language' })));
  return names.of(locale) ?? locale;
}
