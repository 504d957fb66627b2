import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { layoutMonths, type MonthValue } from '../../src/lib/heatmap/month-layout.ts';
import { heatmapSvg } from '../../src/lib/heatmap/svg.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const seed = JSON.parse(readFileSync('tests/fixtures/seed/000_44ad1382dda3814e.expected.json', 'utf8')) as { months: MonthValue[] };
const example: MonthValue[] = seed.months.map(({ month, commits, features }) => ({ month, commits, features }));

const monthKey = fc.tuple(fc.integer({ min: 2005, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const series = fc.uniqueArray(
  fc.record({ month: monthKey, commits: fc.integer({ min: 0, max: 500 }) }).map((r) => ({ ...r, features: Math.floor(r.commits / 3) })),
  { selector: (m) => m.month, maxLength: 60 },
);

describe('month heatmap of the example profile', () => {
  const layout = layoutMonths(example, 'commits', { locale: en, href: (m) => `#${m}` });
  it('colours exactly the 13 months 2024-10 … 2026-02 that have entries, in their row and column', () => {
    const coloured = layout.cells.filter((c) => c.level !== null);
    expect(coloured.map((c) => c.key).sort()).toEqual(example.map((m) => m.month).sort());
    expect(coloured).toHaveLength(13);
    // Oct 2024 … Feb 2026: 17 months drawn; before the first entry and after the last stays blank.
    expect(layout.cells).toHaveLength(17);
    expect(layout.cells.map((c) => c.key).sort()[0]).toBe('2024-10');
    expect(
      layout.cells
        .map((c) => c.key)
        .sort()
        .at(-1),
    ).toBe('2026-02');
    const rowOf = (key: string) => layout.cells.find((c) => c.key === key)!;
    // Newest year first: 2026 on top; columns in month order.
    expect(rowOf('2026-02').y).toBeLessThan(rowOf('2025-02').y);
    expect(rowOf('2025-02').y).toBeLessThan(rowOf('2024-12').y);
    expect(rowOf('2025-10').x).toBe(rowOf('2024-10').x);
    expect(rowOf('2025-10').x).toBeGreaterThan(rowOf('2025-09').x);
    for (const empty of ['2025-07', '2025-08', '2025-11', '2026-01']) expect(rowOf(empty).level).toBeNull();
    for (const outside of ['2024-09', '2026-03']) expect(layout.cells.find((c) => c.key === outside)).toBeUndefined();
  });
  it('centres each month name over its column, and puts the years right-aligned at the left', () => {
    const names = layout.labels.filter((l) => /^[A-Z]/.test(l.text));
    expect(names.map((l) => [l.text, l.x, l.anchor]).slice(0, 2)).toEqual([
      ['Jan', 48, 'middle'],
      ['Feb', 76, 'middle'],
    ]);
    const jan = layout.cells.find((c) => c.key === '2026-01')!;
    expect(names[0]!.x).toBe(jan.x + layout.cell / 2);
    // "Dec" (about 21 px at 10 px) ends inside the chart.
    expect(names[11]!.x + 11).toBeLessThanOrEqual(layout.width);
    expect(layout.labels.filter((l) => /^\d{4}$/.test(l.text)).map((l) => [l.text, l.x, l.anchor])).toEqual([
      ['2026', 30, 'end'],
      ['2025', 30, 'end'],
      ['2024', 30, 'end'],
    ]);
  });
  it('titles and links each cell', () => {
    const svg = heatmapSvg(layout, { id: 'c' });
    // Each cell uses its level's square (36 commits is in the top bin, 21–78); no-entry months the dashed one.
    expect(svg).toContain('<a href="#2025-09"><use href="#cb4" x="');
    expect(svg).toContain('<use href="#ce" x="316" y="44"><title>Nov 2025: no entry</title></use>');
    expect(svg).toContain('<rect id="ce" class="heat-e" ');
    expect(svg).toContain('<title>Sep 2025: 36 commits, 6 features</title>');
    expect(svg).toContain('<title>Nov 2025: no entry</title>');
    expect(layoutMonths([{ month: '2025-01', commits: 1, features: 1 }], 'commits', { locale: en }).cells[0]!.title).toBe('Jan 2025: 1 commit, 1 feature');
    // Months without an entry have no anchor to go to, so they are not links.
    expect(svg).not.toContain('href="#2025-11"');
    expect(
      layout.cells
        .filter((c) => c.href)
        .map((c) => c.key)
        .sort(),
    ).toEqual(example.map((m) => m.month).sort());
    // Linked cells make the chart a labelled group (an img may not contain links); without links it is an img.
    expect(heatmapSvg(layoutMonths(example, 'commits', { locale: en }), { id: 'c' })).toMatch(/role="img" aria-label="Commits per month/);
    expect(svg).toMatch(/role="group" aria-label="Commits per month, Oct 2024 to Feb 2026: 270 commits in 13 months with an entry; busiest Nov 2024 \(78\)\."/);
  });
  it('gives the small months and the big ones different levels', () => {
    const level = (k: string) => layout.cells.find((c) => c.key === k)!.level!;
    expect(level('2025-12')).toBeLessThan(level('2025-02'));
    expect(level('2025-02')).toBeLessThan(level('2024-11'));
  });
});

describe('month heatmap invariants (property-based)', () => {
  it('puts every month in exactly one cell, never overlapping, empty ≠ zero, monotonic levels, deterministic', () => {
    fc.assert(
      fc.property(series, fc.constantFrom('commits' as const, 'features' as const), (months, metric) => {
        const layout = layoutMonths(months, metric, { locale: en });
        for (const m of months) expect(layout.cells.filter((c) => c.key === m.month)).toHaveLength(1);
        const positions = new Set(layout.cells.map((c) => `${c.x},${c.y}`));
        expect(positions.size).toBe(layout.cells.length);
        const keys = new Set(months.map((m) => m.month));
        const wrong = layout.cells.filter(
          (c) => (c.level === null) === keys.has(c.key) || c.x + layout.cell > layout.width || c.y + layout.cell > layout.height,
        );
        expect(wrong).toEqual([]);
        const sorted = [...months].sort((a, b) => a[metric] - b[metric]);
        const levelOf = (k: string) => layout.cells.find((c) => c.key === k)!.level!;
        for (let i = 1; i < sorted.length; i++) expect(levelOf(sorted[i]!.month)).toBeGreaterThanOrEqual(levelOf(sorted[i - 1]!.month));
        for (const m of months) expect(levelOf(m.month) === 0).toBe(m[metric] === 0);
        const svg = heatmapSvg(layout, { id: 'c' });
        expect(heatmapSvg(layoutMonths([...months].reverse(), metric, { locale: en }), { id: 'c' })).toBe(svg);
        // Every cell is a <use> of a square the chart defines, with the class of its level (e = no entry).
        const defined = new Map([...svg.matchAll(/<rect id="([^"]+)" class="heat-([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
        const used = [...svg.matchAll(/<use href="#([^"]+)"/g)].map((m) => defined.get(m[1]!));
        expect(used).toEqual(layout.cells.map((c) => (c.level === null ? 'e' : `b${c.level}`)));
      }),
      { numRuns: 100 },
    );
  });
  it('rejects a repeated or malformed month with a clear message', () => {
    expect(() =>
      layoutMonths(
        [
          { month: '2025-01', commits: 1, features: 0 },
          { month: '2025-01', commits: 2, features: 0 },
        ],
        'commits',
        { locale: en },
      ),
    ).toThrow(/each month once, found 2025-01 twice/);
    expect(() => layoutMonths([{ month: '2025-13', commits: 1, features: 0 }], 'commits', { locale: en })).toThrow(/YYYY-MM, found "2025-13"/);
  });
  it('draws an empty chart for a profile with no months', () => {
    const layout = layoutMonths([], 'commits', { locale: en });
    expect(layout.cells).toEqual([]);
    expect(layout.summary).toBe('Commits per month: no months yet.');
  });
});

describe('month labels', () => {
  it('are short names by default and initials for small charts', () => {
    const texts = (l: ReturnType<typeof layoutMonths>) => l.labels.filter((x) => !/^\d{4}$/.test(x.text)).map((x) => x.text);
    expect(texts(layoutMonths(example, 'commits', { locale: en }))).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
    expect(texts(layoutMonths(example, 'commits', { locale: en, monthLabels: 'initial' })).join('')).toBe('JFMAMJJASOND');
  });
});

describe('years', () => {
  it('draws one row per year that has an entry, however far apart', () => {
    const layout = layoutMonths(
      [
        { month: '1985-06', commits: 1, features: 0 },
        { month: '2024-02', commits: 3, features: 1 },
        { month: '2999-01', commits: 1, features: 0 },
      ],
      'commits',
      { locale: en },
    );
    expect(layout.cells).toHaveLength(7 + 12 + 1); // 1985-06…12, 2024, 2999-01
    expect(layout.labels.filter((l) => /^\d{4}$/.test(l.text)).map((l) => l.text)).toEqual(['2999', '2024', '1985']);
  });
});
