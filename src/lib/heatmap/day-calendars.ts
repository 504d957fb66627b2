// The day calendars of a profile page for one metric: one scale over the whole series (so years
// compare), then one SVG per year, newest first. The profile page and the bench both draw through it.
import type { Locale } from '../i18n/locale.ts';
import type { Metric } from './settings.ts';
import { dayMetric, dayYears, layoutDayYear, type DayValue } from './day-layout.ts';
import { heatBins, type Bin } from './scale.ts';
import { heatmapSvg } from './svg.ts';

export interface DayCalendars {
  /** Legend bins, shared by every year. */
  bins: Bin[];
  years: { year: number; svg: string }[];
}

/** Returns the legend bins and the SVG of each year's calendar (newest first), weeks starting on the locale's week start; `nextId` gives each chart its page-unique id. */
export function dayCalendars(days: readonly DayValue[], metric: Metric, locale: Locale, nextId: () => string): DayCalendars {
  const scale = heatBins(days.map((d) => dayMetric(d, metric)));
  return {
    bins: scale.bins,
    years: dayYears(days).map((year) => ({
      year,
      svg: heatmapSvg(layoutDayYear(days, year, { weekStart: locale.weekStart, locale, metric, scale }), { id: nextId() }),
    })),
  };
}
