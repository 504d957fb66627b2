// The language mix (shares of commits touching each language, Linguist's colours, "Other" past eight),
// its bar, and the weekday × hour grid of a year.
import { describe, expect, it } from 'vitest';
import { languageMix } from '../../src/lib/language-mix.ts';
import { languageBarSvg } from '../../src/lib/charts/language-bar.ts';
import { layoutHourGrid } from '../../src/lib/charts/hour-grid.ts';
import { sumHours } from '../../src/lib/year-review.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

describe('languageMix', () => {
  it('sums the months that record languages, largest first, ties by name, with Linguist’s colours', () => {
    const mix = languageMix([{ languages: { Go: 3, TypeScript: 1 } }, {}, { languages: { TypeScript: 2, Zig: 3, Ada: 1 } }]);
    expect(mix).toEqual([
      { name: 'Go', commits: 3, share: 0.3, color: '#00ADD8' },
      { name: 'TypeScript', commits: 3, share: 0.3, color: '#3178c6' },
      { name: 'Zig', commits: 3, share: 0.3, color: '#ec915c' },
      { name: 'Ada', commits: 1, share: 0.1, color: '#02f88c' },
    ]);
    expect(mix!.map((s) => en.percent(s.share * 100))).toEqual(['30%', '30%', '30%', '10%']);
  });

  it('groups all but the eight largest as Other, and is undefined without recorded languages', () => {
    const languages = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((n, i) => [`Lang${n}`, 10 - i]));
    const mix = languageMix([{ languages }])!;
    expect(mix.map((s) => [s.name, s.commits])).toEqual([
      ['LangA', 10],
      ['LangB', 9],
      ['LangC', 8],
      ['LangD', 7],
      ['LangE', 6],
      ['LangF', 5],
      ['LangG', 4],
      ['LangH', 3],
      ['Other', 3],
    ]);
    // No Linguist colour: a neutral grey.
    expect(mix[0]!.color).toBe('#8b949e');
    expect(languageMix([{}, { languages: undefined }])).toBeUndefined();
    expect(languageMix([{ languages: {} }])).toBeUndefined();
  });

  it('draws a bar whose shares fill it exactly', () => {
    const svg = languageBarSvg(languageMix([{ languages: { Go: 2, Rust: 1 } }])!, 'Languages: Go 66.7%, Rust 33.3%.', en.percent);
    expect(svg).toContain('<rect x="0" y="0" width="400" height="12" fill="#00ADD8"><title>Go: 66.7%</title></rect>');
    expect(svg).toContain('<rect x="400" y="0" width="200" height="12" fill="#dea584"><title>Rust: 33.3%</title></rect>');
    expect(svg).toContain('role="img" aria-label="Languages: Go 66.7%, Rust 33.3%."');
  });
});

describe('the weekday × hour grid', () => {
  const hours = sumHours([
    { Mon: Array.from({ length: 24 }, (_, h) => (h === 9 ? 2 : 0)) },
    undefined,
    { Mon: Array.from({ length: 24 }, (_, h) => (h === 9 ? 1 : 0)), Sun: Array.from({ length: 24 }, (_, h) => (h === 23 ? 1 : 0)) },
  ])!;

  it('sums the months that record hours, Monday first', () => {
    expect(hours).toHaveLength(7);
    expect(hours[0]![9]).toBe(3);
    expect(hours[6]![23]).toBe(1);
    expect(hours.flat().reduce((s, k) => s + k, 0)).toBe(4);
    expect(sumHours([undefined, undefined])).toBeUndefined();
  });

  it('lays out a cell per weekday and hour, weekday names and every third hour', () => {
    const layout = layoutHourGrid(hours, 2025, en);
    expect(layout.cells).toHaveLength(168);
    expect(layout.cells.find((c) => c.key === 'Mon09')).toMatchObject({ x: 178, y: 16, title: 'Mon 09:00–09:59: 3 commits' });
    expect(layout.cells.find((c) => c.key === 'Sun23')).toMatchObject({ x: 402, y: 112, title: 'Sun 23:00–23:59: 1 commit' });
    expect(layout.labels.map((l) => l.text)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', '00', '03', '06', '09', '12', '15', '18', '21']);
    expect([layout.width, layout.height]).toEqual([416, 126]);
    expect(layout.summary).toBe("Commits by weekday and hour in 2025, in the author's own time: 4 commits; busiest Mon 09:00 (3).");
  });
});
