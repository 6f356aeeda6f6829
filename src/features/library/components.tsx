// Pieces shared by the library's pages: a result list item and the list of results.
import { pickText, type Locale } from '../../i18n/locales.ts';
import type { PageContext } from '../../web/context.ts';
import { facetLabel, languageName, type Labels } from './labels.ts';
import type { Resource } from './store.ts';

export function resourcePath(locale: Locale, r: Pick<Resource, 'id' | 'slug'>): string {
  return `/${locale}/library/${r.id}-${r.slug}`;
}

export function FallbackNote({ ctx, lang }: { ctx: PageContext; lang: Locale }) {
  return <span class="fallback">{ctx.t('library.notTranslated', { language: languageName(ctx.locale, lang) })}</span>;
}

function truncate(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export function ResultItem({ ctx, r, labels }: { ctx: PageContext; r: Resource; labels: Labels }) {
  const { t, locale } = ctx;
  const title = pickText(r.title, locale);
  const summary = pickText(r.summary, locale);
  const publishers = r.publishers.map((p) => facetLabel(labels, t, locale, 'publisher', p)).join(', ');
  // Titles stay in their original language, as in any bibliography; a missing summary translation is marked.
  const shown = summary.text ? summary : title;
  const untranslated = shown.fallback ? shown.lang : undefined;
  return (
    <li>
      <h3>
        <a href={resourcePath(locale, r)} lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </a>
      </h3>
      <p class="meta">
        {facetLabel(labels, t, locale, 'type', r.type)} · {r.year ?? t('library.yearUnknown')}
        {publishers ? ` · ${publishers}` : ''}
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

export function ResultList({ ctx, items, labels }: { ctx: PageContext; items: Resource[]; labels: Labels }) {
  return (
    <ul class="results">
      {items.map((r) => (
        <ResultItem ctx={ctx} r={r} labels={labels} />
      ))}
    </ul>
  );
}
