// `engfolio import-git <repo>[=<owner/name>]... --author <email or name>... [options]`: builds or extends a
// profile from local git history (see src/lib/methodology.ts for what is counted and how).
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { slugFor } from '../lib/slug.ts';
import { MONTH_KEY } from '../lib/content-schema.ts';
import { RepoAggregator, topKeys, type DateRange, type RepoContribution } from '../lib/git/aggregate.ts';
import { countCommits, GitInputError, inspectRepo, streamLog, type RepoInfo } from '../lib/git/git-log.ts';
import { planImport } from '../lib/git/merge.ts';

const USAGE =
  'usage: engfolio import-git <repo>[=<owner/name>]... --author <email or name>... [--profile <slug>] [--name "<display name>"] [--since YYYY-MM] [--until YYYY-MM] [--force] [--no-lines] [--private <repo>] [--alias <repo>="<label>"] [--content <dir>]';
const PRIVATE_LABEL = 'a private repository';

interface RepoArg {
  path: string;
  override?: string;
}

function fail(message: string): never {
  throw new GitInputError(message);
}

function parse(argv: string[], defaultContent: string) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        author: { type: 'string', multiple: true },
        profile: { type: 'string' },
        name: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        force: { type: 'boolean' },
        'no-lines': { type: 'boolean' },
        private: { type: 'string', multiple: true },
        alias: { type: 'string', multiple: true },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return undefined;
  if (!parsed.positionals.length) fail(`give at least one repository\n${USAGE}`);
  const authors = (v.author ?? []).map((a) => a.trim()).filter(Boolean);
  if (!authors.length) fail(`give at least one --author <email or name>\n${USAGE}`);
  for (const [flag, value] of [
    ['--since', v.since],
    ['--until', v.until],
  ] as const) {
    if (value !== undefined && !MONTH_KEY.test(value)) fail(`${flag}: expected a month as YYYY-MM, found "${value}"`);
  }
  if (v.since && v.until && v.since > v.until) fail(`--since ${v.since} is after --until ${v.until}`);
  const repos: RepoArg[] = parsed.positionals.map((p) => {
    const eq = p.indexOf('=');
    if (eq > 0) {
      const override = p.slice(eq + 1).trim();
      if (!/^[^/\s]+\/[^/\s]+$/.test(override)) fail(`${p}: expected <path>=<owner/name>, found "${override}" after "="`);
      return { path: p.slice(0, eq), override };
    }
    return { path: p };
  });
  const aliases = new Map<string, string>();
  for (const a of v.alias ?? []) {
    const eq = a.indexOf('=');
    const label =
      eq > 0
        ? a
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1')
        : '';
    if (eq <= 0 || !label) fail(`--alias ${a}: expected <repo>="<label>"`);
    aliases.set(a.slice(0, eq), label);
  }
  const slug = v.profile ?? (v.name ? slugFor(v.name) : undefined);
  if (v.profile !== undefined && slugFor(v.profile) !== v.profile)
    fail(`--profile: expected a slug (lowercase letters, digits, hyphens), found "${v.profile}" — try "${slugFor(v.profile)}"`);
  return {
    repos,
    authors,
    slug,
    name: v.name?.trim() || undefined,
    since: v.since,
    until: v.until,
    force: v.force ?? false,
    lines: !v['no-lines'],
    privates: v.private ?? [],
    aliases,
    content: v.content ? resolve(v.content) : defaultContent,
  };
}

/** True when a --private/--alias argument names this repository (by path as given, resolved path, or display name). */
function names(arg: string, repo: RepoArg, info: RepoInfo, display: string): boolean {
  return arg === repo.path || resolve(arg) === info.path || arg === display;
}

interface Progress {
  tick(done: number): void;
  stop(): void;
}

async function progressFor(label: string, path: string): Promise<Progress> {
  if (!process.stderr.isTTY) return { tick() {}, stop() {} };
  const total = countCommits(path);
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} commits`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: (done) => bar.update(Math.min(done, total)),
    stop: () => bar.stop(),
  };
}

/** Returns "1985-06-01" or "1985-06-01 to 1987-02-03" for a range of days. */
function span(r: DateRange): string {
  return r.from === r.to ? r.from : `${r.from} to ${r.to}`;
}

type Options = NonNullable<ReturnType<typeof parse>>;

/** Fails when a --private or --alias argument names none of the repositories: a typo there would publish a private name. */
function checkPrivacyArgs(opts: Options, inspected: { repo: RepoArg; info: RepoInfo }[]): void {
  const matches = (arg: string) => inspected.some(({ repo, info }) => names(arg, repo, info, repo.override ?? info.displayName));
  for (const p of opts.privates)
    if (!matches(p)) fail(`--private ${p}: names none of the repositories given — use its path as given or its owner/name (nothing was written)`);
  for (const k of opts.aliases.keys())
    if (!matches(k)) fail(`--alias ${k}=…: names none of the repositories given — use its path as given or its owner/name (nothing was written)`);
}

async function importRepo(
  repo: RepoArg,
  info: RepoInfo,
  opts: Options,
  warn: (m: string) => void,
): Promise<{ contribution: RepoContribution; agg: RepoAggregator; label: string }> {
  const display = repo.override ?? info.displayName;
  let alias: string | undefined;
  for (const [k, label] of opts.aliases) if (names(k, repo, info, display)) alias = label;
  const isPrivate = alias !== undefined || opts.privates.some((p) => names(p, repo, info, display));
  const shown = isPrivate ? (alias ?? PRIVATE_LABEL) : display;
  // In a partial clone, reading file contents would make git fetch them: count no lines there.
  let lines = opts.lines && !info.partial;
  if (info.mailmapMissing) warn(`${shown}: its .mailmap is not available locally (a partial clone) — authors are matched without it`);
  if (opts.lines && info.partial) warn(`${shown}: a partial (blobless) clone — file contents are not all local, so line counts are skipped`);
  const now = Math.floor(Date.now() / 1000);
  const makeAgg = () => new RepoAggregator({ authors: opts.authors, since: opts.since, until: opts.until, keepNames: !isPrivate, lines, now });
  let agg = makeAgg();
  const progress = await progressFor(shown, info.path);
  let result;
  try {
    const run = () =>
      streamLog(
        info.path,
        lines,
        (c) => {
          agg.add(c);
          if ((agg.total & 1023) === 0) progress.tick(agg.total);
        },
        info.mailmapMissing,
      );
    result = await run();
    if (result.status !== 0 && lines && /missing|unable to read|bad object|could not fetch|promisor/i.test(result.stderr)) {
      warn(`${shown}: some file contents are missing from the repository — line counts are skipped`);
      lines = false;
      agg = makeAgg();
      result = await run();
    }
    progress.tick(agg.total);
  } finally {
    progress.stop();
  }
  if (result.status !== 0) {
    const said = result.stderr.split('\n').filter((l) => l.trim());
    const why = said.find((l) => /^(fatal|error):/.test(l)) ?? said[0] ?? `git exited with ${result.status}`;
    fail(`${isPrivate ? shown : repo.path}: git log failed: ${why.trim()}`);
  }
  if (agg.total === 0) fail(`${isPrivate ? shown : repo.path}: the repository has no commits (other than merges)`);
  const where = isPrivate ? shown : repo.path;
  if (agg.matched === 0 && agg.outOfRange === 0 && agg.undated === 0) {
    fail(`${where}: no commit by ${opts.authors.map((a) => `"${a}"`).join(', ')} — most frequent authors: ${agg.topAuthors().join('; ')}`);
  }
  if (agg.matched === 0 && agg.outOfRange > 0) warn(`${where}: no commit by the given authors between ${opts.since ?? 'the start'} and ${opts.until ?? 'now'}`);
  if (info.shallow) warn(`${where}: a shallow clone — its history starts at ${agg.firstDay}; earlier commits are not counted`);
  const implausible = agg.early.commits + agg.future.commits;
  if (implausible) {
    const parts = [];
    if (agg.early.commits) parts.push(`${agg.early.commits} before 1990 (${span(agg.early)})`);
    if (agg.future.commits) parts.push(`${agg.future.commits} in the future (${span(agg.future)})`);
    warn(`${where}: ${implausible} commit(s) with implausible author dates — ${parts.join(', ')} — counted on the days they record`);
  }
  if (agg.undated) warn(`${where}: ${agg.undated} commit(s) dated after the year 9999 were left out (no calendar day to put them on)`);
  const root = [...agg.roots].sort()[0] ?? '';
  // The key identifies the repository without revealing it: its root commit hash is not public for a private repo.
  const key = createHash('sha256').update(`${root}\0${display}`).digest('hex').slice(0, 16);
  return { contribution: agg.contribution(key, shown, isPrivate), agg, label: shown };
}

/**
 * Runs the import with command-line arguments, reporting on `say` (one line per call); returns the exit
 * status. `defaultContent` is the content folder where --content does not say (the site's).
 */
export async function importGit(argv: string[], say: (line: string) => void, defaultContent = resolve('content')): Promise<number> {
  try {
    await main(argv, say, defaultContent);
    return 0;
  } catch (error) {
    // Expected failures are GitInputErrors; anything else is still reported as one line, never a stack.
    say(`error: ${error instanceof GitInputError ? error.message : ((error as Error)?.message?.split('\n')[0] ?? String(error))}`);
    return 1;
  }
}

async function main(argv: string[], say: (line: string) => void, defaultContent: string): Promise<void> {
  const opts = parse(argv, defaultContent);
  if (!opts) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const warn = (m: string) => say(`warning: ${m}`);
  const contributions: RepoContribution[] = [];
  const authorNames = new Map<string, number>();
  // Every repository is checked before any history is read, so a bad one fails fast.
  const inspected = opts.repos.map((repo) => ({ repo, info: inspectRepo(repo.path) }));
  checkPrivacyArgs(opts, inspected);
  for (const { repo, info } of inspected) {
    const { contribution, agg, label } = await importRepo(repo, info, opts, warn);
    contributions.push(contribution);
    for (const [n, k] of agg.matchedNames) authorNames.set(n, (authorNames.get(n) ?? 0) + k);
    say(`${label}: ${agg.matched} of ${agg.total} commits counted`);
  }
  const fallbackName = topKeys(authorNames, 1)[0];
  const slug = opts.slug ?? slugFor(opts.name ?? fallbackName ?? '');
  const plan = planImport({ contentDir: opts.content, slug, name: opts.name, fallbackName, force: opts.force, contributions });
  for (const w of plan.warnings) warn(w);
  for (const { path, text } of plan.writes) writeFileAtomic(path, text);
  for (const path of plan.deletes) rmSync(path, { force: true });
  const changed = plan.writes.length + plan.deletes.length;
  say(changed ? `profile "${slug}": ${plan.writes.length} file(s) written, ${plan.deletes.length} removed` : `profile "${slug}": up to date, no file changed`);
}
