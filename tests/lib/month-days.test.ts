// A month's days as a small calendar for its month page: weekday columns from the locale's week start.
import { describe, expect, it } from 'vitest';
import { layoutMonthDays } from '../../src/lib/heatmap/month-days.ts';
import { monthDayGrid } from '../../src/lib/heatmap/day-calendars.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');
const days = [
  { date: '2024-02-01', count: 3, features: 1 },
  { date: '2024-02-29', count: 9, features: 0 },
  { date: '2024-03-05', count: 1, features: 1 },
];

describe('layoutMonthDays', () => {
  it('puts each day under its weekday and in its week, titled with its counts', () => {
    const layout = layoutMonthDays(days, '2024-02', { weekStart: 'monday', locale: en });
    expect(layout.labels.map((l) => l.text)).toEqual(['M', 'T', 'W', 'T', 'F', 'S', 'S']);
    // February 2024 starts on a Thursday and has 29 days: five weeks.
    expect(layout.cells).toHaveLength(29);
    expect([layout.width, layout.height]).toEqual([178, 142]);
    expect(layout.cells[0]).toEqual({ x: 78, y: 16, key: '2024-02-01', level: layout.cells[0]!.level, title: 'Thu, Feb 1: 3 commits, 1 feature' });
    expect(layout.cells[28]).toMatchObject({ x: 78, y: 120, key: '2024-02-29', title: 'Thu, Feb 29: 9 commits, 0 features' });
    expect(layout.cells.filter((c) => c.level === null)).toHaveLength(27);
    expect(layout.summary).toBe('Commits per day in February 2024: 12 commits on 2 days with data; busiest Feb 29, 2024 (9).');
    // A Sunday week start moves Thursday the 1st to the fifth column.
    expect(layoutMonthDays(days, '2024-02', { weekStart: 'sunday', locale: en }).cells[0]).toMatchObject({ x: 104, y: 16 });
    expect(() => layoutMonthDays(days, '2024-13', { weekStart: 'monday', locale: en })).toThrow('expected a month as YYYY-MM, found "2024-13"');
    // German says "im" before a month: "im Februar 2024", "an 2 Tagen".
    expect(layoutMonthDays(days, '2024-02', { weekStart: 'monday', locale: createLocale('de') }).summary).toMatch(
      /^Commits pro Tag im Februar 2024: 12 Commits an 2 Tagen mit Daten/,
    );
  });
  it('draws both metrics once, on the scales of all the days', () => {
    const grid = monthDayGrid(days, '2024-02', createLocale('en', { weekStart: 'monday' }), () => 'm');
    expect(grid.bins.features).toBeDefined();
    expect(grid.svg).toContain(
      'aria-label="Commits per day in February 2024: 12 commits on 2 days with data; busiest Feb 29, 2024 (9). Features per day in February 2024:',
    );
  });
});
