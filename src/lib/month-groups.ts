// Long records on one page: a list of months stays whole while it is short; past FULL_MONTHS it keeps
// the years of its latest RECENT_MONTHS in full and groups the older ones by year, so a thirty-year career reads
// as thirty year rows (each the way into its year in review) rather than 360 entries.

/** A list of at most this many months is shown whole. */
export const FULL_MONTHS = 24;
/** A longer list shows the years of this many of its latest months in full. */
export const RECENT_MONTHS = 12;

export interface YearGroup<T> {
  year: number;
  /** Newest first. */
  months: T[];
}

/**
 * Splits `newestFirst` (`month` as `YYYY-MM`, newest first) into the months shown in full and the older
 * ones by year, newest year first. The split falls between years: the years of the latest RECENT_MONTHS
 * are shown in full, so a year row always holds its whole year (its heading links that year's review).
 */
export function splitByRecency<T extends { month: string }>(newestFirst: readonly T[]): { recent: T[]; years: YearGroup<T>[] } {
  if (newestFirst.length <= FULL_MONTHS) return { recent: [...newestFirst], years: [] };
  const lastFullYear = newestFirst[RECENT_MONTHS - 1]!.month.slice(0, 4);
  const cut = newestFirst.findIndex((m) => m.month.slice(0, 4) < lastFullYear);
  if (cut < 0) return { recent: [...newestFirst], years: [] };
  return { recent: newestFirst.slice(0, cut), years: byYear(newestFirst.slice(cut)) };
}

/** `months` (any order) by year, newest year first, each year's months newest first. */
export function byYear<T extends { month: string }>(months: readonly T[]): YearGroup<T>[] {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  const years: YearGroup<T>[] = [];
  for (const m of sorted) {
    const year = Number(m.month.slice(0, 4));
    if (years.at(-1)?.year === year) years.at(-1)!.months.push(m);
    else years.push({ year, months: [m] });
  }
  return years;
}
