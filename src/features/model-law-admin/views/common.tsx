// Small pieces shared by the model law's back-office pages. What every back-office feature shows
// the same way comes from admin/views and is re-exported here, so that pages import from one place.
import { dir, pickText, type Locale } from '../../../i18n/locales.ts';
import type { PageContext } from '../../../web/context.ts';
import { Breadcrumbs as Trail, type Crumb } from '../../admin/views/breadcrumbs.tsx';
import { FieldMessage } from '../../admin/views/field-message.tsx';
import type { Edition, LawNode } from '../../model-law/store.ts';
import { shownText } from '../../model-law/text.ts';
import type { TextStatus } from '../../model-law/text-hash.ts';
import type { FieldProblem } from '../forms.ts';

export { described, errorId } from '../../admin/views/field-message.tsx';
export { formatWhen, languageName } from '../../admin/views/formats.ts';
export { Notice } from '../../admin/views/notice.tsx';
export { StatusBadge as EditionStatusBadge } from '../../admin/views/status-badge.tsx';

export function lawsPath(locale: Locale): string {
  return `/${locale}/admin/model-law`;
}

export function editionPath(locale: Locale, editionId: string, rest = ''): string {
  return `/${locale}/admin/model-law/${editionId}${rest}`;
}

export function nodePath(locale: Locale, editionId: string, nodeId: string, rest = ''): string {
  return editionPath(locale, editionId, `/nodes/${nodeId}${rest}`);
}

export function TextStatusBadge({ ctx, status }: { ctx: PageContext; status: TextStatus }) {
  return <span class={`text-status text-status-${status}`}>{ctx.t(`modelLawAdmin.textStatus.${status}`)}</span>;
}

/** "Article 3", "Chapter 2", "Part II": the number as readers will see it. */
export function nodeNumber(ctx: PageContext, node: LawNode): string {
  if (node.kind === 'part') return ctx.t('modelLaw.partNumber', { number: node.number });
  if (node.kind === 'chapter') return ctx.t('modelLaw.chapterNumber', { number: node.number });
  return ctx.t('modelLaw.articleNumber', { number: node.number });
}

/** The number and heading of a node, the heading in the page's language or marked as another. */
export function NodeTitle({ ctx, node, sourceLocale }: { ctx: PageContext; node: LawNode; sourceLocale: Locale }) {
  const shown = shownText(node, ctx.locale, sourceLocale);
  return (
    <>
      <span class="node-number">{nodeNumber(ctx, node)}.</span>{' '}
      {shown ? (
        <span lang={shown.fallback ? shown.lang : undefined} dir={shown.fallback ? dir(shown.lang) : undefined}>
          {shown.text.heading}
        </span>
      ) : (
        <code dir="ltr">{node.key}</code>
      )}
    </>
  );
}

export function LawName({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const title = pickText(edition.law.title, ctx.locale);
  return (
    <span lang={title.fallback ? title.lang : undefined} dir={title.fallback ? dir(title.lang) : undefined}>
      {title.text || edition.law.slug}
    </span>
  );
}

export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: share > 0.99 && share < 1 ? 1 : 0 }).format(share);
}

/** Only a draft is edited: every page of a published, in-review or archived edition says so. */
export function ReadOnlyNotice({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  if (edition.status === 'draft') return null;
  return <p class="notice model-law-readonly">{ctx.t('modelLawAdmin.readOnly', { state: edition.status })}</p>;
}

export function FieldError({ ctx, id, problem }: { ctx: PageContext; id: string; problem: FieldProblem | undefined }) {
  return <FieldMessage id={id} text={problem && ctx.t(problem.key, problem.values)} />;
}

/** English problems from the parsers and the document checks, marked as English on every page. */
export function ProblemList({ problems }: { problems: string[] }) {
  return (
    <ul class="model-law-problems" lang="en" dir="ltr">
      {problems.map((p) => (
        <li>{p}</li>
      ))}
    </ul>
  );
}

export function Breadcrumbs({ ctx, items }: { ctx: PageContext; items: Crumb[] }) {
  return <Trail label={ctx.t('modelLawAdmin.breadcrumbs')} class="model-law-breadcrumbs" items={items} />;
}

export { WordDiff } from '../../../web/word-diff.tsx';

const listFormats = new Map<Locale, Intl.ListFormat>();

/** "Arabic and Farsi", "العربية والفارسية": a list joined the page language's way. */
export function formatList(locale: Locale, items: string[]): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}
