// The content-layer loader: reads every content file synchronously once per build (measured faster
// than the glob loader's per-file async reads), validates it with our own checks so errors read as
// `file:line — field: …`, and stores the data; Markdown bodies are handed to pages outside the store
// (src/lib/content-bodies.ts), which render them (src/lib/markdown.ts).
import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkedContent, forgetContentReads, readContent, READ_CODE_HASH, type ContentModel } from '../lib/content-read.ts';
import { ContentError, errorsOf, formatProblem } from '../lib/problems.ts';
import { keepBodies } from '../lib/content-bodies.ts';
import { contentDir } from '../lib/paths.ts';

let cached: { key: string; model: Promise<ContentModel> } | undefined;

/** Reads the content once per build for all three collections. */
function model(ctx: LoaderContext): Promise<ContentModel> {
  const root = fileURLToPath(ctx.config.root);
  const dir = contentDir(root);
  // A fresh read per sync run: `astro dev` re-syncs on change, a build syncs once.
  const key = `${dir}:${syncRun}`;
  // `npm run build` hands over the content its check reads; otherwise (astro dev, astro build) read it.
  if (cached?.key !== key) cached = { key, model: checkedContent(dir) ?? Promise.resolve(readContent(dir, root)) };
  return cached.model;
}

/**
 * A hash of the code that turns files into entries (this loader and the reading code's READ_CODE_HASH),
 * mixed into every entry's digest: an entry whose file is unchanged is kept as stored only while this
 * code is unchanged too (else its data could be stale). Undefined when the sources are not next to
 * this module (bundled): then every sync replaces the whole collection.
 */
const CODE_HASH = ((): string | undefined => {
  try {
    if (READ_CODE_HASH === undefined) return undefined;
    return createHash('sha256').update(READ_CODE_HASH).update(readFileSync(new URL('./engfolio-loader.ts', import.meta.url))).digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
})();

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
  digest: string;
}

/**
 * Puts a collection's entries in the store. With a code hash, unchanged entries (same digest) are left
 * as stored and only vanished ids are deleted: Astro then skips re-processing them and, when nothing
 * changed, rewriting its data store. Without one, the collection is replaced.
 */
function replaceEntries(ctx: LoaderContext, entries: Entry[]): void {
  if (CODE_HASH === undefined) {
    ctx.store.clear();
    for (const e of entries) ctx.store.set(e);
    return;
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const id of ctx.store.keys()) if (!ids.has(id)) ctx.store.delete(id);
  for (const e of entries) ctx.store.set({ ...e, digest: `${CODE_HASH}${e.digest}` });
}

let syncRun = 0;
let reportedRun = -1;

function check(ctx: LoaderContext, m: ContentModel): void {
  if (reportedRun === syncRun) return;
  reportedRun = syncRun;
  const strict = process.env.ENGFOLIO_STRICT === '1';
  // `npm run build` has already printed every problem; only a bare `astro build`/`astro dev` needs them here.
  if (process.env.ENGFOLIO_CHECKED !== '1') {
    for (const p of m.problems) if (p.severity === 'warning' && !strict) ctx.logger.warn(formatProblem(p));
  }
  const errors = errorsOf(m.problems, strict);
  if (errors.length) throw new ContentError(errors);
}

/** Loader for one of the collections: `profiles`, `months` or `activity`. */
export function engfolioLoader(collection: 'profiles' | 'months' | 'activity'): Loader {
  return {
    name: `engfolio-${collection}`,
    load: async (ctx) => {
      if (collection === 'profiles') syncRun++;
      const m = await model(ctx);
      check(ctx, m);
      if (collection === 'profiles') {
        // Bodies stay out of the store (src/lib/content-bodies.ts), and so out of its entries' digests:
        // an edited narrative leaves the store as it was.
        keepBodies(
          new Map([
            ...m.profiles.map((p) => [p.file, { markdown: p.summary, digest: p.digest }] as const),
            ...m.months.map((mo) => [mo.file, { markdown: mo.narrative, digest: mo.digest }] as const),
          ]),
        );
        replaceEntries(ctx, m.profiles.map((p) => ({ id: p.slug, data: { ...p.data, slug: p.slug }, filePath: p.file, digest: p.dataDigest })));
      } else if (collection === 'months') {
        replaceEntries(
          ctx,
          m.months.map((mo) => ({
            id: `${mo.profile}/${mo.month}`,
            data: { ...mo.data, month: mo.month, profile: { collection: 'profiles', id: mo.profile } },
            filePath: mo.file,
            digest: mo.dataDigest,
          })),
        );
      } else {
        replaceEntries(
          ctx,
          m.activity.map((a) => ({ id: a.profile, data: { profile: { collection: 'profiles', id: a.profile }, days: a.days }, filePath: a.file, digest: a.digest })),
        );
        // Activity loads last. In `npm run build` (one sync, then rendering) the read model and the
        // remembered reads are dead weight from here on: free them before pages render (`astro dev`
        // keeps them, to re-read only changed files on the next sync).
        if (process.env.ENGFOLIO_CHECKED === '1') {
          cached = undefined;
          forgetContentReads();
        }
      }
    },
  };
}
