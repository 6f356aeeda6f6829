// Small pieces shared by the reviews back-office pages.
import type { Child } from 'hono/jsx';
import { dir, LOCALES, pickText, type Locale, type Localized } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { countryName } from '../../taxonomy/country-names.ts';
import type { ReviewEdition } from '../../reviews/store.ts';
import { problemKey, type Problem } from '../problems.ts';
import type { EditionStatus } from '../workflow.ts';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: EditionStatus }) {
  return <span class={`status status-${status}`}>{ctx.t(`admin.state.${status}`)}</span>;
}

/** A stored text in the page's language, or marked as the language it falls back to. */
export function Text({ ctx, text, fallback }: { ctx: PageContext; text: Localized; fallback?: string }) {
  const shown = pickText(text, ctx.locale);
  if (!shown.text) return <>{fallback ?? ''}</>;
  return (
    <span lang={shown.fallback ? shown.lang : undefined} dir={shown.fallback ? dir(shown.lang) : undefined}>
      {shown.text}
    </span>
  );
}

export function textOf(ctx: PageContext, text: Localized, fallback: string): string {
  return pickText(text, ctx.locale).text || fallback;
}

export function EditionName({ ctx, edition }: { ctx: PageContext; edition: Pick<ReviewEdition, 'label' | 'year'> }) {
  return <>{ctx.t('reviewsAdmin.editionName', { label: edition.label, year: edition.year })}</>;
}

export function country(ctx: PageContext, code: string): string {
  return countryName(code, ctx.locale);
}

/** Every page built on a demonstration edition says so before its content. */
export function DemoBanner({ ctx, edition }: { ctx: PageContext; edition: Pick<ReviewEdition, 'demo'> }) {
  if (!edition.demo) return null;
  return (
    <p class="notice reviews-admin-demo" role="note">
      <strong>{ctx.t('reviewsAdmin.demo.title')}</strong> {ctx.t('reviewsAdmin.demo.text')}
    </p>
  );
}

/** Published and archived editions are read-only: every page that would change one says so. */
export function ReadOnlyNotice({ ctx, edition }: { ctx: PageContext; edition: Pick<ReviewEdition, 'status'> }) {
  if (edition.status === 'draft' || edition.status === 'in_review') return null;
  return <p class="notice reviews-admin-readonly">{ctx.t('reviewsAdmin.readOnly', { state: ctx.t(`admin.state.${edition.status}`) })}</p>;
}

export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

export function Breadcrumbs({ ctx, items }: { ctx: PageContext; items: { href: string; label: Child }[] }) {
  return (
    <nav aria-label={ctx.t('reviewsAdmin.breadcrumbs')} class="reviews-admin-breadcrumbs">
      <ol>
        {items.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function problemText(ctx: PageContext, problem: Problem): string {
  return ctx.t(problemKey(problem.code), problem.values);
}

export function errorId(id: string): string {
  return `${id}-error`;
}

export function FieldError({ ctx, id, problem }: { ctx: PageContext; id: string; problem: Problem | undefined }) {
  return problem ? (
    <p class="field-error" id={errorId(id)}>
      {problemText(ctx, problem)}
    </p>
  ) : null;
}

/** aria attributes of a field that may carry an error and a hint. */
export function described(id: string, problem: Problem | undefined, hint?: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const ids = [problem ? errorId(id) : undefined, hint].filter(Boolean).join(' ');
  return { ...(problem ? { 'aria-invalid': 'true' as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** A locale's name in the page's language. */
export function languageName(ctx: PageContext, locale: Locale): string {
  let names = languageNames.get(ctx.locale);
  if (!names) languageNames.set(ctx.locale, (names = new Intl.DisplayNames([ctx.locale], { type: 'language' })));
  return names.of(locale) ?? locale;
}

/** The page's language and English first (always shown), then the others. */
export function localeOrder(ctx: PageContext): { shown: Locale[]; more: Locale[] } {
  const shown: Locale[] = ctx.locale === 'en' ? ['en'] : [ctx.locale, 'en'];
  return { shown, more: LOCALES.filter((l) => !shown.includes(l)) };
}

const dateTimes = new Map<Locale, Intl.DateTimeFormat>();

/** A timestamp in the reader's language, in UTC (the server does not know the reader's zone). */
export function formatWhen(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '';
  let format = dateTimes.get(locale);
  if (!format) dateTimes.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
  return `${format.format(new Date(iso))} UTC`;
}

const dates = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) in the reader's language. */
export function formatDate(locale: Locale, day: string | null | undefined): string {
  if (!day) return '';
  let format = dates.get(locale);
  if (!format) dates.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** Sorts country codes by their names in the page's language. */
export function byCountryName(ctx: PageContext): (a: string, b: string) => number {
  const collator = new Intl.Collator(ctx.locale);
  return (a, b) => collator.compare(country(ctx, a), country(ctx, b));
}
