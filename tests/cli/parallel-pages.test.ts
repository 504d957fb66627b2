// The render loop that the main thread and the worker share (src/cli/parallel-pages.ts), with a stand-in
// for Astro's render: every page once, in its file, and a failing page named. Real builds through it
// are in tests/build/parallel-pages.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupByFirstSegment, pageOutputFile, pageUrl, renderFromQueue, type PageQueue } from '../../src/cli/parallel-pages.ts';

describe('pageUrl and pageOutputFile (directory-format sites)', () => {
  it('gives the request URL Astro gives a page: base path, page path, trailing slash', () => {
    expect(pageUrl({ base: '/', origin: 'https://example.test' }, '/ada/2024-01').href).toBe('https://example.test/ada/2024-01/');
    expect(pageUrl({ base: '/repo/', origin: 'http://localhost:4321' }, '/ada/2024-01/').href).toBe('http://localhost:4321/repo/ada/2024-01/');
    expect(pageUrl({ base: '/repo', origin: 'http://localhost:4321' }, '/').href).toBe('http://localhost:4321/repo/');
  });

  it("gives an endpoint's file its path under the base path, without a trailing slash", () => {
    expect(pageUrl({ base: '/', origin: 'https://example.test' }, '/ada/feed.xml', 'endpoint').href).toBe('https://example.test/ada/feed.xml');
    expect(pageUrl({ base: '/repo/', origin: 'https://example.test' }, '/ada/profile.json', 'endpoint').href).toBe('https://example.test/repo/ada/profile.json');
  });

  it('writes a page to <path>/index.html and an endpoint to <path>, URL-encoded as Astro records them', () => {
    expect(pageOutputFile('/ada/2024-01')).toBe('ada/2024-01/index.html');
    expect(pageOutputFile('/josé/2024-01/')).toBe('jos%C3%A9/2024-01/index.html');
    expect(pageOutputFile('/')).toBe('index.html');
    expect(pageOutputFile('/josé/feed.xml', 'endpoint')).toBe('jos%C3%A9/feed.xml');
  });
});

describe('groupByFirstSegment', () => {
  it("puts each profile's paths together, in the order the profiles first appear, and says where each group starts", () => {
    const paths = ['/bo', '/ana', '/bo/2024-01', '/ana/2024-01', '/ana/feed.xml', '/cy/feed.xml'].map((pathname, i) => ({ pathname, i }));
    const { items, groups } = groupByFirstSegment(paths);
    expect(items.map((p) => p.pathname)).toEqual(['/bo', '/bo/2024-01', '/ana', '/ana/2024-01', '/ana/feed.xml', '/cy/feed.xml']);
    expect(groups).toEqual([0, 2, 5, 6]);
    expect(groupByFirstSegment([])).toEqual({ items: [], groups: [0] });
  });
});

describe('renderFromQueue', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'engfolio-queue-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  /** A queue of pages (and `.xml` endpoint files), grouped by profile as the build groups them. */
  const queueOf = (pathnames: string[]): PageQueue => {
    const { items, groups } = groupByFirstSegment(pathnames.map((pathname) => ({ pathname, route: pathname.endsWith('.xml') ? 1 : 0 })));
    return {
      pathnames: items.map((p) => p.pathname),
      routeOf: items.map((p) => p.route),
      routes: ['page', 'endpoint'],
      groups,
      next: new SharedArrayBuffer(4),
      base: '/',
      origin: 'https://example.test',
      outDir: `${pathToFileURL(out).href}/`,
    };
  };
  const page = async (url: URL): Promise<Response> => {
    await new Promise((r) => setTimeout(r, 1));
    return new Response(`<p>${url.pathname}</p>`);
  };

  it("renders each path once between two takers of one queue, a profile's paths by one taker, each to its own file", async () => {
    const pathnames = Array.from({ length: 40 }, (_, i) => `/p${i % 4}/2024-${String((i % 12) + 1).padStart(2, '0')}-${i}`);
    pathnames.push('/p0/feed.xml', '/p3/feed.xml');
    const queue = queueOf(pathnames);
    const [a, b] = await Promise.all([renderFromQueue(queue, page), renderFromQueue(queue, page)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const byA = a.map((i) => queue.pathnames[i]!);
    const byB = b.map((i) => queue.pathnames[i]!);
    expect([...byA, ...byB].sort()).toEqual([...pathnames].sort());
    const profilesOf = (paths: string[]) => new Set(paths.map((p) => p.split('/')[1]));
    expect([...profilesOf(byA)].filter((p) => profilesOf(byB).has(p))).toEqual([]);
    for (const p of pathnames) {
      if (p.endsWith('.xml')) expect(readFileSync(join(out, p), 'utf8')).toBe(`<p>${p}</p>`);
      else expect(readFileSync(join(out, p, 'index.html'), 'utf8')).toBe(`<p>${p}/</p>`);
    }
  });

  it('stops at the first page that fails, with its path on the error', async () => {
    const queue = queueOf(['/a/2024-01', '/a/2024-02', '/a/2024-03']);
    const failing = (url: URL): Promise<Response> => (url.pathname === '/a/2024-02/' ? Promise.reject(new Error('boom in the page')) : page(url));
    await expect(renderFromQueue(queue, failing)).rejects.toMatchObject({ message: '/a/2024-02: boom in the page', pathname: '/a/2024-02' });
  });

  it('treats a page that does not answer 200 as a failure', async () => {
    const queue = queueOf(['/a/2024-01']);
    await expect(renderFromQueue(queue, async () => new Response('gone', { status: 404, statusText: 'Not Found' }))).rejects.toMatchObject({
      message: '/a/2024-01: the page answered 404 Not Found',
      pathname: '/a/2024-01',
    });
  });
});
