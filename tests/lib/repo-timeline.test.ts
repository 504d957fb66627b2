// The repository timeline: a row per repository, active months from the months that name it (else its
// whole period), on a shared time axis with year labels that fit.
import { describe, expect, it } from 'vitest';
import { layoutRepoTimeline, repoTimelineSvg } from '../../src/lib/charts/repo-timeline.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const repositories = [
  { name: 'acme/a', from: '2024-10', to: '2025-02' },
  { name: 'acme/b', from: '2025-01', to: '2025-01' },
  { name: 'acme/c', from: '2024-11', to: '2024-11' },
];
const months = [
  { month: '2024-10', repositories: ['acme/a'] },
  { month: '2024-12', repositories: ['acme/a'] },
  { month: '2025-01', repositories: ['acme/a', 'acme/b'] },
];

describe('layoutRepoTimeline', () => {
  const layout = layoutRepoTimeline(repositories, months, en)!;

  it('draws each repository’s period as a track and its active months as runs', () => {
    // Oct 2024 – Feb 2025: five months of 112 px.
    expect(layout.rows.map((r) => [r.name, r.y, r.track, r.active.map((a) => [a.from, a.to, a.x, a.width])])).toEqual([
      [
        'acme/a',
        0,
        { x: 0, width: 560 },
        [
          ['2024-10', '2024-10', 0, 112],
          ['2024-12', '2025-01', 224, 224],
        ],
      ],
      ['acme/b', 30, { x: 336, width: 112 }, [['2025-01', '2025-01', 336, 112]]],
      // No month names acme/c: its whole period counts.
      ['acme/c', 60, { x: 112, width: 112 }, [['2024-11', '2024-11', 112, 112]]],
    ]);
    expect(layout.rows.map((r) => r.title)).toEqual([
      'acme/a: Oct 2024 – Feb 2025, 3 months with work in it',
      'acme/b: Jan 2025, 1 month with work in it',
      'acme/c: Nov 2024',
    ]);
  });

  it('labels the years under the rows, and sums up the chart', () => {
    expect(layout.labels).toEqual([
      { x: 0, text: '2024' },
      { x: 336, text: '2025' },
    ]);
    expect([layout.width, layout.height, layout.axisY]).toEqual([560, 104, 100]);
    expect(layout.summary).toBe('3 repositories over time, Oct 2024 – Feb 2025.');
    expect(layoutRepoTimeline([], months, en)).toBeUndefined();
  });

  it('links each row to its card', () => {
    const svg = repoTimelineSvg(layout, (i) => `#repo-${i + 1}`);
    expect(svg).toContain(
      '<a href="#repo-2"><title>acme/b: Jan 2025, 1 month with work in it</title><text x="0" y="41">acme/b</text><rect class="tl-track" x="336" y="45" width="112" height="10" rx="2"/>',
    );
    expect(svg).toMatch(/role="group" aria-label="3 repositories over time, Oct 2024\u2009–\u2009Feb 2025\."/);
  });
});
