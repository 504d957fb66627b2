// Long lists of months: whole while short, then the latest in full and the rest by year.
import { describe, expect, it } from 'vitest';
import { FULL_MONTHS, RECENT_MONTHS, byYear, splitByRecency } from '../../src/lib/month-groups.ts';

/** `count` months back from Dec 2025, newest first. */
const newestFirst = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = 2025 * 12 + 11 - i;
    return { month: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}` };
  });

describe('splitByRecency', () => {
  it('keeps a list of up to 24 months whole', () => {
    expect([FULL_MONTHS, RECENT_MONTHS]).toEqual([24, 12]);
    expect(splitByRecency(newestFirst(24))).toEqual({ recent: newestFirst(24), years: [] });
    expect(splitByRecency([])).toEqual({ recent: [], years: [] });
  });
  it('splits a longer list between years: the years of its latest 12 months in full, older years by year', () => {
    // 25 months, Jan 2023 to Jan 2025: the latest 12 reach into 2024, so 2025 and all of 2024 are in full.
    const split = splitByRecency(newestFirst(36).slice(11));
    expect(split.recent.map((m) => m.month)).toEqual(
      newestFirst(36)
        .slice(11, 24)
        .map((m) => m.month),
    );
    expect(split.recent[0]!.month).toBe('2025-01');
    expect(split.recent.at(-1)!.month).toBe('2024-01');
    expect(split.years.map((y) => [y.year, y.months.length])).toEqual([[2023, 12]]);
  });
  it('shows the latest 12 of a longer list and groups the older months by year, newest first', () => {
    const { recent, years } = splitByRecency(newestFirst(30));
    expect(recent.map((m) => m.month)).toEqual(newestFirst(12).map((m) => m.month));
    expect(years.map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([
      [2024, ['2024-12', '2024-11', '2024-10', '2024-09', '2024-08', '2024-07', '2024-06', '2024-05', '2024-04', '2024-03', '2024-02', '2024-01']],
      [2023, ['2023-12', '2023-11', '2023-10', '2023-09', '2023-08', '2023-07']],
    ]);
  });
});

describe('byYear', () => {
  it('groups months of any order by year, newest year and month first, skipping years without any', () => {
    const groups = byYear([{ month: '2019-03' }, { month: '2024-01' }, { month: '2019-11' }, { month: '2024-06' }]);
    expect(groups).toEqual([
      { year: 2024, months: [{ month: '2024-06' }, { month: '2024-01' }] },
      { year: 2019, months: [{ month: '2019-11' }, { month: '2019-03' }] },
    ]);
  });
});
