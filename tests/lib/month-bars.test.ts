// The features-and-bugs chart of a year: stacked segments on a nice value axis, exact positions.
import { describe, expect, it } from 'vitest';
import { MONTH_COLUMNS, layoutCommitBars, layoutMonthBars, monthBarsSvg } from '../../src/lib/charts/month-bars.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const months = Array.from({ length: 12 }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, features: 0, bugs: 0 }));
months[0] = { month: '2024-01', features: 4, bugs: 2 };
months[2] = { month: '2024-03', features: 1, bugs: 0 };

describe('layoutMonthBars', () => {
  const layout = layoutMonthBars(months, 2024, en)!;

  it('stacks bugs on features, on an axis of round ticks up to the busiest month', () => {
    // The busiest month has 6: ticks 0, 2, 4, 6 over 120 px from y = 128 up to y = 8.
    expect(layout.ticks).toEqual([
      { value: 0, y: 128 },
      { value: 2, y: 88 },
      { value: 4, y: 48 },
      { value: 6, y: 8 },
    ]);
    expect(layout.segments).toEqual([
      { kind: 'features', x: 35, y: 48, width: 18, height: 80, title: 'Jan 2024: 4 features' },
      { kind: 'bugs', x: 35, y: 8, width: 18, height: 40, title: 'Jan 2024: 2 bug fixes' },
      { kind: 'features', x: 91, y: 108, width: 18, height: 20, title: 'Mar 2024: 1 feature' },
    ]);
    expect(layout.labels.map((l) => [l.text, l.x]).slice(0, 3)).toEqual([
      ['Jan', 44],
      ['Feb', 72],
      ['Mar', 100],
    ]);
    expect([layout.width, layout.height]).toEqual([366, 146]);
    expect(layout.summary).toBe('Features and bug fixes per month in 2024: 5 features, 2 bug fixes.');
  });

  it('draws no chart for a year without features or bugs, and says "features" only when there are no bugs', () => {
    expect(
      layoutMonthBars(
        months.map((m) => ({ ...m, features: 0, bugs: 0 })),
        2024,
        en,
      ),
    ).toBeUndefined();
    expect(
      layoutMonthBars(
        months.map((m) => ({ ...m, bugs: 0 })),
        2024,
        en,
      )!.summary,
    ).toBe('Features per month in 2024: 5 features.');
  });

  it('serializes to an SVG image whose bars carry their numbers as titles', () => {
    const svg = monthBarsSvg(layout, en.number);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 366 146" width="366" height="146" class="bars" direction="ltr" role="img" aria-label="Features and bug fixes per month in 2024: 5 features, 2 bug fixes.">/,
    );
    expect(svg).toContain('<rect class="bar-bugs" x="35" y="8" width="18" height="40"><title>Jan 2024: 2 bug fixes</title></rect>');
    expect(svg).toContain('<text class="m" x="44" y="141">Jan</text>');
    expect(svg).toContain('<text class="r" x="22" y="51.5">4</text>');
  });
});

describe('layoutCommitBars', () => {
  it('splits each month’s commits into features and other commits, with an empty column for a month without an entry', () => {
    const layout = layoutCommitBars(
      [
        { month: '2025-02', commits: 2, features: 2 },
        { month: '2024-11', commits: 3, features: 1 },
        { month: '2025-01', commits: 5, features: 0 },
      ],
      en,
    )!;
    expect(layout.segments).toEqual([
      { kind: 'features', x: 34.2, y: 104, width: 19.6, height: 24, title: 'Nov 2024: 1 feature of 3 commits' },
      { kind: 'other', x: 34.2, y: 56, width: 19.6, height: 48, title: 'Nov 2024: 2 other commits of 3 commits' },
      // Dec 2024 has no entry: nothing drawn in the second column.
      { kind: 'other', x: 90.2, y: 8, width: 19.6, height: 120, title: 'Jan 2025: 5 other commits of 5 commits' },
      { kind: 'features', x: 118.2, y: 80, width: 19.6, height: 48, title: 'Feb 2025: 2 features of 2 commits' },
    ]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(layout.labels).toEqual([
      { x: 30, text: '2024', anchor: 'start' },
      { x: 86, text: '2025', anchor: 'start' },
    ]);
    expect(layout.width).toBe(142);
    expect(layout.summary).toBe('Commits per month, Nov 2024 to Feb 2025: 10 commits, 3 features among them.');
  });

  const record = (length: number) =>
    Array.from({ length }, (_, i) => {
      const n = i + 6; // from Jul 2015
      return { month: `${2015 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`, commits: 1, features: 0 };
    });
  it('narrows the columns of a record up to five years, and labels only the years that fit apart and inside the chart', () => {
    const layout = layoutCommitBars(record(MONTH_COLUMNS), en)!;
    expect(MONTH_COLUMNS).toBe(60);
    expect([layout.width, layout.perYear, layout.segments.length, layout.segments[0]!.width]).toEqual([590, undefined, 60, 6.5]);
    // 2015's label starts at its first column, Jul, 56 px before 2016's January: kept.
    expect(layout.labels.map((l) => [l.text, l.x])).toEqual([
      ['2015', 30],
      ['2016', 86],
      ['2017', 198],
      ['2018', 310],
      ['2019', 422],
      ['2020', 534],
    ]);
  });
  it('draws a longer record per year, so no column gets thinner (6.5 px bars at 590 px are 3.6 px on a 328 px phone column)', () => {
    const layout = layoutCommitBars(record(120), en)!;
    expect([layout.width, layout.perYear, layout.segments.length, layout.segments[0]!.width]).toEqual([338, true, 11, 19.6]);
    // Years 28 px apart: every other one labelled, the last inside the chart.
    expect(layout.labels.map((l) => [l.text, l.x])).toEqual([
      ['2015', 30],
      ['2017', 86],
      ['2019', 142],
      ['2021', 198],
      ['2023', 254],
      ['2025', 310],
    ]);
    expect(layout.summary).toBe('Commits per year, 2015 to 2025: 120 commits, 0 features among them.');
    expect(layout.segments[0]!.title).toBe('2015: 6 other commits of 6 commits');
    expect(layoutCommitBars(record(61), en)!.segments.length).toBe(6);
  });
  it('returns nothing without commits, and moves the plot right for wide values', () => {
    expect(layoutCommitBars([], en)).toBeUndefined();
    // Four-digit values: the plot moves right so "2,500" fits inside the chart.
    const busy = layoutCommitBars([{ month: '2025-01', commits: 2400, features: 100 }], en)!;
    expect([busy.ticks.at(-1)!.value, busy.left, busy.segments[0]!.x]).toEqual([2500, 43, 47.2]);
    expect(layoutCommitBars([{ month: '2025-01', commits: 0, features: 0 }], en)).toBeUndefined();
  });
});
