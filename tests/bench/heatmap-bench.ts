// Benchmark of the day heatmap: lay out and serialize ten years of daily data (every day present,
// the worst case for size since every cell then carries a title), report time and SVG bytes per cell.
// It draws each year through dayCalendar with nextChartId, as the profile and year pages do, so the ids and bytes are
// the page's own.
// Run alone: `npx node tests/bench/heatmap-bench.ts`; tests/bench/run.ts calls benchHeatmap().
import { performance } from 'node:perf_hooks';
import { utcDay } from 'd3-time';
import { dateToDay, dayYears, type DayValue } from '../../src/lib/heatmap/day-layout.ts';
import { dayCalendar } from '../../src/lib/heatmap/day-calendars.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';
import { nextChartId } from '../../src/lib/heatmap/ids.ts';

/** Returns ten years of skewed daily counts, deterministic (a fixed-seed generator). */
export function tenYearsOfDays(): DayValue[] {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return utcDay.range(new Date(Date.UTC(2016, 0, 1)), new Date(Date.UTC(2026, 0, 1))).map((d) => {
    const r = rnd();
    const count = r < 0.3 ? 0 : Math.max(1, Math.round(Math.exp(0.6 + 1.1 * (rnd() - 0.5) * 3)));
    return { date: dateToDay(d), count };
  });
}

function once(series: DayValue[]): string {
  // A fresh array each run, so the per-series grouping cache of the layout does not hide its cost.
  const days = series.slice();
  // A fresh page: its month chart takes the first id, as on the profile page.
  const page = {};
  nextChartId(page);
  const locale = createLocale('en', { weekStart: 'monday' });
  let svg = '';
  for (const year of dayYears(days)) svg += dayCalendar(days, year, locale, () => nextChartId(page)).svg;
  return svg;
}

/** Returns the median (and fastest) time to lay out and serialize a 10-year daily heatmap, and its bytes per cell. */
export async function benchHeatmap(): Promise<{ layoutAndSerializeMs: number; fastestMs: number; bytesPerCell: number; cells: number }> {
  const days = tenYearsOfDays();
  for (let i = 0; i < 30; i++) once(days); // warm up the JIT
  const times: number[] = [];
  let svg = once(days);
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    svg = once(days);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // Every cell of a page calendar is one <use> (no legend is drawn in the SVG).
  const cells = svg.split('<use ').length - 1;
  if (cells !== days.length) throw new Error(`heatmap bench: expected ${days.length} cells, found ${cells}`);
  return {
    layoutAndSerializeMs: Math.round(times[times.length >> 1]! * 100) / 100,
    fastestMs: Math.round(times[0]! * 100) / 100,
    bytesPerCell: Math.round((Buffer.byteLength(svg, 'utf8') / cells) * 10) / 10,
    cells,
  };
}

if (import.meta.main) {
  const r = await benchHeatmap();
  console.log(
    `heatmap: 10-year daily layout+serialize ${r.layoutAndSerializeMs} ms (median of 21, fastest ${r.fastestMs}; aim < 5 ms), ${r.bytesPerCell} bytes/cell over ${r.cells} cells (aim < 80)`,
  );
}
