// A profile's year in review: for each calendar year with activity, its totals and their change on the
// year before, the busiest month, week and day, active days and the longest runs of them, the top
// repositories and areas, and features against bugs per month. Every figure is defined here once; the
// year page, the profile page and profile.json show these values.
import type { Locale } from './i18n/locale.ts';
import type { DayActivity } from './content-schema.ts';
import { dateOfDayNumber, dayNumber, weekdayOfDayNumber } from './calendar.ts';
import { MONTHS_SHORT } from './format.ts';
import type { WeekStart } from './heatmap/settings.ts';
import { HOUR_WEEKDAYS, type Hours } from './content-schema.ts';
import { languageMix, type LanguageShare } from './language-mix.ts';

/** A month's figures as a year review reads them. */
export interface ReviewMonth {
  month: string;
  commits: number;
  features: number;
  bugs?: number | undefined;
  repositories: readonly string[];
  areas: readonly string[];
  linesAdded?: number | undefined;
  linesRemoved?: number | undefined;
  languages?: Readonly<Record<string, number>> | undefined;
  hours?: Hours | undefined;
}

export interface YearTotals {
  commits: number;
  features: number;
  /** Summed over the months that give bugs; undefined when none does. */
  bugs: number | undefined;
  /** Months with at least one commit. */
  activeMonths: number;
  /** Days with at least one commit; undefined without day data. */
  activeDays: number | undefined;
  /** Lines added plus lines removed, over the months that give them; undefined when none does. */
  lines: number | undefined;
}

/** A run of consecutive active days (`from` and `to` inclusive, within the year). */
interface DayRun {
  days: number;
  from: string;
  to: string;
}

export interface YearReview {
  year: number;
  totals: YearTotals;
  /** The year before's totals (all zero when it had no activity); undefined for the first year of activity. */
  previous: YearTotals | undefined;
  /** The month with the most commits (the earliest of a tie). */
  busiestMonth: { month: string; commits: number } | undefined;
  /** The week (by the site's week start, cut at the year's ends) with the most commits; needs day data. */
  busiestWeek: { from: string; to: string; commits: number } | undefined;
  /** The day with the most commits (the earliest of a tie); needs day data. */
  busiestDay: { date: string; commits: number } | undefined;
  /** The longest run of consecutive active days in the year (the earliest of a tie); needs day data. */
  longestRun: DayRun | undefined;
  /**
   * The longest run of active working days (Monday to Friday) in the year: a weekend neither breaks
   * nor lengthens it, so Friday then Monday is a run of two; needs day data.
   */
  longestWorkdayRun: DayRun | undefined;
  /** Repositories by the number of the year's months they appear in, then by name. */
  repositories: { name: string; months: number }[];
  /** Areas by the number of the year's months they appear in, then by name. */
  areas: { name: string; months: number }[];
  /** January to December: commits, features and bugs (0 for a month without an entry or without bugs). */
  months: { month: string; commits: number; features: number; bugs: number }[];
  /** The year's language mix, over the months that record languages; undefined when none does. */
  languages: LanguageShare[] | undefined;
  /** Commits by weekday (Monday first) and hour of the author's clock, over the months that record them; undefined when none does. */
  hours: number[][] | undefined;
}

/** Commits by weekday (Monday first) and hour, summed over `hours` maps; undefined when none is given. */
export function sumHours(hours: readonly (Hours | undefined)[]): number[][] | undefined {
  const given = hours.filter((h) => h !== undefined);
  if (!given.length) return undefined;
  const grid = HOUR_WEEKDAYS.map(() => Array.from({ length: 24 }, () => 0));
  for (const h of given) {
    HOUR_WEEKDAYS.forEach((day, d) => {
      h[day]?.forEach((k, hour) => (grid[d]![hour]! += k));
    });
  }
  return grid;
}

/** A year as its page's URL and the cache keys write it: four digits. */
export function yearKey(year: number): string {
  return String(year).padStart(4, '0');
}

/** The calendar years with activity (a month with commits, or a day with commits), oldest first. */
export function activeYears(months: readonly ReviewMonth[], days: readonly DayActivity[] = []): number[] {
  const years = new Set<number>();
  for (const m of months) if (m.commits > 0) years.add(Number(m.month.slice(0, 4)));
  for (const d of days) if (d.count > 0) years.add(Number(d.date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

function totalsOf(months: readonly ReviewMonth[], days: readonly DayActivity[] | undefined): YearTotals {
  let commits = 0;
  let features = 0;
  let bugs: number | undefined;
  let lines: number | undefined;
  let activeMonths = 0;
  for (const m of months) {
    commits += m.commits;
    features += m.features;
    if (m.commits > 0) activeMonths++;
    if (m.bugs !== undefined) bugs = (bugs ?? 0) + m.bugs;
    if (m.linesAdded !== undefined || m.linesRemoved !== undefined) lines = (lines ?? 0) + (m.linesAdded ?? 0) + (m.linesRemoved ?? 0);
  }
  return { commits, features, bugs, activeMonths, activeDays: days ? days.filter((d) => d.count > 0).length : undefined, lines };
}

/** The longest run of `active` day numbers (sorted ascending) where each `follows` the one before; the earliest of a tie. */
function longestRun(active: readonly number[], follows: (previous: number, next: number) => boolean): DayRun | undefined {
  let best: DayRun | undefined;
  let start = 0;
  for (let i = 0; i < active.length; i++) {
    if (i > 0 && !follows(active[i - 1]!, active[i]!)) start = i;
    const length = i - start + 1;
    if (!best || length > best.days) best = { days: length, from: dateOfDayNumber(active[start]!), to: dateOfDayNumber(active[i]!) };
  }
  return best;
}

/** Whether working day `next` comes right after working day `previous` (Friday → Monday does). */
function nextWorkday(previous: number, next: number): boolean {
  const gap = weekdayOfDayNumber(previous) === 5 ? 3 : 1;
  return next - previous === gap;
}

function ranked(lists: readonly (readonly string[])[]): { name: string; months: number }[] {
  const count = new Map<string, number>();
  for (const list of lists) for (const name of new Set(list)) count.set(name, (count.get(name) ?? 0) + 1);
  return [...count].map(([name, months]) => ({ name, months })).sort((a, b) => b.months - a.months || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Returns the year review of every year with activity, oldest first. `days` is the profile's day data,
 * if any (then the day figures are given; without it they are undefined); weeks start on `weekStart`.
 */
export function yearReviews(months: readonly ReviewMonth[], days: readonly DayActivity[] | undefined, weekStart: WeekStart): YearReview[] {
  const dayData = days && days.length ? days : undefined;
  const years = activeYears(months, dayData);
  const monthsOf = (year: number) => months.filter((m) => m.month.startsWith(`${year}-`));
  // A year's day figures need day data of that year: an activity file that starts later says nothing of it.
  const daysOf = (year: number) => {
    const inYear = dayData?.filter((d) => d.date.startsWith(`${year}-`));
    return inYear?.length ? inYear : undefined;
  };
  return years.map((year): YearReview => {
    const inYear = monthsOf(year);
    const yearDays = daysOf(year);
    const totals = totalsOf(inYear, yearDays);
    const previous = year > years[0]! ? totalsOf(monthsOf(year - 1), daysOf(year - 1)) : undefined;

    let busiestMonth: YearReview['busiestMonth'];
    for (const m of [...inYear].sort((a, b) => (a.month < b.month ? -1 : 1))) {
      if (m.commits > 0 && (!busiestMonth || m.commits > busiestMonth.commits)) busiestMonth = { month: m.month, commits: m.commits };
    }

    let busiestDay: YearReview['busiestDay'];
    let busiestWeek: YearReview['busiestWeek'];
    let run: DayRun | undefined;
    let workdayRun: DayRun | undefined;
    if (yearDays) {
      const active = yearDays
        .filter((d) => d.count > 0)
        .map((d) => ({ day: dayNumber(d.date), count: d.count }))
        .sort((a, b) => a.day - b.day);
      for (const d of active) if (!busiestDay || d.count > busiestDay.commits) busiestDay = { date: dateOfDayNumber(d.day), commits: d.count };
      const first = dayNumber(`${year}-01-01`);
      const last = dayNumber(`${year}-12-31`);
      const startDay = weekStart === 'monday' ? 1 : 0;
      const weeks = new Map<number, number>();
      for (const d of active) {
        const weekStartDay = Math.max(first, d.day - ((weekdayOfDayNumber(d.day) - startDay + 7) % 7));
        weeks.set(weekStartDay, (weeks.get(weekStartDay) ?? 0) + d.count);
      }
      for (const [from, commits] of [...weeks].sort((a, b) => a[0] - b[0])) {
        if (!busiestWeek || commits > busiestWeek.commits) {
          const weekEnd = Math.min(last, from + 6 - ((weekdayOfDayNumber(from) - startDay + 7) % 7));
          busiestWeek = { from: dateOfDayNumber(from), to: dateOfDayNumber(weekEnd), commits };
        }
      }
      const activeDays = active.map((d) => d.day);
      run = longestRun(activeDays, (a, b) => b - a === 1);
      workdayRun = longestRun(
        activeDays.filter((d) => weekdayOfDayNumber(d) !== 0 && weekdayOfDayNumber(d) !== 6),
        nextWorkday,
      );
    }

    const byMonth = new Map(inYear.map((m) => [m.month, m]));
    return {
      year,
      totals,
      previous,
      busiestMonth,
      busiestWeek,
      busiestDay,
      longestRun: run,
      longestWorkdayRun: workdayRun,
      repositories: ranked(inYear.filter((m) => m.commits > 0).map((m) => m.repositories)),
      areas: ranked(inYear.filter((m) => m.commits > 0).map((m) => m.areas)),
      months: MONTHS_SHORT.map((_, i) => {
        const key = `${year}-${String(i + 1).padStart(2, '0')}`;
        const m = byMonth.get(key);
        return { month: key, commits: m?.commits ?? 0, features: m?.features ?? 0, bugs: m?.bugs ?? 0 };
      }),
      languages: languageMix(inYear),
      hours: sumHours(inYear.map((m) => m.hours)),
    };
  });
}

/**
 * How a year's `value` compares with the year before's `previous`, as a reader says it ("21 more than
 * in 2024", "as many as in 2024"), `yearBefore` as the locale writes it; undefined when either is unknown.
 */
export function changeText(value: number | undefined, previous: number | undefined, yearBefore: string, l: Pick<Locale, 't' | 'number'>): string | undefined {
  if (value === undefined || previous === undefined) return undefined;
  const delta = value - previous;
  return l.t(delta > 0 ? 'years.more' : delta < 0 ? 'years.fewer' : 'years.same', { change: l.number(Math.abs(delta)), year: yearBefore });
}
