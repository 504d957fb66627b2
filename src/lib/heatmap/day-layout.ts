// Day calendar layout, GitHub style: one calendar per year, weeks as columns, weekdays as rows.
// All date arithmetic is in UTC (d3 utc intervals) on days parsed from their `YYYY-MM-DD` keys, so
// no time zone or DST can move a day.
import { utcDay, utcMonday, utcSaturday, utcSunday } from 'd3-time';
import type { Metric, WeekStart } from './settings.ts';
import { DAY_KEY } from '../content-schema.ts';
import type { Cell, HeatmapLayout, Label } from './layout.ts';
import { axisNames } from '../i18n/chart-labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { dayOfYear, daysInMonth, isLeapYear } from '../calendar.ts';
import { heatBins, type BinScale } from './scale.ts';

export interface DayValue {
  date: string;
  count: number;
  features?: number;
}

const DAY_CELL = 10;
const GAP = 2;
const STEP = DAY_CELL + GAP;
// Room for the weekday names and, above them, the year, kept apart from the "Jan" of the first column.
const LEFT = 34;
/** Each week start's d3 interval. */
const WEEKS = { monday: utcMonday, sunday: utcSunday, saturday: utcSaturday } as const;
/** Each week start's weekday (0 = Sunday). */
export const FIRST_WEEKDAY = { monday: 1, sunday: 0, saturday: 6 } as const;
// Room above the first row: the year and the month names sit there, clear of the first weekday name.
const TOP = 18;

/** Returns the `YYYY-MM-DD` key of a UTC date, from its UTC parts. */
export function dateToDay(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Returns the value of a day for a metric (features default to 0 when the CSV has no features column). */
export function dayMetric(d: DayValue, metric: Metric): number {
  return metric === 'commits' ? d.count : (d.features ?? 0);
}

/** A day cell's title: the day without its year (the calendar shows that) and its counts. */
export function dayCellTitle(d: DayValue, l: Locale): string {
  const commits = l.t('count.commits', { count: d.count });
  return d.features === undefined
    ? l.t('heatmap.dayCell', { day: l.dayInYear(d.date), commits })
    : l.t('heatmap.dayCellFeatures', { day: l.dayInYear(d.date), commits, features: l.t('count.features', { count: d.features }) });
}

/** A calendar's summary for screen readers: its `title`, the metric's total over the days with data, and the busiest day. */
export function daySummary(l: Locale, title: string, metric: Metric, total: number, daysWithData: number, busiest: DayValue | undefined): string {
  return busiest
    ? l.t('heatmap.daySummary', {
        title,
        total: l.t(`count.${metric}`, { count: total }),
        days: l.t('count.prep.days', { count: daysWithData }),
        busiest: l.dayShort(busiest.date),
        value: dayMetric(busiest, metric),
      })
    : l.t('heatmap.daySummaryEmpty', { title });
}

/** Returns the years that have days, newest first. */
export function dayYears(days: readonly DayValue[]): number[] {
  return [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => b - a);
}

/** Returns the number written in `s[from … to)`, which must be ASCII digits. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** A year's days indexed by day of the year (0 = Jan 1); undefined where the series has no data. */
type YearDays = (DayValue | undefined)[];

const byYearCache = new WeakMap<readonly DayValue[], Map<number, YearDays>>();

/**
 * Groups days by year once per series, indexed by day of the year (checking keys, calendar days and
 * repeats), so laying out N years reads the series once and the layout looks days up by position.
 */
function daysByYear(days: readonly DayValue[]): Map<number, YearDays> {
  let grouped = byYearCache.get(days);
  if (grouped) return grouped;
  grouped = new Map();
  for (const d of days) {
    const key = d.date;
    if (!DAY_KEY.test(key)) throw new Error(`day heatmap: expected a day as YYYY-MM-DD, found "${key}"`);
    // Digits read by char code: Number(key.slice()) three times per day was most of this loop's cost.
    const year = digits(key, 0, 4);
    const m = digits(key, 5, 7) - 1;
    const day = digits(key, 8, 10);
    if (m < 0 || m > 11 || day < 1 || day > daysInMonth(year, m + 1)) throw new Error(`day heatmap: expected a calendar day, found "${key}"`);
    let inYear = grouped.get(year);
    if (!inYear) grouped.set(year, (inYear = new Array<DayValue | undefined>(isLeapYear(year) ? 366 : 365)));
    const index = dayOfYear(year, m + 1, day);
    if (inYear[index]) throw new Error(`day heatmap: expected each day once, found ${key} twice`);
    inYear[index] = d;
  }
  byYearCache.set(days, grouped);
  return grouped;
}

/** Returns the day calendar layout of one year; throws on a bad or repeated day key. */
export function layoutDayYear(
  days: readonly DayValue[],
  year: number,
  options: { weekStart: WeekStart; locale: Locale; metric?: Metric; scale?: BinScale },
): HeatmapLayout {
  const metric = options.metric ?? 'commits';
  const l = options.locale;
  // Month names start at their first week and keep 2 px apart (a month spans four weeks at least);
  // weekday names end 4 px before the first column.
  const names = axisNames(l, 4 * STEP - 2, LEFT - 4);
  const byDay = daysByYear(days).get(year);
  const scale = options.scale ?? heatBins(days.map((d) => dayMetric(d, metric)));
  const week = WEEKS[options.weekStart];
  const firstWeekday = FIRST_WEEKDAY[options.weekStart];
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  // Columns = week boundaries after Jan 1 up to Dec 31, plus the first (partial) week.
  const columns = week.count(start, utcDay.offset(end, -1)) + 1;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const jan1Weekday = start.getUTCDay();

  const cells: Cell[] = [];
  const labels: Label[] = [{ x: LEFT - 6, y: TOP - 6, text: names.year(year), anchor: 'end' }];
  let inYear = 0;
  let total = 0;
  let busiest: DayValue | undefined;
  let busiestValue = -1;
  // Walk the calendar by month and day number (no Date per day: this is the hot loop of a
  // 10-year calendar). Jan 1 sits in column 0; each later first day of a week opens the next column.
  let col = 0;
  let i = 0;
  let weekday = jan1Weekday;
  let row = (weekday - firstWeekday + 7) % 7;
  for (let m = 0; m < 12; m++) {
    const last = daysInMonth(year, m + 1);
    const monthPrefix = `${prefix}${m < 9 ? '0' : ''}${m + 1}-`;
    const monthName = names.months[m]!;
    for (let day = 1; day <= last; day++, i++) {
      if (i > 0) {
        weekday = weekday === 6 ? 0 : weekday + 1;
        row = row === 6 ? 0 : row + 1;
        if (row === 0) col++;
      }
      const x = LEFT + col * STEP;
      // A month's name sits over its first whole week: over the week of its 1st it would also stand over
      // the last days of the month before. January's 1st has no month before it in the calendar.
      if (day === 1) labels.push({ x: row === 0 || m === 0 ? x : x + STEP, y: TOP - 6, text: monthName, anchor: 'start' });
      const d = byDay?.[i];
      if (d) {
        const v = metric === 'commits' ? d.count : (d.features ?? 0);
        cells.push({ x, y: TOP + row * STEP, key: d.date, level: scale.level(v), title: dayCellTitle(d, l) });
        inYear++;
        total += v;
        if (v > busiestValue) {
          busiest = d;
          busiestValue = v;
        }
      } else {
        cells.push({ x, y: TOP + row * STEP, key: `${monthPrefix}${day < 10 ? '0' : ''}${day}`, level: null });
      }
    }
  }
  if (col + 1 !== columns) throw new Error(`day heatmap: internal error, ${col + 1} columns laid out for ${columns} weeks in ${year}`);
  // Monday's, Wednesday's and Friday's names, on whichever rows they are, as GitHub does.
  for (const wd of [1, 3, 5]) {
    const r = (wd - firstWeekday + 7) % 7;
    labels.push({ x: LEFT - 4, y: TOP + r * STEP + DAY_CELL - 1, text: names.weekdays[wd]!, anchor: 'end' });
  }
  const summary = daySummary(l, l.t(`heatmap.perDayIn.${metric}`, { year: l.year(year) }), metric, total, inYear, busiest);
  // A weekday name on the last row (weeks from Saturday: Friday's) needs room below it for descenders.
  const bottom = firstWeekday === 6 ? 3 : 0;
  return { kind: 'day', width: LEFT + columns * STEP - GAP, height: TOP + 7 * STEP - GAP + bottom, cell: DAY_CELL, cells, labels, summary, bins: scale.bins };
}
