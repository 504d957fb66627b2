import { describe, expect, it } from 'vitest';
import { deriveStats, totalsMismatches } from '../../src/lib/profile-stats.ts';

describe('deriveStats', () => {
  it('sums months and derives features-vs-bugs from declared bugs', () => {
    const s = deriveStats({ totals: { bugs: 32 } }, [
      { month: '2024-10', commits: 3, features: 1 },
      { month: '2026-02', commits: 12, features: 4 },
    ]);
    expect(s).toEqual({
      commits: 15,
      features: 5,
      bugs: 32,
      bugsSource: 'declared',
      activityMonths: 2,
      featuresVsBugsPercent: 14, // 5 / 37 = 13.5%
      firstMonth: '2024-10',
      lastMonth: '2026-02',
      linesOfCode: undefined,
    });
  });
  it('gives the example profile 70% (75 features, 32 bugs)', () => {
    expect(deriveStats({ totals: { bugs: 32 } }, [{ month: '2024-10', commits: 270, features: 75 }]).featuresVsBugsPercent).toBe(70);
  });
  it('sums bugs over months when none are declared', () => {
    const s = deriveStats({ totals: {} }, [
      { month: '2024-01', commits: 10, features: 3, bugs: 1 },
      { month: '2024-02', commits: 5, features: 1 },
      { month: '2024-03', commits: 5, features: 0, bugs: 3 },
    ]);
    expect(s.bugs).toBe(4);
    expect(s.bugsSource).toBe('months');
    expect(s.featuresVsBugsPercent).toBe(50);
  });
  it('has no percentage when nothing is known about bugs, or nothing to divide', () => {
    expect(deriveStats({ totals: {} }, [{ month: '2024-01', commits: 1, features: 1 }]).featuresVsBugsPercent).toBeUndefined();
    expect(deriveStats({ totals: { bugs: 0 } }, [{ month: '2024-01', commits: 1, features: 0 }]).featuresVsBugsPercent).toBeUndefined();
  });
  it('has an empty, valid result for a profile with no months', () => {
    expect(deriveStats({ totals: {} }, [])).toMatchObject({ commits: 0, features: 0, activityMonths: 0, firstMonth: undefined, lastMonth: undefined });
  });
});

describe('totalsMismatches', () => {
  it('reports declared commits and features that disagree with the months', () => {
    expect(totalsMismatches({ totals: { commits: 10, features: 2 } }, [{ month: '2024-01', commits: 9, features: 2 }])).toEqual([
      { field: 'commits', declared: 10, derived: 9 },
    ]);
  });
  it('checks declared bugs only when every month gives its bugs', () => {
    const months = [
      { month: '2024-01', commits: 9, features: 2, bugs: 1 },
      { month: '2024-02', commits: 3, features: 1, bugs: 2 },
    ];
    expect(totalsMismatches({ totals: { bugs: 5 } }, months)).toEqual([{ field: 'bugs', declared: 5, derived: 3 }]);
    expect(totalsMismatches({ totals: { bugs: 3 } }, months)).toEqual([]);
    expect(totalsMismatches({ totals: { bugs: 5 } }, [months[0]!, { month: '2024-02', commits: 3, features: 1 }])).toEqual([]);
  });
});
