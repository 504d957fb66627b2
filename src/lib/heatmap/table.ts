// The heatmaps' data as table rows, for the <table> behind each chart (screen readers, no-CSS readers).
import { MONTHS_SHORT as MONTH_NAMES } from '../format.ts';
import { daysInMonth } from '../calendar.ts';
import type { DayValue } from './day-layout.ts';
import { monthName, type MonthValue } from './month-layout.ts';
import { MONTH_KEY } from '../content-schema.ts';

export interface MonthRow {
  month: string;
  label: string;
  commits: number;
  features: number;
}

/** Returns one row per month with an entry, newest first. */
export function monthTableRows(months: readonly MonthValue[]): MonthRow[] {
  return months
    .filter((m) => MONTH_KEY.test(m.month))
    .map((m) => ({ month: m.month, label: monthName(m.month), commits: m.commits, features: m.features }))
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

export interface DayTableRow {
  month: string;
  /** Days 1 … 31: the text of the day ("4", or "4 (1)" with features), "" for no data, null when the month has no such day. */
  days: (string | null)[];
}

/** Returns a year of days as twelve month rows of 31 day columns. */
export function dayTableRows(days: readonly DayValue[], year: number): DayTableRow[] {
  const byKey = new Map(days.map((d) => [d.date, d]));
  return MONTH_NAMES.map((name, m) => {
    const last = daysInMonth(year, m + 1);
    const row: (string | null)[] = [];
    for (let day = 1; day <= 31; day++) {
      if (day > last) {
        row.push(null);
        continue;
      }
      const d = byKey.get(`${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      row.push(d ? (d.features === undefined ? String(d.count) : `${d.count} (${d.features})`) : '');
    }
    return { month: name, days: row };
  });
}
