// Pieces shared by the review pages: the frame (with the demo banner before anything else),
// statuses as words with a colour class, scores, changes, and the paths between the pages.
import type { Child } from 'hono/jsx';
import { dir, pickText, type Locale, type Localized } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { PageContext } from '../../web/context.ts';
import { href, type QueryValue } from '../../web/html.ts';
import { Layout } from '../../web/layout.tsx';
import { ASSETS } from '../../web/assets.ts';
import type { AssessmentStatus, Change } from './scores.ts';
import type { Framework, ReviewEdition } from './store.ts';

export function reviewsPath(locale: Locale, framework?: string, rest = '', query: Record<string, QueryValue> = {}): string {
  return href(`/${locale}/reviews${framework ? `/${framework}${rest}` : ''}`, query);
}

export const STATUS_KEYS: Record<AssessmentStatus, MessageKey> = {
  met: 'reviews.status.met',
  partly: 'reviews.status.partly',
  not_met: 'reviews.status.not_met',
  not_assessed: 'reviews.status.not_assessed',
};

export const STATUSES: AssessmentStatus[] = ['met', 'partly', 'not_met', 'not_assessed'];

/** Localized text with `lang`/`dir` when it fell back to another language. */
export function Text({ value, locale }: { value: Localized; locale: Locale }) {
  const shown = pickText(value, locale);
  return shown.fallback ? (
    <span lang={shown.lang} dir={dir(shown.lang)}>
      {shown.text}
    </span>
  ) : (
    <>{shown.text}</>
  );
}

export function formatScore(locale: Locale, score: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(score / 100);
}

export function StatusLabel({ ctx, status }: { ctx: PageContext; status: AssessmentStatus }) {
  return <span class={`status status-${status}`}>{ctx.t(STATUS_KEYS[status])}</span>;
}

export function Score({ ctx, score }: { ctx: PageContext; score: number | null }) {
  return score === null ? <span class="status status-not_assessed">{ctx.t('reviews.status.not_assessed')}</span> : <>{formatScore(ctx.locale, score)}</>;
}

export function changeText(ctx: PageContext, change: Change, previous: number | null | undefined): string {
  const { t, locale } = ctx;
  const before = typeof previous === 'number' ? formatScore(locale, previous) : '';
  switch (change) {
    case 'improved':
      return t('reviews.change.improved', { previous: before });
    case 'regressed':
      return t('reviews.change.regressed', { previous: before });
    case 'same':
      return t('reviews.change.same', { previous: before });
    case 'new':
      return t('reviews.change.new');
    default:
      // 'none': either no earlier edition at all, or no score now.
      return previous === undefined ? t('reviews.change.none') : t('reviews.change.notScored');
  }
}

export function ChangeLabel({ ctx, change, previous }: { ctx: PageContext; change: Change; previous: number | null | undefined }) {
  return <span class={`change change-${change}`}>{changeText(ctx, change, previous)}</span>;
}

/** Every page built on demonstration data says so first. */
export function DemoBanner({ ctx, edition }: { ctx: PageContext; edition: ReviewEdition }) {
  if (!edition.demo) return null;
  return (
    <p class="demo-banner" role="note">
      <strong>{ctx.t('reviews.demoTitle')}</strong> {ctx.t('reviews.demoNotice')}
    </p>
  );
}

type Crumb = { label: Child; href?: string };

export function ReviewLayout({
  ctx,
  title,
  crumbs = [],
  edition,
  scripts,
  children,
}: {
  ctx: PageContext;
  title: string;
  crumbs?: Crumb[];
  edition?: ReviewEdition;
  scripts?: string[];
  children: Child;
}) {
  const all: Crumb[] = [{ label: ctx.t('reviews.title'), href: reviewsPath(ctx.locale) }, ...crumbs];
  return (
    <Layout ctx={ctx} title={title} scripts={scripts} head={<link rel="stylesheet" href={ASSETS.reviewsCss.url} />}>
      {edition && <DemoBanner ctx={ctx} edition={edition} />}
      {crumbs.length > 0 && (
        <nav aria-label={ctx.t('reviews.breadcrumb')} class="review-crumbs">
          <ol>
            {all.map((c) => (
              <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
            ))}
          </ol>
        </nav>
      )}
      <div class="reviews">{children}</div>
    </Layout>
  );
}

export function frameworkCrumb(ctx: PageContext, framework: Framework, edition?: ReviewEdition): Crumb {
  return { label: <Text value={framework.name} locale={ctx.locale} />, href: reviewsPath(ctx.locale, framework.key, '', { edition: edition?.label }) };
}

/** The edition's heading line and its note, if any. */
export function EditionLine({ ctx, edition }: { ctx: PageContext; edition: ReviewEdition }) {
  const note = pickText(edition.note, ctx.locale);
  return (
    <>
      <p class="edition-line">{ctx.t('reviews.editionHeading', { label: edition.label, year: edition.year })}</p>
      {note.text && (
        <p class="edition-note" lang={note.fallback ? note.lang : undefined} dir={note.fallback ? dir(note.lang) : undefined}>
          {note.text}
        </p>
      )}
    </>
  );
}

export function EditionSelect({ ctx, editions, edition }: { ctx: PageContext; editions: ReviewEdition[]; edition: ReviewEdition }) {
  return (
    <div class="field">
      <label for="edition">{ctx.t('reviews.editionField')}</label>
      <select id="edition" name="edition">
        {editions.map((e) => (
          <option value={e.label} selected={e.id === edition.id}>
            {e.label} ({e.year})
          </option>
        ))}
      </select>
    </div>
  );
}

export function DownloadLinks({ ctx, csv, json }: { ctx: PageContext; csv: string; json: string }) {
  return (
    <p class="exports review-exports">
      {ctx.t('reviews.download')} <a href={csv}>CSV</a> · <a href={json}>JSON</a>
      <span class="print-hint">{ctx.t('reviews.printHint')}</span>
    </p>
  );
}

export function Paragraphs({ text, locale }: { text: Localized; locale: Locale }) {
  const shown = pickText(text, locale);
  return (
    <div lang={shown.fallback ? shown.lang : undefined} dir={shown.fallback ? dir(shown.lang) : undefined}>
      {shown.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </div>
  );
}
