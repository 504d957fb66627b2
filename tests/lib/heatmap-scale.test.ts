import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { scaleQuantile } from 'd3-scale';
import { heatBins, palette, paletteCss, quantileBins, sqrtQuantizeBins } from '../../src/lib/heatmap/scale.ts';
import { contrastRatio } from '../../src/lib/theme/colour.ts';
import { HEATMAP_SCHEMES } from '../../src/lib/heatmap/settings.ts';
import { heatmapCss, heatmapPageCss, heatmapSvg } from '../../src/lib/heatmap/svg.ts';
import { layoutMonths } from '../../src/lib/heatmap/month-layout.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';
import { MAX_COUNT } from '../../src/lib/content-schema.ts';
import { addedUp } from '../../src/lib/team.ts';

const en = createLocale('en');

const example = [12, 2, 3, 36, 8, 21, 8, 10, 15, 10, 64, 78, 3];
/** Shannon entropy (bits) of how values spread over levels: the "spread" of the comment in scale.ts. */
const spread = (values: number[], level: (v: number) => number) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(level(v), (counts.get(level(v)) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / values.length) * Math.log2(n / values.length), 0);
};

describe('colour bins', () => {
  it('are the measured ones on the example profile (as the scale.ts comment states)', () => {
    expect(heatBins(example).bins.map((b) => en.numberRange(b.lo, b.hi))).toEqual(['0', '1–7', '8–9', '10–20', '21–78']);
    expect(sqrtQuantizeBins(example).bins.map((b) => en.numberRange(b.lo, b.hi))).toEqual(['0', '1–8', '9–24', '25–47', '48–78']);
    expect(spread(example, quantileBins(example).level)).toBeGreaterThan(spread(example, sqrtQuantizeBins(example).level));
  });
  it('quantileBins gives the levels d3 scaleQuantile gives over the positive values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { maxLength: 300 }), (values) => {
        const positive = values.filter((v) => v > 0);
        const d3 = scaleQuantile<number>()
          .domain(positive.length ? positive : [1])
          .range([1, 2, 3, 4]);
        const ours = quantileBins(values);
        for (let v = 0; v <= 501; v++) expect(ours.level(v)).toBe(v === 0 ? 0 : d3(v));
      }),
      { numRuns: 100 },
    );
  });
  it('quantile separates small values better than quantize-over-sqrt on skewed daily series (on average over 300 fixed-seed series)', () => {
    // Not true of every series (a series that is nearly all 1s has nothing to separate), so the
    // measured claim of scale.ts is about typical skewed series: compare the average spread.
    const series = fc.sample(
      fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 40, max: 120 }) }), {
        minLength: 50,
        maxLength: 300,
      }),
      { numRuns: 300, seed: 20261127 },
    );
    const mean = (f: (values: number[]) => number) => series.reduce((sum, v) => sum + f(v), 0) / series.length;
    const quantile = mean((v) => spread(v, quantileBins(v).level));
    const sqrt = mean((v) => spread(v, sqrtQuantizeBins(v).level));
    expect(quantile).toBeGreaterThan(sqrt * 1.2);
    // 1 and 3 get different colours whenever neither swamps the series.
    for (const values of series) {
      const share = (x: number) => values.filter((v) => v === x).length / values.length;
      if (share(1) < 0.5 && share(3) > 0.1) expect(quantileBins(values).level(1)).toBeLessThan(quantileBins(values).level(3));
    }
  });
  it('are monotonic in value, give zero its own level, and legend ranges tile 0 … max without gaps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 200 }), (values) => {
        const s = heatBins(values);
        const top = Math.max(0, ...values);
        for (let v = 1; v <= Math.min(top, 300); v++) expect(s.level(v)).toBeGreaterThanOrEqual(s.level(v - 1));
        expect(s.level(0)).toBe(0);
        if (top > 0) expect(s.level(1)).toBeGreaterThan(0);
        expect(s.bins[0]).toEqual({ level: 0, lo: 0, hi: 0 });
        for (let i = 1; i < s.bins.length; i++) {
          expect(s.bins[i]!.lo).toBe(s.bins[i - 1]!.hi + 1);
          expect(s.bins[i]!.level).toBeGreaterThan(s.bins[i - 1]!.level);
          expect(s.level(s.bins[i]!.lo)).toBe(s.bins[i]!.level);
          expect(s.level(s.bins[i]!.hi)).toBe(s.bins[i]!.level);
        }
        expect(s.bins.at(-1)!.hi).toBe(top);
      }),
      { numRuns: 200 },
    );
  });
});

describe('colours', () => {
  it('legend text meets WCAG AA and levels are distinct in light and dark, for every scheme', () => {
    for (const scheme of HEATMAP_SCHEMES) {
      for (const theme of Object.values(palette(scheme))) {
        expect(contrastRatio(theme.text, theme.background)).toBeGreaterThanOrEqual(4.5);
        expect(new Set(theme.levels).size).toBe(5);
        // Neighbouring levels differ visibly in lightness, not only in hue.
        for (let i = 2; i < theme.levels.length; i++) expect(contrastRatio(theme.levels[i]!, theme.levels[i - 1]!)).toBeGreaterThan(1.2);
        // The dashed "no entry" outline stands out against the background (WCAG 1.4.11 asks 3:1 of graphics).
        expect(contrastRatio(theme.emptyStroke, theme.background)).toBeGreaterThanOrEqual(3);
        // A calendar's "no data" outline is quieter than that, yet visible, and not the zero colour.
        const noData = contrastRatio(theme.noDataStroke, theme.background);
        expect(noData).toBeLessThan(contrastRatio(theme.emptyStroke, theme.background));
        expect(noData).toBeGreaterThanOrEqual(1.3);
        expect(theme.noDataStroke).not.toBe(theme.levels[0]);
      }
    }
  });
  it('pages follow the used color-scheme (light-dark()), the standalone SVG the reader’s system (a media query)', () => {
    const { light, dark } = palette('blues');
    const page = paletteCss('blues', '.heat-blues');
    expect(page).toContain(`--heat-4:light-dark(${light.levels[4]},${dark.levels[4]});`);
    expect(page).toContain(`--heat-text:light-dark(${light.text},${dark.text});`);
    expect(page).not.toContain('@media');
    expect(paletteCss('blues', '.heat', 'system')).toBe(
      `.heat{${light.levels.map((c, i) => `--heat-${i}:${c};`).join('')}--heat-empty:${light.emptyStroke};--heat-none:${light.noDataStroke};--heat-text:${light.text};}` +
        `@media (prefers-color-scheme:dark){.heat{${dark.levels.map((c, i) => `--heat-${i}:${c};`).join('')}--heat-empty:${dark.emptyStroke};--heat-none:${dark.noDataStroke};--heat-text:${dark.text};}}`,
    );
  });
  it('src/components/heatmap.css is what heatmapPageCss() generates (rewrite: npx node src/lib/heatmap/write-css.ts)', () => {
    expect(readFileSync('src/components/heatmap.css', 'utf8')).toBe(heatmapPageCss());
  });
});

describe('standalone SVG', () => {
  it('carries its own light/dark style, no external references, and a legend', () => {
    const svg = heatmapSvg(layoutMonths([{ month: '2025-09', commits: 36, features: 6 }], 'commits', { locale: en }), {
      id: 'c',
      css: heatmapCss('greens'),
      legend: { empty: 'no entry', less: 'Less', more: 'More', range: en.numberRange },
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('@media (prefers-color-scheme:dark)');
    const refs = [...svg.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    const ids = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => `#${m[1]}`));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    expect(svg).not.toMatch(/url\(|@import|style="/);
    expect(svg).toContain('>Less</text>');
    expect(svg).toContain('>no entry</text>');
  });
  it('escapes text and links', () => {
    const layout = layoutMonths([{ month: '2025-09', commits: 1, features: 0 }], 'commits', { locale: en, href: () => '#a"b<c>&' });
    expect(heatmapSvg(layout, { id: 'c' })).toContain('<a href="#a&quot;b&lt;c&gt;&amp;">');
  });
});

describe('colour bins of large counts', () => {
  // The search for each bin's first count took its midpoint with `>> 1`, on 32 bits: past 2^30 it went
  // negative and the search never ended (the build hung).
  it('are exact above 2^30', () => {
    expect(heatBins([1, 5, 2 ** 31]).bins).toEqual([
      { level: 0, lo: 0, hi: 0 },
      { level: 1, lo: 1, hi: 2 },
      { level: 2, lo: 3, hi: 4 },
      { level: 3, lo: 5, hi: 1073741826 },
      { level: 4, lo: 1073741827, hi: 2147483648 },
    ]);
  });
  it('are exact up to the largest safe integer', () => {
    const top = Number.MAX_SAFE_INTEGER - 1;
    expect(heatBins([top]).bins).toEqual([
      { level: 0, lo: 0, hi: 0 },
      { level: 1, lo: 1, hi: top - 1 },
      { level: 4, lo: top, hi: top },
    ]);
  });
  it("are exact for a team's month where two profiles are at the count cap", () => {
    const atCap = [{ month: '2024-01', commits: MAX_COUNT, features: 0 }];
    const team = addedUp([atCap, atCap]);
    expect(team).toEqual([{ month: '2024-01', commits: 2_000_000_000, features: 0 }]);
    expect(heatBins(team.map((m) => m.commits)).bins).toEqual([
      { level: 0, lo: 0, hi: 0 },
      { level: 1, lo: 1, hi: 1_999_999_999 },
      { level: 4, lo: 2_000_000_000, hi: 2_000_000_000 },
    ]);
  });
});
