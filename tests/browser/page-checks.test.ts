// The browser checks and the crawler can fail: a clean fixture page passes every check and a broken
// one trips each of them (tests/fixtures/browser-checks/site/).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/test-site.ts';
import { crawl, type CrawlResult } from '../support/crawl.ts';
import { sharedBrowser } from '../support/fixtures.ts';
import { axeViolations, contextOptions, headingProblems, horizontalOverflow, unnamedImages, watchPage } from '../support/page-checks.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const SITE = join(PROJECT_ROOT, 'tests', 'fixtures', 'browser-checks', 'site');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(SITE, '/fixture/');
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads `path` at the phone width and returns every check's findings. */
async function check(path: string): Promise<{ watched: string[]; overflow: string[]; headings: string[]; images: string[]; axe: string[] }> {
  const url = server.baseUrl + path;
  const options = contextOptions('phone', 'light');
  const context = await browser.newContext(options);
  try {
    const page: Page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(url, { waitUntil: 'load' });
    return {
      overflow: await horizontalOverflow(page),
      headings: await headingProblems(page),
      images: await unnamedImages(page),
      watched: watch.problems(),
      axe: (await axeViolations(browser, url, options)).get('light') ?? ['axe did not run'],
    };
  } finally {
    await context.close();
  }
}

describe('page checks', () => {
  it('find nothing wrong with a clean page', async () => {
    expect(await check('good/')).toEqual({ watched: [], overflow: [], headings: [], images: [], axe: [] });
  });

  it('report each problem of a broken page', async () => {
    const found = await check('bad/');
    expect(found.watched).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HTTP 404: .*\/fixture\/bad\/missing\.css$/),
        expect.stringMatching(/^console error: .*Content Security Policy/),
      ]),
    );
    expect(found.overflow).toEqual([expect.stringMatching(/page is \d+px wide in a 360px viewport; sticking out: div\.wide/)]);
    expect(found.headings).toEqual(['headings: expected exactly one h1, found 2', 'headings: h2 is followed by h4 ("Skipped a level")']);
    expect(found.images).toEqual([expect.stringContaining('<img src="../good/dot.svg"'), expect.stringContaining('<svg width="20"')]);
    expect(found.axe).toEqual(expect.arrayContaining([expect.stringMatching(/^axe color-contrast /), expect.stringMatching(/^axe image-alt /)]));
  });
});

it('axe checks each colour scheme it is given', async () => {
  const found = await axeViolations(browser, `${server.baseUrl}dark-only/`, contextOptions('desktop', 'light'), ['light', 'dark']);
  expect(found.get('light')).toEqual([]);
  expect(found.get('dark')).toEqual([expect.stringMatching(/^axe color-contrast .* — h1 — /), expect.stringMatching(/^axe color-contrast .* — p — /)]);
});

describe('crawl', () => {
  let result: CrawlResult;
  beforeAll(async () => {
    result = await crawl(`${server.baseUrl}good/`);
  });

  it('follows links, stylesheets, feeds, images, SVG <use> and CSS url() on the same origin', () => {
    const urls = result.resources.map((r) => r.url.slice(server.baseUrl.length));
    expect(urls).toEqual(expect.arrayContaining(['good/', 'good/style.css', 'good/feed.xml', 'good/dot.svg', 'good/shapes.svg', 'bad/', 'bad/missing.css']));
    expect(result.pages.map((p) => p.url.slice(server.baseUrl.length))).toEqual(['good/', 'bad/']);
  });

  it('reports missing files, links out of the base path and missing #fragments', () => {
    expect(result.failures.map((r) => [new URL(r.url).pathname, r.status, r.referrers.map((u) => new URL(u).pathname)])).toEqual(
      expect.arrayContaining([
        ['/fixture/bad/missing.css', 404, ['/fixture/bad/']],
        ['/elsewhere/', 404, ['/fixture/bad/']],
      ]),
    );
    expect(result.failures).toHaveLength(2);
    expect(result.brokenFragments).toEqual([{ from: `${server.baseUrl}bad/`, href: '../good/#nowhere' }]);
  });

  it('checks absolute site URLs (Open Graph, canonical) on the local server when told the alias', async () => {
    const aliased = await crawl(`${server.baseUrl}good/`, undefined, { aliases: { 'https://example.test/': `${server.origin}/` } });
    expect(aliased.failures.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/fixture/bad/card.png', '/fixture/good/gone/']));
    expect(aliased.failures).toHaveLength(4);
  });
});
