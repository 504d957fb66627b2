// Renders the profile routes (a page, month pages and files per profile: nearly all of a site) outside
// Astro's page loop, on every core, and reuses each one from the previous build while its cache key and
// its code are unchanged. Astro renders everything else (the index, the 404 page, the site's own pages).
//
// Only Astro's public API is used: the prerenderer is Astro's `setPrerenderer` hook wrapping Astro's own;
// threads render through render-entry.ts (Astro's `createApp`, which adapters' prerenderers load in other
// runtimes) from a queue (render-queue.ts); every file is written as Astro writes it, byte for byte.
//
// Measured on 1,000 profiles × 24 months (29,000 files) on 2 cores: Astro's loop took 42 s to render and
// write them; the main thread and one worker took 18 s.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroPrerenderer } from 'astro';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { siblingModule } from '../lib/module-url.ts';
import { outputFile, type RouteKind, type RouteSpec } from '../lib/routes.ts';
import { shardMakes } from '../lib/shard.ts';
import { workerReport } from '../lib/worker-report.ts';
import type { BundleFacts } from './bundle-plugin.ts';
import type { BuildRun, RenderReport } from './hooks.ts';
import { describeShape, readStaticPaths, type PathWithRoute } from './prerender-shapes.ts';
import { groupByProfile, loadApp, profileOfPath, renderFromQueue, type RenderJob } from './render-queue.ts';
import type { WorkerReport } from './render-worker.ts';

/** From how many files to render worker threads help (below, starting one costs more than it saves). */
const WORKER_FROM = 2000;
/** The renderer's record of the last build, in the run's cache folder: which paths it made, with which cache key and code. */
export const RENDER_MANIFEST = 'engfolio-pages.json';
const MANIFEST_VERSION = 1;

interface Manifest {
  version: number;
  /** Code hash per route id. */
  code: Record<string, string>;
  /** Per path: its route id and cache key. */
  paths: Record<string, [string, string]>;
  /** Every profile file of the site, output-relative. */
  files: string[];
}

/** A profile route as the renderer knows it: its table entry, the module it was injected from, and its pattern. */
export interface ProfileRoute {
  spec: RouteSpec;
  moduleFile: string;
  pattern: string;
}

/** What the renderer needs to know about the site, from the resolved Astro config. */
export interface SiteFacts {
  /** The project root: Astro names a route's component by its path from there. */
  root: string;
  outDir: string;
  base: string;
  origin: string;
  trailingSlash: string;
  format: string;
}

function readManifest(cacheDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(cacheDir, RENDER_MANIFEST), 'utf8')) as Manifest;
    return m.version === MANIFEST_VERSION ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Worker threads started for this build: each says when it has loaded the site, and reports once done. */
interface Workers {
  ready: Promise<unknown>;
  send(job: RenderJob): void;
  done: Promise<number[]>;
  stop(): void;
}

function startWorkers(count: number, entryFile: string): Workers {
  const workers = Array.from({ length: count }, () => new Worker(siblingModule(import.meta.url, './render-worker'), { workerData: { entryFile } }));
  const ready = Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))));
  const done = ready.then(() =>
    Promise.all(
      workers.map((w) =>
        workerReport<WorkerReport>(w, 'a page-rendering thread').then((report) => {
          if ('written' in report) return report.written;
          throw Object.assign(new Error(report.failure.message), { stack: report.failure.stack, pathname: report.failure.pathname });
        }),
      ),
    ),
  );
  // Awaited when the pages are written; until then a failure must not count as unhandled.
  done.catch(() => {});
  ready.catch(() => {});
  return {
    ready,
    send: (job) => {
      for (const w of workers) w.postMessage(job);
    },
    done,
    stop: () => {
      for (const w of workers) void w.terminate();
    },
  };
}

/** What the renderer works with. */
export interface RendererContext {
  /** The profile routes. */
  routes: readonly ProfileRoute[];
  /** What the bundle plugin learns of this build. */
  facts: BundleFacts;
  /** The resolved Astro config. */
  site: SiteFacts;
  /** What `engfolio build` said of this build; none under a plain `astro build`, which empties its output first and so renders everything. */
  run: BuildRun | undefined;
  routesBase: string;
  /** Receives the account of the build once the pages are written. */
  onReport(report: RenderReport): void;
}

/** Wraps Astro's default prerenderer so that the profile routes are rendered by the renderer (see the top of this file). */
export function profileRenderer(base: AstroPrerenderer, { routes, facts, site, run, routesBase, onReport }: RendererContext): AstroPrerenderer {
  const cores = availableParallelism();
  const threads = run?.threads ?? cores;
  const full = run?.previousSite === undefined;
  let workers: Workers | undefined;
  // On a full build with cores to spare, threads load the site while Astro lists the paths.
  if (threads > 1 && full) facts.onWritten = () => (workers ??= startWorkers(threads - 1, facts.entryFile!));
  let job: RenderJob | undefined;
  let report: RenderReport | undefined;
  let manifest: Manifest | undefined;
  /** Set when one of Astro's own pages failed: the build is over, nothing more is rendered. */
  let failed = false;
  const note = (line: string): void => {
    if (run?.verbose) console.error(`build: ${line}`);
  };

  return {
    name: 'engfolio:profile-renderer',
    setup: () => base.setup?.() ?? Promise.resolve(),
    async getStaticPaths() {
      /** Leaves every page to Astro's own loop, saying why once; returns what Astro is to render. */
      const leaveToAstro = <T>(why: string, toRender: T, siteFiles: string[] = [], siteDigest = ''): T => {
        workers?.stop();
        workers = undefined;
        report = { files: [], siteFiles, siteDigest, written: 0, byWorkers: 0, fallback: why };
        console.error(`engfolio: Astro renders the profile pages itself (slower): ${why}`);
        return toRender;
      };
      const answer = await base.getStaticPaths();
      const read = readStaticPaths(answer);
      if (!read) {
        // A shape this version of engfolio does not know: Astro's own loop renders what Astro listed.
        const why = `Astro's prerenderer listed its paths as ${describeShape(answer)}, a shape engfolio does not know`;
        if (run?.shard) throw new Error(`${why}: this Astro cannot build in shards; build without --shard`);
        return leaveToAstro(why, answer);
      }
      const listed = read.paths;
      const byPattern = new Map(routes.map((r) => [r.pattern, r]));
      const code = Object.fromEntries(routes.map((r) => [r.spec.id, facts.codeHashes.get(r.moduleFile) ?? '']));
      const profileRouteOf = (p: PathWithRoute): ProfileRoute | undefined => byPattern.get(p.route.route);
      // The whole site's profile files, and what every shard of one build agrees on (see lib/shard.ts).
      const siteFiles: string[] = [];
      const agreed = createHash('sha256').update(JSON.stringify(code));
      for (const p of listed) {
        const route = profileRouteOf(p);
        if (!route) continue;
        siteFiles.push(outputFile(p.pathname, route.spec.kind));
        agreed.update(`\0${p.pathname}\0${p.cacheKey ?? ''}`);
      }
      const siteDigest = agreed.digest('hex');
      // A shard renders its share of the profiles' paths, or the site's own.
      const all: PathWithRoute[] = run?.shard
        ? listed.filter((p) => shardMakes(run.shard, profileRouteOf(p) ? profileOfPath(p.pathname, routesBase) : undefined))
        : [...listed];
      const astroRenders = (why: string) => leaveToAstro(why, read.withPaths(all), siteFiles, siteDigest);
      if (run?.astroRendersAll) return astroRenders('asked to (--astro-renders-all)');
      if (site.format !== 'directory') return astroRenders(`build.format is "${site.format}", not "directory"`);
      if (!facts.entryFile) return astroRenders(facts.noPlugin ?? 'the prerender build has no engfolio entry');
      const mine: { path: PathWithRoute; route: ProfileRoute }[] = [];
      const rest: PathWithRoute[] = [];
      for (const p of all) {
        const route = profileRouteOf(p);
        if (route && resolve(site.root, p.route.component) === route.moduleFile) mine.push({ path: p, route });
        else if (route) return astroRenders(`${p.route.component} has the same URL pattern as engfolio's ${route.pattern}`);
        else rest.push(p);
      }
      const previous = run?.previousSite !== undefined ? readManifest(run.cacheDir) : undefined;
      manifest = { version: MANIFEST_VERSION, code, paths: {}, files: [] };
      const toRender: { pathname: string; kind: RouteKind; pattern: string }[] = [];
      const files: string[] = [];
      for (const { path, route } of mine) {
        const key = path.cacheKey ?? '';
        const id = route.spec.id;
        const file = outputFile(path.pathname, route.spec.kind);
        files.push(file);
        manifest.files.push(file);
        manifest.paths[path.pathname] = [id, key];
        const before = previous?.paths[path.pathname];
        const reusable =
          key !== '' &&
          previous?.code[id] === code[id] &&
          code[id] !== '' &&
          before?.[0] === id &&
          before[1] === key &&
          existsSync(join(run!.previousSite!, file));
        if (!reusable) toRender.push({ pathname: path.pathname, kind: route.spec.kind, pattern: route.pattern });
      }
      const grouped = groupByProfile(toRender, routesBase);
      job = {
        entryFile: facts.entryFile,
        outDir: site.outDir,
        origin: site.origin,
        base: site.base,
        trailingSlash: site.trailingSlash,
        pathnames: grouped.items.map((p) => p.pathname),
        kinds: grouped.items.map((p) => p.kind),
        patterns: grouped.items.map((p) => p.pattern),
        groups: grouped.groups,
        next: new SharedArrayBuffer(4),
      };
      report = { files, siteFiles: run?.shard ? siteFiles : files, siteDigest, written: toRender.length, byWorkers: 0 };
      const explicit = run?.threads !== undefined;
      const wanted = threads > 1 && toRender.length > 0 && (explicit || (toRender.length >= WORKER_FROM && cores > 1));
      if (!wanted) {
        workers?.stop();
        workers = undefined;
      } else workers ??= startWorkers(threads - 1, facts.entryFile);
      // The workers start on the queue once they have loaded the site; the main thread joins after Astro's own pages.
      void workers?.ready.then(
        () => workers?.send(job!),
        () => undefined,
      );
      return read.withPaths(rest);
    },
    render: (request, options) =>
      base.render(request, options).catch((e: unknown) => {
        failed = true;
        throw e;
      }),
    async teardown() {
      try {
        if (job && report && !report.fallback && !failed) {
          // The workers take their share first: a thread that waits for nothing idles a core.
          await workers?.ready;
          const onMain = await renderFromQueue(job, await loadApp(job), workers ? collectGarbage : undefined);
          const inWorkers = workers ? await workers.done : [];
          report.byWorkers = inWorkers.reduce((a, b) => a + b, 0);
          if (onMain + report.byWorkers !== report.written)
            throw new Error(`expected ${report.written} profile files to be written, ${onMain + report.byWorkers} were`);
          note(
            `${report.written} profile file(s) rendered outside Astro's loop${workers ? `, ${report.byWorkers} of them by ${inWorkers.length} worker thread(s)` : ''}; ${report.files.length - report.written} kept from the previous site`,
          );
          note(`the code of the profile routes was hashed in ${((facts.hashMs ?? 0) / 1000).toFixed(2)}s`);
          if (run && manifest) {
            mkdirSync(run.cacheDir, { recursive: true });
            writeFileSync(join(run.cacheDir, RENDER_MANIFEST), JSON.stringify(manifest));
          }
        }
        if (report && !failed) onReport(report);
      } finally {
        workers?.stop();
        await base.teardown?.();
      }
    },
  };
}
