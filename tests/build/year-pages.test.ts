// Years in review in a real build of the example: a page per year with activity and none for a year
// without, linked from the profile page's Years section and the month heatmap's year labels, with the
// figures of src/lib/year-review.ts (exact values, worked out by hand from the example's content).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/fixtures.ts';
import { sectionText, visibleText } from '../support/html-text.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');
/** The pages' text is whitespace-folded: Intl's thin spaces read as spaces. */
const fold = (s: string): string => s.replace(/\s/g, ' ');

describe('years in review', () => {
  let dir: string;
  const page = (path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');
  beforeAll(async () => {
    dir = await builtSite();
  });

  it('has a page for each year with activity, and none for a year without', () => {
    for (const y of ['2024', '2025', '2026']) expect(existsSync(join(dir, 'tejun-heo', y, 'index.html')), y).toBe(true);
    for (const y of ['2024', '2025']) expect(existsSync(join(dir, 'mira-kovac', y, 'index.html')), y).toBe(true);
    expect(existsSync(join(dir, 'mira-kovac', '2026'))).toBe(false);
    expect(existsSync(join(dir, 'tejun-heo', '2023'))).toBe(false);
  });

  it('is linked from the profile page, newest first, and from the month heatmap’s year labels', () => {
    const html = page('tejun-heo');
    const years = sectionText(html, 'years')!;
    // Each card: the year (a link), its commits, features and active months, the change on the year before.
    expect(years).toBe(
      'Years in review 202612 commits 4 features · 1 active month 101 fewer than in 2025 2025113 commits 29 features · 9 active months 32 fewer than in 2024 2024145 commits 42 features · 3 active months first year ',
    );
    for (const y of ['2024', '2025', '2026']) {
      expect(html).toMatch(new RegExp(`<a class="year" href="/tejun-heo/${y}/"[^>]*>${y}</a>`));
      expect(html).toContain(`<a href="/tejun-heo/${y}/"><text x="30"`);
    }
  });

  it('compares a year with the one before, and names its busiest month, week and day and its longest runs', () => {
    const text = visibleText(page('mira-kovac/2025'));
    expect(text).toContain('2025 in review');
    expect(text).toContain(
      'Commits 35 21 more than in 2024 Features 7 4 more than in 2024 Bug fixes 7 5 more than in 2024 Active months 2 1 more than in 2024 Active days 16 4 more than in 2024',
    );
    expect(text).toContain('Busiest month June 2025: 27 commits');
    // English weeks start on Sunday: June 1st, 2025.
    expect(text).toContain(`Busiest week ${fold(en.dayRange('2025-06-01', '2025-06-07'))}: 10 commits`);
    expect(text).toContain('Busiest day Jun 3, 2025: 4 commits');
    expect(text).toContain(`Longest run of active days 4 days, ${fold(en.dayRange('2025-06-03', '2025-06-06'))}`);
    expect(text).toContain(`Longest run of active working days 4 working days, ${fold(en.dayRange('2025-06-03', '2025-06-06'))}`);
    expect(visibleText(page('mira-kovac/2024'))).toContain('Commits 14 first year');
  });

  it('shows the languages and the hours of a year whose months record them, and leaves both out of one whose months do not', () => {
    const html = page('mira-kovac/2025');
    expect(html).toContain('aria-label="Languages in 2025: Go 53.5%, Starlark 27.9%, TypeScript 14%, Rust 4.7%."');
    expect(visibleText(html)).toContain('Go 23 53.5% Starlark 12 27.9% TypeScript 6 14% Rust 2 4.7%');
    expect(html).toContain('aria-label="Commits by weekday and hour in 2025, in the author\'s own time: 33 commits; busiest Mon 10:00 (3)."');
    const earlier = page('mira-kovac/2024');
    expect(earlier).not.toContain('id="languages-h"');
    expect(earlier).not.toContain('id="hours-h"');
    expect(html).toContain('id="languages-h"');
    expect(html).toContain('id="hours-h"');
    // The profile page's mix covers every month.
    expect(page('mira-kovac')).toContain('aria-label="Languages over all months: Go 53.5%, Starlark 27.9%, TypeScript 14%, Rust 4.7%."');
  });

  it('draws features and bug fixes per month, with the same numbers in a table, and links the year’s months', () => {
    const html = page('mira-kovac/2025');
    expect(html).toContain('aria-label="Features and bug fixes per month in 2025: 7 features, 7 bug fixes."');
    expect(html).toContain('<title>Jun 2025: 4 bug fixes</title>');
    expect(visibleText(html)).toContain('June 2025 27 5 4');
    expect(html).toMatch(/<a href="\/mira-kovac\/2025-06\/"[^>]*>June 2025<\/a>/);
    expect(html).toMatch(/<a href="\/mira-kovac\/2025-11\/"[^>]*>November 2025<\/a>/);
    expect(html).toMatch(/<a class="older" href="\/mira-kovac\/2024\/" rel="prev"/);
    // An export without bug counts per month: features only.
    const tejun = page('tejun-heo/2025');
    expect(tejun).toContain('aria-label="Features per month in 2025: 29 features."');
    expect(tejun).not.toContain('Bug fixes');
  });
});
