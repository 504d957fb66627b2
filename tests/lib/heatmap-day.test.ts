import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { utcDay, utcMonday, utcSunday } from 'd3-time';
import { dateToDay, dayYears, layoutDayYear } from '../../src/lib/heatmap/day-layout.ts';
import { heatmapPageCss, heatmapSvg } from '../../src/lib/heatmap/svg.ts';
import { dayCalendar } from '../../src/lib/heatmap/day-calendars.ts';
import { nextChartId } from '../../src/lib/heatmap/ids.ts';
import { dayTableRows } from '../../src/lib/heatmap/table.ts';
import { parseActivityCsv } from '../../src/lib/activity-csv.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const dayArb = fc.integer({ min: Date.UTC(2019, 0, 1) / 864e5, max: Date.UTC(2026, 11, 31) / 864e5 }).map((n) => dateToDay(new Date(n * 864e5)));
const days = fc.uniqueArray(fc.record({ date: dayArb, count: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 6, max: 120 })) }), {
  selector: (d) => d.date,
  maxLength: 200,
});

describe('day calendar', () => {
  it('lays out a year as weeks × weekdays with titles in calendar days', () => {
    const layout = layoutDayYear(
      [
        { date: '2025-09-03', count: 4 },
        { date: '2025-01-01', count: 1, features: 1 },
      ],
      2025,
      { weekStart: 'monday', locale: en },
    );
    expect(layout.cells).toHaveLength(365);
    // The year is the calendar's own label, so day titles leave it out.
    expect(layout.cells.find((c) => c.key === '2025-09-03')!.title).toBe('Wed, Sep 3: 4 commits');
    expect(layout.cells.find((c) => c.key === '2025-01-01')!.title).toBe('Wed, Jan 1: 1 commit, 1 feature');
    expect(layout.summary).toBe('Commits per day in 2025: 5 commits on 2 days with data; busiest Sep 3, 2025 (4).');
    expect(layout.cells.find((c) => c.key === '2025-01-02')!.level).toBeNull();
    expect(layout.labels.map((l) => l.text)).toEqual([
      '2025',
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
      'Mon',
      'Wed',
      'Fri',
    ]);
    expect(layoutDayYear([], 2024, { weekStart: 'sunday', locale: en }).cells).toHaveLength(366);
  });
  it('orders years newest first', () => {
    expect(
      dayYears([
        { date: '2023-05-01', count: 1 },
        { date: '2025-01-01', count: 2 },
        { date: '2024-02-29', count: 0 },
      ]),
    ).toEqual([2025, 2024, 2023]);
  });
  it('puts each day in the column d3 counts and the row of its weekday, for both week starts (property)', () => {
    fc.assert(
      fc.property(days, fc.constantFrom('monday' as const, 'sunday' as const), (series, weekStart) => {
        const week = weekStart === 'monday' ? utcMonday : utcSunday;
        for (const year of dayYears(series)) {
          const layout = layoutDayYear(series, year, { weekStart, locale: en });
          const start = new Date(Date.UTC(year, 0, 1));
          const byKey = new Map(layout.cells.map((c) => [c.key, c]));
          expect(byKey.size).toBe(layout.cells.length);
          expect(new Set(layout.cells.map((c) => `${c.x},${c.y}`)).size).toBe(layout.cells.length);
          const xs = [...new Set(layout.cells.map((c) => c.x))].sort((a, b) => a - b);
          const ys = [...new Set(layout.cells.map((c) => c.y))].sort((a, b) => a - b);
          const misplaced = utcDay.range(start, new Date(Date.UTC(year + 1, 0, 1))).filter((d) => {
            const c = byKey.get(dateToDay(d));
            const row = (d.getUTCDay() - (weekStart === 'monday' ? 1 : 0) + 7) % 7;
            return !c || xs.indexOf(c.x) !== week.count(start, d) || ys.indexOf(c.y) !== row;
          });
          expect(misplaced).toEqual([]);
          const inYear = series.filter((d) => d.date.startsWith(`${year}-`));
          expect(
            layout.cells
              .filter((c) => c.level !== null)
              .map((c) => c.key)
              .sort(),
          ).toEqual(inYear.map((d) => d.date).sort());
          for (const d of inYear) expect(byKey.get(d.date)!.level === 0).toBe(d.count === 0);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('is deterministic and independent of the input order', () => {
    fc.assert(
      fc.property(days, (series) => {
        for (const year of dayYears(series)) {
          const a = heatmapSvg(layoutDayYear(series, year, { weekStart: 'monday', locale: en }), { id: 'c' });
          expect(heatmapSvg(layoutDayYear([...series].reverse(), year, { weekStart: 'monday', locale: en }), { id: 'c' })).toBe(a);
        }
      }),
      { numRuns: 30 },
    );
  });
  it('rejects a repeated or malformed day', () => {
    expect(() =>
      layoutDayYear(
        [
          { date: '2025-01-01', count: 1 },
          { date: '2025-01-01', count: 2 },
        ],
        2025,
        { weekStart: 'monday', locale: en },
      ),
    ).toThrow(/each day once, found 2025-01-01 twice/);
    expect(() => layoutDayYear([{ date: '2025-1-01', count: 1 }], 2025, { weekStart: 'monday', locale: en })).toThrow(/YYYY-MM-DD, found "2025-1-01"/);
    expect(() => layoutDayYear([{ date: '2025-02-29', count: 1 }], 2025, { weekStart: 'monday', locale: en })).toThrow(/calendar day, found "2025-02-29"/);
    expect(() => layoutDayYear([{ date: '2025-04-31', count: 1 }], 2025, { weekStart: 'monday', locale: en })).toThrow(/calendar day, found "2025-04-31"/);
    expect(layoutDayYear([{ date: '2024-02-29', count: 1 }], 2024, { weekStart: 'monday', locale: en }).cells.find((c) => c.key === '2024-02-29')!.title).toBe(
      'Thu, Feb 29: 1 commit',
    );
  });
  it('gives the same titles, rows and columns in any time zone (spawned under other TZs)', () => {
    const script = `import { layoutDayYear } from './src/lib/heatmap/day-layout.ts'; import { heatmapSvg } from './src/lib/heatmap/svg.ts'; import { createLocale } from './src/lib/i18n/locale.ts';
      const days = [{ date: '2024-03-31', count: 3 }, { date: '2024-10-27', count: 1 }, { date: '2024-12-31', count: 9 }, { date: '2024-01-01', count: 2 }];
      process.stdout.write(heatmapSvg(layoutDayYear(days, 2024, { weekStart: 'sunday', locale: createLocale('en') }), { id: 'c' }));`;
    const run = (tz: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const outputs = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin'].map(run);
    for (const o of outputs) expect(o.stderr).toBe('');
    expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1);
    expect(outputs[0]!.stdout).toContain('<title>Sun, Mar 31: 3 commits</title>');
    expect(outputs[0]!.stdout).toContain('<title>Tue, Dec 31: 9 commits</title>');
    expect(outputs[0]!.stdout).toContain('busiest Dec 31, 2024 (9)');
  });
  it('never uses local-time Date methods in the heatmap modules', () => {
    for (const f of ['day-layout.ts', 'month-layout.ts', 'table.ts', 'scale.ts', 'svg.ts', 'layout.ts']) {
      const src = readFileSync(`src/lib/heatmap/${f}`, 'utf8');
      expect(src, f).not.toMatch(/\.(getDate|getDay|getMonth|getFullYear|getHours|toISOString|toLocale\w*)\(|\btimeDay\b|\btimeMonday\b/);
    }
    expect(en.dayShort('2024-02-29')).toBe('Feb 29, 2024');
  });
});

describe('day calendars of a page', () => {
  const withFeatures = fc.uniqueArray(fc.record({ date: dayArb, count: fc.integer({ min: 0, max: 120 }), features: fc.integer({ min: 0, max: 40 }) }), {
    selector: (d) => d.date,
    maxLength: 200,
  });
  it('give every chart of a page its own ids, every cell a shape its chart defines, and days without data a quiet class of their own', () => {
    fc.assert(
      fc.property(fc.oneof(days, withFeatures), (series) => {
        const page = {};
        nextChartId(page); // the month chart comes first on the profile page
        const locale = createLocale('en', { weekStart: 'monday' });
        const calendars = dayYears(series).map((year) => dayCalendar(series, year, locale, () => nextChartId(page)));
        const ids = calendars.flatMap((c) => [...c.svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.every((id) => !id.startsWith('h0'))).toBe(true);
        const hasFeatures = series.some((d) => 'features' in d);
        for (const { year, svg, bins } of calendars) {
          expect(bins.features !== undefined).toBe(hasFeatures);
          const defined = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
          const used = [...svg.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]!);
          expect(used).toHaveLength(layoutDayYear(series, year, { weekStart: 'monday', locale: en }).cells.length);
          expect(used.filter((u) => !defined.has(u))).toEqual([]);
          // Every defined shape is used, and "no data" (n) is never the month chart's dashed "no entry" (e).
          expect([...defined].filter((d) => !used.includes(d))).toEqual([]);
          expect(svg).not.toMatch(/class="heat-e"/);
          // Pairs only where there are two metrics, each a square per metric.
          if (!hasFeatures) expect(svg).not.toContain('heat-m2');
          for (const pair of svg.matchAll(/<g id="h\d+x(\d)(\d)"><rect class="heat-b(\d) heat-m1"[^>]*\/><rect class="heat-b(\d) heat-m2"/g)) {
            expect([pair[3], pair[4]]).toEqual([pair[1], pair[2]]);
            expect(pair[1]).not.toBe(pair[2]);
          }
          const withData = series.filter((d) => d.date.startsWith(`${year}-`)).length;
          expect(svg.split('<title>').length - 1).toBe(withData);
        }
      }),
      { numRuns: 30 },
    );
  });
  it('draw both metrics once: a day whose levels differ uses a pair, the first metric shown unless the page switches', () => {
    const series = [
      { date: '2025-03-03', count: 10, features: 0 },
      { date: '2025-03-04', count: 1, features: 5 },
      { date: '2025-03-05', count: 10, features: 5 },
    ];
    const c = dayCalendar(series, 2025, createLocale('en', { weekStart: 'monday' }), () => 'd');
    expect(c.bins.commits.map((b) => b.level)).toEqual([0, 1, 2, 4]);
    expect(c.bins.features!.map((b) => b.level)).toEqual([0, 1, 4]);
    // Mar 3: commits 4, features 0; Mar 4: commits 1, features 4; Mar 5: both 4.
    expect(c.svg).toContain(
      '<g id="dx40"><rect class="heat-b4 heat-m1" width="10" height="10" rx="2"/><rect class="heat-b0 heat-m2" width="10" height="10" rx="2"/></g>',
    );
    expect(c.svg).toContain('<g id="dx14">');
    expect(c.svg).toMatch(/<use href="#dx40" y="\d+"><title>Mon, Mar 3: 10 commits, 0 features<\/title>/);
    expect(c.svg).toMatch(/<use href="#db4" y="\d+"><title>Wed, Mar 5: 10 commits, 5 features<\/title>/);
    expect(c.svg).toMatch(/aria-label="Commits per day in 2025: [^"]+ Features per day in 2025: [^"]+"/);
    expect(heatmapPageCss()).toContain('.heat-m1{display:var(--heat-m1,inline)}.heat-m2{display:var(--heat-m2,none)}');
  });
  it('restart ids on each page', () => {
    const a = {};
    const b = {};
    expect([nextChartId(a), nextChartId(a), nextChartId(b), nextChartId(a)]).toEqual(['h0', 'h1', 'h0', 'h2']);
  });
});

describe('day table', () => {
  it('lists the days of the year that have data, newest first, zero days included', () => {
    const rows = dayTableRows(
      [
        { date: '2024-01-05', count: 0 },
        { date: '2024-02-29', count: 4, features: 1 },
        { date: '2023-12-31', count: 2 },
      ],
      2024,
      en,
    );
    expect(rows).toEqual([
      { date: '2024-02-29', label: 'Thu, Feb 29', count: 4, features: 1 },
      { date: '2024-01-05', label: 'Fri, Jan 5', count: 0 },
    ]);
  });
});

describe('activity CSV (date,count[,features])', () => {
  it('reports bad dates, duplicate days and negative counts with their line, and keeps the good rows', () => {
    const problems: Problem[] = [];
    const days = parseActivityCsv('date,count\n2024-02-30,1\n2024-03-01,2\n2024-03-01,3\n2024-03-02,-1\n2024-03-03,4\n', 'a.csv', problems);
    expect(days).toEqual([
      { date: '2024-03-01', count: 2 },
      { date: '2024-03-03', count: 4 },
    ]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'date'],
      [4, 'date'],
      [5, 'count'],
    ]);
  });

  it('reports every bad cell of a row, not only the first', () => {
    const problems: Problem[] = [];
    const days = parseActivityCsv('date,count,features\n2024-13-01,x,-2\n2024-03-01,2,5\n2024-03-02,3,1\n', 'a.csv', problems);
    expect(days).toEqual([{ date: '2024-03-02', count: 3, features: 1 }]);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'date', 'expected a calendar day as YYYY-MM-DD, found "2024-13-01"'],
      [2, 'count', 'expected a whole number ≥ 0, found "x"'],
      [2, 'features', 'expected a whole number ≥ 0, found "-2"'],
      [3, 'features', 'expected no more than count (2), found 5'],
    ]);
  });
});
