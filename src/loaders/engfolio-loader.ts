// The content loader of the `profiles` collection: one entry per profile with everything its pages show
// (src/lib/site-data.ts). It reads the content folder the integration's options name, or takes the read
// `engfolio build` has already checked; problems read as `file:line — field: …`. In `astro dev` it
// reloads when a content file is added, changed or deleted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { findEngfolio, MISSING_INTEGRATION, type ContentSource } from '../integration/hooks.ts';
import { READ_CODE_HASH } from '../lib/content-cache.ts';
import { readContent, type ContentModel } from '../lib/content-read.ts';
import { siblingModule } from '../lib/module-url.ts';
import { shownPath } from '../lib/build-swap.ts';
import { ContentError, errorsOf, formatProblem, noProfilesYet } from '../lib/problems.ts';
import { storedDigest, storedProfiles } from '../lib/site-data.ts';

/**
 * A hash of the code that turns files into entries (the reading code, this loader and site-data),
 * mixed into every entry's digest: an entry whose files are unchanged is kept as stored only while
 * this code is unchanged too. Undefined when the code cannot be read: then every sync replaces all.
 */
const CODE_HASH = ((): string | undefined => {
  try {
    if (READ_CODE_HASH === undefined) return undefined;
    const hash = createHash('sha256').update(READ_CODE_HASH);
    for (const name of ['./engfolio-loader', '../lib/site-data']) hash.update(readFileSync(siblingModule(import.meta.url, name)));
    return hash.digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
})();

/** Where the content is, from the integration in the Astro config. */
function contentSource(ctx: LoaderContext): ContentSource {
  const engfolio = findEngfolio(ctx.config);
  if (!engfolio) throw new Error(`engfolio/content: ${MISSING_INTEGRATION}`);
  return engfolio.hooks['engfolio:content']();
}

/** Reads (or takes) the content and reports its problems; throws a ContentError when it may not be built. */
async function contentOf(ctx: LoaderContext, source: ContentSource): Promise<ContentModel> {
  if (source.checked) return source.checked;
  const model = readContent(source.dir, source.root, { cacheFile: join(fileURLToPath(ctx.config.cacheDir), 'engfolio-validated') });
  for (const p of model.problems) if (p.severity === 'warning' && !source.strict) ctx.logger.warn(formatProblem(p));
  const errors = errorsOf(model.problems, source.strict);
  if (errors.length) throw new ContentError(errors);
  return model;
}

/** The id of the entry set and deleted at once to make the collection exist when there is no profile yet. */
const EMPTY = '\0engfolio-empty';

/** Puts one read of the content in the store: unchanged entries stay as stored, vanished ones go. */
async function load(ctx: LoaderContext, source: ContentSource): Promise<void> {
  const entries = storedProfiles(await contentOf(ctx, source), source.root);
  if (CODE_HASH === undefined) ctx.store.clear();
  const ids = new Set(entries.map((e) => e.slug));
  for (const id of ctx.store.keys()) if (!ids.has(id)) ctx.store.delete(id);
  if (entries.length === 0) {
    // An empty collection, rather than none: pages list no profiles instead of Astro warning on every
    // getCollection() that the collection "does not exist or is empty".
    ctx.store.set({ id: EMPTY, data: {} });
    ctx.store.delete(EMPTY);
    // `engfolio build` has said so in its check.
    if (!source.checked) ctx.logger.info(noProfilesYet(shownPath(source.dir, source.root)));
  }
  for (const entry of entries) {
    ctx.store.set({
      id: entry.slug,
      data: entry,
      filePath: relative(source.root, join(source.dir, 'profiles', `${entry.slug}.md`)),
      digest: `${CODE_HASH ?? ''}${storedDigest(entry)}`,
    });
  }
}

const watching = new WeakSet<object>();

/**
 * In `astro dev` (which hands loaders a file watcher): a file added, changed or deleted under the
 * content folder reloads the collection from a new read (unchanged files are not parsed again). Content
 * with errors is reported and the last good content stays served.
 */
function watchContent(ctx: LoaderContext, source: ContentSource): void {
  const { watcher } = ctx;
  if (!watcher || watching.has(watcher)) return;
  watching.add(watcher);
  watcher.add(source.dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = async (): Promise<void> => {
    try {
      await load(ctx, { ...source, checked: undefined });
      ctx.logger.info('content reloaded');
    } catch (e) {
      if (e instanceof ContentError) for (const p of e.problems) ctx.logger.error(formatProblem(p));
      else ctx.logger.error(`could not reload the content: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  const onChange = (path: string): void => {
    const rel = relative(source.dir, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return;
    // An editor saves in several steps, a git checkout changes many files: reload once they settle.
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 100);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

/** The loader of the `profiles` collection. */
export function engfolioLoader(): Loader {
  return {
    name: 'engfolio',
    load: async (ctx) => {
      const source = contentSource(ctx);
      await load(ctx, source);
      watchContent(ctx, source);
    },
  };
}
