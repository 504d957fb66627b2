// Reads one repository's history for a profile, as `engfolio import-git` and `engfolio update` do: one
// streaming `git log` pass folded into the repository's contribution (its months, days, languages and
// areas), with every warning the importer gives about the repository said on the way.
import { createHash } from 'node:crypto';
import { RepoAggregator, type DateRange, type RepoContribution } from './aggregate.ts';
import { countCommits, GitInputError, streamLog, type RepoInfo } from './git-log.ts';

/** The repository to read, and how it is shown. */
export interface RepositoryToRead {
  info: RepoInfo;
  /** Its name (`owner/name`). */
  display: string;
  isPrivate: boolean;
  /** What the site shows: the name, or the private label. */
  label: string;
  /** What messages name: its path or URL, or the private label. */
  where: string;
}

/** Whose commits count, and what of them. */
export interface ReadOptions {
  authors: readonly string[];
  since?: string;
  until?: string;
  lines: boolean;
  /** Say nothing of a partial clone's missing file contents (`engfolio update` makes its clones partial on purpose). */
  partialIsExpected?: boolean;
}

export interface RepositoryRead {
  contribution: RepoContribution;
  agg: RepoAggregator;
  label: string;
  /** The keys an import before keys came from the history alone gave this repository under a name it was stored with. */
  formerKeys(storedName: string): string[];
}

/**
 * The key of a repository's contribution: a hash of its first commit (inspectRepo's root), so a
 * repository is one repository whatever it is called, and its key reveals neither name nor commit.
 */
export function historyKey(root: string): string {
  return createHash('sha256').update(`history\0${root}`).digest('hex').slice(0, 16);
}

function fail(message: string): never {
  throw new GitInputError(message);
}

/** A progress bar on a terminal, nothing elsewhere. */
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

/** Reads the history of one repository; throws a GitInputError (one line) when it cannot be read or has nothing of these authors. */
export async function readRepository(repo: RepositoryToRead, opts: ReadOptions, warn: (m: string) => void): Promise<RepositoryRead> {
  const { info, display, isPrivate, where } = repo;
  const shown = repo.label;
  // In a partial clone, reading file contents would make git fetch them: count no lines there.
  let lines = opts.lines && !info.partial;
  if (info.mailmapMissing) warn(`${shown}: its .mailmap is not available locally (a partial clone) — authors are matched without it`);
  if (opts.lines && info.partial && !opts.partialIsExpected)
    warn(`${shown}: a partial (blobless) clone — file contents are not all local, so line counts are skipped`);
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
    fail(`${where}: git log failed: ${why.trim()}`);
  }
  if (agg.total === 0) fail(`${where}: the repository has no commits (other than merges)`);
  if (agg.matched === 0 && agg.outOfRange === 0 && agg.undated === 0) {
    const by = `${where}: no commit by ${opts.authors.map((a) => `"${a}"`).join(', ')}`;
    // A public site's CI log is public: for a private repository, name none of its people.
    fail(isPrivate ? `${by} (its authors are not listed: the repository is private)` : `${by} — most frequent authors: ${agg.topAuthors().join('; ')}`);
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
  // Imports by engfolio 0.2 keyed a repository on its smallest root commit and its name, so a re-import
  // under another name added the history a second time. Those keys are recognised and replaced.
  const oldRoot = [...agg.roots].sort()[0] ?? '';
  const oldKey = (name: string): string => createHash('sha256').update(`${oldRoot}\0${name}`).digest('hex').slice(0, 16);
  return {
    contribution: agg.contribution(historyKey(info.root), shown, isPrivate),
    agg,
    label: shown,
    formerKeys: (storedName) => [oldKey(display), oldKey(storedName)],
  };
}
