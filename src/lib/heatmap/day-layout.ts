// Day calendar layout, GitHub style: one calendar per year, weeks as columns, weekdays as rows.
// All date arithmetic is in UTC (d3 utc intervals) on days parsed from their `YYYY-MM-DD` keys, so
// no time zone or DST can move a day.
import { utcDay, utcMonday, utcSunday } from 'd3-time';
import type { Metric, WeekStart } from '../site-config.ts';
import { DAY_KEY } from '../content-schema.ts';
import { MONTH_NAMES, WEEKDAY_NAMES, plural, type Cell, type HeatmapLayout, type Label } from './layout.ts';
import { heatBins, type BinScale } from './scale.ts';

export interface DayValue {
  date: string;
  count: number;
  features?: number;
}

export const DAY_CELL = 10;
const GAP = 2;
const STEP = DAY_CELL + GAP;
const LEFT = 28;
const TOP = 14;

/** Returns the UTC midnight of a `YYYY-MM-DD` key. */
export function dayToDate(key: string): Date {
  return new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))));
}

/** Returns the `YYYY-MM-DD` key of a UTC date, from its UTC parts. */
export function dateToDay(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Returns "Tue 3 Sep 2025" for "2025-09-03". */
export function dayName(key: string): string {
  return dateName(dayToDate(key));
}

function dateName(d: Date): string {
  return `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Returns the value of a day for a metric (features default to 0 when the CSV has no features column). */
export function dayMetric(d: DayValue, metric: Metric): number {
  return metric === 'commits' ? d.count : (d.features ?? 0);
}

/** Returns the years that have days, newest first. */
export function dayYears(days: readonly DayValue[]): number[] {
  return [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => b - a);
}

const byYearCache = new WeakMap<readonly DayValue[], Map<number, Map<string, DayValue>>>();

/** Groups days by year once per series (checking keys and repeats), so laying out N years reads the series once. */
function daysByYear(days: readonly DayValue[]): Map<number, Map<string, DayValue>> {
  let grouped = byYearCache.get(days);
  if (grouped) return grouped;
  grouped = new Map();
  for (const d of days) {
    if (!DAY_KEY.test(d.date)) throw new Error(`day heatmap: expected a day as YYYY-MM-DD, found "${d.date}"`);
    const year = Number(d.date.slice(0, 4));
    let inYear = grouped.get(year);
    if (!inYear) grouped.set(year, (inYear = new Map()));
    if (inYear.has(d.date)) throw new Error(`day heatmap: expected each day once, found ${d.date} twice`);
    inYear.set(d.date, d);
  }
  byYearCache.set(days, grouped);
  return grouped;
}

/** Returns the day calendar layout of one year; throws on a bad or repeated day key. */
export function layoutDayYear(
  days: readonly DayValue[],
  year: number,
  options: { weekStart: WeekStart; metric?: Metric; scale?: BinScale },
): HeatmapLayout {
  const metric = options.metric ?? 'commits';
  const byKey = daysByYear(days).get(year) ?? new Map<string, DayValue>();
  const scale = options.scale ?? heatBins(days.map((d) => dayMetric(d, metric)));
  const week = options.weekStart === 'monday' ? utcMonday : utcSunday;
  const firstWeekday = options.weekStart === 'monday' ? 1 : 0;
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  // Columns = week boundaries after Jan 1 up to Dec 31, plus the first (partial) week.
  const columns = week.count(start, utcDay.offset(end, -1)) + 1;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const jan1Weekday = start.getUTCDay();

  const cells: Cell[] = [];
  const labels: Label[] = [{ x: 0, y: TOP - 4, text: String(year), anchor: 'start' }];
  let inYear = 0;
  let total = 0;
  let busiest: DayValue | undefined;
  // Walk the calendar by month and day number (no Date per day: this is the hot loop of a
  // 10-year calendar). Jan 1 sits in column 0; each later first day of a week opens the next column.
  let col = 0;
  let i = 0;
  for (let m = 0; m < 12; m++) {
    const last = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const mm = m < 9 ? `0${m + 1}` : String(m + 1);
    for (let day = 1; day <= last; day++, i++) {
      const weekday = (jan1Weekday + i) % 7;
      const row = (weekday - firstWeekday + 7) % 7;
      if (row === 0 && i > 0) col++;
      const x = LEFT + col * STEP;
      const key = `${prefix}${mm}-${day < 10 ? `0${day}` : day}`;
      if (day === 1) labels.push({ x, y: TOP - 4, text: MONTH_NAMES[m]!, anchor: 'start' });
      const d = byKey.get(key);
      const cell: Cell = { x, y: TOP + row * STEP, key, level: null };
      if (d) {
        const v = dayMetric(d, metric);
        cell.level = scale.level(v);
        cell.title = `${WEEKDAY_NAMES[weekday]} ${day} ${MONTH_NAMES[m]} ${year}: ${plural(d.count, 'commit')}${d.features === undefined ? '' : `, ${plural(d.features, 'feature')}`}`;
        inYear++;
        total += v;
        if (!busiest || v > dayMetric(busiest, metric)) busiest = d;
      }
      cells.push(cell);
    }
  }
  if (col + 1 !== columns) throw new Error(`day heatmap: internal error, ${col + 1} columns laid out for ${columns} weeks in ${year}`);
  // Weekday labels on every other row, as GitHub does: Mon, Wed, Fri.
  for (const weekday of [1, 3, 5]) {
    const row = (weekday - firstWeekday + 7) % 7;
    labels.push({ x: LEFT - 4, y: TOP + row * STEP + DAY_CELL - 1, text: WEEKDAY_NAMES[weekday]!, anchor: 'end' });
  }
  const noun = metric === 'commits' ? 'commit' : 'feature';
  const summary = inYear
    ? `${metric === 'commits' ? 'Commits' : 'Features'} per day in ${year}: ${plural(total, noun)} on ${plural(inYear, 'day')} with data; busiest ${dayName(busiest!.date)} (${dayMetric(busiest!, metric)}).`
    : `${metric === 'commits' ? 'Commits' : 'Features'} per day in ${year}: no days with data.`;
  return { width: LEFT + columns * STEP - GAP, height: TOP + 7 * STEP - GAP, cell: DAY_CELL, cells, labels, summary, bins: scale.bins };
}
