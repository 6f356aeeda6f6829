// What the map and its table show for one edition: every country of the edition with one value,
// by score (scoreEdition, the reviews' own scoring) or by its status on one criterion.
import type { Db } from '../../db/connect.ts';
import type { PageContext } from '../../web/context.ts';
import { countryName } from '../taxonomy/country-names.ts';
import type { AssessmentStatus } from '../reviews/scores.ts';
import { listAssessments, scoreEdition, type Criterion, type Framework, type ReviewEdition } from '../reviews/store.ts';
import { STATUS_ORDER, scoreClass, statusClass, type MapClass } from './scales.ts';

export type MapRow = { code: string; name: string; value: MapClass };

/** The rows, sorted as the table shows them: best first, then by name in the page's language. */
export async function mapRows(db: Db, ctx: PageContext, framework: Framework, edition: ReviewEdition, criterion: Criterion | undefined): Promise<MapRow[]> {
  const collator = new Intl.Collator(ctx.locale);
  const named = (code: string) => countryName(code, ctx.locale);
  if (!criterion) {
    // Highest score first, countries without a score (nothing assessed) last; names break ties.
    const scored = await scoreEdition(db, framework, edition);
    return scored
      .map((s) => ({ s, name: named(s.country) }))
      .sort((a, b) => (b.s.score ?? -1) - (a.s.score ?? -1) || collator.compare(a.name, b.name))
      .map(({ s, name }) => ({ code: s.country, name, value: scoreClass(s.score, ctx.locale, ctx.t) }));
  }
  // Every country of the edition: one without a row for this criterion has not been assessed on it.
  const statuses = new Map<string, AssessmentStatus>();
  for (const a of await listAssessments(db, edition.id)) {
    if (a.criterion === criterion.key) statuses.set(a.country, a.status);
    else if (!statuses.has(a.country)) statuses.set(a.country, 'not_assessed');
  }
  return [...statuses]
    .map(([code, status]) => ({ code, status, name: named(code) }))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || collator.compare(a.name, b.name))
    .map(({ code, status, name }) => ({ code, name, value: statusClass(status, ctx.t) }));
}
