// Pieces shared by the practices pages and exports: labels of actors and years, a result item.
import { pickText, type Locale } from '../../i18n/locales.ts';
import type { MessageKey, Translate } from '../../i18n/messages.ts';
import type { PageContext } from '../../web/context.ts';
import { FallbackNote } from '../library/components.tsx';
import { facetLabel, type Labels } from '../library/labels.ts';
import type { Practice } from './store.ts';

export function practicePath(locale: Locale, p: Pick<Practice, 'slug'>): string {
  return `/${locale}/practices/${p.slug}`;
}

export function actorLabel(t: Translate, actor: string): string {
  return t(`practices.actor.${actor}` as MessageKey);
}

/** "1998–2010", "Since 1998", "Until 2010", or that the years are not known. */
export function yearsLabel(t: Translate, p: Pick<Practice, 'yearFrom' | 'yearTo'>): string {
  if (p.yearFrom !== null && p.yearTo !== null) return p.yearFrom === p.yearTo ? String(p.yearFrom) : `${p.yearFrom}–${p.yearTo}`;
  if (p.yearFrom !== null) return t('practices.years.since', { from: String(p.yearFrom) });
  if (p.yearTo !== null) return t('practices.years.until', { to: String(p.yearTo) });
  return t('practices.years.unknown');
}

export function countryNames(labels: Labels, t: Translate, locale: Locale, codes: string[]): string {
  return codes.map((c) => facetLabel(labels, t, locale, 'country', c)).join(', ');
}

function truncate(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export function PracticeItem({ ctx, p, labels }: { ctx: PageContext; p: Practice; labels: Labels }) {
  const { t, locale } = ctx;
  const title = pickText(p.title, locale);
  const summary = pickText(p.summary, locale);
  const countries = countryNames(labels, t, locale, p.countries);
  const untranslated = summary.text ? (summary.fallback ? summary.lang : undefined) : title.fallback ? title.lang : undefined;
  return (
    <li>
      <h3>
        <a href={practicePath(locale, p)} lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </a>
      </h3>
      <p class="meta">
        {actorLabel(t, p.actor)} · {yearsLabel(t, p)}
        {countries ? ` · ${countries}` : ''}
      </p>
      {summary.text ? (
        <p lang={summary.fallback ? summary.lang : undefined} dir={summary.fallback ? 'auto' : undefined}>
          {truncate(summary.text)}
        </p>
      ) : null}
      {untranslated ? <FallbackNote ctx={ctx} lang={untranslated} /> : null}
    </li>
  );
}
