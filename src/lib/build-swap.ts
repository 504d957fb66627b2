// Build aside, swap on success: a site is produced in a staging folder next to the output folder and
// only replaces it once complete, so a failed build never leaves a half-written or missing site.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** Name of the work folder created next to the output folder (gitignored as `.engfolio/`). */
export const WORK_DIR = '.engfolio';

export interface StagingPaths {
  /** The final output folder, absolute. */
  out: string;
  /** Where the new site is built. Same parent as `out`, so the swap is a rename on one file system. */
  staging: string;
  /** Where the previous site waits during the swap. */
  backup: string;
}

/** Returns the staging and backup folders for an output folder, unique to this process. */
export function stagingPathsFor(outDir: string, id: string | number = process.pid): StagingPaths {
  const out = resolve(outDir);
  const work = join(dirname(out), WORK_DIR);
  const name = basename(out);
  return { out, staging: join(work, `staging-${name}-${id}`), backup: join(work, `previous-${name}-${id}`) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes staging folders left by builds that died (their process is gone); returns the paths removed.
 * A `previous-*` folder of a dead build is kept and reported instead: if the crash hit mid-swap, it may
 * be the only copy of the last good site.
 */
export function removeStaleStaging(outDir: string): { removed: string[]; orphanedBackups: string[] } {
  const { out } = stagingPathsFor(outDir);
  const work = join(dirname(out), WORK_DIR);
  const removed: string[] = [];
  const orphanedBackups: string[] = [];
  const name = basename(out);
  let entries: string[] = [];
  try {
    entries = readdirSync(work);
  } catch {
    return { removed, orphanedBackups };
  }
  for (const entry of entries) {
    const m = /^(staging|previous)-(.+)-(\d+)$/.exec(entry);
    if (!m || m[2] !== name || isAlive(Number(m[3]))) continue;
    if (m[1] === 'staging') {
      rmSync(join(work, entry), { recursive: true, force: true });
      removed.push(join(work, entry));
    } else {
      orphanedBackups.push(join(work, entry));
    }
  }
  return { removed, orphanedBackups };
}

/** Creates an empty staging folder (removing any leftover of this same process) and returns its paths. */
export function prepareStaging(outDir: string): StagingPaths {
  const paths = stagingPathsFor(outDir);
  rmSync(paths.staging, { recursive: true, force: true });
  mkdirSync(paths.staging, { recursive: true });
  return paths;
}

/** Deletes the staging folder after a failure; the output folder is not touched. */
export function discardStaging(paths: StagingPaths): void {
  rmSync(paths.staging, { recursive: true, force: true });
  removeWorkDirIfEmpty(paths);
}

function removeWorkDirIfEmpty(paths: StagingPaths): void {
  try {
    rmdirSync(dirname(paths.staging));
  } catch {
    // Not empty (another build's staging, a kept backup) or already gone: leave it.
  }
}

/**
 * Puts the staged site in place of the output folder: out → backup, staging → out, then deletes the
 * backup. If the second rename fails the backup is renamed back, so `out` is the old site or the new
 * one, never neither. Throws after restoring.
 */
export function swapIntoPlace(paths: StagingPaths): void {
  const hadPrevious = existsSync(paths.out);
  mkdirSync(dirname(paths.out), { recursive: true });
  if (hadPrevious) {
    rmSync(paths.backup, { recursive: true, force: true });
    renameSync(paths.out, paths.backup);
  }
  try {
    renameSync(paths.staging, paths.out);
  } catch (e) {
    if (hadPrevious) renameSync(paths.backup, paths.out);
    throw e;
  }
  if (hadPrevious) rmSync(paths.backup, { recursive: true, force: true });
  removeWorkDirIfEmpty(paths);
}

/** Moves a folder, copying when a rename cannot cross file systems. */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function isInside(dir: string, parent: string): boolean {
  const rel = relative(parent, dir);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Runs `produce` into a fresh folder, then `finish` on the complete site (post-build steps), and
 * swaps it into `outDir` only if both succeed. On any failure every temporary folder is removed,
 * `outDir` is left exactly as it was, and the error is rethrown. Returns the output folder.
 *
 * `produceInside`: a folder `produce` must write under (Astro resolves its build chunks' imports
 * from the project's node_modules, so it must build inside the project). When `outDir` lies
 * elsewhere, the site is built in `<produceInside>/.engfolio/` and then moved next to `outDir`.
 */
export async function buildAside(
  outDir: string,
  produce: (dir: string) => Promise<void>,
  finish: (siteDir: string) => Promise<void> = async () => {},
  produceInside?: string,
): Promise<string> {
  removeStaleStaging(outDir);
  const paths = prepareStaging(outDir);
  const buildDir = produceInside && !isInside(paths.staging, resolve(produceInside)) ? stagingPathsFor(join(resolve(produceInside), basename(paths.out) + '-build')).staging : paths.staging;
  try {
    if (buildDir !== paths.staging) {
      removeStaleStaging(join(resolve(produceInside!), basename(paths.out) + '-build'));
      rmSync(buildDir, { recursive: true, force: true });
      mkdirSync(buildDir, { recursive: true });
      await produce(buildDir);
      rmSync(paths.staging, { recursive: true, force: true });
      moveDir(buildDir, paths.staging);
      removeWorkDirIfEmpty({ ...paths, staging: buildDir });
    } else {
      await produce(paths.staging);
    }
    await finish(paths.staging);
  } catch (e) {
    if (buildDir !== paths.staging) discardStaging({ ...paths, staging: buildDir });
    discardStaging(paths);
    throw e;
  }
  try {
    swapIntoPlace(paths);
  } catch (e) {
    discardStaging(paths);
    throw e;
  }
  return paths.out;
}
