// The Markdown bodies of profiles and months, kept out of Astro's data store. The store is serialized
// whole on every change and bundled into the build as one JavaScript module: with 25,000 narratives in
// it, that is most of a large build's setup time and memory, and an edited narrative would rewrite it.
// The content loader hands the bodies over here, in the same process, each with the digest of its
// whole file (what pages key incremental builds on); pages ask by file. A body not handed over (a
// process that did not run the loader) is read from its file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digestOf } from './content-read.ts';
import { isFrontmatterFailure, parseFrontmatter } from './frontmatter.ts';

export interface Body {
  /** The Markdown after the frontmatter. */
  markdown: string;
  /** Digest of the whole file, frontmatter included. */
  digest: string;
}

/** Bodies by file path as stored on entries (relative to the project root, or absolute). */
type Bodies = Map<string, Body>;

// On globalThis: the loader and the pages are separate module instances (Vite bundles the pages).
const KEY = Symbol.for('engfolio.content-bodies');
const slot = globalThis as unknown as Record<symbol, { bodies: Bodies; generation: number } | undefined>;

/** Replaces the bodies handed over by the loader (one call per content sync, with every body). */
export function keepBodies(bodies: Bodies): void {
  slot[KEY] = { bodies, generation: (slot[KEY]?.generation ?? 0) + 1 };
}

/** Counts the hand-overs: a cache of anything built from bodies is stale once this changes (`astro dev`). */
export function bodiesGeneration(): number {
  return slot[KEY]?.generation ?? 0;
}

/** Returns the Markdown body of the content file `file` (a path as stored on its entry) and the file's digest. */
export function bodyOf(file: string, root = process.cwd()): Body {
  const kept = slot[KEY]?.bodies.get(file);
  if (kept !== undefined) return kept;
  const source = readFileSync(resolve(root, file), 'utf8');
  const parsed = parseFrontmatter(source);
  return { markdown: isFrontmatterFailure(parsed) ? '' : parsed.body, digest: digestOf(source) };
}

/** The bodies handed over by the loader, for a worker thread that renders pages of the same build. */
export function keptBodies(): Bodies {
  return slot[KEY]?.bodies ?? new Map();
}
