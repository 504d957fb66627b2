// The content-layer loader: reads every content file synchronously once per build (measured faster
// than the glob loader's per-file async reads), validates it with our own checks so errors read as
// `file:line — field: …`, and stores raw Markdown; pages render it (src/lib/markdown.ts).
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { readContent, type ContentModel } from '../lib/content-read.ts';
import { ContentError, errorsOf, formatProblem } from '../lib/problems.ts';
import { contentDir } from '../lib/paths.ts';

let cached: { key: string; model: ContentModel } | undefined;

/** Reads the content once per build for all three collections. */
function model(ctx: LoaderContext): ContentModel {
  const root = fileURLToPath(ctx.config.root);
  const dir = contentDir(root);
  // A fresh read per sync run: `astro dev` re-syncs on change, a build syncs once.
  const key = `${dir}:${syncRun}`;
  if (cached?.key !== key) cached = { key, model: readContent(dir, root) };
  return cached.model;
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
      const m = model(ctx);
      check(ctx, m);
      ctx.store.clear();
      if (collection === 'profiles') {
        for (const p of m.profiles) {
          ctx.store.set({ id: p.slug, data: { ...p.data, slug: p.slug }, body: p.summary, filePath: p.file, digest: p.digest });
        }
      } else if (collection === 'months') {
        for (const mo of m.months) {
          ctx.store.set({
            id: `${mo.profile}/${mo.month}`,
            data: { ...mo.data, month: mo.month, profile: { collection: 'profiles', id: mo.profile } },
            body: mo.narrative,
            filePath: mo.file,
            digest: mo.digest,
          });
        }
      } else {
        for (const a of m.activity) {
          ctx.store.set({
            id: a.profile,
            data: { profile: { collection: 'profiles', id: a.profile }, days: a.days },
            filePath: a.file,
            digest: a.digest,
          });
        }
      }
    },
  };
}
