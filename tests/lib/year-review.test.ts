// The year in review, on hand-made months and days: a year with a gap before it, a leap day, a run of
// days across New Year, a first year with nothing to compare with, and weeks by either week start.
import { describe, expect, it } from 'vitest';
import { activeYears, changeText, yearReviews, type ReviewMonth } from '../../src/lib/year-review.ts';
import { dateOfDayNumber, dayNumber, weekdayOfDayNumber } from '../../src/lib/calendar.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const month = (key: string, commits: number, rest: Partial<ReviewMonth> = {}): ReviewMonth => ({
  month: key,
  commits,
  features: 0,
  repositories: [],
  areas: [],
  ...rest,
});

const MONTHS: ReviewMonth[] = [
  month('2023-11', 5, { features: 1, bugs: 1, repositories: ['acme/a'], areas: ['x'] }),
  month('2023-12', 3),
  month('2024-01', 10, { features: 4, bugs: 2, repositories: ['acme/a', 'acme/b'], areas: ['x', 'y'], linesAdded: 100, linesRemoved: 20 }),
  month('2024-02', 6, {
    features: 1,
    repositories: ['acme/b'],
    areas: ['y'],
    languages: { Go: 4, C: 1 },
    hours: { Tue: Array.from({ length: 24 }, (_, h) => (h === 14 ? 6 : 0)) },
  }),
  month('2024-03', 0, { repositories: ['acme/c'] }),
  month('2026-05', 2, { repositories: ['acme/a'] }),
];

const DAYS = [
  { date: '2023-12-30', count: 1 }, // Saturday
  { date: '2023-12-31', count: 2 }, // Sunday
  { date: '2024-01-01', count: 3 }, // Monday
  { date: '2024-01-02', count: 1 },
  { date: '2024-01-05', count: 2 }, // Friday
  { date: '2024-01-08', count: 1 }, // Monday
  { date: '2024-01-09', count: 1 },
  { date: '2024-01-10', count: 0 },
  { date: '2024-02-28', count: 1 }, // Wednesday
  { date: '2024-02-29', count: 4 }, // the leap day
  { date: '2024-03-01', count: 1 }, // Friday
];

describe('yearReviews', () => {
  const [y2023, y2024, y2026] = yearReviews(MONTHS, DAYS, 'monday');

  it('reviews each year with activity, oldest first (not 2025, which has none)', () => {
    expect(activeYears(MONTHS, DAYS)).toEqual([2023, 2024, 2026]);
    expect(yearReviews(MONTHS, DAYS, 'monday').map((y) => y.year)).toEqual([2023, 2024, 2026]);
  });

  it('totals a year, and compares it with the year before', () => {
    expect(y2024!.totals).toEqual({ commits: 16, features: 5, bugs: 2, activeMonths: 2, activeDays: 8, lines: 120 });
    expect(y2024!.previous).toEqual({ commits: 8, features: 1, bugs: 1, activeMonths: 2, activeDays: 2, lines: undefined });
  });

  it('has no year before for the first year, and zeros for a year before with no activity', () => {
    expect(y2023!.previous).toBeUndefined();
    expect(y2026!.previous).toEqual({ commits: 0, features: 0, bugs: undefined, activeMonths: 0, activeDays: undefined, lines: undefined });
  });

  it('finds the busiest month, week and day', () => {
    expect(y2024!.busiestMonth).toEqual({ month: '2024-01', commits: 10 });
    // Jan 1–7 and Feb 26–Mar 3 both have 6: the earlier wins.
    expect(y2024!.busiestWeek).toEqual({ from: '2024-01-01', to: '2024-01-07', commits: 6 });
    expect(y2024!.busiestDay).toEqual({ date: '2024-02-29', commits: 4 });
    // A week cut by New Year: only its days in the year.
    expect(y2023!.busiestWeek).toEqual({ from: '2023-12-25', to: '2023-12-31', commits: 3 });
  });

  it('cuts weeks at the year’s start by the week start', () => {
    const [, sunday2024] = yearReviews(MONTHS, DAYS, 'sunday');
    expect(sunday2024!.busiestWeek).toEqual({ from: '2024-01-01', to: '2024-01-06', commits: 6 });
  });

  it('finds the longest runs of active days and of active working days, within the year', () => {
    // Feb 28, the leap day and Mar 1; the run over New Year counts two days in each year.
    expect(y2024!.longestRun).toEqual({ days: 3, from: '2024-02-28', to: '2024-03-01' });
    expect(y2023!.longestRun).toEqual({ days: 2, from: '2023-12-30', to: '2023-12-31' });
    // Friday Jan 5, Monday Jan 8, Tuesday Jan 9: the weekend does not break it (ties Feb 28–Mar 1; the earlier wins).
    expect(y2024!.longestWorkdayRun).toEqual({ days: 3, from: '2024-01-05', to: '2024-01-09' });
    // Only weekend days in 2023.
    expect(y2023!.longestWorkdayRun).toBeUndefined();
  });

  it('gives no day figures for a year without day data', () => {
    expect([y2026!.totals.activeDays, y2026!.busiestDay, y2026!.busiestWeek, y2026!.longestRun]).toEqual([undefined, undefined, undefined, undefined]);
    const [noDays] = yearReviews(MONTHS, undefined, 'monday');
    expect(noDays!.totals.activeDays).toBeUndefined();
    expect(noDays!.busiestMonth).toEqual({ month: '2023-11', commits: 5 });
  });

  it('ranks repositories and areas by the active months they appear in, then by name', () => {
    expect(y2024!.repositories).toEqual([
      { name: 'acme/b', months: 2 },
      { name: 'acme/a', months: 1 },
    ]);
    expect(y2024!.areas).toEqual([
      { name: 'y', months: 2 },
      { name: 'x', months: 1 },
    ]);
  });

  it('lists all twelve months for the features and bugs chart', () => {
    expect(y2024!.months).toHaveLength(12);
    expect(y2024!.months.slice(0, 4)).toEqual([
      { month: '2024-01', commits: 10, features: 4, bugs: 2 },
      { month: '2024-02', commits: 6, features: 1, bugs: 0 },
      { month: '2024-03', commits: 0, features: 0, bugs: 0 },
      { month: '2024-04', commits: 0, features: 0, bugs: 0 },
    ]);
  });
});

describe('the languages and hours of a year', () => {
  const [y2023, y2024] = yearReviews(MONTHS, DAYS, 'monday');
  it('come from the months that record them, and are absent when none does', () => {
    expect(y2024!.languages!.map((l) => [l.name, l.commits, l.share])).toEqual([
      ['Go', 4, 0.8],
      ['C', 1, 0.2],
    ]);
    expect(y2024!.hours![1]![14]).toBe(6);
    expect(y2024!.hours!.flat().reduce((s, k) => s + k, 0)).toBe(6);
    expect([y2023!.languages, y2023!.hours]).toEqual([undefined, undefined]);
  });
});

describe('changeText', () => {
  it('says the change on the year before as a reader would, in each language', () => {
    expect([
      changeText(16, 8, '2024', en),
      changeText(1250, 46, '2024', en),
      changeText(3, 7, '2024', en),
      changeText(4, 4, '2024', en),
      changeText(undefined, 4, '2024', en),
      changeText(4, undefined, '2024', en),
    ]).toEqual(['8 more than in 2024', '1,204 more than in 2024', '4 fewer than in 2024', 'as many as in 2024', undefined, undefined]);
    const de = createLocale('de');
    expect([changeText(1250, 46, de.year(2024), de), changeText(3, 7, de.year(2024), de), changeText(4, 4, de.year(2024), de)]).toEqual([
      '1.204 mehr als 2024',
      '4 weniger als 2024',
      'gleich viele wie 2024',
    ]);
    const ja = createLocale('ja');
    expect(changeText(3, 7, ja.year(2024), ja)).toBe('2024年より4少ない');
  });
});

describe('day numbers', () => {
  it('count days from 1970 in any year, both ways, with the weekday', () => {
    expect([dayNumber('1970-01-01'), dayNumber('2024-02-29'), dayNumber('1969-12-31')]).toEqual([0, 19782, -1]);
    for (const d of ['0001-01-01', '0050-03-01', '1900-02-28', '2000-02-29', '2024-12-31', '9999-12-31']) expect(dateOfDayNumber(dayNumber(d))).toBe(d);
    // Monday 2024-01-01, Thursday 1970-01-01, Saturday 0050-01-01 (Date would read the year as 1950, a Sunday).
    expect([weekdayOfDayNumber(dayNumber('2024-01-01')), weekdayOfDayNumber(0), weekdayOfDayNumber(dayNumber('0050-01-01'))]).toEqual([1, 4, 6]);
  });
});
