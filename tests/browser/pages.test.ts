// Every page of the built example site, found by crawling from `/`, in light and dark and at a phone
// and a desktop width: no console error, no failed request, no sideways scrolling, no axe-core
// WCAG 2.1 A/AA violation, one h1 and no skipped heading level, a name for every image and chart, every
// image loaded at the shape it says, and no chart text that runs into other text or out of its chart.
// Screenshots of the index and a profile page go to test-results/screenshots/ for people to look at.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/test-site.ts';
import { crawl } from '../support/crawl.ts';
import { servedSite, sharedBrowser } from '../support/fixtures.ts';
import {
  axeViolations,
  brokenImages,
  chartTextProblems,
  COLOR_SCHEMES,
  contextOptions,
  headingProblems,
  horizontalOverflow,
  unnamedImages,
  VIEWPORTS,
  watchPage,
  type ViewportName,
} from '../support/page-checks.ts';
import { firstProfile, pageKind, pageLabel } from '../support/site-pages.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');
// Only this run's pictures: a page renamed since the last run leaves no stale screenshot behind.
rmSync(SCREENSHOTS, { recursive: true, force: true });

const server = await servedSite();
const browser = await sharedBrowser();
const { pages } = await crawl(server.baseUrl);
const profile = firstProfile(pages, server.baseUrl);
// The index, the first profile page and its first year in review.
const year = profile && pages.find((p) => p.url.startsWith(profile.url) && pageKind(p.url, server.baseUrl) === 'year');
const screenshotted = new Set([server.baseUrl, ...(profile ? [profile.url] : []), ...(year ? [year.url] : [])]);
afterAll(async () => {
  await browser.close();
  await server.close();
});

it('the crawl finds the index, a profile page and its year in review', () => {
  expect(pageKind(pages[0]?.url ?? '', server.baseUrl)).toBe('index');
  expect(profile, `no profile page among ${pages.map((p) => p.url).join(', ')}`).toBeDefined();
  expect(year, `no year page of ${profile?.url}`).toBeDefined();
});

// One test per page covering its four combinations (each problem line says which): pages run in
// parallel; each width loads the page once and switches the colour scheme in place (requests the
// switch triggers are still watched), and axe is injected once per width.
it.concurrent.each(pages.map((p) => ({ url: p.url, path: new URL(p.url).pathname })))('page $path: light and dark, phone and desktop', async ({ url }) => {
  const problems: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    // The page as a reader gets it, CSP enforced: CSP violations surface as console errors here.
    const context = await browser.newContext(contextOptions(viewport, COLOR_SCHEMES[0]!));
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(url, { waitUntil: 'load' });
      let seen = 0;
      for (const scheme of COLOR_SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => document.fonts.ready);
        const found = [
          ...(await horizontalOverflow(page)),
          ...(await headingProblems(page)),
          ...(await unnamedImages(page)),
          ...(await brokenImages(page)),
          ...(await chartTextProblems(page)),
        ];
        if (screenshotted.has(url)) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          const name = pageLabel(url, server.baseUrl);
          const file = `${name === 'index' ? name : `${pageKind(url, server.baseUrl)}-${name}`}-${scheme}-${viewport}.png`;
          await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
        }
        const watched = watch.problems();
        found.push(...watched.slice(seen));
        seen = watched.length;
        problems.push(...found.map((p) => `[${scheme} ${viewport}] ${p}`));
      }
    } finally {
      await context.close();
    }
    const axe = await axeViolations(browser, url, contextOptions(viewport, COLOR_SCHEMES[0]!), COLOR_SCHEMES);
    for (const [scheme, violations] of axe) problems.push(...violations.map((v) => `[${scheme} ${viewport}] ${v}`));
  }
  expect(problems).toEqual([]);
});
