// One month's days as a small calendar for its month page: a column per weekday (from the locale's week
// start), a row per week, each day with data titled with its counts, on the profile's day scale so its
// colours are the calendars' own. Days are calendar days from their `YYYY-MM-DD` keys (no Date per day
// is read in local time).
import { DAY_KEY } from '../content-schema.ts';
import { daysInMonth } from '../calendar.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Cell, HeatmapLayout, Label } from './layout.ts';
import { dayCellTitle, dayMetric, daySummary, FIRST_WEEKDAY, type DayValue } from './day-layout.ts';
import { heatBins, type BinScale } from './scale.ts';
import type { Metric, WeekStart } from './settings.ts';

const CELL = 22;
const STEP = CELL + 4;
/** Room above the first row for the weekday initials. */
const TOP = 16;

/** Returns the layout of `month`'s (`YYYY-MM`) days; throws on a bad month key. */
export function layoutMonthDays(
  days: readonly DayValue[],
  month: string,
  options: { weekStart: WeekStart; locale: Locale; metric?: Metric; scale?: BinScale },
): HeatmapLayout {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`month days: expected a month as YYYY-MM, found "${month}"`);
  const l = options.locale;
  const metric = options.metric ?? 'commits';
  const scale = options.scale ?? heatBins(days.map((d) => dayMetric(d, metric)));
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const byDate = new Map(days.filter((d) => d.date.startsWith(`${month}-`) && DAY_KEY.test(d.date)).map((d) => [d.date, d]));
  const first = FIRST_WEEKDAY[options.weekStart];
  // Weekday of the 1st (0 = Sunday), by the UTC calendar.
  const weekdayOf1 = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
  const offset = (weekdayOf1 - first + 7) % 7;
  const last = daysInMonth(year, m);
  const labels: Label[] = Array.from({ length: 7 }, (_, c) => ({
    x: c * STEP + CELL / 2,
    y: TOP - 5,
    text: l.weekday((first + c) % 7, 'narrow'),
    anchor: 'middle' as const,
  }));
  const cells: Cell[] = [];
  let total = 0;
  let busiest: DayValue | undefined;
  for (let day = 1; day <= last; day++) {
    const slot = offset + day - 1;
    const date = `${month}-${day < 10 ? '0' : ''}${day}`;
    const d = byDate.get(date);
    const x = (slot % 7) * STEP;
    const y = TOP + Math.floor(slot / 7) * STEP;
    if (!d) {
      cells.push({ x, y, key: date, level: null });
      continue;
    }
    const v = dayMetric(d, metric);
    total += v;
    if (!busiest || v > dayMetric(busiest, metric)) busiest = d;
    cells.push({ x, y, key: date, level: scale.level(v), title: dayCellTitle(d, l) });
  }
  const rows = Math.ceil((offset + last) / 7);
  const summary = daySummary(l, l.t(`heatmap.perDayInMonth.${metric}`, { month: l.monthLong(month) }), metric, total, byDate.size, busiest);
  return { kind: 'day', width: 7 * STEP - 4, height: TOP + rows * STEP - 4, cell: CELL, cells, labels, summary, bins: scale.bins };
}
