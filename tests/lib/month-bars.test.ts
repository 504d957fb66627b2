// The features-and-bugs chart of a year: stacked segments on a nice value axis, exact positions.
import { describe, expect, it } from 'vitest';
import { layoutMonthBars, monthBarsSvg } from '../../src/lib/charts/month-bars.ts';

const months = Array.from({ length: 12 }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, features: 0, bugs: 0 }));
months[0] = { month: '2024-01', features: 4, bugs: 2 };
months[2] = { month: '2024-03', features: 1, bugs: 0 };

describe('layoutMonthBars', () => {
  const layout = layoutMonthBars(months, 2024)!;

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
      ),
    ).toBeUndefined();
    expect(
      layoutMonthBars(
        months.map((m) => ({ ...m, bugs: 0 })),
        2024,
      )!.summary,
    ).toBe('Features per month in 2024: 5 features.');
  });

  it('serializes to an SVG image whose bars carry their numbers as titles', () => {
    const svg = monthBarsSvg(layout);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 366 146" width="366" height="146" class="bars" role="img" aria-label="Features and bug fixes per month in 2024: 5 features, 2 bug fixes.">/,
    );
    expect(svg).toContain('<rect class="bar-bugs" x="35" y="8" width="18" height="40"><title>Jan 2024: 2 bug fixes</title></rect>');
    expect(svg).toContain('<text class="m" x="44" y="141">Jan</text>');
    expect(svg).toContain('<text class="r" x="26" y="51.5">4</text>');
  });
});
