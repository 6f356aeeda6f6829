// Scores: for a country in an edition, the weighted share of its assessed criteria that are met
// (met = 1, partly met = 0.5, not met = 0), as a percentage. Criteria not assessed are left out of
// both sides; a country with nothing assessed has no score (never zero: missing data is missing).
export const STATUS_VALUE = { met: 1, partly: 0.5, not_met: 0 } as const;

export type AssessmentStatus = 'met' | 'partly' | 'not_met' | 'not_assessed';

export type CountryScore = {
  country: string;
  /** 0–100, or null when no criterion was assessed. */
  score: number | null;
  met: number;
  partly: number;
  notMet: number;
  notAssessed: number;
};

export function scoreCountry(
  country: string,
  statuses: ReadonlyMap<string, AssessmentStatus>,
  weights: ReadonlyMap<string, number>,
): CountryScore {
  let total = 0;
  let earned = 0;
  const counts = { met: 0, partly: 0, notMet: 0, notAssessed: 0 };
  for (const [criterion, weight] of weights) {
    const status = statuses.get(criterion) ?? 'not_assessed';
    if (status === 'not_assessed') {
      counts.notAssessed++;
      continue;
    }
    if (status === 'met') counts.met++;
    else if (status === 'partly') counts.partly++;
    else counts.notMet++;
    total += weight;
    earned += weight * STATUS_VALUE[status];
  }
  // With every assessed criterion weighted 0 (a user's index can do that) there is nothing to score either.
  const score = total > 0 ? Math.round((earned / total) * 1000) / 10 : null;
  return { country, score, ...counts };
}

export type Change = 'improved' | 'regressed' | 'same' | 'new' | 'none';

/** What changed for a country since the previous edition. */
export function changeSince(current: number | null, previous: number | null | undefined): Change {
  if (current === null) return 'none';
  if (previous === null || previous === undefined) return 'new';
  if (current > previous) return 'improved';
  if (current < previous) return 'regressed';
  return 'same';
}

/** Ranks by score, highest first; equal scores share a rank; countries without a score are unranked. */
export function rank<T extends { score: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  let lastScore: number | null = null;
  let lastRank = 0;
  return sorted.map((row, i) => {
    if (row.score === null) return { ...row, rank: null };
    if (row.score !== lastScore) {
      lastRank = i + 1;
      lastScore = row.score;
    }
    return { ...row, rank: lastRank };
  });
}
