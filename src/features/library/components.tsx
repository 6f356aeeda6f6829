// Pieces shared by the library's pages: a result list item and the list of results. The item's
// frame (ListedItem) also lists the practices directory's results.
import type { Child } from 'hono/jsx';
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

type PickedText = ReturnType<typeof pickText>;

/**
 * One entry of a list of results: the title as a link, a line of details (`children`), the
 * summary cut short, and a note when the text shown is not in the page's language.
 */
export function ListedItem({ ctx, link, title, summary, children }: { ctx: PageContext; link: string; title: PickedText; summary: PickedText; children: Child }) {
  // Titles stay in their original language, as in any bibliography; a missing summary translation is marked.
  const shown = summary.text ? summary : title;
  const untranslated = shown.fallback ? shown.lang : undefined;
  return (
    <li>
      <h3>
        <a href={link} lang={title.fallback ? title.lang : undefined} dir={title.fallback ? 'auto' : undefined}>
          {title.text}
        </a>
      </h3>
      <p class="meta">{children}</p>
      {summary.text ? (
        <p lang={summary.fallback ? summary.lang : undefined} dir={summary.fallback ? 'auto' : undefined}>
          {truncate(summary.text)}
        </p>
      ) : null}
      {untranslated ? <FallbackNote ctx={ctx} lang={untranslated} /> : null}
    </li>
  );
}

export function ResultItem({ ctx, r, labels }: { ctx: PageContext; r: Resource; labels: Labels }) {
  const { t, locale } = ctx;
  const publishers = r.publishers.map((p) => facetLabel(labels, t, locale, 'publisher', p)).join(', ');
  return (
    <ListedItem ctx={ctx} link={resourcePath(locale, r)} title={pickText(r.title, locale)} summary={pickText(r.summary, locale)}>
      {facetLabel(labels, t, locale, 'type', r.type)} · {r.year ?? t('library.yearUnknown')}
      {publishers ? ` · ${publishers}` : ''}
    </ListedItem>
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
