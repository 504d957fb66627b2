// Figures derived from a profile's months: computed here once, shown everywhere, never typed twice.
import type { ProfileData } from './content-schema.ts';

export interface MonthCounts {
  month: string;
  commits: number;
  features: number;
  bugs?: number;
}

export interface ProfileStats {
  /** Sum of commits over months. */
  commits: number;
  /** Sum of features over months. */
  features: number;
  /** Bugs: the declared total if any, else the sum over months that give bugs, else undefined. */
  bugs: number | undefined;
  /** Where `bugs` came from, for the methodology note. */
  bugsSource: 'declared' | 'months' | 'none';
  /** Number of months with an entry. */
  activityMonths: number;
  /** features / (features + bugs), as a whole percent; undefined when there is nothing to divide. */
  featuresVsBugsPercent: number | undefined;
  /** First and last month with an entry (`YYYY-MM`). */
  firstMonth: string | undefined;
  lastMonth: string | undefined;
  linesOfCode: number | undefined;
}

/** Derives a profile's totals from its months (and its declared bugs and lines of code). */
export function deriveStats(profile: Pick<ProfileData, 'totals'>, months: readonly MonthCounts[]): ProfileStats {
  let commits = 0;
  let features = 0;
  let monthBugs = 0;
  let monthsWithBugs = 0;
  let first: string | undefined;
  let last: string | undefined;
  for (const m of months) {
    commits += m.commits;
    features += m.features;
    if (m.bugs !== undefined) {
      monthBugs += m.bugs;
      monthsWithBugs++;
    }
    if (first === undefined || m.month < first) first = m.month;
    if (last === undefined || m.month > last) last = m.month;
  }
  const declaredBugs = profile.totals.bugs;
  const bugs = declaredBugs ?? (monthsWithBugs > 0 ? monthBugs : undefined);
  const bugsSource = declaredBugs !== undefined ? 'declared' : monthsWithBugs > 0 ? 'months' : 'none';
  const denominator = features + (bugs ?? 0);
  return {
    commits,
    features,
    bugs,
    bugsSource,
    activityMonths: months.length,
    featuresVsBugsPercent: bugs === undefined || denominator === 0 ? undefined : Math.round((100 * features) / denominator),
    firstMonth: first,
    lastMonth: last,
    linesOfCode: profile.totals.linesOfCode,
  };
}

export interface TotalsMismatch {
  field: 'commits' | 'features' | 'bugs';
  declared: number;
  derived: number;
}

/** Lists declared totals that disagree with the sums over months. */
export function totalsMismatches(profile: Pick<ProfileData, 'totals'>, months: readonly MonthCounts[]): TotalsMismatch[] {
  const stats = deriveStats({ totals: {} }, months);
  const out: TotalsMismatch[] = [];
  const { commits, features, bugs } = profile.totals;
  if (commits !== undefined && commits !== stats.commits) out.push({ field: 'commits', declared: commits, derived: stats.commits });
  if (features !== undefined && features !== stats.features) out.push({ field: 'features', declared: features, derived: stats.features });
  const monthBugs = months.filter((m) => m.bugs !== undefined);
  if (bugs !== undefined && monthBugs.length === months.length && months.length > 0 && stats.bugs !== bugs) {
    out.push({ field: 'bugs', declared: bugs, derived: stats.bugs ?? 0 });
  }
  return out;
}
