// Pieces shared by the practices pages and exports: labels of actors and years, a result item.
import { pickText, type Locale } from '../../i18n/locales.ts';
import type { MessageKey, Translate } from '../../i18n/messages.ts';
import type { PageContext } from '../../web/context.ts';
import { ListedItem } from '../library/components.tsx';
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

export function PracticeItem({ ctx, p, labels }: { ctx: PageContext; p: Practice; labels: Labels }) {
  const { t, locale } = ctx;
  const countries = countryNames(labels, t, locale, p.countries);
  return (
    <ListedItem ctx={ctx} link={practicePath(locale, p)} title={pickText(p.title, locale)} summary={pickText(p.summary, locale)}>
      {actorLabel(t, p.actor)} · {yearsLabel(t, p)}
      {countries ? ` · ${countries}` : ''}
    </ListedItem>
  );
}
