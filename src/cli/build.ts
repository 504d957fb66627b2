// `npm run build [--strict] [--out <dir>] [--content <dir>] [--offline]`: checks the content (same
// messages as `npm run check`), builds the site with Astro into a staging folder, runs post-build
// steps on it, and swaps it into the output folder only when everything succeeded.
import { createHash } from 'node:crypto';
import { enableCompileCache, flushCompileCache } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AstroPrerenderer } from 'astro';
import { runContentCheckInWorker } from './check.ts';
import { buildAside, filesUnder, PartialUpdateError, updateInPlace } from '../lib/build-swap.ts';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { dropCheckedContent, shareCheckedContent } from '../lib/content-read.ts';
import { contentDir } from '../lib/paths.ts';
import { writeOfflineSite } from '../lib/offline/site.ts';
import { skipAstroOutputCopies } from './astro-output-copies.ts';
import { collectGarbage, parallelPages } from './parallel-pages.ts';

/** The routes with a page or file per profile (nearly all of a site): rendered outside Astro's loop, see parallel-pages.ts. */
const PROFILE_ROUTES = ['index.astro', '[month].astro', 'feed.xml.ts', 'profile.json.ts', 'resume.json.ts', 'activity.svg.ts'].map((file) => `src/pages/[slug]/${file}`);

interface BuildOptions {
  out: string;
  content: string;
  strict: boolean;
  offline: boolean;
  verbose: boolean;
  timings: boolean;
}

const USAGE = `usage: npm run build -- [--strict] [--out <dir>] [--content <dir>] [--offline] [--verbose]
  --out <dir>      output folder (default dist/, or dist-offline/ with --offline)
  --content <dir>  content folder (default content/, or $ENGFOLIO_CONTENT)
  --strict         treat content warnings as errors
  --offline        make the site work opened from disk (file://), with a single-file
                   export per profile in single-file/<slug>.html
  --verbose        show Astro's full log
  --timings        print the time at which each build phase ends
The site URL and base path come from $SITE and $BASE_PATH.`;

class UsageError extends Error {}

function parseCommandLine(argv: string[], root: string): BuildOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        content: { type: 'string' },
        strict: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    // The offline copy goes to its own folder by default, so dist/ stays the copy to publish.
    out: resolve(root, values.out ?? (values.offline ? 'dist-offline' : 'dist')),
    content: values.content ? resolve(values.content) : contentDir(root),
    strict: (values.strict ?? false) || process.env.ENGFOLIO_STRICT === '1',
    offline: values.offline ?? false,
    verbose: values.verbose ?? false,
    timings: values.timings ?? false,
  };
}

/**
 * The offline rewrite (file:// support): it receives the complete built site (the staging folder,
 * before the swap) and turns it into the offline copy in place. If it throws, the build fails and
 * the previous output folder stays untouched.
 */
async function makeOffline(siteDir: string): Promise<void> {
  const offlineDir = `${siteDir}.offline`;
  const result = await writeOfflineSite(siteDir, offlineDir, { base: process.env.BASE_PATH || '/', siteUrl: process.env.SITE || undefined });
  for (const m of result.missing) console.warn(`warning offline copy — link to a file the site does not have: ${m}`);
  rmSync(siteDir, { recursive: true, force: true });
  renameSync(offlineDir, siteDir);
  offlineSummary = `offline copy: open index.html from disk; single-file exports: ${result.singleFiles.join(', ') || 'none'}`;
}

let offlineSummary = '';

/** Post-build steps, run on the staged site in order. Each is one call on the built folder. */
async function postBuild(siteDir: string, options: BuildOptions): Promise<void> {
  if (options.offline) await makeOffline(siteDir);
}

/** Astro's default cache folder: content data store and incremental-build manifest. */
const ASTRO_CACHE = join('node_modules', '.astro');
/** Where the caches of other content folders live, one per content folder and output folder. */
const CONTENT_CACHES = join(ASTRO_CACHE, 'engfolio-content');
/** Written in a cache folder: which content and output it belongs to, and which build made the output. */
const CACHE_STAMP = 'engfolio-cache.json';
const MANIFEST = 'incremental-build.json';

interface CacheStamp {
  content: string;
  out: string;
  /** sha256 of the incremental manifest of the build whose site is now in `out`; absent while `out` is being updated. */
  manifest?: string;
  /** The site's files other than pages (assets, public files, sitemaps), output-relative: an in-place update deletes those it no longer writes. */
  others?: string[];
}

/**
 * Returns the cache folder of a build. The project's own content uses Astro's default; any other
 * content folder (tests, benchmarks, --content) gets a persistent one keyed by its content and output
 * paths, so it never touches the project's data store yet still rebuilds incrementally. Caches of
 * content folders that are gone (or of outputs gone for a day) are removed.
 */
function cacheDirFor(root: string, options: BuildOptions): string {
  if (options.content === resolve(root, 'content')) return resolve(root, ASTRO_CACHE);
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

interface Manifest {
  /** sha256 of the manifest file: which build it belongs to. */
  digest: string;
  /** The output files it records (paths relative to the output). */
  files: Set<string>;
}

/** Reads Astro's incremental manifest once: its digest and the output files it records; undefined when there is none. */
function readManifest(cacheDir: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(cacheDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  const files = new Set<string>();
  try {
    const m = JSON.parse(text) as { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
    for (const route of Object.values(m.routes ?? {})) {
      for (const p of Object.values(route.paths ?? {})) if (typeof p.outputFile === 'string') files.add(decodeURI(p.outputFile));
    }
  } catch {
    // Unreadable: nothing to reuse.
  }
  return { digest: createHash('sha256').update(text).digest('hex'), files };
}

/** The site in the output folder, when the build may update it in place. */
interface PreviousSite {
  /** Its pages, output-relative (Astro's incremental manifest). */
  pages: Set<string>;
  /** Its other files. */
  others: string[];
}

/**
 * Returns the previous site when the output folder is exactly the site of the build that wrote the
 * current incremental manifest (read now, before Astro rewrites it) and finished updating it; an
 * offline copy is never updated in place.
 */
function previousSite(cacheDir: string, options: BuildOptions): PreviousSite | undefined {
  if (options.offline || !existsSync(options.out)) return undefined;
  const stamp = readStamp(cacheDir);
  const manifest = readManifest(cacheDir);
  if (!stamp?.others || !manifest || stamp.out !== options.out || stamp.content !== options.content || stamp.manifest !== manifest.digest) return undefined;
  return { pages: manifest.files, others: stamp.others };
}

/**
 * The files of a freshly built site that are not pages, found without walking its page folders (tens
 * of thousands): top-level files, Astro's assets (`_astro/`) and copies of `public/`.
 */
function otherFiles(siteDir: string, pages: Set<string>, root: string): string[] {
  const found = new Set<string>();
  const add = (rel: string): void => {
    if (!pages.has(rel) && existsSync(join(siteDir, rel))) found.add(rel);
  };
  for (const entry of readdirSync(siteDir, { withFileTypes: true })) if (!entry.isDirectory()) add(entry.name);
  // Astro's default assets folder (build.assets), and what Vite copies from public/.
  for (const rel of filesUnder(join(siteDir, '_astro'))) add(`_astro/${rel}`);
  for (const rel of filesUnder(resolve(root, 'public'))) add(rel);
  return [...found].sort();
}

/** Records which build made the site now in the output folder, and its non-page files; without them, that it is being updated. */
function writeStamp(cacheDir: string, options: BuildOptions, manifest?: Manifest, others?: string[]): void {
  const stamp: CacheStamp = { content: options.content, out: options.out, ...(options.offline || !manifest || !others ? {} : { manifest: manifest.digest, others }) };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, CACHE_STAMP), `${JSON.stringify(stamp)}\n`);
}

/** With --timings, prints that a phase of the build has ended, and when (seconds since the process started). */
function phaseEnded(options: BuildOptions, phase: string): void {
  if (!options.timings) return;
  const cpu = process.cpuUsage();
  console.error(`build: ${phase} at ${(performance.now() / 1000).toFixed(2)}s (CPU so far: user ${(cpu.user / 1e6).toFixed(2)}s, system ${(cpu.system / 1e6).toFixed(2)}s)`);
}

/**
 * Runs Astro's build into `outDir` with our content settings; returns how many HTML pages the site has.
 * A page Astro reuses is not written: it is present when `inPreviousSite` says so (see astro-output-copies.ts);
 * without it, there is no previous site (a full build).
 */
async function astroBuild(root: string, outDir: string, options: BuildOptions, cacheDir: string, inPreviousSite?: (rel: string) => boolean): Promise<number> {
  process.env.ENGFOLIO_CONTENT = options.content;
  process.env.ENGFOLIO_STRICT = options.strict ? '1' : '';
  // Tells the loader the content was already checked and reported (it may skip re-printing warnings).
  process.env.ENGFOLIO_CHECKED = '1';
  // Vite-style variables inherited from a parent tool (a test runner sets BASE_URL=/) would override
  // the configured base path: the base comes from BASE_PATH only.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  // Vite's bundler (rolldown, native code with the mimalloc allocator) keeps what it freed resident
  // until its idle threads allocate again, which they never do once bundling is over: on L, 250 MB of
  // the build's peak memory. Returned at once instead (read when its library loads, below).
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
  // Astro and Vite are some thousand modules: V8's compiled code for them is kept between builds
  // (measured: about 0.8 s of every build's start-up went to compiling them).
  enableCompileCache(resolve(root, 'node_modules', '.cache', 'engfolio-node-compile'));
  const { build } = await import('astro');
  flushCompileCache();
  await skipAstroOutputCopies(cacheDir, inPreviousSite ?? (() => false));
  const phases = {
    name: 'engfolio-build-phases',
    hooks: {
      'astro:build:start': ({ setPrerenderer }: { setPrerenderer: (wrap: (base: AstroPrerenderer) => AstroPrerenderer) => void }) => {
        setPrerenderer((base) => parallelPages(base, PROFILE_ROUTES, { outDir, verbose: options.verbose, full: inPreviousSite === undefined }));
        dropCheckedContent();
        // The checked content is in the data store now: its 150 MB (on L) go before Vite bundles, which
        // is when the build's memory peaks (npm scripts run with --expose-gc).
        collectGarbage();
        phaseEnded(options, 'content synced');
      },
      'astro:build:generated': () => phaseEnded(options, 'pages written'),
      // Every HTML page of the site, rendered or reused: counted here rather than by walking the output
      // (0.6 s on a 29,000-file site).
      'astro:build:done': ({ pages: built }: { pages: unknown[] }) => void (pages = built.length),
    },
  };
  let pages = 0;
  // Runs when Vite has bundled every environment, just before Astro's own last step renders the pages.
  const bundled = { name: 'engfolio-bundled', buildApp: { order: 'post' as const, handler: () => phaseEnded(options, 'bundled') } };
  // Astro compiles its log level into the built site (the module virtual:astro:logger), so a --verbose
  // build changed every page's dependency hash: it, and the next build without it, rendered every page
  // again. The built site logs at `warn` whatever the build's own log level (its pages log nothing else).
  const sameSiteLogLevel = {
    name: 'engfolio-same-site-log-level',
    transform: {
      filter: { id: /^\0virtual:astro:logger$/ },
      handler: (code: string) => code.replace(/^export const level = "\w+";$/m, 'export const level = "warn";'),
    },
  };
  await build({ root, outDir, logLevel: options.verbose ? 'info' : 'warn', cacheDir, vite: { build: { emptyOutDir: false }, plugins: [bundled, sameSiteLogLevel] }, integrations: [phases] });
  return pages;
}

/** Finds our ContentError inside whatever Astro wrapped it in. */
function contentErrorIn(e: unknown): ContentError | undefined {
  for (let cur: unknown = e, i = 0; cur && i < 8; cur = (cur as { cause?: unknown }).cause, i++) {
    if (cur instanceof ContentError || (cur as Error).name === 'ContentError') return cur as ContentError;
  }
  return undefined;
}

/** Says what went wrong in a failed build, as problems or one line: never a stack trace. */
function describeFailure(e: unknown): string[] {
  const content = contentErrorIn(e);
  if (content?.problems) return content.problems.map(formatProblem);
  if (e instanceof UsageError) return [e.message];
  const err = e as { message?: string; loc?: { file?: string; line?: number }; hint?: string };
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

/**
 * Starts the content check in a worker thread and hands its result to the content loader, which waits
 * for it (Astro starts up meanwhile). Prints every problem when it ends; rejects with CheckFailed when
 * the content may not be built.
 */
function startCheck(options: BuildOptions, root: string): Promise<void> {
  const model = runContentCheckInWorker(options.content, root, options.strict).then((report) => {
    for (const line of report.lines) console.error(line);
    phaseEnded(options, 'content checked');
    if (report.failed) throw new CheckFailed('the content check failed');
    return report.model;
  });
  shareCheckedContent(options.content, model);
  const done = model.then(() => undefined);
  // Awaited once Astro's build has ended: until then a failed check must not count as unhandled.
  done.catch(() => {});
  return done;
}

/** What a build produced: counts for its summary, and what the stamp records. */
interface BuiltSite {
  /** HTML pages of the site, rendered or reused. */
  pages: number;
  /** Files of the previous site kept as they were. */
  reused: number;
  /** For an incremental build: how many files it wrote, and whether they went into the previous site one by one or the site was swapped. */
  update?: { written: number; how: 'in place' | 'swapped' };
  manifest: Manifest | undefined;
  others: string[];
}

/**
 * A full build: the site is built aside and swapped in whole. Astro must build inside the project
 * (it resolves its build chunks' imports from node_modules), hence `root`.
 */
async function replaceSite(root: string, options: BuildOptions, cacheDir: string): Promise<BuiltSite> {
  const built: BuiltSite = { pages: 0, reused: 0, manifest: undefined, others: [] };
  await buildAside(
    options.out,
    async (staging) => {
      built.pages = await astroBuild(root, staging, options, cacheDir);
      built.manifest = readManifest(cacheDir);
      built.others = otherFiles(staging, built.manifest?.files ?? new Set(), root);
    },
    (staging) => postBuild(staging, options),
    root,
    // Deleting the previous site (seconds on a large one) happens after this command returns.
    'background',
  );
  return built;
}

/**
 * An incremental build: Astro writes only the pages that changed (and the site's other files), which
 * then replace their counterparts in the previous site; pages and files the site no longer has are
 * deleted. Before the output is touched, the stamp says "being updated": a build cut short there
 * leaves a stamp that makes the next build a full one.
 */
async function updateSite(root: string, options: BuildOptions, cacheDir: string, previous: PreviousSite): Promise<BuiltSite> {
  const built: BuiltSite = { pages: 0, reused: 0, manifest: undefined, others: [] };
  const update = await updateInPlace(
    options.out,
    async (dir) => {
      built.pages = await astroBuild(root, dir, options, cacheDir, (rel) => previous.pages.has(rel) && existsSync(join(options.out, rel)));
    },
    () => {
      built.manifest = readManifest(cacheDir);
      writeStamp(cacheDir, options);
    },
    (written) => {
      const pages = built.manifest?.files ?? new Set<string>();
      built.others = [...written].filter((f) => !pages.has(f)).sort();
      const others = new Set(built.others);
      const keep = [...pages].filter((f) => !written.has(f));
      const remove = [...[...previous.pages].filter((f) => !pages.has(f)), ...previous.others.filter((f) => !others.has(f) && !pages.has(f))];
      return { keep, remove };
    },
    root,
  );
  built.reused = update.kept;
  built.update = { written: update.written.length, how: update.how };
  return built;
}

async function main(): Promise<number> {
  const root = process.cwd();
  let options: BuildOptions;
  try {
    options = parseCommandLine(process.argv.slice(2), root);
  } catch (e) {
    console.error(`build: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const rel = relative(root, options.out);
  const shownOut = rel && !rel.startsWith('..') ? rel : options.out;
  const cacheDir = cacheDirFor(root, options);
  // Validation results of unchanged files are kept between builds (src/lib/content-read.ts).
  process.env.ENGFOLIO_READ_CACHE = join(cacheDir, 'engfolio-validated');
  const check = startCheck(options, root);
  let built: BuiltSite;
  try {
    const previous = previousSite(cacheDir, options);
    built = previous ? await updateSite(root, options, cacheDir, previous) : await replaceSite(root, options, cacheDir);
    await check;
  } catch (e) {
    // The check's problems come first; when it failed, they are the whole story.
    const checkError = await check.then(
      () => undefined,
      (c: unknown) => c,
    );
    if (checkError instanceof CheckFailed) {
      console.error(`build failed; the previous site in ${shownOut}/ is unchanged (fix the content above${options.strict ? ', or drop --strict' : ''}; nothing was built)`);
      return 1;
    }
    for (const line of describeFailure(checkError ?? e)) console.error(line);
    if (e instanceof PartialUpdateError) console.error(`build failed while updating ${shownOut}/: some of its pages may be new and some old; the next build rebuilds it whole`);
    else console.error(`build failed; the previous site in ${shownOut}/ is unchanged`);
    return 1;
  }
  writeStamp(cacheDir, options, built.manifest, built.others);
  const { pages, reused, update } = built;
  const seconds = (performance.now() / 1000).toFixed(1);
  phaseEnded(options, 'site in place');
  const changed = update ? `, ${update.written} written${update.how === 'in place' ? ' into the previous site' : ''}` : '';
  console.error(`build: ${pages} page(s)${reused ? ` (${reused} file(s) unchanged, reused${changed})` : ''} in ${seconds}s → ${shownOut}/${process.env.BASE_PATH ? ` (base ${process.env.BASE_PATH})` : ''}`);
  if (offlineSummary) console.error(`build: ${offlineSummary}`);
  return 0;
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // buildAside's staging folder is keyed on our pid; the next build removes it as stale.
    if (exiting) return;
    exiting = true;
    console.error("build: interrupted; the previous site is unchanged");
    process.exit(130);
  });
}

/** Exits once everything written to stdout and stderr has gone out: process.exit drops what a pipe has not taken yet. */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main().then(
  (code) => exitAfterOutput(code),
  (e) => {
    for (const line of describeFailure(e)) console.error(`build: ${line}`);
    exitAfterOutput(2);
  },
);
