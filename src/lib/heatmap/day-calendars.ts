// A year's day calendar, as the profile page (its latest year) and each year in review draw it: one
// scale per metric over the whole series (so years compare from page to page), both metrics drawn
// into one SVG when the days count features (the page's switch picks the colours), commits alone
// when they do not.
import type { Locale } from '../i18n/locale.ts';
import type { Metric } from './settings.ts';
import { dayMetric, layoutDayYear, type DayValue } from './day-layout.ts';
import { heatBins, type Bin, type BinScale } from './scale.ts';
import type { HeatmapLayout } from './layout.ts';
import { heatmapSvg } from './svg.ts';
import { layoutMonthDays } from './month-days.ts';

export interface DayCalendar {
  year: number;
  svg: string;
  /** Legend bins of each metric drawn: features only when the days count them. */
  bins: { commits: Bin[]; features?: Bin[] };
}

/** The metrics a series of days can show: features too when any day counts them. */
function dayMetrics(days: readonly DayValue[]): Metric[] {
  return days.some((d) => d.features !== undefined) ? ['commits', 'features'] : ['commits'];
}

/** The days laid out by `layout` for each metric they count, on each metric's scale over all the days, drawn as one SVG with the legend bins. */
function drawnOnce(days: readonly DayValue[], nextId: () => string, layout: (metric: Metric, scale: BinScale) => HeatmapLayout): Omit<DayCalendar, 'year'> {
  const [first, second] = dayMetrics(days).map((metric) => {
    const scale = heatBins(days.map((d) => dayMetric(d, metric)));
    return { bins: scale.bins, layout: layout(metric, scale) };
  });
  return {
    svg: heatmapSvg(first!.layout, { id: nextId(), ...(second ? { second: second.layout } : {}) }),
    bins: { commits: first!.bins, ...(second ? { features: second.bins } : {}) },
  };
}

/** Returns `year`'s calendar of `days`, weeks starting on the locale's week start; `nextId` gives the chart its page-unique id. */
export function dayCalendar(days: readonly DayValue[], year: number, locale: Locale, nextId: () => string): DayCalendar {
  return { year, ...drawnOnce(days, nextId, (metric, scale) => layoutDayYear(days, year, { weekStart: locale.weekStart, locale, metric, scale })) };
}

/** Returns `month`'s (`YYYY-MM`) days as a small calendar for its month page, drawn like the year's (both metrics when the days count features). */
export function monthDayGrid(days: readonly DayValue[], month: string, locale: Locale, nextId: () => string): Omit<DayCalendar, 'year'> {
  return drawnOnce(days, nextId, (metric, scale) => layoutMonthDays(days, month, { weekStart: locale.weekStart, locale, metric, scale }));
}

/** The metrics a calendar's page shows a title and legend for, each with its bins and the class the metric switch shows it by (none when commits are the only metric). */
export function legendsOf(bins: DayCalendar['bins']): { metric: Metric; bins: Bin[]; className: string | undefined }[] {
  return bins.features
    ? [
        { metric: 'commits', bins: bins.commits, className: 'for-commits' },
        { metric: 'features', bins: bins.features, className: 'for-features' },
      ]
    : [{ metric: 'commits', bins: bins.commits, className: undefined }];
}
