// A year's day calendar, as the profile page (its latest year) and each year in review draw it: one
// scale per metric over the whole series (so years compare from page to page), both metrics drawn
// into one SVG when the days count features (the page's switch picks the colours), commits alone
// when they do not.
import type { Locale } from '../i18n/locale.ts';
import type { Metric } from './settings.ts';
import { dayMetric, layoutDayYear, type DayValue } from './day-layout.ts';
import { heatBins, type Bin } from './scale.ts';
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

/** Returns `year`'s calendar of `days`, weeks starting on the locale's week start; `nextId` gives the chart its page-unique id. */
export function dayCalendar(days: readonly DayValue[], year: number, locale: Locale, nextId: () => string): DayCalendar {
  const [first, second] = dayMetrics(days).map((metric) => {
    const scale = heatBins(days.map((d) => dayMetric(d, metric)));
    return { bins: scale.bins, layout: layoutDayYear(days, year, { weekStart: locale.weekStart, locale, metric, scale }) };
  });
  return {
    year,
    svg: heatmapSvg(first!.layout, { id: nextId(), ...(second ? { second: second.layout } : {}) }),
    bins: { commits: first!.bins, ...(second ? { features: second.bins } : {}) },
  };
}

/** Returns `month`'s (`YYYY-MM`) days as a small calendar for its month page, drawn like the year's (both metrics when the days count features). */
export function monthDayGrid(days: readonly DayValue[], month: string, locale: Locale, nextId: () => string): Omit<DayCalendar, 'year'> {
  const [first, second] = dayMetrics(days).map((metric) => {
    const scale = heatBins(days.map((d) => dayMetric(d, metric)));
    return { bins: scale.bins, layout: layoutMonthDays(days, month, { weekStart: locale.weekStart, locale, metric, scale }) };
  });
  return {
    svg: heatmapSvg(first!.layout, { id: nextId(), ...(second ? { second: second.layout } : {}) }),
    bins: { commits: first!.bins, ...(second ? { features: second.bins } : {}) },
  };
}
