// The prerenderer's results in every shape Astro 7.x declares: the renderer reads the paths from a bare
// list (7.0–7.3) and from `{ paths, metadata }` (7.4.1 on), hands back the shape it was given with
// Astro's metadata untouched, and leaves a shape neither declares to Astro's own loop with one line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { describeShape, readStaticPaths, type PathWithRoute } from '../../src/integration/prerender-shapes.ts';
import { profileRenderer, type RendererContext } from '../../src/integration/renderer.ts';
import type { RenderReport } from '../../src/integration/hooks.ts';

const path = (pathname: string, route: string, component: string): PathWithRoute => ({ pathname, route: { route, component } }) as unknown as PathWithRoute;
const index = path('/', '/', 'src/pages/index.astro');
const mira = path('/mira/', '/[slug]', 'src/routes/profile.astro');
const metadata = { staticImages: [{ src: '/a.png' }], referencedImages: ['/x/b.png'] };

describe('readStaticPaths', () => {
  it('reads a bare list and gives back a bare list', () => {
    const read = readStaticPaths([index, mira])!;
    expect(read.paths).toEqual([index, mira]);
    expect(read.withPaths([index])).toEqual([index]);
  });

  it('reads { paths, metadata } and gives back the metadata and anything else beside the paths as they were', () => {
    const answer = { paths: [index, mira], metadata, later: 1 };
    const read = readStaticPaths(answer)!;
    expect(read.paths).toEqual([index, mira]);
    const back = read.withPaths([index]) as unknown as typeof answer;
    expect(back).toEqual({ paths: [index], metadata, later: 1 });
    expect(back.metadata).toBe(metadata);
  });

  it('reads no other shape', () => {
    for (const answer of [undefined, null, 3, 'x', {}, { items: [index] }, { paths: 'all' }, [{ pathname: '/' }], { paths: [{ route: {} }] }])
      expect(readStaticPaths(answer), JSON.stringify(answer)).toBeUndefined();
  });

  it('describes what it could not read', () => {
    expect([describeShape(null), describeShape(3), describeShape({}), describeShape({ items: [], version: 2 }), describeShape([1])]).toEqual([
      'null',
      'number',
      'an empty object',
      'an object with "items", "version"',
      'a list whose items are not paths with routes',
    ]);
  });
});

describe('the profile renderer with each shape', () => {
  afterEach(() => void vi.restoreAllMocks());

  const context = (onReport: (r: RenderReport) => void): RendererContext => ({
    routes: [{ spec: { id: 'profile', kind: 'page' } as never, moduleFile: '/site/src/routes/profile.astro', pattern: '/[slug]' }],
    // No render entry: the build has no bundle plugin, so Astro renders every path (the answer keeps its shape).
    facts: { codeHashes: new Map(), noPlugin: 'no plugin in this test' },
    site: { root: '/site', outDir: '/site/dist', base: '/', origin: 'http://localhost', trailingSlash: 'ignore', format: 'directory' },
    run: undefined,
    routesBase: '',
    onReport,
  });
  const base = (answer: unknown): AstroPrerenderer => ({
    name: 'astro',
    getStaticPaths: () => Promise.resolve(answer as Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>),
    render: () => Promise.resolve(new Response('page')),
  });

  it('gives Astro back { paths, metadata } with its metadata', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answer = { paths: [index, mira], metadata };
    const back = (await profileRenderer(
      base(answer),
      context(() => {}),
    ).getStaticPaths()) as unknown as typeof answer;
    expect(back.paths).toEqual([index, mira]);
    expect(back.metadata).toBe(metadata);
    expect(said.mock.calls).toEqual([['engfolio: Astro renders the profile pages itself (slower): no plugin in this test']]);
  });

  it('leaves an answer of an unknown shape to Astro as it was, with one line saying why', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reports: RenderReport[] = [];
    const answer = { items: [index, mira], version: 2 };
    const renderer = profileRenderer(
      base(answer),
      context((r) => reports.push(r)),
    );
    expect(await renderer.getStaticPaths()).toBe(answer);
    await renderer.teardown!();
    const why = 'Astro\'s prerenderer listed its paths as an object with "items", "version", a shape engfolio does not know';
    expect(said.mock.calls).toEqual([[`engfolio: Astro renders the profile pages itself (slower): ${why}`]]);
    expect(reports).toEqual([{ files: [], siteFiles: [], siteDigest: '', written: 0, byWorkers: 0, fallback: why }]);
  });

  it('passes a render result of either shape through as Astro gave it', async () => {
    const result = { response: new Response('page'), metadata: { contentEntryKeys: ['content/profiles/mira.md'], staticImages: [] } };
    const renderer = profileRenderer(
      { ...base([]), render: () => Promise.resolve(result) },
      context(() => {}),
    );
    expect(await renderer.render(new Request('http://localhost/'), { routeData: index.route })).toBe(result);
  });
});
