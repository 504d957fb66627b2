// Every internal link and asset reference of the built example site resolves when served, both as a
// root site and as a GitHub Pages project site under a base path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlResult } from '../support/crawl.ts';
import { servedSite } from '../support/fixtures.ts';
import type { StaticServer } from '../support/server.ts';
import { BASE_PATH_BUILD } from '../support/site-pages.ts';

describe.each([
  { name: 'root site', build: {} },
  { name: 'site under a base path', build: BASE_PATH_BUILD },
])('links of the $name', ({ build }) => {
  let server: StaticServer;
  let result: CrawlResult;

  beforeAll(async () => {
    server = await servedSite(build);
    // A build with a site URL writes absolute canonical and Open Graph URLs: check them here too.
    const site = 'site' in build ? { [`${build.site}/`]: `${server.origin}/` } : {};
    result = await crawl(server.baseUrl, undefined, { aliases: site });
  });
  afterAll(() => server?.close());

  it('reaches the home page and more than it', () => {
    expect(result.pages.map((p) => p.url)).toContain(server.baseUrl);
    expect(result.resources.length).toBeGreaterThan(1);
  });

  it('finds no broken internal link or asset reference', () => {
    const broken = result.failures.map((r) => `${r.url} → ${r.status || 'request failed'} (referenced by ${r.referrers.join(', ')})`);
    expect(broken).toEqual([]);
  });

  it('finds every #fragment a link points at', () => {
    expect(result.brokenFragments).toEqual([]);
  });

  it('keeps every page and asset under the base path', () => {
    const outside = result.resources.filter((r) => !r.url.startsWith(server.baseUrl)).map((r) => r.url);
    expect(outside).toEqual([]);
  });
});
