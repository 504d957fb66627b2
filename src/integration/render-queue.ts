// Renders profile pages and files from one queue shared by the main thread and worker threads, each
// through its own instance of the built site (Astro's public App, from render-entry.ts), and writes each
// to its file. A thread takes one profile's paths at a time, so what they share (its narratives) is
// rendered once, in one thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputFile, type RouteKind } from '../lib/routes.ts';

/** What every thread renders from: the paths, how to request each, and where to write it. */
export interface RenderJob {
  /** The render entry of this build (render-entry.ts, as built). */
  entryFile: string;
  /** The output folder. */
  outDir: string;
  /** The request origin and base path Astro gives a page of this site. */
  origin: string;
  base: string;
  /** Astro's trailingSlash setting: a page's URL ends in `/` unless it is 'never'. */
  trailingSlash: string;
  /** Site paths (`/mira/2025-06`) to render. */
  pathnames: string[];
  /** What each path is. */
  kinds: RouteKind[];
  /** The route pattern each path must match (Astro's `route`, e.g. `/[slug]/[month]`). */
  patterns: string[];
  /** Where each group of paths (one profile's) starts in `pathnames`, and then where the last ends. */
  groups: number[];
  /** One Int32 in shared memory: the index of the next group to take. */
  next: SharedArrayBuffer;
}

/** A path that failed, as a thread reports it. */
export interface RenderFailure {
  pathname: string;
  message: string;
  stack?: string;
}

/** The parts of Astro's App the queue uses. */
interface App {
  match(request: Request, allowPrerenderedRoutes?: boolean): { route: string } | undefined;
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

/**
 * Loads the built site of a job in this thread. Without streaming, as Astro's own static build renders:
 * a page is rendered to one string instead of a stream of chunks (measured on 29,000 files: 9 s of
 * response streams and their bookkeeping).
 */
export async function loadApp(job: Pick<RenderJob, 'entryFile'>): Promise<App> {
  const { createApp } = (await import(/* @vite-ignore */ job.entryFile)) as { createApp: (options: { streaming: boolean }) => App };
  return createApp({ streaming: false });
}

/** The request URL of a path, as Astro builds it for a `directory`-format site. */
function requestUrl(job: Pick<RenderJob, 'origin' | 'base' | 'trailingSlash'>, pathname: string, kind: RouteKind): URL {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  const base = job.base.endsWith('/') ? job.base : `${job.base}/`;
  const slash = kind === 'page' && trimmed && job.trailingSlash !== 'never' ? '/' : '';
  return new URL(`${base}${trimmed}${slash}`, job.origin);
}

/** Collected every so many files: two threads' heaps growing side by side raised a large build's peak memory by 0.4 GB. */
const COLLECT_EVERY = 3000;

/**
 * Renders groups from the job's queue until it is empty; returns how many files this thread wrote.
 * Throws (naming the path) on the first path that fails.
 */
export async function renderFromQueue(job: RenderJob, app: App, collect?: () => void): Promise<number> {
  const next = new Int32Array(job.next);
  const routes = new Map<string, unknown>();
  const folders = new Set<string>();
  let written = 0;
  for (;;) {
    const group = Atomics.add(next, 0, 1);
    if (group >= job.groups.length - 1) return written;
    for (let i = job.groups[group]!; i < job.groups[group + 1]!; i++) {
      const pathname = job.pathnames[i]!;
      const kind = job.kinds[i]!;
      let body: Buffer;
      try {
        const request = new Request(requestUrl(job, pathname, kind));
        let routeData = routes.get(job.patterns[i]!);
        if (!routeData) {
          const matched = app.match(request, true);
          if (matched?.route !== job.patterns[i]) throw new Error(`expected the route ${job.patterns[i]}, found ${matched?.route ?? 'none'}`);
          routes.set(job.patterns[i]!, (routeData = matched));
        }
        const response = await app.render(request, { routeData });
        if (response.status !== 200) throw new Error(`the page answered ${response.status} ${response.statusText}`);
        body = Buffer.from(await response.arrayBuffer());
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        throw Object.assign(error, { pathname, message: `${pathname}: ${error.message}` });
      }
      const file = join(job.outDir, outputFile(pathname, kind));
      const folder = dirname(file);
      // Written synchronously, each folder made once: a whole build of 2,900 files was 9% faster (CPU and
      // wall, 5 paired runs) than with asynchronous writes, as Astro writes.
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, body);
      written++;
      if (collect && written % COLLECT_EVERY === 0) collect();
    }
  }
}

/** The profile a page's path belongs to: its segment after the routes base `prefix` (`team/mira/2025-06/` → `mira`). */
export function profileOfPath(pathname: string, prefix: string): string {
  return pathname.split('/').filter(Boolean)[prefix.split('/').filter(Boolean).length] ?? '';
}

/** Orders items by the profile their path belongs to (the segment after `prefix`), each group where its first item was; returns them with where each group starts, then where the last ends. */
export function groupByProfile<T extends { pathname: string }>(items: readonly T[], prefix: string): { items: T[]; groups: number[] } {
  const byProfile = new Map<string, T[]>();
  for (const item of items) {
    const profile = profileOfPath(item.pathname, prefix);
    const group = byProfile.get(profile);
    if (group) group.push(item);
    else byProfile.set(profile, [item]);
  }
  const grouped: T[] = [];
  const groups: number[] = [];
  for (const group of byProfile.values()) {
    groups.push(grouped.length);
    grouped.push(...group);
  }
  groups.push(grouped.length);
  return { items: grouped, groups };
}
