// Astro's incremental build writes a second copy of every page it renders into its cache folder
// (`<cacheDir>/dist/`), and restores a reused page missing from its output folder from there. `npm
// run build` never needs them: it builds into a fresh staging folder, and a page Astro reuses is the
// file already in the previous site, which the build updates in place (src/lib/build-swap.ts). On a
// 1,000-profile site the copies were 29,000 more files and folders to create (about 4 s of a cold
// build on this file system) and 435 MB of disk. This turns them off in this process only, and
// answers Astro's "restore this page" with whether the previous site has it. It also keeps the build's
// cache at hand for the pages rendered outside Astro's loop (parallel-pages.ts), which record there.
//
// It reaches into Astro's internals (astro/dist/core/build/incremental.js, not an exported entry):
// if that module or its methods are not there (another Astro version), nothing is changed and Astro
// keeps its copies, which costs time but never correctness.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { removeInBackground } from '../lib/build-swap.ts';

interface OutputCache {
  writeOutputFile(...args: unknown[]): Promise<void>;
  restoreOutputFile(...args: unknown[]): Promise<boolean>;
}

/** The methods of Astro's incremental build cache that parallel-pages.ts uses (Astro 7.3). */
export interface IncrementalCache {
  canSkip(routeComponent: string, pathname: string, dependencyHash: string, cacheKey: string, hasServerIsland: boolean): boolean;
  restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
  previousContentEntryKeys(routeComponent: string, pathname: string): string[] | undefined;
  record(routeComponent: string, dependencyHash: string, pathname: string, cacheKey: string, outputFile: string, contentEntryKeys?: string[]): void;
}

let current: IncrementalCache | undefined;

/** The incremental build cache of the build running in this process, once Astro has loaded it (none without incremental builds). */
export function currentIncrementalCache(): IncrementalCache | undefined {
  return current;
}

/**
 * Stops Astro copying pages into `cacheDir` (and deletes copies of earlier builds); a reused page
 * counts as present when `inPreviousSite(path)` says so (an output-relative path), and is otherwise
 * rendered again. Returns whether it could.
 */
export async function skipAstroOutputCopies(cacheDir: string, inPreviousSite: (rel: string) => boolean): Promise<boolean> {
  let cache: { prototype: OutputCache; load?: (...args: unknown[]) => IncrementalCache } | undefined;
  try {
    const url = new URL('./core/build/incremental.js', import.meta.resolve('astro'));
    cache = ((await import(url.href)) as { IncrementalBuildCache?: { prototype: OutputCache } }).IncrementalBuildCache;
  } catch {
    return false;
  }
  const proto = cache?.prototype;
  if (typeof proto?.writeOutputFile !== 'function' || typeof proto.restoreOutputFile !== 'function') return false;
  // Astro loads the cache once per build; keep it where parallel-pages.ts can record its pages.
  const load = cache!.load;
  current = undefined;
  if (typeof load === 'function' && !(load as { engfolio?: boolean }).engfolio) {
    cache!.load = Object.assign((...args: unknown[]) => (current = load.apply(cache, args)), { engfolio: true });
  }
  proto.writeOutputFile = async () => {};
  // Nothing is copied: the page stays in the previous site, which the build updates in place.
  proto.restoreOutputFile = async (_settings: unknown, outputFile: unknown) => typeof outputFile === 'string' && inPreviousSite(decodeURI(outputFile));
  // Copies left by earlier builds are never read again: out of the way at once, deleted in the background.
  const copies = join(cacheDir, 'dist');
  if (existsSync(copies)) {
    const discarded = `${copies}.discard-${process.pid}`;
    renameSync(copies, discarded);
    removeInBackground(discarded);
  }
  return true;
}
