// Build aside, put in place on success: a site is produced in a staging folder and only replaces the
// output folder once complete (buildAside), or, for an incremental build, only the files that changed
// are produced and then each replaces its counterpart (updateInPlace). Either way a failed build never
// leaves a half-written or missing site.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { isAlive } from './process-alive.ts';

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

/**
 * Removes staging folders left by builds that died (their process is gone), and starts the background
 * removal of superseded sites (`discard-*`) left over; returns the paths removed.
 * A `previous-*` folder of a dead build is kept and reported instead: if the crash hit mid-swap, it may
 * be the only copy of the last good site.
 */
function removeStaleStaging(outDir: string): { removed: string[]; orphanedBackups: string[] } {
  const { out } = stagingPathsFor(outDir);
  const work = join(dirname(out), WORK_DIR);
  const removed: string[] = [];
  const orphanedBackups: string[] = [];
  const name = basename(out);
  let entries: string[];
  try {
    entries = readdirSync(work);
  } catch {
    return { removed, orphanedBackups };
  }
  for (const entry of entries) {
    const m = /^(staging|previous|discard)-(.+)-(\d+)$/.exec(entry);
    if (!m || m[2] !== name || isAlive(Number(m[3]))) continue;
    if (m[1] === 'discard') {
      // A superseded site whose background removal was cut short (or is still running: a second
      // remover of the same folder is harmless).
      removeInBackground(join(work, entry));
      removed.push(join(work, entry));
    } else if (m[1] === 'staging') {
      rmSync(join(work, entry), { recursive: true, force: true });
      removed.push(join(work, entry));
    } else {
      orphanedBackups.push(join(work, entry));
    }
  }
  return { removed, orphanedBackups };
}

/** Creates an empty staging folder (removing any leftover of this same process) and returns its paths. */
function prepareStaging(outDir: string): StagingPaths {
  const paths = stagingPathsFor(outDir);
  rmSync(paths.staging, { recursive: true, force: true });
  mkdirSync(paths.staging, { recursive: true });
  return paths;
}

/** Deletes the staging folder after a failure; the output folder is not touched. */
function discardStaging(paths: StagingPaths): void {
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
 * Deletes a folder in a detached, low-priority process that outlives this one, then the work folder
 * if that left it empty. Deleting a 25,000-page site takes seconds; the build need not wait for it.
 */
function removeInBackground(dir: string): void {
  const script =
    "const fs=require('node:fs'),path=require('node:path');const d=process.argv[1];try{fs.rmSync(d,{recursive:true,force:true,maxRetries:3})}catch{}try{fs.rmdirSync(path.dirname(d))}catch{}";
  const child = spawn(process.execPath, ['-e', script, dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => {
    // No process could be started: the next build's removeStaleStaging tries again.
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, 19);
    } catch {
      // Not allowed to lower its priority: it still runs, only less politely.
    }
  }
  child.unref();
}

/**
 * Puts the staged site in place of the output folder: out → backup, staging → out, then deletes the
 * backup (or, with `removePrevious: 'background'`, renames it to a `discard-*` folder that a detached
 * process deletes). If the second rename fails the backup is renamed back, so `out` is the old site or
 * the new one, never neither. Throws after restoring. Returns the folder left to the background removal.
 */
export function swapIntoPlace(paths: StagingPaths, removePrevious: 'now' | 'background' = 'now'): string | undefined {
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
  if (hadPrevious && removePrevious === 'background') {
    const discard = join(dirname(paths.backup), basename(paths.backup).replace(/^previous-/, 'discard-'));
    try {
      renameSync(paths.backup, discard);
      removeInBackground(discard);
      return discard;
    } catch {
      // A leftover folder of that name (a reused pid): delete the backup now instead.
    }
  }
  if (hadPrevious) rmSync(paths.backup, { recursive: true, force: true });
  removeWorkDirIfEmpty(paths);
  return undefined;
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

export function isInside(dir: string, parent: string): boolean {
  const rel = relative(parent, dir);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A path as messages show it: from `root` when it is inside it, absolute otherwise. */
export function shownPath(path: string, root: string): string {
  return isInside(path, root) ? relative(root, path) : path;
}

/**
 * Runs `produce` into a fresh folder, then `finish` on the complete site (post-build steps), and
 * swaps it into `outDir` only if both succeed. On any failure every temporary folder is removed,
 * `outDir` is left exactly as it was, and the error is rethrown. Returns the output folder.
 *
 * `produceInside`: a folder `produce` must write under (Astro resolves its build chunks' imports
 * from the project's node_modules, so it must build inside the project). When `outDir` lies
 * elsewhere, the site is built in `<produceInside>/.engfolio/` and then moved next to `outDir`.
 * `removePrevious`: whether the superseded site is deleted before returning or in the background.
 */
export async function buildAside(
  outDir: string,
  produce: (dir: string) => Promise<void>,
  finish: (siteDir: string) => Promise<void> = async () => {},
  produceInside?: string,
  removePrevious: 'now' | 'background' = 'now',
): Promise<string> {
  removeStaleStaging(outDir);
  const paths = prepareStaging(outDir);
  let buildDir = paths.staging;
  try {
    buildDir = prepareBuildDir(paths, produceInside);
    if (buildDir !== paths.staging) {
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
    swapIntoPlace(paths, removePrevious);
  } catch (e) {
    discardStaging(paths);
    throw e;
  }
  return paths.out;
}

/**
 * Returns the folder a build writes into, ready and empty. With `produceInside` (Astro resolves its
 * build chunks' imports from the project's node_modules, so it must build inside the project) that is
 * `paths.staging` when it lies inside, else a fresh folder under `<produceInside>/.engfolio/` (whose
 * leftovers of dead builds are removed first).
 */
function prepareBuildDir(paths: StagingPaths, produceInside: string | undefined): string {
  if (!produceInside || isInside(paths.staging, resolve(produceInside))) return paths.staging;
  const inside = join(resolve(produceInside), basename(paths.out) + '-build');
  const dir = stagingPathsFor(inside).staging;
  removeStaleStaging(inside);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** What an incremental update did to the output folder. */
export interface SiteUpdate {
  /** Output-relative paths of the files the build wrote (new or changed). */
  written: string[];
  /** How many files of the previous site were kept as they were. */
  kept: number;
  /** How many files no longer part of the site were deleted (in place only). */
  removed: number;
  /** 'in place': the written files replaced theirs one by one; 'swapped': the kept ones were linked into the new site, which replaced the folder. */
  how: 'in place' | 'swapped';
}

/** Which files of the previous site stay (unchanged, not rewritten) and which go, given what the build wrote. */
export interface UpdatePlan {
  keep: string[];
  remove: string[];
}

/**
 * Updates the previous site for an incremental build. `produce` writes only what changed into a fresh
 * folder (Astro skips the pages it reuses: they stay where they are, untouched). When it succeeds,
 * `prepare` runs (it must make the output's bookkeeping say "being updated", so that a crash in the
 * next step leads to a full build), and `plan` says which files of the previous site stay and which go
 * (output-relative). Then, whichever touches fewer files:
 * - in place: each written file replaces its counterpart in `outDir` by one rename (readers see the
 *   old file or the new one, never a partial one), and the files to remove are deleted with the
 *   folders they leave empty;
 * - swapped (most of the site was rewritten, say after a layout change): the files that stay are hard
 *   linked into the new folder, which then replaces `outDir` as in a full build.
 * If `produce` or `prepare` throws, `outDir` is untouched and the error is rethrown. Everything after
 * `prepare` is synchronous, so no signal handler can run in the middle of it.
 */
export async function updateInPlace(
  outDir: string,
  produce: (dir: string) => Promise<void>,
  prepare: () => void,
  plan: (written: ReadonlySet<string>) => UpdatePlan,
  produceInside?: string,
): Promise<SiteUpdate> {
  removeStaleStaging(outDir);
  const paths = prepareStaging(outDir);
  let buildDir = paths.staging;
  let written: string[];
  let planned: UpdatePlan;
  try {
    buildDir = prepareBuildDir(paths, produceInside);
    // Built elsewhere: the staging folder next to the output is only needed if the site is swapped.
    if (buildDir !== paths.staging) discardStaging(paths);
    await produce(buildDir);
    prepare();
    written = filesUnder(buildDir);
    planned = plan(new Set(written));
  } catch (e) {
    discardStaging(paths);
    if (buildDir !== paths.staging) discardStaging({ ...paths, staging: buildDir });
    throw e;
  }
  const work = { ...paths, staging: buildDir };
  try {
    if (written.length <= planned.keep.length) {
      placeFilesInto(buildDir, paths.out, written, moveReplacing);
      const removed = removeFiles(paths.out, planned.remove);
      discardStaging(work);
      return { written, kept: planned.keep.length, removed, how: 'in place' };
    }
    // The plan names files of the previous site: only paths inside it are linked.
    placeFilesInto(paths.out, buildDir, planned.keep.filter(isSafeRelative), linkOrCopy);
    if (buildDir !== paths.staging) {
      mkdirSync(dirname(paths.staging), { recursive: true });
      moveDir(buildDir, paths.staging);
      removeWorkDirIfEmpty(work);
    }
  } catch (e) {
    discardStaging(work);
    discardStaging(paths);
    throw new PartialUpdateError(e);
  }
  try {
    swapIntoPlace(paths, 'background');
  } catch (e) {
    // swapIntoPlace leaves the previous site in place when it fails.
    discardStaging(paths);
    throw e;
  }
  return { written, kept: planned.keep.length, removed: 0, how: 'swapped' };
}

/** An in-place update failed after it began changing the output folder: some files may be new and some old. */
export class PartialUpdateError extends Error {
  override name = 'PartialUpdateError';
  constructor(cause: unknown) {
    super((cause as Error)?.message ?? String(cause), { cause });
  }
}

/** The files under `dir`, as relative paths with forward slashes; none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * Puts each of the files `rels` (relative paths) from under `from` at the same path under `to` with
 * `place(source, target)`, creating each target folder once.
 */
export function placeFilesInto(from: string, to: string, rels: string[], place: (source: string, target: string) => void): void {
  const made = new Set<string>();
  for (const rel of rels) {
    const target = join(to, rel);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    place(join(from, rel), target);
  }
}

/** Moves `source` to `target` by one rename, replacing what is there; across file systems, copies beside the target and renames, so the replacement stays whole. */
function moveReplacing(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    const part = `${target}.engfolio-part-${process.pid}`;
    copyFileSync(source, part);
    renameSync(part, target);
  }
}

/** Hard-links `source` at `target` (across file systems, copies it); a missing source is skipped. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'EXDEV') throw e;
    copyFileSync(source, target);
  }
}

/** Deletes the files `rels` (relative to `dir`; unsafe or missing ones are skipped) and the folders they leave empty; returns how many it deleted. */
export function removeFiles(dir: string, rels: Iterable<string>): number {
  let removed = 0;
  for (const rel of rels) {
    if (!isSafeRelative(rel)) continue;
    try {
      unlinkSync(join(dir, rel));
    } catch {
      continue;
    }
    removed++;
    for (let parent = dirname(join(dir, rel)); isInside(parent, dir); parent = dirname(parent)) {
      try {
        rmdirSync(parent);
      } catch {
        break; // Not empty.
      }
    }
  }
  return removed;
}

function isSafeRelative(rel: string): boolean {
  return rel !== '' && !isAbsolute(rel) && !rel.split(/[\\/]/).includes('..');
}
