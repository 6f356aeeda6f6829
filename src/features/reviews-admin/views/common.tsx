// Small pieces shared by the reviews back-office pages. What every back-office feature shows the
// same way comes from admin/views and is re-exported here, so that pages import from one place.
import { LOCALES, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { Breadcrumbs as Trail, type Crumb } from '../../admin/views/breadcrumbs.tsx';
import { FieldMessage } from '../../admin/views/field-message.tsx';
import { countryName } from '../../taxonomy/country-names.ts';
import type { ReviewEdition } from '../../reviews/store.ts';
import { problemKey, type Problem } from '../problems.ts';

export { described, errorId } from '../../admin/views/field-message.tsx';
export { formatWhen, languageName } from '../../admin/views/formats.ts';
export { Text, textOf } from '../../admin/views/localized-text.tsx';
export { Notice } from '../../admin/views/notice.tsx';
export { StatusBadge } from '../../admin/views/status-badge.tsx';

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

export function Breadcrumbs({ ctx, items }: { ctx: PageContext; items: Crumb[] }) {
  return <Trail label={ctx.t('reviewsAdmin.breadcrumbs')} class="reviews-admin-breadcrumbs" items={items} />;
}

export function problemText(ctx: PageContext, problem: Problem): string {
  return ctx.t(problemKey(problem.code), problem.values);
}

export function FieldError({ ctx, id, problem }: { ctx: PageContext; id: string; problem: Problem | undefined }) {
  return <FieldMessage id={id} text={problem && problemText(ctx, problem)} />;
}

/** The page's language and English first (always shown), then the others. */
export function localeOrder(ctx: PageContext): { shown: Locale[]; more: Locale[] } {
  const shown: Locale[] = ctx.locale === 'en' ? ['en'] : [ctx.locale, 'en'];
  return { shown, more: LOCALES.filter((l) => !shown.includes(l)) };
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
