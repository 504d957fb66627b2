// When the work was done: a weekday × hour grid (Monday first, hours 0–23 of the author's own clock),
// coloured by the heatmaps' quantile bins and drawn by the heatmap serializer.
import { HOUR_WEEKDAYS } from '../content-schema.ts';
import { countLabel } from '../format.ts';
import type { Cell, HeatmapLayout, Label } from '../heatmap/layout.ts';
import { heatBins } from '../heatmap/scale.ts';

const CELL = 14;
const GAP = 2;
const STEP = CELL + GAP;
const LEFT = 34;
const TOP = 16;

const pad = (h: number): string => String(h).padStart(2, '0');

/** The grid's layout: a cell per weekday and hour, weekday names on the left, every third hour on top. */
export function layoutHourGrid(grid: readonly (readonly number[])[], year: number): HeatmapLayout {
  const scale = heatBins(grid.flat());
  const cells: Cell[] = [];
  grid.forEach((row, d) => {
    row.forEach((k, h) => {
      cells.push({
        x: LEFT + h * STEP,
        y: TOP + d * STEP,
        key: `${HOUR_WEEKDAYS[d]}${pad(h)}`,
        level: scale.level(k),
        title: `${HOUR_WEEKDAYS[d]} ${pad(h)}:00–${pad(h)}:59: ${countLabel(k, 'commit')}`,
      });
    });
  });
  const labels: Label[] = [
    ...HOUR_WEEKDAYS.map((day, d): Label => ({ x: LEFT - 4, y: TOP + d * STEP + CELL - 3, text: day, anchor: 'end' })),
    ...[0, 3, 6, 9, 12, 15, 18, 21].map((h): Label => ({ x: LEFT + h * STEP + CELL / 2, y: TOP - 5, text: pad(h), anchor: 'middle' })),
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
    summary: `Commits by weekday and hour in ${year}, in the author's own time: ${countLabel(total, 'commit')}; busiest ${HOUR_WEEKDAYS[busiest.d]} ${pad(busiest.h)}:00 (${busiest.k}).`,
    bins: scale.bins,
  };
}
