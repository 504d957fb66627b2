// The example site built for a GitHub Pages project site under /engfolio-test/ and served there:
// every page found by crawling from the base loads with no failed request and no console error.
// (Its links and assets are checked in links.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { crawl } from '../support/crawl.ts';
import { servedSite, sharedBrowser } from '../support/fixtures.ts';
import { contextOptions, watchPage } from '../support/page-checks.ts';
import { BASE_PATH_BUILD } from '../support/site-pages.ts';

const server = await servedSite(BASE_PATH_BUILD);
const browser = await sharedBrowser();
const { pages } = await crawl(server.baseUrl);
afterAll(async () => {
  await browser.close();
  await server.close();
});

it('the crawl under the base path finds more pages than the index', () => {
  expect(pages[0]?.url).toBe(server.baseUrl);
  expect(pages.length).toBeGreaterThan(1);
});

describe.each(pages.map((p) => ({ url: p.url, path: new URL(p.url).pathname })))('page $path', ({ url }) => {
  it.concurrent('loads with no failed request and no console error', async () => {
    const context = await browser.newContext(contextOptions('desktop', 'light'));
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(watch.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
