// Small pieces shared by the glossary, entry and checker pages.
import { dir, LOCALE_NAMES, pickText, type Locale, type Localized } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { safeHref } from '../../web/html.ts';
import type { TermStatus } from './schema.ts';

export const glossaryPath = (locale: Locale) => `/${locale}/terminology`;
export const entryPath = (locale: Locale, key: string) => `/${locale}/terminology/${key}`;
export const checkPath = (locale: Locale) => `/${locale}/terminology/check`;

export const STATUS_LABEL: Record<TermStatus, MessageKey> = {
  avoid: 'terminology.status.avoid',
  care: 'terminology.status.care',
  preferred: 'terminology.status.preferred',
};

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: TermStatus }) {
  return <span class={`tm-status tm-status-${status}`}>{ctx.t(STATUS_LABEL[status])}</span>;
}

/** Text in the wanted language or, failing that, another one, marked with its own lang and dir. */
export function LocalText({ ctx, text, locale = ctx.locale, as = 'span' }: { ctx: PageContext; text: Localized; locale?: Locale; as?: 'span' | 'p' }) {
  const picked = pickText(text, locale);
  const body = picked.fallback ? (
    <>
      <span lang={picked.lang} dir={dir(picked.lang)}>{picked.text}</span>{' '}
      <span class="fallback">{ctx.t('terminology.fallback', { language: LOCALE_NAMES[picked.lang] })}</span>
    </>
  ) : (
    picked.text
  );
  return as === 'p' ? <p>{body}</p> : <span>{body}</span>;
}

export function SourceLine({ ctx, source, link }: { ctx: PageContext; source: string | null; link: string | null }) {
  if (!source) return null;
  const url = safeHref(link);
  return (
    <p class="meta">
      {ctx.t('terminology.source')}: {url ? <a href={url}>{source}</a> : source}
    </p>
  );
}
