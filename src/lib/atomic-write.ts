// Writes files so that a crash leaves either the old file or the new one, never half of either.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { isAlive } from './process-alive.ts';

/** Writes `text` to `path` through a temp file in the same folder and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** The temp files writeFileAtomic names: `.<file>.<pid>.<time>.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Removes the temp files a killed writeFileAtomic left under `dir`; returns how many. */
export function removeStaleTempFiles(dir: string): number {
  let removed = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const m = e.isFile() ? TEMP_FILE.exec(e.name) : null;
    if (!m || (Number(m[1]) !== process.pid && isAlive(Number(m[1])))) continue;
    rmSync(join(e.parentPath, e.name), { force: true });
    removed++;
  }
  return removed;
}

/** Returns a file's text, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
