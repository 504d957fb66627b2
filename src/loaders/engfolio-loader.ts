// The content-layer loader: reads every content file synchronously once per build (measured faster
// than the glob loader's per-file async reads), validates it with our own checks so errors read as
// `file:line — field: …`, and stores the data; Markdown bodies are handed to pages outside the store
// (src/lib/content-bodies.ts), which render them (src/lib/markdown.ts).
import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
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
  for (const e of entries) {
    // The same text in another file (another content folder: `astro dev` keeps one store for all) is
    // another entry: pages read the body from its file.
    const stored = ctx.store.get(e.id);
    if (stored && stored.filePath !== e.filePath) ctx.store.delete(e.id);
    ctx.store.set({ ...e, digest: `${CODE_HASH}${e.digest}` });
  }
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

type Collection = 'profiles' | 'months' | 'activity';

/** Puts one collection of the current read of the content in the store (and, with the profiles, hands the Markdown bodies over). */
async function loadCollection(collection: Collection, ctx: LoaderContext): Promise<void> {
  const m = await model(ctx);
  check(ctx, m);
  // In `astro dev` pages are evaluated apart from this loader and see new bodies only when the store
  // changes: there, an entry's digest covers its whole file, so an edited narrative reloads its pages.
  const storedDigest = (entry: { digest: string; dataDigest: string }): string => (ctx.watcher ? entry.digest : entry.dataDigest);
  if (collection === 'profiles') {
    // Bodies stay out of the store (src/lib/content-bodies.ts), and so out of its entries' digests:
    // an edited narrative leaves the store as it was.
    keepBodies(
      new Map([
        ...m.profiles.map((p) => [p.file, { markdown: p.summary, digest: p.digest }] as const),
        ...m.months.map((mo) => [mo.file, { markdown: mo.narrative, digest: mo.digest }] as const),
      ]),
    );
    replaceEntries(ctx, m.profiles.map((p) => ({ id: p.slug, data: { ...p.data, slug: p.slug }, filePath: p.file, digest: storedDigest(p) })));
  } else if (collection === 'months') {
    replaceEntries(
      ctx,
      m.months.map((mo) => ({
        id: `${mo.profile}/${mo.month}`,
        data: { ...mo.data, month: mo.month, profile: { collection: 'profiles', id: mo.profile } },
        filePath: mo.file,
        digest: storedDigest(mo),
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
}

/** How each collection reloads in `astro dev`; they reload in the order they load (the profiles hand the bodies over). */
const reloaders = new Map<Collection, () => Promise<void>>();
const RELOAD_ORDER: readonly Collection[] = ['profiles', 'months', 'activity'];
const watching = new WeakSet<object>();

/**
 * In `astro dev` (which hands loaders a file watcher): a file added, changed or deleted under the
 * content folder reloads all three collections from one new read of the content (unchanged files
 * are not parsed again). Content with errors is reported and the last good content stays served.
 */
function watchContent(collection: Collection, ctx: LoaderContext): void {
  const { watcher } = ctx;
  if (!watcher) return;
  reloaders.set(collection, () => loadCollection(collection, ctx));
  if (watching.has(watcher)) return;
  watching.add(watcher);
  const dir = contentDir(fileURLToPath(ctx.config.root));
  watcher.add(dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = async (): Promise<void> => {
    syncRun++;
    try {
      for (const collection of RELOAD_ORDER) await reloaders.get(collection)?.();
      ctx.logger.info('content reloaded');
    } catch (e) {
      if (e instanceof ContentError) for (const p of e.problems) ctx.logger.error(formatProblem(p));
      else ctx.logger.error(`could not reload the content: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  const onChange = (path: string): void => {
    const rel = relative(dir, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return;
    // An editor saves in several steps, a git checkout changes many files: reload once they settle.
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 100);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

/** Loader for one of the collections: `profiles`, `months` or `activity`. */
export function engfolioLoader(collection: Collection): Loader {
  return {
    name: `engfolio-${collection}`,
    load: async (ctx) => {
      if (collection === 'profiles') syncRun++;
      await loadCollection(collection, ctx);
      watchContent(collection, ctx);
    },
  };
}
