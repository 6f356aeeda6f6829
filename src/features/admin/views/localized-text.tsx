// A stored text of five languages shown in the page's language; when it falls back to another
// language, that language is marked so that screen readers and the text direction follow it.
import { dir, pickText, type Localized } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';

export function Text({ ctx, text, fallback = '' }: { ctx: PageContext; text: Localized; fallback?: string }) {
  const shown = pickText(text, ctx.locale);
  if (!shown.text) return <>{fallback}</>;
  return (
    <span lang={shown.fallback ? shown.lang : undefined} dir={shown.fallback ? dir(shown.lang) : undefined}>
      {shown.text}
    </span>
  );
}

/** The same text as a plain string, for attributes and messages, where no language can be marked. */
export function textOf(ctx: PageContext, text: Localized, fallback: string): string {
  return pickText(text, ctx.locale).text || fallback;
}
