import { describe, expect, it } from 'vitest';
import { deriveStats, totalsMismatches } from '../../src/lib/profile-stats.ts';

describe('deriveStats', () => {
  it('sums months and derives features-vs-bugs from declared bugs', () => {
    const s = deriveStats({ totals: { bugs: 32 } }, [
      { month: '2024-10', commits: 3, features: 1 },
      { month: '2026-02', commits: 12, features: 4 },
    ]);
    expect(s).toMatchObject({ commits: 15, features: 5, bugs: 32, activityMonths: 2, firstMonth: '2024-10', lastMonth: '2026-02' });
    expect(s.featuresVsBugsPercent).toBe(Math.round((100 * 5) / 37));
  });
  it('has no percentage when nothing is known about bugs', () => {
    expect(deriveStats({ totals: {} }, [{ month: '2024-01', commits: 1, features: 1 }]).featuresVsBugsPercent).toBeUndefined();
  });
  it('reports declared totals that disagree with the months', () => {
    expect(totalsMismatches({ totals: { commits: 10, features: 2 } }, [{ month: '2024-01', commits: 9, features: 2 }])).toEqual([
      { field: 'commits', declared: 10, derived: 9 },
    ]);
  });
});
