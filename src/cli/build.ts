// `npm run build [--strict] [--out <dir>] [--content <dir>] [--offline]`: checks the content (same
// messages as `npm run check`), builds the site with Astro into a staging folder, runs post-build
// steps on it, and swaps it into the output folder only when everything succeeded.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runContentCheck } from './check.ts';
import { buildAside, WORK_DIR } from '../lib/build-swap.ts';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { contentDir } from '../lib/paths.ts';
import { writeOfflineSite } from '../lib/offline/site.ts';

interface BuildOptions {
  out: string;
  content: string;
  strict: boolean;
  offline: boolean;
  verbose: boolean;
}

const USAGE = `usage: npm run build -- [--strict] [--out <dir>] [--content <dir>] [--offline] [--verbose]
  --out <dir>      output folder (default dist/, or dist-offline/ with --offline)
  --content <dir>  content folder (default content/, or $ENGFOLIO_CONTENT)
  --strict         treat content warnings as errors
  --offline        make the site work opened from disk (file://), with a single-file
                   export per profile in single-file/<slug>.html
  --verbose        show Astro's full log
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

/** Runs Astro's build into `outDir` with our content settings. */
async function astroBuild(root: string, outDir: string, options: BuildOptions): Promise<void> {
  process.env.ENGFOLIO_CONTENT = options.content;
  process.env.ENGFOLIO_STRICT = options.strict ? '1' : '';
  // Tells the loader the content was already checked and reported (it may skip re-printing warnings).
  process.env.ENGFOLIO_CHECKED = '1';
  // Vite-style variables inherited from a parent tool (a test runner sets BASE_URL=/) would override
  // the configured base path: the base comes from BASE_PATH only.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  const { build } = await import('astro');
  const defaultContent = resolve(root, 'content');
  // Other content (tests, benchmarks, --content) gets a private, throw-away cache folder, so it never
  // reads or overwrites the content data store of the project's own content in node_modules/.astro.
  const privateCache = options.content === defaultContent ? undefined : resolve(root, WORK_DIR, `cache-${process.pid}`);
  try {
    await build({ root, outDir, logLevel: options.verbose ? 'info' : 'warn', ...(privateCache ? { cacheDir: privateCache } : {}) });
  } finally {
    if (privateCache) rmSync(privateCache, { recursive: true, force: true });
  }
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
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
  const started = performance.now();
  const check = runContentCheck(options.content, root, options.strict);
  if (check.failed) {
    console.error(`build failed; the previous site in ${shownOut}/ is unchanged (fix the content above${options.strict ? ', or drop --strict' : ''}; nothing was built)`);
    return 1;
  }
  let pages = 0;
  try {
    await buildAside(
      options.out,
      async (staging) => {
        await astroBuild(root, staging, options);
        pages = countPages(staging);
      },
      (staging) => postBuild(staging, options),
      // Astro must build inside the project: it resolves its build chunks' imports from node_modules.
      root,
    );
  } catch (e) {
    for (const line of describeFailure(e)) console.error(line);
    console.error(`build failed; the previous site in ${shownOut}/ is unchanged`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`build: ${pages} page(s) in ${seconds}s → ${shownOut}/${process.env.BASE_PATH ? ` (base ${process.env.BASE_PATH})` : ''}`);
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

main().then(
  (code) => process.exit(code),
  (e) => {
    for (const line of describeFailure(e)) console.error(`build: ${line}`);
    process.exit(2);
  },
);
