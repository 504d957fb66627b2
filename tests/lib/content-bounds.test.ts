// Issue 27: `check` refuses what the build cannot do — counts past the cap, years the pages cannot show,
// Markdown too large, too full of character references or too deep, names with control or bidi
// characters — each with its file, line and field; and what it accepts, the build draws (both ends of
// the years, through the real date and layout code).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { monthSpan } from '../../src/lib/charts/month-axis.ts';
import { layoutCommitBars } from '../../src/lib/charts/month-bars.ts';
import { dateOfDayNumber, dayNumber } from '../../src/lib/calendar.ts';
import { MAX_COUNT, publishedProfileSchema, SHOWN_YEAR_PREFIX, SHOWN_YEARS } from '../../src/lib/content-schema.ts';
import { readContent } from '../../src/lib/content-read.ts';
import { layoutDayYear } from '../../src/lib/heatmap/day-layout.ts';
import { layoutMonths } from '../../src/lib/heatmap/month-layout.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { buildProfileView } from '../../src/lib/profile-view.ts';
import { profileCard, yearCard } from '../../src/lib/share-image/cards.ts';
import { yearReviews } from '../../src/lib/year-review.ts';

const en = createLocale('en');
const fixture = fileURLToPath(new URL('../fixtures/content-bounds/', import.meta.url));

describe('content-bounds fixture: every bound in one read', () => {
  const problems = readContent(fixture, fixture).problems.map(formatProblem);
  const expected = [
    // counts: monthly, daily and declared, up to the one cap (1,000,000,000 itself is accepted)
    'error months/bounds/2024-01.md:2 — commits: expected a count up to 1,000,000,000, found number 2000000000',
    'error activity/bounds.csv:4 — count: expected a count up to 1,000,000,000, found number 2000000000',
    'error profiles/bounds.md:7 — totals.commits: expected a count up to 1,000,000,000, found number 2000000000',
    // years: file names, month fields and days, 1000 to 9998
    'error months/bounds/0999-12.md — expected the file name to be a month from 1000-01 to 9998-12 (the years the pages show), found "0999-12.md"',
    'error months/bounds/9999-12.md — expected the file name to be a month from 1000-01 to 9998-12 (the years the pages show), found "9999-12.md"',
    'error months/bounds/2024-03.md:4 — month: expected a month from 1000-01 to 9998-12, found "0999-03"',
    'error profiles/bounds.md:9 — repositories.0.from: expected a month from 1000-01 to 9998-12, found "0999-01"',
    'error profiles/bounds.md:9 — repositories.0.to: expected a month from 1000-01 to 9998-12, found "9999-12"',
    'error activity/bounds.csv:2 — date: expected a day from 1000-01-01 to 9998-12-31, found "0999-12-31"',
    'error activity/bounds.csv:6 — date: expected a day from 1000-01-01 to 9998-12-31, found "9999-01-01"',
    // Markdown the renderers cannot take, at the line where it passes the limit
    'error profiles/bounds.md:14 — expected a summary nested at most 100 levels deep (quotes, lists, emphasis, links), found 10,001 levels',
    'error months/bounds/2024-02.md:7 — expected a narrative nested at most 100 levels deep (quotes, lists, emphasis, links), found 301 levels',
    'error months/bounds/2024-01.md:9 — expected a narrative with at most 10,000 character references (&name; or &#…;), found 10,001: write the characters themselves',
    // control and bidi characters, named rather than printed; a joiner (ZWJ in skills) is fine
    'error profiles/bounds.md:2 — name: expected text without control characters or bidirectional overrides, found "Mira<U+202E> Kovač"',
    'error profiles/bounds.md:3 — headline: expected text without control characters or bidirectional overrides, found "Ring<U+0007> the bell"',
    'error profiles/bounds.md:5 — links.0.label: expected text without control characters or bidirectional overrides, found "Site<U+2066>"',
    'error months/bounds/2024-01.md:5 — languages.Go<U+0000>: expected text without control characters or bidirectional overrides as a name, found "Go<U+0000>"',
  ];
  for (const message of expected) it(message.slice(0, 100), () => expect(problems).toContain(message));
  it('reports nothing else', () => expect([...problems].sort()).toEqual([...expected].sort()));
});

describe('narratives past a limit, made here (too large for a fixture)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'engfolio-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'profiles'));
  mkdirSync(join(dir, 'months', 'big'), { recursive: true });
  writeFileSync(join(dir, 'profiles', 'big.md'), '---\nname: Big\n---\n');
  const month = (key: string, narrative: string) => writeFileSync(join(dir, 'months', 'big', `${key}.md`), `---\ncommits: 1\nfeatures: 0\n---\n${narrative}`);
  // 3 MiB of short lines: 2 MiB is passed on the body's (line 5's) line 2,097,152 / 1,024 + 1.
  month('2024-01', `${'x'.repeat(1023)}\n`.repeat(3 * 1024));
  // A million quotes: refused without parsing (satteri takes minutes over them).
  month('2024-02', `First line.\n${'>'.repeat(1_000_000)} deep\n`);
  // 30,000 references took 15.8 s to render; 40,000 failed.
  month('2024-03', '&#x61;'.repeat(30_000));
  const problems = readContent(dir, dir).problems.map(formatProblem);

  it('gives exactly these problems', () =>
    expect(problems).toEqual([
      'error months/big/2024-01.md:2053 — expected a narrative of at most 2,097,152 bytes (2 MiB), found 3,145,728 bytes',
      'error months/big/2024-02.md:6 — expected a narrative nested at most 100 levels deep (quotes, lists, emphasis, links), found up to 1,000,001 levels',
      'error months/big/2024-03.md:5 — expected a narrative with at most 10,000 character references (&name; or &#…;), found 30,000: write the characters themselves',
    ]));
});

describe('the years the pages show', () => {
  it('are the years SHOWN_YEAR_PREFIX admits in month and day keys, and no others', () => {
    for (let year = 0; year <= 9999; year++) {
      const y = String(year).padStart(4, '0');
      const shown = year >= SHOWN_YEARS.first && year <= SHOWN_YEARS.last;
      expect(SHOWN_YEAR_PREFIX.test(`${y}-06`), y).toBe(shown);
      expect(SHOWN_YEAR_PREFIX.test(`${y}-06-15`), y).toBe(shown);
    }
    // A key of another shape is the shape rule's to report.
    expect(['2024-1', '24-01', 'soon', ''].every((k) => SHOWN_YEAR_PREFIX.test(k))).toBe(true);
  });

  it('are drawn at both ends by the real date and layout code', () => {
    const { first, last } = SHOWN_YEARS;
    expect([en.monthShort(`${first}-01`), en.monthLong(`${last}-12`), en.dayShort(`${first}-01-01`), en.year(last)]).toEqual([
      'Jan 1000',
      'December 9998',
      'Jan 1, 1000',
      '9998',
    ]);
    expect(en.monthRange(`${first}-01`, `${last}-12`)).toBe('Jan 1000\u2009–\u2009Dec 9998');
    expect(dateOfDayNumber(dayNumber(`${last}-12-31`))).toBe('9998-12-31');
    expect(monthSpan(`${last}-11`, `${last}-12`)).toEqual(['9998-11', '9998-12']);

    const months = [`${first}-01`, `${first}-12`, `${last}-01`, `${last}-12`].map((key) => ({
      month: key,
      commits: MAX_COUNT,
      features: 1,
      bugs: 1,
      repositories: ['a/b'],
      areas: [],
      generated: false,
    }));
    const days = [
      { date: `${first}-01-01`, count: MAX_COUNT },
      { date: `${last}-12-31`, count: 1 },
    ];
    const heatmap = layoutMonths(months, 'commits', { locale: en });
    expect(heatmap.labels.filter((l) => /^\d+$/.test(l.text)).map((l) => l.text)).toEqual(['9998', '1000']);
    expect(heatmap.cells.filter((c) => c.level !== null).map((c) => c.key)).toEqual(['9998-01', '9998-12', '1000-01', '1000-12']);
    for (const year of [first, last]) expect(layoutDayYear(days, year, { weekStart: 'monday', locale: en }).cells.length).toBe(365);

    const view = buildProfileView('edge', publishedProfileSchema.parse({ name: 'Edge' }), months, days);
    const reviews = yearReviews(view.months, view.days, 'monday');
    expect(reviews.map((r) => [r.year, r.months[0]!.month, r.months[11]!.month])).toEqual([
      [1000, '1000-01', '1000-12'],
      [9998, '9998-01', '9998-12'],
    ]);
    for (const review of reviews) expect(yearCard(view, review, 'Site', en).chart?.labels[0]?.text).toBe('Jan');
    expect(profileCard(view, 'Site', en).footer).toEqual(['Site', 'Jan 1000\u2009–\u2009Dec 9998']);
    expect(layoutCommitBars(months, en)?.summary).toBe('Commits per year, 1000 to 9998: 4,000,000,000 commits, 4 features among them.');
  });
});
