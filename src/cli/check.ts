// `npm run check [--strict] [--content <dir>]`: validates all content without building pages and
// reports every problem at once. `npm run build` runs the same check first (runContentCheck).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readContent, writeDeferredContentCache, type ContentModel } from '../lib/content-read.ts';
import { workerReport } from '../lib/worker-report.ts';
import { errorsOf, formatProblem, sortProblems, summarizeProblems, type Problem } from '../lib/problems.ts';
import { contentDir } from '../lib/paths.ts';
import { readSiteConfig } from '../lib/site-config.ts';

export interface CheckResult {
  model: ContentModel;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
  /** True when the content may not be built (errors, or warnings under --strict). */
  failed: boolean;
}

/** Reads and checks the content folder, printing every problem and a summary; returns the outcome. */
export function runContentCheck(dir: string, root: string, strict: boolean, print: (line: string) => void = (l) => console.error(l), deferCacheWrite = false): CheckResult {
  const model = readContent(dir, root, { deferCacheWrite });
  const problems = sortProblems(model.problems);
  if (!existsSync(dir)) problems.unshift({ severity: 'error', file: dir, message: 'expected a content folder (with profiles/, months/, activity/), found nothing there' });
  problems.unshift(...siteConfigProblems());
  for (const p of problems) print(formatProblem(p));
  const failed = errorsOf(problems, strict).length > 0;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = `${n(model.profiles.length, 'profile')}, ${n(model.months.length, 'month')}, ${n(model.activity.length, 'activity file')}`;
  print(problems.length === 0 ? `check: content OK — ${counts}` : `check: ${summarizeProblems(problems, strict)} — valid: ${counts}`);
  return { model, problems, failed };
}

/** What a check run in a worker thread reports back. */
export interface CheckReport {
  /** What runContentCheck printed, to print in order on the main thread. */
  lines: string[];
  failed: boolean;
  model: ContentModel;
}

/**
 * Runs runContentCheck in a worker thread, so `npm run build` can start Astro meanwhile (its start-up
 * takes about as long as reading 25,000 files, and the content is first needed after it).
 */
export function runContentCheckInWorker(dir: string, root: string, strict: boolean): Promise<CheckReport> {
  // Resolved on the report: the worker then writes its validation cache (atomically) on its own.
  return workerReport<CheckReport>(new Worker(new URL(import.meta.url), { workerData: { contentCheck: { dir, root, strict } } }), 'the content check');
}

if (!isMainThread && (workerData as { contentCheck?: unknown } | null)?.contentCheck) {
  const { dir, root, strict } = (workerData as { contentCheck: { dir: string; root: string; strict: boolean } }).contentCheck;
  const lines: string[] = [];
  const { failed, model } = runContentCheck(dir, root, strict, (line) => lines.push(line), true);
  parentPort!.postMessage({ lines, failed, model } satisfies CheckReport);
  // The validation cache is for the next build: written after the result is on its way.
  writeDeferredContentCache();
}

/** The site options from the environment (src/lib/site-config.ts), checked with the content so a typo fails before a build starts. */
function siteConfigProblems(): Problem[] {
  try {
    readSiteConfig();
    return [];
  } catch (e) {
    const [field, ...rest] = (e as Error).message.split(': ');
    return [{ severity: 'error', file: 'environment', field, message: rest.join(': ') }];
  }
}

/** Parses the command line; throws a UsageError for unknown or malformed options. */
function parseCommandLine(argv: string[]): { strict: boolean; content?: string } {
  const { values } = parseArgs({
    args: argv,
    options: { strict: { type: 'boolean', default: false }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log('usage: npm run check -- [--strict] [--content <dir>]\n  --strict   treat warnings as errors\n  --content  content folder (default: content/, or $ENGFOLIO_CONTENT)');
    process.exit(0);
  }
  return { strict: values.strict ?? false, content: values.content };
}

function main(): void {
  let options: ReturnType<typeof parseCommandLine>;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (e) {
    console.error(`check: ${(e as Error).message}\nusage: npm run check -- [--strict] [--content <dir>]`);
    process.exit(2);
  }
  const root = process.cwd();
  const dir = options.content ? resolve(options.content) : contentDir(root);
  const { failed } = runContentCheck(dir, root, options.strict || process.env.ENGFOLIO_STRICT === '1', (l) => console.log(l));
  process.exitCode = failed ? 1 : 0;
}

// In a worker thread import.meta.main is true as well: only the process's own entry runs the command.
if (import.meta.main && isMainThread) {
  try {
    main();
  } catch (e) {
    // Content problems are reported above; anything reaching here is a bug or an I/O failure. Say what, without a stack.
    console.error(`check: internal error: ${(e as Error)?.message ?? String(e)}${process.env.ENGFOLIO_DEBUG ? `\n${(e as Error)?.stack}` : ' (set ENGFOLIO_DEBUG=1 for details)'}`);
    process.exitCode = 2;
  }
}
