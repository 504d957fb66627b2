// Colour bins for the heatmaps: which level (b0 … b4) a count gets, the legend ranges, and the
// light/dark palettes drawn from d3-scale-chromatic.
//
// Scale choice, measured (tests/lib/heatmap-scale.test.ts re-measures it on every run). Spread =
// Shannon entropy in bits of how cells fall into the four positive levels (2.0 = perfectly even).
// - Example profile months (2, 3, 3, 8, 8, 10, 10, 12, 15, 21, 36, 64, 78): quantize over sqrt gives
//   1–8 | 9–24 | 25–47 | 48–78, spread 1.76; quantile gives 1–7 | 8–9 | 10–20 | 21–78, spread 1.95.
// - Skewed daily series (log-normal, 365 days, median 2, a few days of 30–110): quantize over sqrt
//   puts 1, 2 and 3 in the same level and ~95 % of days in the first bin (spread 0.22–0.96: the
//   calendar is one colour); quantile gives 1 | 2 | 3–109 (spread 1.50–1.57), i.e. it separates the
//   small values, which is what a reader compares day to day.
// We use quantile: it separates small values on both. Its costs, accepted: tied values can merge
// levels (then the legend shows fewer bins; no level is ever empty in the legend), and the ranges
// are uneven (the legend states them).
import { scaleQuantize, scaleThreshold } from 'd3-scale';
import { max, quantileSorted } from 'd3-array';
import { interpolateBlues, interpolateGreens, interpolateGreys, interpolateOranges, interpolatePurples, interpolateReds } from 'd3-scale-chromatic';
import type { HeatmapScheme } from './settings.ts';

/** Number of colour levels for positive counts (b1 … b4); b0 is zero, `e` is no entry. */
export const LEVELS = 4;

/** A legend entry: level `level` (class `b<level>`) covers the counts lo … hi. */
export interface Bin {
  level: number;
  lo: number;
  hi: number;
}

export interface BinScale {
  /** The level of a count: 0 for zero, 1 … LEVELS for positive counts. */
  level(value: number): number;
  /** The legend: b0 (zero) then every non-empty positive level, ascending. */
  bins: Bin[];
}

/** Returns the colour bins the heatmaps use for `values` (quantile, see the top of this file). */
export function heatBins(values: readonly number[]): BinScale {
  return quantileBins(values);
}

/** Returns quantize-over-sqrt bins of `values`; kept to re-measure the scale choice against quantile. */
export function sqrtQuantizeBins(values: readonly number[]): BinScale {
  const top = max(values) ?? 0;
  const q = scaleQuantize<number>()
    .domain([1, Math.sqrt(Math.max(top, 1))])
    .range([1, 2, 3, 4]);
  return fromLevel((v) => q(Math.sqrt(v)), top);
}

/** Returns quantile bins over the positive `values`. */
export function quantileBins(values: readonly number[]): BinScale {
  // What d3's scaleQuantile computes (thresholds = quantileSorted at 1/4, 2/4, 3/4, levels by
  // bisectRight), but sorted as a Float64Array: scaleQuantile's comparator sort of a 10-year daily
  // series was the biggest single cost of drawing its calendars.
  const positive = Float64Array.from(values.filter((v) => v > 0)).sort();
  const sorted = positive.length ? positive : Float64Array.of(1);
  // quantileSorted only indexes its argument; @types/d3-array just does not list typed arrays.
  const thresholds = [1, 2, 3].map((i) => quantileSorted(sorted as unknown as number[], i / LEVELS)!);
  const q = scaleThreshold<number, number>().domain(thresholds).range([1, 2, 3, 4]);
  return fromLevel((v) => q(v), positive.length ? positive[positive.length - 1]! : 0);
}

/** Builds a BinScale from a monotone level function on positive integers up to `top`. */
function fromLevel(positiveLevel: (v: number) => number, top: number): BinScale {
  const level = (v: number): number => (v <= 0 ? 0 : positiveLevel(v));
  const bins: Bin[] = [{ level: 0, lo: 0, hi: 0 }];
  if (top >= 1) {
    // Smallest integer in [1, top] whose level is at least k, by binary search (no float rounding).
    // The midpoint by division, not `>> 1`: that works on 32 bits, and a count above 2^30 (a team's
    // sum can be one) made it negative and the search endless. Exact for every safe integer.
    const firstAtLeast = (k: number): number => {
      let lo = 1;
      let hi = top + 1;
      while (lo < hi) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (level(mid) >= k) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    for (let k = 1; k <= LEVELS; k++) {
      const lo = firstAtLeast(k);
      const hi = k === LEVELS ? top : firstAtLeast(k + 1) - 1;
      if (lo <= hi && level(lo) === k) bins.push({ level: k, lo, hi: Math.max(lo, hi) });
    }
  }
  return { level, bins };
}

const INTERPOLATORS: Record<HeatmapScheme, (t: number) => string> = {
  greens: interpolateGreens,
  blues: interpolateBlues,
  purples: interpolatePurples,
  oranges: interpolateOranges,
  reds: interpolateReds,
  greys: interpolateGreys,
};

/** Colours of one theme: `levels[0]` is zero, `levels[1…4]` the positive bins. */
export interface ThemeColours {
  background: string;
  text: string;
  /** Dashed outline of a month without an entry (3:1 against the background: it carries meaning). */
  emptyStroke: string;
  /** Faint solid outline of a day without data in a calendar: quieter than a month's missing entry. */
  noDataStroke: string;
  levels: string[];
}

/** Where along the interpolator each positive level sits: darker = more on light, brighter = more on dark. */
const LIGHT_T = [0.3, 0.5, 0.7, 0.9];
const DARK_T = [0.92, 0.72, 0.52, 0.32];

/** Returns the light and dark colours for a scheme (backgrounds are those the legend text is checked against). */
export function palette(scheme: HeatmapScheme): { light: ThemeColours; dark: ThemeColours } {
  const f = INTERPOLATORS[scheme];
  return {
    light: { background: '#ffffff', text: '#57606a', emptyStroke: '#8c959f', noDataStroke: '#d1d9e0', levels: ['#ebedf0', ...LIGHT_T.map((t) => toHex(f(t)))] },
    dark: { background: '#0d1117', text: '#9198a1', emptyStroke: '#6e7681', noDataStroke: '#3d444d', levels: ['#262c36', ...DARK_T.map((t) => toHex(f(t)))] },
  };
}

/**
 * Returns the CSS custom properties (--heat-0 … --heat-4, --heat-empty, --heat-none, --heat-text) for
 * both themes, scoped to `selector`. `follow` says what picks light or dark: 'color-scheme' (pages:
 * light-dark() values, so a forced appearance applies to the heatmaps too) or 'system' (the standalone
 * SVG, an image in READMEs: a prefers-color-scheme media query, which images also get and older
 * browsers understand).
 */
export function paletteCss(scheme: HeatmapScheme, selector: string, follow: 'color-scheme' | 'system' = 'color-scheme'): string {
  const { light, dark } = palette(scheme);
  const names = (c: ThemeColours): [string, string][] => [
    ...c.levels.map((hex, i): [string, string] => [`--heat-${i}`, hex]),
    ['--heat-empty', c.emptyStroke],
    ['--heat-none', c.noDataStroke],
    ['--heat-text', c.text],
  ];
  if (follow === 'system') {
    const vars = (c: ThemeColours): string =>
      names(c)
        .map(([n, v]) => `${n}:${v};`)
        .join('');
    return `${selector}{${vars(light)}}@media (prefers-color-scheme:dark){${selector}{${vars(dark)}}}`;
  }
  const darkValues = names(dark);
  return `${selector}{${names(light)
    .map(([n, v], i) => `${n}:light-dark(${v},${darkValues[i]![1]});`)
    .join('')}}`;
}

function toHex(colour: string): string {
  if (colour.startsWith('#')) return colour.toLowerCase();
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour);
  if (!m) throw new Error(`unexpected colour from d3-scale-chromatic: ${colour}`);
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}
