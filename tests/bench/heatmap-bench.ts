// Benchmark of the day heatmap: lay out and serialize ten years of daily data (every day present,
// the worst case for size since every cell then carries a title), report time and SVG bytes per cell.
// Run alone: `npx node tests/bench/heatmap-bench.ts`; tests/bench/run.ts calls benchHeatmap().
import { performance } from 'node:perf_hooks';
import { utcDay } from 'd3-time';
import { dateToDay, dayYears, layoutDayYear, type DayValue } from '../../src/lib/heatmap/day-layout.ts';
import { heatBins } from '../../src/lib/heatmap/scale.ts';
import { heatmapSvg } from '../../src/lib/heatmap/svg.ts';

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

function once(series: DayValue[]): { svg: string; cells: number } {
  // A fresh array each run, so the per-series grouping cache of the layout does not hide its cost.
  const days = series.slice();
  const scale = heatBins(days.map((d) => d.count));
  let svg = '';
  let cells = 0;
  for (const year of dayYears(days)) {
    const layout = layoutDayYear(days, year, { weekStart: 'monday', scale });
    cells += layout.cells.length;
    svg += heatmapSvg(layout, { id: 'c' });
  }
  return { svg, cells };
}

/** Returns the median time to lay out and serialize a 10-year daily heatmap, and its bytes per cell. */
export async function benchHeatmap(): Promise<{ layoutAndSerializeMs: number; bytesPerCell: number; cells: number }> {
  const days = tenYearsOfDays();
  for (let i = 0; i < 30; i++) once(days); // warm up the JIT
  const times: number[] = [];
  let result = once(days);
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    result = once(days);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const bytes = Buffer.byteLength(result.svg, 'utf8');
  return {
    layoutAndSerializeMs: Math.round(times[times.length >> 1]! * 100) / 100,
    bytesPerCell: Math.round((bytes / result.cells) * 10) / 10,
    cells: result.cells,
  };
}

if (import.meta.main) {
  const r = await benchHeatmap();
  console.log(`heatmap: 10-year daily layout+serialize ${r.layoutAndSerializeMs} ms (median of 21; aim < 5 ms), ${r.bytesPerCell} bytes/cell over ${r.cells} cells (aim < 80)`);
}
