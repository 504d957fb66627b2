// Astro renders a static site's pages one after another on one thread, with about 0.35 ms of its own
// work per page (a Request, a Response, URL objects, logging, async file writes) on top of the page's.
// Month pages are 24 of the 29 files per profile, so on a large site they are most of the build
// (measured on 1,000 profiles × 24 months, 2 cores: 21 of 28 seconds were Astro's page loop).
//
// This prerenderer (Astro's public `setPrerenderer` hook, wrapping Astro's own) takes one route's
// pages out of Astro's loop. Each is rendered the way Astro renders it (the same built app, the same
// request URL), and written with one synchronous write. When there are many to render, a worker
// thread loads the same built site and renders them alongside the main thread, which joins in once
// Astro's loop over the other pages is done: both cores work. They take pages from one shared queue.
//
// Incremental builds keep working as Astro's own: a page is reused when Astro's cache says it may be
// and the previous site has it, and every page is recorded in Astro's cache (astro-output-copies.ts
// reaches it) with the route's dependency hash from Astro's build internals, as Astro records it.
//
// It reaches into Astro internals (the build app's options, settings and internals, request creation
// and the incremental cache). If any of them is missing (another Astro version), or the route is not
// a plain page of a `directory`-format site, Astro renders every page as before.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroPrerenderer } from 'astro';
import { keptBodies } from '../lib/content-bodies.ts';
import { narrativeExchange } from '../lib/narrative-exchange.ts';
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

/** A queue of pages both threads take from, and how to turn one into a request and a file. */
export interface PageQueue {
  /** Site paths (`/<slug>/<month>`) to render. */
  pathnames: string[];
  /** One Int32 in shared memory: the index of the next page to take. */
  next: SharedArrayBuffer;
  /** The site's base path (`/` or `/repo/`) and origin: the request URL Astro would give the page. */
  base: string;
  origin: string;
  /** file: URL of the output folder, ending in `/`. */
  outDir: string;
}

/** A page that failed to render: its path and the error, as the worker reports it. */
export interface PageFailure {
  pathname: string;
  error: { name: string; message: string; stack?: string; hint?: string; loc?: unknown };
}

/** The request URL of a page in a directory-format site: `<origin><base><path>/`. */
export function pageUrl(queue: Pick<PageQueue, 'base' | 'origin'>, pathname: string): URL {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  const base = queue.base.endsWith('/') ? queue.base : `${queue.base}/`;
  return new URL(trimmed ? `${base}${trimmed}/` : base, queue.origin);
}

/** Where a page of a directory-format site is written, relative to the output folder (URL-encoded, as Astro records it). */
export function pageOutputFile(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return `${trimmed ? `${encodeURI(trimmed)}/` : ''}index.html`;
}

/**
 * Renders pages from `queue` until it is empty, writing each to its file; returns the paths this
 * thread rendered. Throws (with `pathname` set) on the first page that fails.
 */
export async function renderFromQueue(queue: PageQueue, render: (url: URL) => Promise<Response>, collect?: () => void): Promise<string[]> {
  const next = new Int32Array(queue.next);
  // File paths as strings: a URL object per page cost as much as the page's file write.
  const out = fileURLToPath(queue.outDir);
  const done: string[] = [];
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i >= queue.pathnames.length) return done;
    const pathname = queue.pathnames[i]!;
    let body: Buffer;
    try {
      const response = await render(pageUrl(queue, pathname));
      if (response.status !== 200) throw new Error(`the page answered ${response.status} ${response.statusText}`);
      body = Buffer.from(await response.arrayBuffer());
    } catch (e) {
      // Astro reports the error against the page whose render waited for this one: name this one.
      const error = e instanceof Error ? e : new Error(String(e));
      throw Object.assign(error, { pathname, message: `${pathname}: ${error.message}` });
    }
    const dir = join(out, pathname);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), body);
    done.push(pathname);
    if (collect && done.length % COLLECT_EVERY === 0) collect();
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

/** What the worker is started with. */
export interface WorkerSetup {
  /** file: URL of Astro's prerender entry for this build. */
  entry: string;
  /** The route to render (Astro's `route` pattern). */
  route: string;
  /** Stylesheets per page-data key (Astro's `internals.pagesByKeys`, styles only). */
  pageStyles: [string, unknown][];
  /** The site's injected scripts (`settings.scripts`), without functions. */
  scripts: { stage: string; content: string }[];
  /** The Markdown bodies the content loader handed over, so the worker reads no file. */
  bodies: [string, { markdown: string; digest: string }][];
  queue: PageQueue;
}

/** What the worker reports when its share is done: the pages it rendered, and how many narratives it received. */
export type WorkerReport = { rendered: string[]; narrativesReceived: number } | { failure: PageFailure };

/** What the main thread sends the worker: narratives it rendered (see src/lib/narrative-exchange.ts). */
export interface NarrativesMessage {
  narratives: [key: string, html: string][];
}

/** Narratives are sent in batches of this many (a profile's worth is 24). */
const NARRATIVE_BATCH = 240;

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
 * Wraps Astro's default prerenderer so that the pages of the route `component` (a project-relative
 * path, e.g. `src/pages/[slug]/[month].astro`) are rendered outside Astro's loop, in parallel when
 * there are many. `build.outDir` is the folder Astro builds into; `build.verbose` shows what it did.
 */
export function parallelPages(base: AstroPrerenderer, component: string, build: { outDir: string; verbose: boolean }): AstroPrerenderer {
  const { verbose } = build;
  /** Astro's prerender entry for this build, and the build internals Astro's prerenderer hands its app. */
  let entry: URL | undefined;
  let internals: BuildInternals | undefined;
  let worker: Worker | undefined;
  let workerDone: Promise<{ rendered: string[]; narrativesReceived: number }> | undefined;
  /** The pages this build renders here, and how the main thread renders one; set once taken out of Astro's loop. */
  let ours: { queue: PageQueue; renderOnMain: (url: URL) => Promise<Response>; record: (pathnames: string[]) => void } | undefined;
  /** The route of the last path handed to Astro, one Astro always renders: its render waits for ours. */
  let lastRoute: RouteData | undefined;
  let renders = 0;


  /** Narratives the main thread rendered and has not sent the worker yet. */
  let outgoing: [string, string][] = [];
  function sendNarratives(): void {
    if (outgoing.length === 0) return;
    worker?.postMessage({ narratives: outgoing } satisfies NarrativesMessage);
    outgoing = [];
  }
  function stopSendingNarratives(): void {
    sendNarratives();
    narrativeExchange().rendered = undefined;
  }

  async function renderOurs(): Promise<void> {
    if (!ours) return;
    const { queue, renderOnMain, record } = ours;
    ours = undefined;
    // Every narrative the main thread renders from here on is one the worker has passed already.
    stopSendingNarratives();
    const onMain = worker && workerMode() === 'all' ? [] : await renderFromQueue(queue, renderOnMain, worker ? collectGarbage : undefined);
    record(onMain);
    const inWorker = workerDone ? await workerDone : { rendered: [], narrativesReceived: 0 };
    record(inWorker.rendered);
    // Astro's log line for the page it is about to render has no line end yet.
    if (verbose) {
      const byWorker = worker ? `, ${inWorker.rendered.length} of them by a worker thread (${inWorker.narrativesReceived} narratives rendered by the main thread)` : '';
      console.error(`\nbuild: ${onMain.length + inWorker.rendered.length} ${component} page(s) rendered outside Astro's loop${byWorker}`);
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
    },
    async getStaticPaths() {
      const all = await base.getStaticPaths();
      const app = buildApp(base);
      const settings = app?.getSettings();
      const options = app?.getOptions();
      const mine = all.filter((p) => p.route.component === component);
      const route = mine[0]?.route;
      // Astro's loop must end after ours (its cache is written then): a path it always renders (no
      // cacheKey, so never reused) goes last, and its render waits for ours.
      const pathsOf = new Map<RouteData, number>();
      for (const p of all) pathsOf.set(p.route, (pathsOf.get(p.route) ?? 0) + 1);
      const last = all.filter((p) => p.cacheKey === undefined && pathsOf.get(p.route) === 1 && (p.route.type === 'page' || p.route.type === 'endpoint')).at(-1);
      const astroRendersAll = (why: string): PathWithRoute[] => {
        if (verbose) console.error(`build: Astro renders the ${component} pages itself: ${why}`);
        return all;
      };
      if (!app || !settings || !options || !entry || !internals) return astroRendersAll("this Astro's build app is not the one expected");
      importPageModulesOnce(app);
      if (internals.serverIslandPageComponents?.has(component)) return astroRendersAll('its pages have server islands');
      if (!route || route.type !== 'page') return astroRendersAll('no such page route');
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

      const pageStyles = Object.values(options.allPages).map((p): [string, unknown] => [p.key, { styles: p.styles ?? [] }]);
      const scripts = settings.scripts.map((s) => ({ stage: s.stage, content: s.content }));
      const cache: IncrementalCache | undefined = currentIncrementalCache();
      // Pages that Astro's cache does not record would be rendered again on every build.
      if (settings.config.experimental.incrementalBuild && !cache) return astroRendersAll("this Astro's incremental build cache is not the one expected");
      const outDir = settings.config.outDir;
      const dependencyHash = internals.pageDependencyHashes?.get(component) ?? '';

      // Reused pages stay in the previous site (or Astro restores them); the others are rendered here.
      const toRender: PathWithRoute[] = [];
      for (const p of mine) {
        const rel = pageOutputFile(p.pathname);
        const key = p.cacheKey;
        if (cache && key !== undefined && cache.canSkip(component, p.pathname, dependencyHash, key, false) && (await cache.restoreOutputFile(settings, rel, new URL(rel, outDir)))) {
          cache.record(component, dependencyHash, p.pathname, key, rel, cache.previousContentEntryKeys(component, p.pathname));
        } else toRender.push(p);
      }
      // Every page of the route is in the site, rendered or reused: as Astro records them.
      const pageData = Object.values(options.allPages).find((d) => d.route.component === component);
      for (const p of mine) {
        options.pageNames.push(p.pathname.replace(/\/?$/, '/').replace(/^\//, ''));
        const file = new URL(pageOutputFile(p.pathname), outDir);
        (route.distURL ??= []).push(file);
      }
      if (pageData) pageData.route.distURL = route.distURL;

      const cacheKeys = new Map(toRender.map((p) => [p.pathname, p.cacheKey]));
      const queue: PageQueue = { pathnames: toRender.map((p) => p.pathname), next: new SharedArrayBuffer(4), base: settings.config.base, origin: options.origin, outDir: outDir.href };
      const requestLogger = { warn: (_label: unknown, message: string) => console.error(message) };
      ours = {
        queue,
        renderOnMain: async (url) => {
          const request = createRequest({ url, headers: new Headers(), logger: requestLogger, isPrerendered: true, routePattern: route.component });
          const result = await base.render(request, { routeData: route as RouteData, collectMetadata: false });
          return result instanceof Response ? result : result.response;
        },
        record: (pathnames) => {
          for (const pathname of pathnames) {
            const key = cacheKeys.get(pathname);
            if (key !== undefined) cache?.record(component, dependencyHash, pathname, key, pageOutputFile(pathname));
          }
        },
      };
      const mode = workerMode();
      // On one core a worker only adds its start-up (loading the site a second time).
      if (toRender.length > 0 && (mode === 'all' || (mode === 'auto' && toRender.length >= WORKER_FROM && availableParallelism() > 1))) {
        const setup: WorkerSetup = { entry: entry.href, route: route.route, pageStyles, scripts, bodies: [...keptBodies()], queue };
        worker = new Worker(new URL('./parallel-pages-worker.ts', import.meta.url), { workerData: setup });
        workerDone = workerReport<WorkerReport>(worker, 'the page-rendering worker').then((report) => {
          if ('rendered' in report) return report;
          throw Object.assign(new Error(report.failure.error.message), report.failure.error, { pathname: report.failure.pathname });
        });
        // Until it is awaited (in the last render), a failure must not count as unhandled.
        workerDone.catch(() => {});
        // The profile pages and feeds Astro renders meanwhile render the narratives the worker needs.
        narrativeExchange().rendered = (key, html) => {
          outgoing.push([key, html]);
          if (outgoing.length >= NARRATIVE_BATCH) sendNarratives();
        };
      }
      lastRoute = last.route;
      return [...all.filter((p) => p.route.component !== component && p !== last), last];
    },
    async render(request, options) {
      if (worker && ++renders % (COLLECT_EVERY / 2) === 0) collectGarbage();
      if (lastRoute !== undefined && options.routeData === lastRoute) {
        lastRoute = undefined;
        await renderOurs();
      }
      return base.render(request, options);
    },
    async teardown() {
      narrativeExchange().rendered = undefined;
      await worker?.terminate();
      worker = undefined;
      await base.teardown?.();
    },
  };
}
