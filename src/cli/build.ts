// `engfolio build [--strict] [--out <dir>] [--content <dir>] [--offline] [--threads <n>] [--verbose]
// [--timings]`: what Astro's own `astro build` cannot do. It checks all the content first (every problem
// at once, as `engfolio check` does, while Astro starts up), builds the site aside and puts it in place
// only when everything succeeded (a rebuild writes only what changed), and can make the offline copy.
import { createHash } from 'node:crypto';
import { enableCompileCache, flushCompileCache } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { findEngfolio, MISSING_INTEGRATION, type BuildRun, type RenderReport } from '../integration/hooks.ts';
import { RENDER_MANIFEST } from '../integration/renderer.ts';
import { buildAside, filesUnder, PartialUpdateError, removeFiles, shownPath, updateInPlace } from '../lib/build-swap.ts';
import { writeOfflineSite } from '../lib/offline/site.ts';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { fileDigests, parseShard, SHARD_MANIFEST, shardManifest, shardName, type Shard } from '../lib/shard.ts';
import { runContentCheckInWorker } from './check.ts';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { astroFor, CommandError, loadSiteOptions, parseCommand, type Io } from './common.ts';

interface BuildOptions {
  out: string;
  content: string;
  strict: boolean;
  offline: boolean;
  verbose: boolean;
  timings: boolean;
  threads?: number;
  astroRendersAll: boolean;
  shard?: Shard;
}

export const USAGE = `usage: engfolio build [--strict] [--out <dir>] [--content <dir>] [--offline] [--shard <k>/<n>|site] [--threads <n>] [--astro-renders-all] [--verbose] [--timings]

Checks all content, builds the site aside and puts it in the output folder only when everything
succeeded (a rebuild writes only what changed). The site URL and base path come from astro.config.mjs.

  --out <dir>      output folder (default dist/, or dist-offline/ with --offline)
  --content <dir>  content folder (default: the integration's \`content\` option)
  --strict         treat content warnings as errors
  --offline        make the site work opened from disk (file://), with a single-file
                   export per profile in single-file/<slug>.html
  --shard <k>/<n>  build only the k-th of n shares of the profiles (their pages and files);
  --shard site     or only the site-wide pages (index, repositories, sitemap, 404, assets).
                   \`engfolio merge\` puts the shards' folders together into one site
  --threads <n>    threads that render profile pages (default: one per core on large sites)
  --astro-renders-all
                   leave every page to Astro's own page loop (slower; for comparisons)
  --verbose        show Astro's full log and what the renderer did
  --timings        print the time at which each build phase ends`;

function parseCommandLine(argv: string[], root: string, content: string): BuildOptions | undefined {
  const { values } = parseCommand(
    argv,
    {
      out: { type: 'string' },
      content: { type: 'string' },
      strict: { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
      threads: { type: 'string' },
      shard: { type: 'string' },
      'astro-renders-all': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) return undefined;
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new CommandError(`--threads: expected a whole number ≥ 1, found "${values.threads}"`, 2);
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard);
    } catch (e) {
      throw new CommandError((e as Error).message, 2);
    }
    // The offline rewrite needs the whole site: make it from the merged one.
    if (values.offline) throw new CommandError('--shard: expected a build without --offline (a shard is part of a site; --offline needs all of it)', 2);
  }
  return {
    // The offline copy goes to its own folder by default, so dist/ stays the copy to publish.
    out: resolve(root, values.out ?? (values.offline ? 'dist-offline' : 'dist')),
    content: values.content ? resolve(values.content) : content,
    strict: values.strict ?? false,
    offline: values.offline ?? false,
    verbose: values.verbose ?? false,
    timings: values.timings ?? false,
    astroRendersAll: values['astro-renders-all'] ?? false,
    ...(threads === undefined ? {} : { threads }),
    ...(shard ? { shard } : {}),
  };
}

/** Astro's default cache folder: content data store, compiled code. */
const ASTRO_CACHE = join('node_modules', '.astro');
/** Where the caches of other content folders live, one per content folder and output folder. */
const CONTENT_CACHES = join(ASTRO_CACHE, 'engfolio-content');
/** Written in a cache folder: which content and output it belongs to, and which build made the output. */
const CACHE_STAMP = 'engfolio-cache.json';

interface CacheStamp {
  content: string;
  out: string;
  /** sha256 of the renderer's record of the build whose site is now in `out`; absent while `out` is being updated. */
  manifest?: string;
  /** The site's files other than profile files (pages of Astro's, assets, public files, sitemaps), output-relative: an in-place update deletes those it no longer writes. */
  others?: string[];
}

/**
 * Returns the cache folder of a build. The site's own content folder uses Astro's default; any other
 * (tests, benchmarks, --content) gets a persistent one keyed by its content and output paths, so it
 * never touches the site's data store yet still rebuilds incrementally. Caches of content folders that
 * are gone (or of outputs gone for a day) are removed.
 */
function cacheDirFor(root: string, siteContent: string, options: BuildOptions): string {
  if (options.content === siteContent) return resolve(root, ASTRO_CACHE);
  const parent = resolve(root, CONTENT_CACHES);
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    try {
      const stampFile = join(parent, name, CACHE_STAMP);
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as CacheStamp;
      const stale = !existsSync(stamp.content) || (!existsSync(stamp.out) && Date.now() - statSync(stampFile).mtimeMs > 86_400_000);
      if (stale) rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // No stamp yet (a build in progress) or unreadable: leave it.
    }
  }
  const key = createHash('sha256').update(`${options.content}\0${options.out}`).digest('hex').slice(0, 16);
  return join(parent, key);
}

function readStamp(cacheDir: string): CacheStamp | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, CACHE_STAMP), 'utf8')) as CacheStamp;
  } catch {
    return undefined;
  }
}

/** The sha256 of the renderer's record of the last build: which build it belongs to; undefined when there is none. */
function manifestDigest(cacheDir: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(join(cacheDir, RENDER_MANIFEST)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * The previous site's files other than profile files, when the output folder is exactly the site of
 * the build that wrote the renderer's current record (read now, before this build rewrites it) and
 * finished updating it; an offline copy is never updated in place.
 */
function previousOthers(cacheDir: string, options: BuildOptions): string[] | undefined {
  if (options.offline || options.shard || !existsSync(options.out)) return undefined;
  const stamp = readStamp(cacheDir);
  const digest = manifestDigest(cacheDir);
  if (!stamp?.others || !digest || stamp.out !== options.out || stamp.content !== options.content || stamp.manifest !== digest) return undefined;
  return stamp.others;
}

/** Records which build made the site now in the output folder, and its other files; without them, that it is being updated. */
function writeStamp(cacheDir: string, options: BuildOptions, others?: string[]): void {
  const digest = manifestDigest(cacheDir);
  const stamp: CacheStamp = { content: options.content, out: options.out, ...(options.offline || !digest || !others ? {} : { manifest: digest, others }) };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, CACHE_STAMP), `${JSON.stringify(stamp)}\n`);
}

/** With --timings, prints that a phase of the build has ended, and when (seconds since the process started). */
function phaseEnded(options: BuildOptions, phase: string): void {
  if (!options.timings) return;
  const cpu = process.cpuUsage();
  console.error(
    `build: ${phase} at ${(performance.now() / 1000).toFixed(2)}s (CPU so far: user ${(cpu.user / 1e6).toFixed(2)}s, system ${(cpu.system / 1e6).toFixed(2)}s)`,
  );
}

/** What one Astro build produced. */
interface AstroResult {
  /** HTML pages Astro rendered (its own and the site's). */
  astroPages: number;
  /** The files Astro rendered, output-relative (Astro's `assets` of `astro:build:done`). */
  astroFiles: string[];
  report: RenderReport | undefined;
  /** The base path and site URL the site was built with. */
  base: string;
  site: string | undefined;
}

/** Runs Astro's build of the site into `outDir`, telling the integration about this run. */
async function astroBuild(
  root: string,
  outDir: string,
  options: BuildOptions,
  cacheDir: string,
  checked: () => BuildRun['checkedContent'],
  previousSite?: string,
): Promise<AstroResult> {
  // engfolio's command sends nothing anywhere: Astro's telemetry would run git and post usage data.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite-style variables inherited from a parent tool (a test runner sets BASE_URL=/) would override
  // the configured base path.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  // `_` is the shell's last command: it differs with how a build is started (npm, a script, a test).
  // Astro inlines environment variables into modules that read the env object whole, so with it every
  // page's code, and so every rebuild, hung on the caller.
  delete process.env._;
  // Vite's bundler (native code with the mimalloc allocator) keeps what it freed resident until its idle
  // threads allocate again, which they never do once bundling is over: on a large site, 250 MB of the
  // build's peak memory. Returned at once instead (read when its library loads, below).
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
  // Astro and Vite are some thousand modules: V8's compiled code for them is kept between builds
  // (measured: about 0.8 s of every build's start-up went to compiling them).
  enableCompileCache(resolve(root, 'node_modules', '.cache', 'engfolio-node-compile'));
  const { build } = await astroFor(root);
  flushCompileCache();
  const result: AstroResult = { astroPages: 0, astroFiles: [], report: undefined, base: '/', site: undefined };
  const run: BuildRun = {
    checkedContent: checked(),
    strict: options.strict,
    contentDir: options.content,
    ...(previousSite ? { previousSite } : {}),
    cacheDir,
    ...(options.threads ? { threads: options.threads } : {}),
    astroRendersAll: options.astroRendersAll,
    ...(options.shard ? { shard: options.shard } : {}),
    verbose: options.verbose,
    phaseEnded: (phase) => phaseEnded(options, phase),
    rendered: (report) => void (result.report = report),
  };
  const cli: AstroIntegration = {
    name: 'engfolio:build-command',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const engfolio = findEngfolio(config);
        if (!engfolio) throw new CommandError(MISSING_INTEGRATION, 1);
        engfolio.hooks['engfolio:build-run'](run);
      },
      'astro:config:done': ({ config }) => {
        result.base = config.base;
        result.site = config.site;
        // A shard's files are named as a "directory" build names them (`mira/index.html`), which merge checks.
        if (options.shard && config.build.format !== 'directory')
          throw new CommandError(`--shard: expected build.format "directory" in the Astro config, found "${config.build.format}"`, 2);
      },
      'astro:build:start': () => {
        // The checked content is in the data store now: it goes before Vite bundles, when memory peaks.
        run.checkedContent = undefined;
        collectGarbage();
        phaseEnded(options, 'content synced');
      },
      'astro:build:generated': () => phaseEnded(options, 'pages written'),
      'astro:build:done': ({ pages, assets, dir }) => {
        result.astroPages = pages.length;
        result.astroFiles = [...assets.values()].flat().map((url) => decodeURI(url.href.slice(dir.href.length)));
      },
    },
  };
  // Runs when Vite has bundled every environment, just before Astro renders the pages.
  const bundled = { name: 'engfolio:bundled', buildApp: { order: 'post' as const, handler: () => phaseEnded(options, 'bundled') } };
  await build({
    root,
    outDir,
    logLevel: options.verbose ? 'info' : 'warn',
    cacheDir,
    vite: { build: { emptyOutDir: false }, plugins: [bundled] },
    integrations: [cli],
  });
  return result;
}

/** Finds our own error (a content problem, a bad option) inside whatever Astro wrapped it in. */
function knownErrorIn(e: unknown): { problems?: { severity: 'error' | 'warning'; file: string; message: string }[]; message: string } | undefined {
  for (let cur: unknown = e, i = 0; cur && i < 8; cur = (cur as { cause?: unknown }).cause, i++) {
    const name = (cur as Error).name;
    if (cur instanceof ContentError || name === 'ContentError' || name === 'OptionsError' || name === 'CommandError') return cur as ContentError;
  }
  return undefined;
}

/** Says what went wrong in a failed build, as problems or one line: never a stack trace. */
function describeFailure(e: unknown): string[] {
  const known = knownErrorIn(e);
  if (known?.problems) return known.problems.map((p) => formatProblem(p as Parameters<typeof formatProblem>[0]));
  if (known) return [known.message];
  const err = e as { message?: string; loc?: { file?: string; line?: number }; hint?: string; pathname?: string };
  const where = err.loc?.file ? `${err.loc.file}${err.loc.line ? `:${err.loc.line}` : ''} — ` : '';
  const lines = [`${where}${err.message ?? String(e)}`];
  if (err.hint) lines.push(`hint: ${err.hint}`);
  if (process.env.ENGFOLIO_DEBUG) lines.push(String((e as Error).stack));
  else lines.push('(set ENGFOLIO_DEBUG=1 to see the stack trace)');
  return lines;
}

/** The content check failed (its problems are printed): nothing may be built. */
class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/** What a build produced: counts for its summary, and what the stamp records. */
interface BuiltSite {
  /** HTML pages of the site, rendered or reused. */
  pages: number;
  /** Files of the previous site kept as they were. */
  reused: number;
  /** For an incremental build: how many files it wrote, and whether they went into the previous site one by one or the site was swapped. */
  update?: { written: number; how: 'in place' | 'swapped' };
  /** The site's files other than profile files. */
  others: string[];
  base: string;
  site: string | undefined;
}

/**
 * The files of a freshly built site that are not profile files, found without walking the profile
 * folders (tens of thousands): the files Astro rendered, top-level files (sitemaps), Astro's assets
 * (`_astro/`) and copies of `public/`.
 */
function otherFiles(siteDir: string, result: AstroResult, root: string): string[] {
  const profileFiles = new Set(result.report?.files ?? []);
  const found = new Set<string>();
  const add = (rel: string): void => {
    if (!profileFiles.has(rel) && existsSync(join(siteDir, rel))) found.add(rel);
  };
  for (const rel of result.astroFiles) add(rel);
  for (const entry of readdirSync(siteDir, { withFileTypes: true })) if (!entry.isDirectory()) add(entry.name);
  for (const rel of filesUnder(join(siteDir, '_astro'))) add(`_astro/${rel}`);
  for (const rel of filesUnder(resolve(root, 'public'))) add(rel);
  return [...found].sort();
}

/** Counts the HTML pages among a site's profile files. */
const htmlPages = (report: RenderReport | undefined): number => (report?.files ?? []).filter((f) => f.endsWith('.html')).length;

/**
 * A full build: the site is built aside and swapped in whole. Astro must build inside the project (it
 * resolves its build chunks' imports from node_modules), hence `root`.
 */
async function replaceSite(root: string, options: BuildOptions, cacheDir: string, checked: () => BuildRun['checkedContent']): Promise<BuiltSite> {
  const built: BuiltSite = { pages: 0, reused: 0, others: [], base: '/', site: undefined };
  let offline = '';
  await buildAside(
    options.out,
    async (staging) => {
      const result = await astroBuild(root, staging, options, cacheDir, checked);
      Object.assign(built, { pages: result.astroPages + htmlPages(result.report), base: result.base, site: result.site });
      built.others = otherFiles(staging, result, root);
      if (options.shard) built.pages = keepShard(staging, options.shard, result.report);
    },
    async (staging) => {
      if (options.offline) offline = await makeOffline(staging, built.base, built.site);
    },
    root,
    // Deleting the previous site (seconds on a large one) happens after this command returns.
    'background',
  );
  if (offline) console.error(`build: ${offline}`);
  return built;
}

/**
 * Leaves in a shard's folder only its part of the site (Astro writes the assets and public files in
 * every build: they are the site shard's) and writes the shard's manifest; returns its HTML pages.
 */
function keepShard(dir: string, shard: Shard, report: RenderReport | undefined): number {
  if (!report) throw new Error('the build made no account of the profile pages, so its share of the site is unknown');
  const profileFiles = new Set(report.siteFiles);
  const all = filesUnder(dir);
  const kept = all.filter((f) => profileFiles.has(f) === (shard.kind === 'profiles'));
  const keptSet = new Set(kept);
  removeFiles(
    dir,
    all.filter((f) => !keptSet.has(f)),
  );
  // Each file's digest, which the merge checks: it publishes only the bytes the build wrote.
  const manifest = shardManifest(shard, report.siteDigest, fileDigests(dir, kept), shard.kind === 'site' ? report.siteFiles : undefined);
  writeFileSync(join(dir, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return kept.filter((f) => f.endsWith('.html')).length;
}

/**
 * The offline rewrite (file:// support): it receives the complete built site (the staging folder, before
 * the swap) and turns it into the offline copy in place. If it throws, the build fails and the previous
 * output folder stays untouched. Returns its summary line.
 */
async function makeOffline(siteDir: string, base: string, site: string | undefined): Promise<string> {
  const offlineDir = `${siteDir}.offline`;
  const result = await writeOfflineSite(siteDir, offlineDir, { base, siteUrl: site });
  for (const m of result.missing) console.warn(`warning offline copy — link to a file the site does not have: ${m}`);
  rmSync(siteDir, { recursive: true, force: true });
  renameSync(offlineDir, siteDir);
  return `offline copy: open index.html from disk; single-file exports: ${result.singleFiles.join(', ') || 'none'}`;
}

/**
 * An incremental build: Astro writes only the profile files that changed (and the site's other files),
 * which then replace their counterparts in the previous site; files the site no longer has are deleted.
 * Before the output is touched, the stamp says "being updated": a build cut short there leaves a stamp
 * that makes the next build a full one.
 */
async function updateSite(
  root: string,
  options: BuildOptions,
  cacheDir: string,
  checked: () => BuildRun['checkedContent'],
  previousOthers: string[],
): Promise<BuiltSite> {
  const built: BuiltSite = { pages: 0, reused: 0, others: [], base: '/', site: undefined };
  const previousFiles = new Set(readPreviousFiles(cacheDir));
  let report: RenderReport | undefined;
  const update = await updateInPlace(
    options.out,
    async (dir) => {
      const result = await astroBuild(root, dir, options, cacheDir, checked, options.out);
      report = result.report;
      Object.assign(built, { pages: result.astroPages + htmlPages(report), base: result.base, site: result.site });
    },
    () => writeStamp(cacheDir, options),
    (written) => {
      const files = new Set(report?.files ?? []);
      built.others = [...written].filter((f) => !files.has(f)).sort();
      const others = new Set(built.others);
      const keep = [...files].filter((f) => !written.has(f));
      const remove = [...[...previousFiles].filter((f) => !files.has(f)), ...previousOthers.filter((f) => !others.has(f) && !files.has(f))];
      return { keep, remove };
    },
    root,
  );
  built.reused = update.kept;
  built.update = { written: update.written.length, how: update.how };
  return built;
}

/** The profile files of the previous build, from the renderer's record (read before this build replaces it). */
function readPreviousFiles(cacheDir: string): string[] {
  try {
    const m = JSON.parse(readFileSync(join(cacheDir, RENDER_MANIFEST), 'utf8')) as { files?: string[] };
    return m.files ?? [];
  } catch {
    return [];
  }
}

/** Runs `engfolio build`; returns the exit code. */
export async function runBuild(argv: string[], io: Io): Promise<number> {
  const root = io.cwd;
  const site = await loadSiteOptions(root);
  const options = parseCommandLine(argv, root, resolve(root, site.content));
  if (!options) {
    io.out(USAGE);
    return 0;
  }
  const shownOut = shownPath(options.out, root);
  const cacheDir = cacheDirFor(root, resolve(root, site.content), options);
  // The check reads and validates all content in a worker thread while Astro starts up; the content
  // loader takes its result (handed over once, so it can be freed once stored).
  let checkedModel: Promise<NonNullable<Awaited<BuildRun['checkedContent']>>> | undefined = runContentCheckInWorker(
    options.content,
    root,
    options.strict,
    join(cacheDir, 'engfolio-validated'),
  ).then((report) => {
    for (const line of report.lines) io.err(line);
    phaseEnded(options, 'content checked');
    if (report.failed) throw new CheckFailed('the content check failed');
    return report.model;
  });
  const check = checkedModel.then(() => undefined);
  check.catch(() => {});
  checkedModel.catch(() => {});
  const takeChecked = (): BuildRun['checkedContent'] => {
    const model = checkedModel;
    checkedModel = undefined;
    return model;
  };
  let built: BuiltSite;
  try {
    const others = previousOthers(cacheDir, options);
    built = others ? await updateSite(root, options, cacheDir, takeChecked, others) : await replaceSite(root, options, cacheDir, takeChecked);
    await check;
  } catch (e) {
    // The check's problems come first; when it failed, they are the whole story.
    const checkError = await check.then(
      () => undefined,
      (c: unknown) => c,
    );
    if (checkError instanceof CheckFailed) {
      io.err(
        `build failed; the previous site in ${shownOut}/ is unchanged (fix the content above${options.strict ? ', or drop --strict' : ''}; nothing was built)`,
      );
      return 1;
    }
    for (const line of describeFailure(checkError ?? e)) io.err(line);
    if (e instanceof PartialUpdateError)
      io.err(`build failed while updating ${shownOut}/: some of its pages may be new and some old; the next build rebuilds it whole`);
    else io.err(`build failed; the previous site in ${shownOut}/ is unchanged`);
    return 1;
  }
  // A shard is never updated in place: the build after it is a full one.
  writeStamp(cacheDir, options, options.shard ? undefined : built.others);
  const { pages, reused, update } = built;
  const seconds = (performance.now() / 1000).toFixed(1);
  phaseEnded(options, 'site in place');
  const changed = update ? `, ${update.written} written${update.how === 'in place' ? ' into the previous site' : ''}` : '';
  const shard = options.shard ? `shard ${shardName(options.shard)}: ` : '';
  io.err(
    `build: ${shard}${pages} page(s)${reused ? ` (${reused} file(s) unchanged, reused${changed})` : ''} in ${seconds}s → ${shownOut}/${built.base !== '/' ? ` (base ${built.base})` : ''}`,
  );
  return 0;
}
