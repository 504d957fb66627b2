// When the work was done: a weekday × hour grid (Monday first, hours 0–23 of the author's own clock),
// coloured by the heatmaps' quantile bins and drawn by the heatmap serializer.
import { HOUR_WEEKDAYS } from '../content-schema.ts';
import { axisNames } from '../i18n/chart-labels.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Cell, HeatmapLayout, Label } from '../heatmap/layout.ts';
import { heatBins } from '../heatmap/scale.ts';

const CELL = 14;
const GAP = 2;
const STEP = CELL + GAP;
const LEFT = 34;
const TOP = 16;

const pad = (h: number): string => String(h).padStart(2, '0');

/** The grid's layout: a cell per weekday and hour, weekday names on the left, every third hour on top. */
export function layoutHourGrid(grid: readonly (readonly number[])[], year: number, l: Locale): HeatmapLayout {
  const scale = heatBins(grid.flat());
  // Rows are Monday first; the locale's names are Sunday first.
  const weekdays = axisNames(l, 0, LEFT - 4).weekdays;
  const dayName = (d: number): string => weekdays[(d + 1) % 7]!;
  const hour = (h: number): string => l.number(h).padStart(2, l.number(0));
  const cells: Cell[] = [];
  grid.forEach((row, d) => {
    row.forEach((k, h) => {
      cells.push({
        x: LEFT + h * STEP,
        y: TOP + d * STEP,
        key: `${HOUR_WEEKDAYS[d]}${pad(h)}`,
        level: scale.level(k),
        title: l.t('chart.hourCell', {
          weekday: l.weekday((d + 1) % 7, 'short'),
          from: `${hour(h)}:${hour(0)}`,
          to: `${hour(h)}:${l.number(59)}`,
          commits: l.t('count.commits', { count: k }),
        }),
      });
    });
  });
  const labels: Label[] = [
    ...HOUR_WEEKDAYS.map((_, d): Label => ({ x: LEFT - 4, y: TOP + d * STEP + CELL - 3, text: dayName(d), anchor: 'end' })),
    ...[0, 3, 6, 9, 12, 15, 18, 21].map((h): Label => ({ x: LEFT + h * STEP + CELL / 2, y: TOP - 5, text: hour(h), anchor: 'middle' })),
  ];
  const total = grid.flat().reduce((s, k) => s + k, 0);
  let busiest = { d: 0, h: 0, k: -1 };
  grid.forEach((row, d) => row.forEach((k, h) => (k > busiest.k ? (busiest = { d, h, k }) : undefined)));
  return {
    kind: 'month',
    width: LEFT + 24 * STEP - GAP,
    height: TOP + 7 * STEP - GAP,
    cell: CELL,
    cells,
    labels,
    summary: l.t('chart.hourSummary', {
      year: l.year(year),
      commits: l.t('count.commits', { count: total }),
      weekday: l.weekday((busiest.d + 1) % 7, 'short'),
      hour: `${hour(busiest.h)}:${hour(0)}`,
      value: busiest.k,
    }),
    bins: scale.bins,
  };
}
