// Astro renders a static site's pages one after another on one thread, with about 0.35 ms of its own
// work per page (a Request, a Response, URL objects, logging, async file writes) on top of the page's.
// A profile has 29 files (its page, 24 month pages, a feed and three data files), so on a large site
// they are nearly the whole build (measured on 1,000 profiles × 24 months, 2 cores: 21 of 28 seconds
// were Astro's page loop).
//
// This prerenderer (Astro's public `setPrerenderer` hook, wrapping Astro's own) takes the per-profile
// routes' pages and files out of Astro's loop. Each is rendered the way Astro renders it (the same
// built app, the same request URL), and written with one synchronous write. When there are many to
// render, a worker thread loads the same built site and renders them alongside the main thread, which
// joins in once Astro's loop over the other pages is done: both cores work. They take one profile's
// files at a time from one shared queue, so the narratives a profile's pages share are rendered once.
//
// Incremental builds keep working as Astro's own: a file is reused when Astro's cache says it may be
// and the previous site has it, and every file is recorded in Astro's cache (astro-output-copies.ts
// reaches it) with its route's dependency hash from Astro's build internals, as Astro records it.
//
// It reaches into Astro internals (the build app's options, settings and internals, request creation
// and the incremental cache). If any of them is missing (another Astro version), or a route is not a
// plain page or endpoint of a `directory`-format site, Astro renders that route's pages as before.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroPrerenderer } from 'astro';
import { keptBodies } from '../lib/content-bodies.ts';
import { workerReport } from '../lib/worker-report.ts';
import { currentIncrementalCache, type IncrementalCache } from './astro-output-copies.ts';

/** From how many pages to render a worker thread helps (below, starting it costs more than it saves). */
const WORKER_FROM = 2000;

/**
 * ENGFOLIO_PAGE_WORKER, for tests and measurements: `off` renders every page on the main thread,
 * `all` every page in the worker, whatever their number; unset, the worker helps from WORKER_FROM.
 */
function workerMode(): 'auto' | 'off' | 'all' {
  const mode = process.env.ENGFOLIO_PAGE_WORKER;
  return mode === 'off' || mode === 'all' ? mode : 'auto';
}

// Collected every so many pages while both threads render: two heaps growing side by side took the
// build's peak memory from 1.2 to 1.6 GB on the large benchmark site; collecting kept it at 1.2 GB.
const COLLECT_EVERY = 3000;

/** A full garbage collection, when Node runs with --expose-gc (the build scripts do); else nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** What a queued path is rendered as: a page (`<path>/index.html`) or an endpoint's file (`<path>`). */
export type RouteKind = 'page' | 'endpoint';

/** A queue of paths both threads take from, and how to turn one into a request and a file. */
export interface PageQueue {
  /** Site paths (`/<slug>/<month>`, `/<slug>/feed.xml`) to render. */
  pathnames: string[];
  /** The route of each path: an index into `routes`. */
  routeOf: number[];
  /** What each route renders. */
  routes: RouteKind[];
  /**
   * Where each group of paths starts in `pathnames`, and then where the last ends: a thread takes a
   * group at a time (one profile's files), so what they share is rendered once, in one thread.
   */
  groups: number[];
  /** One Int32 in shared memory: the index of the next group to take. */
  next: SharedArrayBuffer;
  /** The site's base path (`/` or `/repo/`) and origin: the request URL Astro would give the page. */
  base: string;
  origin: string;
  /** file: URL of the output folder, ending in `/`. */
  outDir: string;
}

/** A path that failed to render: the path and the error, as the worker reports it. */
export interface PageFailure {
  pathname: string;
  error: { name: string; message: string; stack?: string; hint?: string; loc?: unknown };
}

/**
 * The request URL of a path in a directory-format site, as Astro builds it: `<origin><base><path>/`
 * for a page, `<origin><base><path>` for an endpoint's file.
 */
export function pageUrl(queue: Pick<PageQueue, 'base' | 'origin'>, pathname: string, kind: RouteKind = 'page'): URL {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  const base = queue.base.endsWith('/') ? queue.base : `${queue.base}/`;
  return new URL(trimmed && kind === 'page' ? `${base}${trimmed}/` : `${base}${trimmed}`, queue.origin);
}

/** Where a path of a directory-format site is written, relative to the output folder: `<path>/index.html` for a page, `<path>` for an endpoint's file. */
function outputPath(pathname: string, kind: RouteKind): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  if (kind === 'endpoint') return trimmed;
  return `${trimmed ? `${trimmed}/` : ''}index.html`;
}

/** outputPath, URL-encoded as Astro records it. */
export function pageOutputFile(pathname: string, kind: RouteKind = 'page'): string {
  return encodeURI(outputPath(pathname, kind));
}

/**
 * Orders `items` by the first segment of their path (a profile's slug), each group where its first
 * item was; returns them with where each group starts, and then where the last ends (`groups`).
 */
export function groupByFirstSegment<T extends { pathname: string }>(items: readonly T[]): { items: T[]; groups: number[] } {
  const bySegment = new Map<string, T[]>();
  for (const item of items) {
    const segment = item.pathname.replace(/^\/+/, '').split('/')[0]!;
    const group = bySegment.get(segment);
    if (group) group.push(item);
    else bySegment.set(segment, [item]);
  }
  const grouped: T[] = [];
  const groups: number[] = [];
  for (const group of bySegment.values()) {
    groups.push(grouped.length);
    grouped.push(...group);
  }
  groups.push(grouped.length);
  return { items: grouped, groups };
}

/**
 * Renders groups of paths from `queue` until it is empty, writing each to its file; returns the
 * indices (into `queue.pathnames`) this thread rendered. Throws (with `pathname` set) on the first
 * path that fails.
 */
export async function renderFromQueue(queue: PageQueue, render: (url: URL, route: number) => Promise<Response>, collect?: () => void): Promise<number[]> {
  const next = new Int32Array(queue.next);
  // File paths as strings: a URL object per page cost as much as the page's file write.
  const out = fileURLToPath(queue.outDir);
  const done: number[] = [];
  for (;;) {
    const group = Atomics.add(next, 0, 1);
    if (group >= queue.groups.length - 1) return done;
    for (let i = queue.groups[group]!; i < queue.groups[group + 1]!; i++) {
      const pathname = queue.pathnames[i]!;
      const route = queue.routeOf[i]!;
      const kind = queue.routes[route]!;
      let body: Buffer;
      try {
        const response = await render(pageUrl(queue, pathname, kind), route);
        if (response.status !== 200) throw new Error(`the page answered ${response.status} ${response.statusText}`);
        body = Buffer.from(await response.arrayBuffer());
      } catch (e) {
        // Astro reports the error against the page whose render waited for this one: name this one.
        const error = e instanceof Error ? e : new Error(String(e));
        throw Object.assign(error, { pathname, message: `${pathname}: ${error.message}` });
      }
      const file = join(out, outputPath(pathname, kind));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
      done.push(i);
      if (collect && done.length % COLLECT_EVERY === 0) collect();
    }
  }
}

/**
 * Astro's built app imports a page's module (a dynamic `import()`, about 25 µs) every time it renders a
 * page: on a site of 29,000 files, most of a second of CPU. The module is the same each time, so each
 * route's is imported once. (`manifest.pageMap` is Astro's, route component → import function; without
 * it nothing changes.)
 */
export function importPageModulesOnce(app: { manifest?: { pageMap?: unknown } }): void {
  const pageMap = app.manifest?.pageMap;
  if (!(pageMap instanceof Map)) return;
  for (const [component, load] of pageMap as Map<string, unknown>) {
    if (typeof load !== 'function') continue;
    let loaded: Promise<unknown> | undefined;
    pageMap.set(component, () => (loaded ??= (load as () => Promise<unknown>)()));
  }
}

/** What the worker is started with: enough to load the built site while the main thread lists the paths. */
export interface WorkerStart {
  /** file: URL of Astro's prerender entry for this build. */
  entry: string;
  /** The Markdown bodies the content loader handed over, so the worker reads no file. */
  bodies: [string, { markdown: string; digest: string }][];
}

/** What the worker is sent once the paths are known: what to render, and the build state rendering reads. */
export interface WorkerJob {
  /** The routes to render (Astro's `route` patterns), as `queue.routeOf` numbers them. */
  routes: string[];
  /** Stylesheets per page-data key (Astro's `internals.pagesByKeys`, styles only). */
  pageStyles: [string, unknown][];
  /** The site's injected scripts (`settings.scripts`), without functions. */
  scripts: { stage: string; content: string }[];
  queue: PageQueue;
}

/** What the worker reports when its share is done: the paths it rendered (indices into `queue.pathnames`). */
export type WorkerReport = { rendered: number[] } | { failure: PageFailure };

/** The parts of Astro's build app and route data this relies on. */
interface BuildApp {
  manifest?: { pageMap?: unknown };
  setInternals(internals: BuildInternals): void;
  getOptions(): {
    allPages: Record<string, { key: string; styles?: unknown; route: { route: string; component: string; distURL?: URL[] } }>;
    pageNames: string[];
    origin: string;
  };
  getSettings(): {
    buildOutput?: string;
    scripts: { stage: string; content: string }[];
    config: { outDir: URL; base: string; trailingSlash: string; build: { format: string }; experimental: { incrementalBuild?: boolean } };
  };
}
/** The parts of Astro's build internals this reads: what generate.js reads for a page's cache entry. */
interface BuildInternals {
  pageDependencyHashes?: Map<string, string>;
  serverIslandPageComponents?: Set<string>;
}
type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
type RouteData = PathWithRoute['route'];

/** Finds Astro's prerender entry for this build: `<outDir>/.prerender/prerender-entry.<hash>.mjs`. */
function prerenderEntry(outDir: URL): URL | undefined {
  const dir = new URL('./.prerender/', outDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^prerender-entry\.[\w-]+\.mjs$/.test(n));
  } catch {
    return undefined;
  }
  return names.length === 1 ? new URL(names[0]!, dir) : undefined;
}

/** The parts of Astro's build settings and app this needs, or why it cannot be used. */
function buildApp(base: AstroPrerenderer): BuildApp | undefined {
  const app = (base as { app?: Partial<BuildApp> }).app;
  if (typeof app?.getOptions !== 'function' || typeof app.getSettings !== 'function') return undefined;
  return app as BuildApp;
}

/**
 * Wraps Astro's default prerenderer so that the pages and files of the routes `components` (project-
 * relative paths, e.g. `src/pages/[slug]/[month].astro`) are rendered outside Astro's loop, in parallel
 * when there are many. `build.outDir` is the folder Astro builds into; `build.verbose` shows what it did;
 * `build.full` says most files will be rendered (no previous site): the worker then starts loading the
 * site while Astro lists the paths (0.6 s on L, with the other core idle).
 */
export function parallelPages(base: AstroPrerenderer, components: readonly string[], build: { outDir: string; verbose: boolean; full: boolean }): AstroPrerenderer {
  const { verbose } = build;
  /** Astro's prerender entry for this build, and the build internals Astro's prerenderer hands its app. */
  let entry: URL | undefined;
  let internals: BuildInternals | undefined;
  let worker: Worker | undefined;
  let workerDone: Promise<number[]> | undefined;
  /** The paths this build renders here, and how the main thread renders one; set once taken out of Astro's loop. */
  let ours: { queue: PageQueue; renderOnMain: (url: URL, route: number) => Promise<Response>; record: (rendered: number[]) => void } | undefined;
  /** The route of the last path handed to Astro, one Astro always renders: its render waits for ours. */
  let lastRoute: RouteData | undefined;

  /** Whether a worker thread renders alongside the main thread, with `files` files to render (see workerMode). */
  function workerWanted(files: number): boolean {
    const mode = workerMode();
    // On one core a worker only adds its start-up (loading the site a second time).
    return files > 0 && (mode === 'all' || (mode === 'auto' && files >= WORKER_FROM && availableParallelism() > 1));
  }

  function startWorker(start: WorkerStart): void {
    worker = new Worker(new URL('./parallel-pages-worker.ts', import.meta.url), { workerData: start });
    workerDone = workerReport<WorkerReport>(worker, 'the page-rendering worker').then((report) => {
      if ('rendered' in report) return report.rendered;
      throw Object.assign(new Error(report.failure.error.message), report.failure.error, { pathname: report.failure.pathname });
    });
    // Until it is awaited (in the last render), a failure must not count as unhandled.
    workerDone.catch(() => {});
  }

  /** Stops a worker started ahead that has nothing to render after all. */
  function stopWorker(): void {
    void worker?.terminate();
    worker = undefined;
    workerDone = undefined;
  }

  async function renderOurs(): Promise<void> {
    if (!ours) return;
    const { queue, renderOnMain, record } = ours;
    ours = undefined;
    const onMain = worker && workerMode() === 'all' ? [] : await renderFromQueue(queue, renderOnMain, worker ? collectGarbage : undefined);
    record(onMain);
    const inWorker = workerDone ? await workerDone : [];
    record(inWorker);
    // Astro's log line for the page it is about to render has no line end yet.
    if (verbose) {
      const byWorker = worker ? `, ${inWorker.length} of them by a worker thread` : '';
      console.error(`\nbuild: ${onMain.length + inWorker.length} file(s) of ${queue.routes.length} route(s) rendered outside Astro's loop${byWorker}`);
    }
  }

  return {
    name: 'engfolio:parallel-pages',
    async setup() {
      // Astro's prerenderer imports the built app and hands it the build internals; the app is one
      // module instance, so importing it first lets us see them pass.
      entry = prerenderEntry(pathToFileURL(`${build.outDir}/`));
      const app = entry && ((await import(entry.href)) as { app?: Partial<BuildApp> }).app;
      if (typeof app?.setInternals === 'function') {
        const setInternals = app.setInternals;
        app.setInternals = (value: BuildInternals) => {
          internals = value;
          setInternals.call(app, value);
        };
      }
      await base.setup?.();
      // A full build renders a page for every Markdown file, at least.
      const bodies = keptBodies();
      if (entry && build.full && workerWanted(bodies.size)) startWorker({ entry: entry.href, bodies: [...bodies] });
    },
    async getStaticPaths() {
      const all = await base.getStaticPaths();
      const app = buildApp(base);
      const settings = app?.getSettings();
      const options = app?.getOptions();
      // Astro's loop must end after ours (its cache is written then): a path it always renders (no
      // cacheKey, so never reused) goes last, and its render waits for ours.
      const pathsOf = new Map<RouteData, number>();
      for (const p of all) pathsOf.set(p.route, (pathsOf.get(p.route) ?? 0) + 1);
      const last = all.filter((p) => p.cacheKey === undefined && pathsOf.get(p.route) === 1 && (p.route.type === 'page' || p.route.type === 'endpoint') && !components.includes(p.route.component)).at(-1);
      const astroRendersAll = (why: string): PathWithRoute[] => {
        if (verbose) console.error(`build: Astro renders every page itself: ${why}`);
        stopWorker();
        return all;
      };
      if (!app || !settings || !options || !entry || !internals) return astroRendersAll("this Astro's build app is not the one expected");
      importPageModulesOnce(app);
      if (!last) return astroRendersAll('no page that Astro renders on every build');
      if (settings.buildOutput !== 'static' || settings.config.build.format !== 'directory' || !['ignore', 'always'].includes(settings.config.trailingSlash)) {
        return astroRendersAll('the site is not static with build.format "directory"');
      }
      // A page-stage script needs build state the worker does not get; engfolio has none.
      if (settings.scripts.some((s) => s.stage === 'page')) return astroRendersAll('the site has page-stage scripts');
      const { createRequest } = (await import(new URL('./core/request.js', import.meta.resolve('astro')).href)) as {
        createRequest?(o: { url: URL; headers: Headers; logger: unknown; isPrerendered: boolean; routePattern: string }): Request;
      };
      if (typeof createRequest !== 'function') return astroRendersAll("this Astro's request module is not the one expected");
      const cache: IncrementalCache | undefined = currentIncrementalCache();
      // Pages that Astro's cache does not record would be rendered again on every build.
      if (settings.config.experimental.incrementalBuild && !cache) return astroRendersAll("this Astro's incremental build cache is not the one expected");

      // The routes taken out of Astro's loop; one that does not fit stays in it.
      const routes: { data: RouteData; kind: RouteKind; dependencyHash: string }[] = [];
      for (const component of components) {
        const data = all.find((p) => p.route.component === component)?.route;
        const why = (): string | undefined => {
          if (!data) return 'no such route';
          if (data.type !== 'page' && data.type !== 'endpoint') return `it is a ${data.type} route`;
          if (internals!.serverIslandPageComponents?.has(component)) return 'its pages have server islands';
          // Astro writes these as <code>.html, not <code>/index.html.
          if (all.some((p) => p.route === data && /^\/?(404|500)\/?$/.test(p.pathname))) return 'it renders an error page';
          return undefined;
        };
        const reason = why();
        if (reason || !data) {
          if (verbose) console.error(`build: Astro renders the ${component} pages itself: ${reason}`);
        } else routes.push({ data, kind: data.type as RouteKind, dependencyHash: internals.pageDependencyHashes?.get(component) ?? '' });
      }
      const routeIndex = new Map(routes.map((r, i) => [r.data, i]));
      const mine = all.filter((p) => routeIndex.has(p.route));
      const outDir = settings.config.outDir;

      // Reused files stay in the previous site (or Astro restores them); the others are rendered here.
      const toRender: { pathname: string; route: number; cacheKey: string | undefined }[] = [];
      for (const p of mine) {
        const route = routeIndex.get(p.route)!;
        const { data, kind, dependencyHash } = routes[route]!;
        const rel = pageOutputFile(p.pathname, kind);
        const key = p.cacheKey;
        if (cache && key !== undefined && cache.canSkip(data.component, p.pathname, dependencyHash, key, false) && (await cache.restoreOutputFile(settings, rel, new URL(rel, outDir)))) {
          cache.record(data.component, dependencyHash, p.pathname, key, rel, cache.previousContentEntryKeys(data.component, p.pathname));
        } else toRender.push({ pathname: p.pathname, route, cacheKey: key });
      }
      // Every path of the routes is in the site, rendered or reused: as Astro records them.
      for (const p of mine) {
        const { data, kind } = routes[routeIndex.get(p.route)!]!;
        if (kind === 'page') options.pageNames.push(p.pathname.replace(/\/?$/, '/').replace(/^\//, ''));
        (data.distURL ??= []).push(new URL(pageOutputFile(p.pathname, kind), outDir));
      }
      for (const pageData of Object.values(options.allPages)) {
        const route = routes.find((r) => r.data.component === pageData.route.component);
        if (route) pageData.route.distURL = route.data.distURL;
      }

      const grouped = groupByFirstSegment(toRender);
      const queue: PageQueue = {
        pathnames: grouped.items.map((p) => p.pathname),
        routeOf: grouped.items.map((p) => p.route),
        routes: routes.map((r) => r.kind),
        groups: grouped.groups,
        next: new SharedArrayBuffer(4),
        base: settings.config.base,
        origin: options.origin,
        outDir: outDir.href,
      };
      const requestLogger = { warn: (_label: unknown, message: string) => console.error(message) };
      ours = {
        queue,
        renderOnMain: async (url, route) => {
          const { data } = routes[route]!;
          const request = createRequest({ url, headers: new Headers(), logger: requestLogger, isPrerendered: true, routePattern: data.component });
          const result = await base.render(request, { routeData: data, collectMetadata: false });
          return result instanceof Response ? result : result.response;
        },
        record: (rendered) => {
          for (const i of rendered) {
            const { pathname, route, cacheKey } = grouped.items[i]!;
            const { data, kind, dependencyHash } = routes[route]!;
            if (cacheKey !== undefined) cache?.record(data.component, dependencyHash, pathname, cacheKey, pageOutputFile(pathname, kind));
          }
        },
      };
      if (workerWanted(toRender.length)) {
        if (!worker) startWorker({ entry: entry.href, bodies: [...keptBodies()] });
        const pageStyles = Object.values(options.allPages).map((p): [string, unknown] => [p.key, { styles: p.styles ?? [] }]);
        const scripts = settings.scripts.map((s) => ({ stage: s.stage, content: s.content }));
        worker!.postMessage({ routes: routes.map((r) => r.data.route), pageStyles, scripts, queue } satisfies WorkerJob);
      } else stopWorker();
      lastRoute = last.route;
      return [...all.filter((p) => !routeIndex.has(p.route) && p !== last), last];
    },
    async render(request, options) {
      if (lastRoute !== undefined && options.routeData === lastRoute) {
        lastRoute = undefined;
        await renderOurs();
      }
      return base.render(request, options);
    },
    async teardown() {
      await worker?.terminate();
      worker = undefined;
      await base.teardown?.();
    },
  };
}
