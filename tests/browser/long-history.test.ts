// A thirty-year career (the bench's Y content: 360 months, daily activity), built for real and read in
// Chromium at a phone and a desktop width: the profile page stays under its budget and navigable,
// each year's day calendar is on its year in review, bars keep their width, and the one drawing of
// both metrics takes the colours of the metric the switch picks.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { SIZES, generate } from '../bench/generate.ts';
import { sharedBrowser } from '../support/fixtures.ts';
import { axeViolations, contextOptions, horizontalOverflow, VIEWPORTS, type ViewportName } from '../support/page-checks.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runAstroBuild } from '../support/test-site.ts';

/** Full-page pictures of the profile page and a year page at both widths, for people to look at. */
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots-long-history');

/** The profile page's HTML budget (issue 28), at any length of history. */
const PAGE_BUDGET = 250_000;
const YEARS = Array.from({ length: 30 }, (_, i) => 2025 - i);

let tmp: string;
let root: string;
let slug: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'engfolio-long-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const generated = generate(join(tmp, 'content'), SIZES.Y!);
  slug = generated.slugs[0]!;
  root = makeTestSite({ content: join(tmp, 'content'), options: { shareImages: false } });
  const r = await runAstroBuild(root);
  expect(r.code, r.out + r.err).toBe(0);
  server = await serveStatic(join(root, 'dist'));
  browser = await sharedBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) removeTestSite(root);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const page = (path: string): string => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
const count = (html: string, s: string): number => html.split(s).length - 1;

describe('a thirty-year profile page', () => {
  it(`stays under ${PAGE_BUDGET.toLocaleString('en')} bytes, drawing the latest year's day calendar and linking every earlier one`, () => {
    const html = page(slug);
    expect(Buffer.byteLength(html)).toBeLessThan(PAGE_BUDGET);
    expect(count(html, 'class="day-chart"')).toBe(1);
    expect(html).toContain('Commits per day in 2025');
    expect(html).not.toContain('Commits per day in 2024');
    // One month heatmap for both metrics, thirty year rows each linking its year in review.
    expect(count(html, 'class="month-chart"')).toBe(1);
    for (const year of YEARS) expect(html, String(year)).toContain(`<a href="/${slug}/${year}/"><text`);
    const earlier = html.slice(html.indexOf('class="heat-earlier"'), html.indexOf('</nav>', html.indexOf('class="heat-earlier"')));
    expect([...earlier.matchAll(/href="\/[^/]+\/(\d{4})\/#calendar-h"/g)].map((m) => Number(m[1]))).toEqual(YEARS.slice(1));
  });

  it('keeps every month an anchor the heatmap links to: the latest twelve in full, the rest by year', () => {
    const html = page(slug);
    expect(count(html, '<article ')).toBe(12);
    for (const year of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const key = `${year}-${String(m).padStart(2, '0')}`;
        expect(count(html, ` id="${key}"`), key).toBe(1);
        expect(html, key).toContain(`href="#${key}"`);
      }
    }
    expect(html).toContain('Earlier months, by year');
    expect(html).toContain('Commits and features per year');
  });

  it("gives every year in review its own day calendar and table, on the profile's scale", () => {
    for (const year of YEARS) {
      const html = page(`${slug}/${year}`);
      expect(count(html, 'class="day-chart"'), String(year)).toBe(1);
      expect(html).toContain(`Commits per day in ${year}`);
      expect(html).toContain(`Days with activity in ${year}`);
    }
  });
});

describe("a long record's repository pages", () => {
  it('list a person past 24 months by year (links to their years in review), and the older months by year, each month once', () => {
    const repos = join(root, 'dist', 'repos');
    const pages = readdirSync(repos, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && f.split('/').length === 3)
      .map((f) => readFileSync(join(repos, f), 'utf8'));
    const long = pages.filter((html) => count(html, 'Earlier months, by year') === 1);
    expect(long.length).toBeGreaterThan(0);
    for (const html of pages) {
      const months = [...html.matchAll(/<li id="(\d{4}-\d{2})"/g)].map((m) => m[1]!);
      expect(new Set(months).size).toBe(months.length);
      const grouped = months.length > 24;
      expect(count(html, 'Earlier months, by year')).toBe(grouped ? 1 : 0);
      // The person card: year links while the months are many, month links while they are few.
      const years = new Set(months.map((m) => m.slice(0, 4)));
      for (const year of years) expect(html.includes(`href="/${slug}/${year}/"`)).toBe(grouped);
    }
  });
});

/** The colour Chromium paints at the centre of `target`, as `#rrggbb`. */
async function colourAt(p: Page, target: Locator): Promise<string> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${String(target)}: not shown`);
  const clip = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2), width: 1, height: 1 };
  const png = PNG.sync.read(await p.screenshot({ clip }));
  return `#${[...png.data.subarray(0, 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])('at the %s width', (viewport) => {
  it('has no sideways scrolling, no bar thinner than 3 px, a height a reader can scroll, and no axe violation', async () => {
    const context = await browser.newContext(contextOptions(viewport, 'light'));
    try {
      const p = await context.newPage();
      await p.goto(`${server.baseUrl}${slug}/`, { waitUntil: 'load' });
      expect(await horizontalOverflow(p)).toEqual([]);
      const bars = await p.evaluate(() => [...document.querySelectorAll('.bars-chart rect')].map((r) => r.getBoundingClientRect().width));
      expect(bars.length).toBeGreaterThan(0);
      expect(Math.min(...bars)).toBeGreaterThanOrEqual(3);
      // 134,144 px at 360 and 88,753 px at 1280 before the page was made for long records.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(viewport === 'phone' ? 25_000 : 15_000);
      await p.screenshot({ path: join(SCREENSHOTS, `profile-${viewport}.png`), fullPage: true });
      await p.goto(`${server.baseUrl}${slug}/2003/`, { waitUntil: 'load' });
      expect(await horizontalOverflow(p)).toEqual([]);
      await p.screenshot({ path: join(SCREENSHOTS, `year-2003-${viewport}.png`), fullPage: true });
    } finally {
      await context.close();
    }
    const axe = await axeViolations(browser, `${server.baseUrl}${slug}/`, contextOptions(viewport, 'light'));
    expect([...axe.values()].flat()).toEqual([]);
  });

  it("colours the one drawing of both metrics by the switch: a month and a day whose levels differ take each metric's legend colour", async () => {
    const context = await browser.newContext(contextOptions(viewport, 'light'));
    try {
      const p = await context.newPage();
      await p.goto(`${server.baseUrl}${slug}/`, { waitUntil: 'load' });
      // The month chart's legends come first in the block, the day calendar's second.
      for (const [index, chart] of ['.month-chart', '.day-chart'].entries()) {
        // A cell drawn as a pair (`<id>x<a><b>`): level a for commits, level b for features.
        const pair = await p.evaluate((c) => document.querySelector(`${c} use[href*="x"]`)?.getAttribute('href'), chart);
        expect(pair, chart).toMatch(/^#h\d+x\d\d$/);
        const [a, b] = pair!.slice(-2);
        const cell = p.locator(`${chart} use[href="${pair}"]`).first();
        const swatch = (metric: string, level: string) => p.locator(`.activity > .for-${metric}`).nth(index).locator(`.sw.b${level}`);
        expect(await colourAt(p, cell), `${chart} commits`).toBe(await colourAt(p, swatch('commits', a!)));
        await p.locator('label.metric-tab', { hasText: 'Features' }).click();
        expect(await colourAt(p, cell), `${chart} features`).toBe(await colourAt(p, swatch('features', b!)));
        await p.locator('label.metric-tab', { hasText: 'Commits' }).click();
      }
    } finally {
      await context.close();
    }
  });
});
