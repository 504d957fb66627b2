// The Markdown bodies of profiles and months, kept out of Astro's data store. The store is serialized
// whole on every change and bundled into the build as one JavaScript module: with 25,000 narratives in
// it, that is most of a large build's setup time and memory. The content loader hands the bodies over
// here, in the same process; pages ask for a body by its file. A body not handed over (a process that
// did not run the loader) is read from its file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isFrontmatterFailure, parseFrontmatter } from './frontmatter.ts';

/** Bodies by file path as stored on entries (relative to the project root, or absolute). */
type Bodies = Map<string, string>;

// On globalThis: the loader and the pages are separate module instances (Vite bundles the pages).
const KEY = Symbol.for('engfolio.content-bodies');
const slot = globalThis as unknown as Record<symbol, Bodies | undefined>;

/** Replaces the bodies handed over by the loader (one call per content sync, with every body). */
export function keepBodies(bodies: Bodies): void {
  slot[KEY] = bodies;
}

/** Returns the Markdown body of the content file `file` (a path as stored on its entry). */
export function bodyOf(file: string, root = process.cwd()): string {
  const kept = slot[KEY]?.get(file);
  if (kept !== undefined) return kept;
  const parsed = parseFrontmatter(readFileSync(resolve(root, file), 'utf8'));
  return isFrontmatterFailure(parsed) ? '' : parsed.body;
}
