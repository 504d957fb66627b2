// The browser gate on a theme that is not the default: a custom accent, another heatmap scheme, the
// dark appearance forced and a self-hosted font. A few pages of one profile, in a reader's light and
// dark system setting, at a phone and a desktop width: the same checks as pages.test.ts (axe, no
// sideways scrolling, no console error or failed request under the CSP), and the theme really applied.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sharedBrowser } from '../support/fixtures.ts';
import {
  axeViolations,
  brokenImages,
  chartTextProblems,
  COLOR_SCHEMES,
  contextOptions,
  headingProblems,
  horizontalOverflow,
  VIEWPORTS,
  watchPage,
  type ViewportName,
} from '../support/page-checks.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runAstroBuild } from '../support/test-site.ts';
import { darkAccentFor } from '../../src/lib/theme/palette.ts';

const THEME = { accent: '#be185d', heatmap: 'oranges', appearance: 'dark', font: { family: 'Inter Theme Test', src: '/fonts/inter.ttf' } };
const INTER = join(PROJECT_ROOT, 'node_modules', '@expo-google-fonts', 'inter', '400Regular', 'Inter_400Regular.ttf');
/** The index, a profile page, one of its months and a year in review. */
const PATHS = ['/', 'mira-kovac/', 'mira-kovac/2025-06/', 'mira-kovac/2025/'];

let root: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  root = makeTestSite({ options: { theme: THEME } });
  mkdirSync(join(root, 'public', 'fonts'), { recursive: true });
  copyFileSync(INTER, join(root, 'public', 'fonts', 'inter.ttf'));
  const r = await runAstroBuild(root);
  expect(r.code, r.out + r.err).toBe(0);
  server = await serveStatic(join(root, 'dist'));
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTestSite(root);
});

it('forces dark, in the accent and the font it names, whatever the reader’s system says', async () => {
  const context = await browser.newContext(contextOptions('desktop', 'light'));
  try {
    const page = await context.newPage();
    await page.goto(server.baseUrl + 'mira-kovac/', { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const seen = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const body = getComputedStyle(document.body);
      return {
        background: body.backgroundColor,
        colorScheme: root.colorScheme,
        font: body.fontFamily,
        fontLoaded:
          document.fonts.check('16px "Inter Theme Test"') && [...document.fonts].some((f) => f.family.includes('Inter Theme Test') && f.status === 'loaded'),
        mark: getComputedStyle(document.querySelector('.site-name')!, '::before').backgroundImage,
      };
    });
    expect(seen.colorScheme).toBe('dark');
    expect(seen.background).toBe('rgb(16, 20, 23)');
    expect(seen.font).toMatch(/^"?Inter Theme Test"?,/);
    expect(seen.fontLoaded).toBe(true);
    // The header's mark is drawn in the accent: the dark one, derived from #be185d.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(darkAccentFor(THEME.accent).slice(i, i + 2), 16));
    expect(seen.mark).toContain(`rgb(${r}, ${g}, ${b})`);
  } finally {
    await context.close();
  }
});

it.concurrent.each(PATHS.map((path) => ({ path })))('page $path: a reader in light and dark, phone and desktop', async ({ path }) => {
  const url = new URL(path, server.baseUrl).href;
  const problems: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const context = await browser.newContext(contextOptions(viewport, COLOR_SCHEMES[0]!));
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      for (const scheme of COLOR_SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => document.fonts.ready);
        const found = [
          ...(await horizontalOverflow(page)),
          ...(await headingProblems(page)),
          ...(await brokenImages(page)),
          ...(await chartTextProblems(page)),
        ];
        problems.push(...found.map((p) => `[${scheme} ${viewport}] ${p}`));
      }
      problems.push(...watch.problems().map((p) => `[${viewport}] ${p}`));
    } finally {
      await context.close();
    }
    const axe = await axeViolations(browser, url, contextOptions(viewport, COLOR_SCHEMES[0]!), COLOR_SCHEMES);
    for (const [scheme, violations] of axe) problems.push(...violations.map((v) => `[${scheme} ${viewport}] ${v}`));
  }
  expect(problems).toEqual([]);
});
