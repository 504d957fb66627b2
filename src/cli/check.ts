// `engfolio check [--strict] [--content <dir>]`: validates all content without building pages and reports
// every problem at once. `engfolio build` runs the same check first, in a worker thread.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { shownPath } from '../lib/build-swap.ts';
import { readContentLater, type ContentModel } from '../lib/content-read.ts';
import { workerReport } from '../lib/worker-report.ts';
import { errorsOf, formatProblem, noProfilesYet, sortProblems, summarizeProblems, type Problem } from '../lib/problems.ts';
import { loadSiteOptions, parseCommand, type Io } from './common.ts';

export interface CheckResult {
  model: ContentModel;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
  /** True when the content may not be built (errors, or warnings under --strict). */
  failed: boolean;
}

/**
 * Reads and checks the content folder, printing every problem and a summary; returns the outcome and
 * the function that writes the validation cache (`cacheFile`), which the caller calls when it suits it.
 */
export function runContentCheck(
  dir: string,
  root: string,
  strict: boolean,
  print: (line: string) => void,
  cacheFile?: string,
): CheckResult & { saveCache: () => void } {
  const { model, saveCache } = readContentLater(dir, root, cacheFile ? { cacheFile } : {});
  const problems = sortProblems(model.problems);
  if (!existsSync(dir))
    problems.unshift({ severity: 'error', file: dir, message: 'expected a content folder (with profiles/, months/, activity/), found nothing there' });
  for (const p of problems) print(formatProblem(p));
  const failed = errorsOf(problems, strict).length > 0;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = `${n(model.profiles.length, 'profile')}, ${n(model.months.length, 'month')}, ${n(model.activity.length, 'activity file')}`;
  // Drafts the git importer wrote say so to their author here and in the file, never on a page.
  const drafts = model.profiles.filter((p) => p.data.generated).length + model.months.filter((m) => m.data.generated).length;
  const draftNote = drafts ? `; ${n(drafts, 'text')} drafted from git history, yours to edit (later imports leave edited texts alone)` : '';
  if (problems.length === 0 && model.profiles.length === 0) print(`check: ${noProfilesYet(shownPath(dir, root))}`);
  else
    print(problems.length === 0 ? `check: content OK — ${counts}${draftNote}` : `check: ${summarizeProblems(problems, strict)} — valid: ${counts}${draftNote}`);
  return { model, problems, failed, saveCache };
}

/** What a check run in a worker thread reports back. */
export interface CheckReport {
  /** What runContentCheck printed, to print in order on the main thread. */
  lines: string[];
  failed: boolean;
  model: ContentModel;
}

/**
 * Runs runContentCheck in a worker thread, so `engfolio build` can start Astro meanwhile (its start-up
 * takes about as long as reading 25,000 files, and the content is first needed after it).
 */
export function runContentCheckInWorker(dir: string, root: string, strict: boolean, cacheFile: string): Promise<CheckReport> {
  // Resolved on the report: the worker then writes its validation cache (atomically) on its own.
  return workerReport<CheckReport>(
    new Worker(new URL(import.meta.url), { workerData: { contentCheck: { dir, root, strict, cacheFile } } }),
    'the content check',
  );
}

if (!isMainThread && (workerData as { contentCheck?: unknown } | null)?.contentCheck) {
  const { dir, root, strict, cacheFile } = (workerData as { contentCheck: { dir: string; root: string; strict: boolean; cacheFile: string } }).contentCheck;
  const lines: string[] = [];
  const { failed, model, saveCache } = runContentCheck(dir, root, strict, (line) => lines.push(line), cacheFile);
  parentPort!.postMessage({ lines, failed, model } satisfies CheckReport);
  // The validation cache is for the next build: written after the result is on its way.
  saveCache();
}

const USAGE = `usage: engfolio check [--strict] [--content <dir>]

Validates all content without building; lists every problem as
\`file:line — field: expected …, found …\`.

  --strict         treat warnings as errors
  --content <dir>  content folder (default: the integration's \`content\` option)`;

/** Runs `engfolio check`; returns the exit code. */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    argv,
    { strict: { type: 'boolean', default: false }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const dir = values.content ? resolve(io.cwd, values.content) : resolve(io.cwd, (await loadSiteOptions(io.cwd)).content);
  const { failed } = runContentCheck(dir, io.cwd, values.strict ?? false, io.out);
  return failed ? 1 : 0;
}
