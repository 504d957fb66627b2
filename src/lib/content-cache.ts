// Validation results kept between reads of the content: in memory for the life of the process (`astro
// dev` re-reads the content on every change), and on disk between builds (`engfolio build` names the
// file). Parsing YAML is most of the cost of a read, so an unchanged file is neither parsed nor validated
// again. Both are keyed by the reading code's hash, so results of other code are never used.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readIfExists, writeFileAtomic } from './atomic-write.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { siblingModule } from './module-url.ts';
import type { Problem } from './problems.ts';

/** One file's read: its frontmatter, validated data and problems (no frontmatter when it did not parse). */
interface CheckedFile {
  fm?: ParsedFrontmatter;
  data?: unknown;
  problems: Problem[];
}

/** The modules whose code decides what a read returns (named without extension: `.ts` in the repository, `.js` in the package). */
const READING_CODE = ['content-read', 'content-cache', 'content-schema', 'frontmatter', 'zod-problems', 'activity-csv'];

/** A hash of the reading code; undefined when its files cannot be read (then nothing is cached on disk). */
export const READ_CODE_HASH: string | undefined = (() => {
  try {
    const code = createHash('sha256');
    for (const name of READING_CODE) code.update(readFileSync(siblingModule(import.meta.url, `./${name}`)));
    return code.digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
})();

/**
 * A file's validation result as kept on disk: the validated data, its problems and where the body
 * starts, for one exact source text (its digest). The frontmatter is parsed again only when a line
 * number is asked for.
 */
interface StoredCheck {
  digest: string;
  data?: unknown;
  problems: Problem[];
  bodyLength: number;
  bodyLine: number;
}

/** This process's reads, by key; a read replaces what an older text of the same file left. */
const memo = new Map<string, { source: string; checked: CheckedFile }>();

/** Forgets this process's reads (as a new process would start); returns how many there were. */
export function forgetContentReads(): number {
  const n = memo.size;
  memo.clear();
  return n;
}

/** Rebuilds a CheckedFile from its stored form; the frontmatter is parsed again only if a line is asked for. */
function fromStored(stored: StoredCheck, source: string): CheckedFile {
  let parsed: ParsedFrontmatter | undefined;
  const full = (): ParsedFrontmatter => (parsed ??= parseFrontmatter(source) as ParsedFrontmatter);
  const fm: ParsedFrontmatter = {
    get data() {
      return full().data;
    },
    body: source.slice(source.length - stored.bodyLength),
    bodyLine: stored.bodyLine,
    lineOf: (path) => full().lineOf(path),
  };
  return { fm, data: stored.data, problems: stored.problems };
}

/** The caches of one read of the content. */
export interface ReadCache {
  /** The earlier result for exactly this text of the file `key`, if any. */
  lookup(key: string, source: string, digest: string): CheckedFile | undefined;
  /** Keeps a fresh result. */
  store(key: string, source: string, digest: string, checked: CheckedFile): void;
  /** Writes the disk cache (if any), forgetting the files this read did not see. */
  save(): void;
}

/** Opens the caches for one read; `cacheFile` (without extension) is where results are kept on disk, if anywhere. */
export function openReadCache(cacheFile: string | undefined): ReadCache {
  const path = cacheFile && READ_CODE_HASH ? `${cacheFile}-${READ_CODE_HASH}.json` : undefined;
  let disk = new Map<string, StoredCheck>();
  let dirty = false;
  if (path) {
    try {
      const text = readIfExists(path);
      if (text) disk = new Map(Object.entries(JSON.parse(text) as Record<string, StoredCheck>));
    } catch {
      // Unreadable or half-written by a killed process: start afresh.
    }
  }
  const seen = new Set<string>();
  return {
    lookup(key, source, digest) {
      seen.add(key);
      const inMemory = memo.get(key);
      if (inMemory?.source === source) return inMemory.checked;
      const stored = disk.get(key);
      if (stored?.digest === digest && stored.bodyLength <= source.length) {
        const checked = fromStored(stored, source);
        memo.set(key, { source, checked });
        return checked;
      }
      if (stored) {
        disk.delete(key);
        dirty = true;
      }
      return undefined;
    },
    store(key, source, digest, checked) {
      memo.set(key, { source, checked });
      // Kept on disk only when the body is the end of the source text (it always is for engfolio's files).
      if (path && checked.fm && source.endsWith(checked.fm.body)) {
        disk.set(key, { digest, data: checked.data, problems: checked.problems, bodyLength: checked.fm.body.length, bodyLine: checked.fm.bodyLine });
        dirty = true;
      }
    },
    save() {
      // Files this read no longer saw (deleted, renamed) are forgotten, so neither cache outgrows the content.
      for (const key of memo.keys()) if (!seen.has(key)) memo.delete(key);
      for (const key of disk.keys()) {
        if (!seen.has(key)) {
          disk.delete(key);
          dirty = true;
        }
      }
      if (!path || !dirty) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        // Other code versions' caches of the same content are dead weight.
        const own = basename(path);
        const stem = own.slice(0, -`-${READ_CODE_HASH}.json`.length);
        for (const name of readdirSync(dirname(path))) {
          if (name !== own && name.startsWith(`${stem}-`) && /^-[0-9a-f]{16}\.json$/.test(name.slice(stem.length)))
            rmSync(join(dirname(path), name), { force: true });
        }
        writeFileAtomic(path, JSON.stringify(Object.fromEntries(disk)));
      } catch {
        // A cache that cannot be written only costs time on the next build.
      }
    },
  };
}
