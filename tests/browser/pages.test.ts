// Every page of the built example site, found by crawling from `/`, in light and dark and at a phone
// and a desktop width: no console error, no failed request, no sideways scrolling, no axe-core
// WCAG 2.1 A/AA violation, one h1 and no skipped heading level, a name for every image and chart.
// Screenshots of the index and a profile page go to test-results/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { crawl } from '../support/crawl.ts';
import { servedSite, sharedBrowser } from '../support/fixtures.ts';
import {
  axeViolations,
  COLOR_SCHEMES,
  contextOptions,
  headingProblems,
  horizontalOverflow,
  unnamedImages,
  VIEWPORTS,
  watchPage,
  type ColorScheme,
  type ViewportName,
} from '../support/page-checks.ts';
import { firstProfile, pageKind, pageLabel } from '../support/site-pages.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

const server = await servedSite();
const browser = await sharedBrowser();
const { pages } = await crawl(server.baseUrl);
const profile = firstProfile(pages, server.baseUrl);
const screenshotted = new Set([server.baseUrl, ...(profile ? [profile.url] : [])]);
afterAll(async () => {
  await browser.close();
  await server.close();
});

const combos = COLOR_SCHEMES.flatMap((scheme) =>
  (Object.keys(VIEWPORTS) as ViewportName[]).map((viewport) => ({ scheme, viewport })),
);

it('the crawl finds the index and a profile page', () => {
  expect(pageKind(pages[0]?.url ?? '', server.baseUrl)).toBe('index');
  expect(profile, `no profile page among ${pages.map((p) => p.url).join(', ')}`).toBeDefined();
});

describe.each(pages.map((p) => ({ url: p.url, path: new URL(p.url).pathname })))('page $path', ({ url }) => {
  it.concurrent.each(combos)('$scheme, $viewport', async ({ scheme, viewport }: { scheme: ColorScheme; viewport: ViewportName }) => {
    const options = contextOptions(viewport, scheme);
    // The page as a reader gets it, CSP enforced: CSP violations surface as console errors here.
    const context = await browser.newContext(options);
    const problems: string[] = [];
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      problems.push(
        ...(await horizontalOverflow(page)),
        ...(await headingProblems(page)),
        ...(await unnamedImages(page)),
      );
      if (screenshotted.has(url)) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const label = pageLabel(url, server.baseUrl);
        const name = `${label === 'index' ? label : `${pageKind(url, server.baseUrl)}-${label}`}-${scheme}-${viewport}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
      }
      problems.push(...watch.problems());
    } finally {
      await context.close();
    }
    problems.push(...(await axeViolations(browser, url, options)));
    expect(problems).toEqual([]);
  });
});
