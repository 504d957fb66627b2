// Build aside, swap on success: a site is produced in a staging folder next to the output folder and
// only replaces it once complete, so a failed build never leaves a half-written or missing site.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { copyFileSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
 * Removes staging folders left by builds that died (their process is gone), and starts the background
 * removal of superseded sites (`discard-*`) left over; returns the paths removed.
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
 * Deletes a folder in a detached, low-priority process that outlives this one, then the work folder
 * if that left it empty. Deleting a 25,000-page site takes seconds; the build need not wait for it.
 */
export function removeInBackground(dir: string): void {
  const script = "const fs=require('node:fs'),path=require('node:path');const d=process.argv[1];try{fs.rmSync(d,{recursive:true,force:true,maxRetries:3})}catch{}try{fs.rmdirSync(path.dirname(d))}catch{}";
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
    swapIntoPlace(paths, removePrevious);
  } catch (e) {
    discardStaging(paths);
    throw e;
  }
  return paths.out;
}

/**
 * Reuse of the previous site's unchanged pages without copying them. Astro's incremental build keeps a
 * reused page that already exists in its output folder and otherwise copies it from its cache (25,000
 * copies on a large site). Hard links of the previous output cannot go into staging: Astro rewrites a
 * changed page in place, which would change the live site through the shared inode before the swap.
 * So staging gets an empty placeholder (a fresh inode) per page the previous build recorded; Astro
 * either leaves it (page reused) or writes the new page into it. Afterwards `fillPlaceholders` swaps
 * each placeholder still empty for a hard link of the previous page, or removes it when the page is
 * no longer part of the site. The live output is only ever read.
 */
export interface Placeholders {
  /** The previous site the placeholders stand for. */
  from: string;
  /** The folder Astro builds into. */
  dir: string;
  /** Output-relative paths of the placeholders created. */
  files: string[];
}

/** Creates an empty file in `dir` for each of `files` that exists in `from`; returns what it created. */
export function seedPlaceholders(from: string, dir: string, files: Iterable<string>): Placeholders {
  const created: string[] = [];
  const made = new Set<string>();
  for (const rel of files) {
    if (!isSafeRelative(rel)) continue;
    let st;
    try {
      st = lstatSync(join(from, rel));
    } catch {
      continue;
    }
    if (!st.isFile() || st.size === 0) continue;
    const parent = dirname(join(dir, rel));
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(join(dir, rel), '', { flag: 'wx' });
    created.push(rel);
  }
  return { from, dir, files: created };
}

/**
 * Runs seedPlaceholders in a worker thread, so its tens of thousands of mkdir/create calls overlap
 * whatever the main thread does meanwhile (the content check, Astro's setup); resolves to what it created.
 */
export function seedPlaceholdersInWorker(from: string, dir: string, files: Iterable<string>): Promise<Placeholders> {
  return new Promise((resolvePlaceholders, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { seedPlaceholders: { from, dir, files: [...files] } } });
    let result: Placeholders | undefined;
    worker.once('message', (p: Placeholders) => {
      result = p;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolvePlaceholders(result) : reject(new Error(`placeholder worker exited with code ${code} before finishing`))));
  });
}

if (!isMainThread && (workerData as { seedPlaceholders?: unknown } | null)?.seedPlaceholders) {
  const job = (workerData as { seedPlaceholders: { from: string; dir: string; files: string[] } }).seedPlaceholders;
  parentPort!.postMessage(seedPlaceholders(job.from, job.dir, job.files));
}

/**
 * Replaces every placeholder the build left empty: with a hard link (or, across file systems, a copy) of
 * the previous page when `keep(rel)` says the page is still in the site, else removes it. Placeholders
 * the build wrote into are left alone. Returns the counts.
 */
export function fillPlaceholders(p: Placeholders, keep: (rel: string) => boolean): { reused: number; removed: number } {
  let reused = 0;
  let removed = 0;
  for (const rel of p.files) {
    const target = join(p.dir, rel);
    let st;
    try {
      st = statSync(target);
    } catch {
      continue; // Removed by the build.
    }
    if (st.size !== 0) continue; // Written by the build: the new page.
    unlinkSync(target);
    if (!keep(rel)) {
      removed++;
      continue;
    }
    try {
      linkSync(join(p.from, rel), target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      copyFileSync(join(p.from, rel), target);
    }
    reused++;
  }
  return { reused, removed };
}

function isSafeRelative(rel: string): boolean {
  return rel !== '' && !isAbsolute(rel) && !rel.split(/[\\/]/).includes('..');
}
