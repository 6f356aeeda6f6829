// The URL state of the review pages: edition, region, sort order and the user's weights. A bad
// value is a 400 naming the parameter; an edition that is not published is simply not there (404).
import type { Db } from '../../db/connect.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { listReviewEditions, type Framework, type ReviewEdition } from './store.ts';
import type { RegionInfo } from './queries.ts';

export const SORTS = ['score', 'name', 'change'] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_WEIGHT = 5;

const invalid = (name: string, problem: string) => new HttpError(400, 'error.invalidParameter', { name, problem }, name);

/** The published editions, newest first, and the one asked for (`?edition=LABEL`, else the newest; none when nothing is published). */
export async function chooseEdition(db: Db, framework: Framework, label: string | undefined): Promise<{ editions: ReviewEdition[]; edition: ReviewEdition | undefined }> {
  if (label !== undefined && label.length > 40) throw invalid('edition', 'error.problem.tooLong');
  const editions = await listReviewEditions(db, framework.key);
  if (!label) return { editions, edition: editions[0] };
  const edition = editions.find((e) => e.label === label);
  if (!edition) throw notFound();
  return { editions, edition };
}

/** The published edition scored before this one (the same order as the store's change computation). */
export function previousEdition(editions: ReviewEdition[], edition: ReviewEdition): ReviewEdition | undefined {
  return editions.find((e) => e.year < edition.year || (e.year === edition.year && Number(e.id) < Number(edition.id)));
}

export function parseSort(value: string | undefined): Sort {
  if (value === undefined || value === '') return 'score';
  if (!(SORTS as readonly string[]).includes(value)) throw invalid('sort', 'error.problem.enum');
  return value as Sort;
}

export function parseRegion(value: string | undefined, regions: RegionInfo[]): RegionInfo | undefined {
  if (value === undefined || value === '') return undefined;
  const region = regions.find((r) => r.code === value);
  if (!region) throw invalid('region', 'error.problem.enum');
  return region;
}

export type Weights = { values: Map<string, number>; custom: boolean };

/**
 * `w.<criterion>=N`, N a whole number from 0 to 5 (or the framework's own weight, which an editor
 * may have set to something else); criteria not named keep the framework's weight.
 */
export function parseWeights(url: URL, framework: Framework): Weights {
  const values = new Map(framework.criteria.map((c) => [c.key, c.weight]));
  let custom = false;
  for (const [name, raw] of url.searchParams) {
    if (!name.startsWith('w.')) continue;
    const criterion = framework.criteria.find((c) => c.key === name.slice(2));
    if (!criterion) throw invalid(name, 'error.problem.enum');
    const value = raw.trim();
    if (value === '') continue;
    if (Number(value) === criterion.weight && /^\d+(\.\d+)?$/.test(value)) {
      values.set(criterion.key, criterion.weight);
      continue;
    }
    if (!/^\d{1,3}$/.test(value)) throw invalid(name, 'error.problem.number');
    const n = Number(value);
    if (n > MAX_WEIGHT) throw invalid(name, 'error.problem.range');
    values.set(criterion.key, n);
    if (n !== criterion.weight) custom = true;
  }
  return { values, custom };
}

/** Only the weights that differ from the framework's, as URL parameters. */
export function weightParams(framework: Framework, weights: Weights): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of framework.criteria) {
    const w = weights.values.get(c.key);
    if (w !== undefined && w !== c.weight) out[`w.${c.key}`] = w;
  }
  return out;
}

export function countryCode(value: string): string {
  if (!/^[A-Z]{2}$/.test(value)) throw notFound();
  return value;
}
