// The heatmaps' data as table rows, for the <table> behind each chart (screen readers, no-CSS readers).
import type { DayValue } from './day-layout.ts';
import type { Locale } from '../i18n/locale.ts';
import type { MonthValue } from './month-layout.ts';
import { MONTH_KEY } from '../content-schema.ts';

export interface MonthRow {
  month: string;
  label: string;
  commits: number;
  features: number;
}

/** Returns one row per month with an entry, newest first. */
export function monthTableRows(months: readonly MonthValue[], locale: Locale): MonthRow[] {
  return months
    .filter((m) => MONTH_KEY.test(m.month))
    .map((m) => ({ month: m.month, label: locale.monthShort(m.month), commits: m.commits, features: m.features }))
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

export interface DayTableRow {
  date: string;
  /** "Tue 3 Sep 2025". */
  label: string;
  count: number;
  features?: number;
}

/** Returns the days of `year` that have data, newest first (a 12×31 grid of mostly empty cells reads worse and weighs ten times more). */
export function dayTableRows(days: readonly DayValue[], year: number, locale: Locale): DayTableRow[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return days
    .filter((d) => d.date.startsWith(prefix))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((d) =>
      d.features === undefined
        ? { date: d.date, label: locale.dayInYear(d.date), count: d.count }
        : { date: d.date, label: locale.dayInYear(d.date), count: d.count, features: d.features },
    );
}
