// Runs git for the importer: inspects a repository with a few cheap calls, then reads its whole history
// in ONE streaming `git log` pass, parsed incrementally into a reused commit record (no per-commit process,
// nothing kept per commit).
import { spawn, spawnSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';

/** Why an import of a repository cannot go on; the CLI prints the message as one line. */
export class GitInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitInputError';
  }
}

/** The environment every git call gets: no pager, no prompts, no lazy fetch of missing objects, fixed locale. */
export function gitEnv(): NodeJS.ProcessEnv {
  // The token is handed to git only where it is meant to go (source-cache.ts), never to every git.
  const { ENGFOLIO_GIT_TOKEN: _token, ...inherited } = process.env;
  return {
    ...inherited,
    GIT_NO_LAZY_FETCH: '1', // git ≥ 2.44; older git is kept from fetching by never asking for blobs in a partial clone
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_CONFIG_NOSYSTEM: '1',
    LC_ALL: 'C',
    TZ: 'UTC',
  };
}

/** Runs a short git command; returns its status, stdout and stderr. */
function runGit(cwd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('git', ['-C', cwd, ...args], { env: gitEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export interface RepoInfo {
  /** The path as given, resolved. */
  path: string;
  /** `owner/name` from the origin remote, else the folder name. */
  displayName: string;
  shallow: boolean;
  /** A partial (e.g. blobless) clone: file contents may be missing, so line counts are skipped. */
  partial: boolean;
  /** Set when the repository's .mailmap is in HEAD but its contents are not local (a bare partial clone). */
  mailmapMissing: boolean;
  /**
   * The first commit of HEAD's first-parent line: what makes this history this history, whatever the
   * folder, remote or name (a rename or transfer upstream keeps it; a history merged in later does not
   * change it).
   */
  root: string;
}

/** Returns `owner/name` from a remote URL (https, ssh or scp-like), or undefined (always for a path or file:// URL). */
export function ownerNameFromUrl(url: string): string | undefined {
  // An address on this machine (a path or file://) names no owner: its parent folder is none.
  if (/^(\/|\.|~|file:|[A-Za-z]:[\\/])/i.test(url.trim())) return undefined;
  const parts = url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split(/[/:]/)
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const owner = parts[parts.length - 2]!;
  const name = parts[parts.length - 1]!;
  // "git@host:name" has no owner; "host.tld" is a host, not an owner.
  if (owner.includes('@') || /^[\w-]+(\.[\w-]+)+$/.test(owner)) return undefined;
  return `${owner}/${name}`;
}

/** Checks that `path` is a git repository with commits and returns what the importer needs to know about it. */
export function inspectRepo(path: string): RepoInfo {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new GitInputError(`${path}: not a git repository (no such folder)`);
  const rp = runGit(abs, ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir']);
  if (rp.status !== 0) throw new GitInputError(`${path}: not a git repository`);
  const [bare, shallow] = rp.stdout.split('\n');
  if (bare !== 'true') {
    const top = runGit(abs, ['rev-parse', '--show-toplevel']).stdout.trim();
    if (top && resolve(top) !== abs && !existsSync(resolve(abs, '.git'))) {
      throw new GitInputError(`${path}: not a git repository (it is a folder inside the repository ${top})`);
    }
  }
  const head = runGit(abs, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.status !== 0) throw new GitInputError(`${path}: the repository has no commits`);
  const config = runGit(abs, ['config', '--local', '--list']).stdout.split('\n');
  let origin: string | undefined;
  let partial = false;
  for (const line of config) {
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : line.slice(eq + 1);
    if (key === 'remote.origin.url') origin = value;
    if (key === 'extensions.partialclone' && value) partial = true;
    if (key.startsWith('remote.') && key.endsWith('.promisor') && value === 'true') partial = true;
  }
  const folder = basename(abs).replace(/\.git$/, '') || basename(abs);
  const displayName = (origin && ownerNameFromUrl(origin)) || folder;
  // A bare repository reads HEAD:.mailmap; in a partial clone that blob may be missing, and git would die on it.
  let mailmapMissing = false;
  if (partial && bare === 'true') {
    const entry = /^\d+ blob ([0-9a-f]+)\t/.exec(runGit(abs, ['ls-tree', 'HEAD', '.mailmap']).stdout);
    if (entry && runGit(abs, ['cat-file', '-e', entry[1]!]).status !== 0) mailmapMissing = true;
  }
  const roots = runGit(abs, ['rev-list', '--first-parent', '--max-parents=0', 'HEAD']).stdout.trim().split('\n');
  return { path: abs, displayName, shallow: shallow === 'true', partial, mailmapMissing, root: roots.at(-1) ?? '' };
}

/** Returns the number of non-merge commits reachable from HEAD (for the progress bar). */
export function countCommits(path: string): number {
  const r = runGit(path, ['rev-list', '--count', '--no-merges', 'HEAD']);
  return r.status === 0 ? Number(r.stdout.trim()) || 0 : 0;
}

/** One commit as parsed from the stream; the importer reuses ONE such record for every commit. */
export interface CommitRecord {
  hash: string;
  /** Author name and email after .mailmap. */
  name: string;
  email: string;
  /** Author date as written, in the author's own offset: `2024-01-31T23:30:00-08:00`. */
  date: string;
  /** Seconds since the epoch (for the "in the future" check only). */
  timestamp: number;
  /** True for a root commit (no parents). */
  root: boolean;
  subject: string;
  body: string;
  /** Files touched: paths (for a rename the new path, then the old path) and their added/removed lines (-1: binary or not counted). */
  fileCount: number;
  paths: string[];
  added: number[];
  removed: number[];
}

// Field and record separators: git writes them from the format, they do not occur in names or subjects.
const US = '\x1f';
const FORMAT = `--format=${'%x1e'}%H%x1f%aN%x1f%aE%x1f%ad%x1f%at%x1f%P%x1f%s%x1f%b%x1f`;

/** The `git log` arguments the importer reads (the benchmark times the same command bare). */
export function gitLogArgs(withLines: boolean, withoutMailmapBlob = false): string[] {
  const common = [
    '-c',
    'core.quotepath=off',
    ...(withoutMailmapBlob ? ['-c', 'mailmap.blob='] : []),
    'log',
    '--use-mailmap',
    '--no-merges',
    '--no-color',
    '--date=iso-strict',
    FORMAT,
    '-z',
  ];
  // With lines: --numstat with -M, so a renamed file counts only its edits and binary files show "-".
  // Without: --name-only and no rename detection, which reads trees only, never file contents.
  return withLines ? [...common, '-M', '--numstat', 'HEAD'] : [...common, '--no-renames', '--name-only', 'HEAD'];
}

/** Parses `git log` output (as produced with gitLogArgs) chunk by chunk, calling `onCommit` with ONE reused record. */
export class LogParser {
  private readonly c: CommitRecord = {
    hash: '',
    name: '',
    email: '',
    date: '',
    timestamp: 0,
    root: false,
    subject: '',
    body: '',
    fileCount: 0,
    paths: [],
    added: [],
    removed: [],
  };
  private readonly withLines: boolean;
  private readonly onCommit: (c: CommitRecord) => void;
  private open = false;
  private pending = '';
  // A numstat rename entry ("a\td\t") is followed by two NUL-terminated paths: old, then new.
  private renameLeft = 0;
  private renameAdded = 0;
  private renameRemoved = 0;
  private renameOld = '';

  constructor(withLines: boolean, onCommit: (c: CommitRecord) => void) {
    this.withLines = withLines;
    this.onCommit = onCommit;
  }

  /** Feeds the next chunk of output. */
  push(chunk: string): void {
    const text = this.pending ? this.pending + chunk : chunk;
    let start = 0;
    for (let nul = text.indexOf('\0'); nul >= 0; nul = text.indexOf('\0', start)) {
      this.token(text, start, nul);
      start = nul + 1;
    }
    this.pending = start < text.length ? text.slice(start) : '';
  }

  /** Ends the input: delivers the last commit. */
  end(): void {
    if (this.pending) this.token(this.pending, 0, this.pending.length);
    this.pending = '';
    if (this.open) this.onCommit(this.c);
    this.open = false;
  }

  private addFile(p: string, a: number, r: number): void {
    const c = this.c;
    const i = c.fileCount++;
    c.paths[i] = p;
    c.added[i] = a;
    c.removed[i] = r;
  }

  /** Handles text[from, to): a header, a numstat entry, or a path. */
  private token(text: string, from: number, to: number): void {
    if (text.charCodeAt(from) === 10) from++; // the newline between a header and its file list
    if (from >= to) return;
    const c = this.c;
    if (text.charCodeAt(from) === 0x1e) {
      if (this.open) this.onCommit(c);
      let i = from + 1;
      let j = text.indexOf(US, i);
      c.hash = text.slice(i, j);
      i = j + 1;
      j = text.indexOf(US, i);
      c.name = text.slice(i, j);
      i = j + 1;
      j = text.indexOf(US, i);
      c.email = text.slice(i, j);
      i = j + 1;
      j = text.indexOf(US, i);
      c.date = text.slice(i, j);
      i = j + 1;
      j = text.indexOf(US, i);
      c.timestamp = Number(text.slice(i, j));
      i = j + 1;
      j = text.indexOf(US, i);
      c.root = j === i;
      i = j + 1;
      j = text.indexOf(US, i);
      c.subject = text.slice(i, j);
      i = j + 1;
      j = text.lastIndexOf(US, to);
      c.body = j > i ? text.slice(i, j) : '';
      c.fileCount = 0;
      this.renameLeft = 0;
      this.open = true;
      return;
    }
    if (this.renameLeft === 2) {
      this.renameOld = text.slice(from, to);
      this.renameLeft = 1;
      return;
    }
    if (this.renameLeft === 1) {
      this.addFile(text.slice(from, to), this.renameAdded, this.renameRemoved);
      this.addFile(this.renameOld, -1, -1);
      this.renameLeft = 0;
      return;
    }
    if (!this.withLines) {
      this.addFile(text.slice(from, to), -1, -1);
      return;
    }
    const tab1 = text.indexOf('\t', from);
    const tab2 = tab1 < 0 || tab1 >= to ? -1 : text.indexOf('\t', tab1 + 1);
    if (tab2 < 0 || tab2 >= to) return;
    const a = text.charCodeAt(from) === 45 ? -1 : digits(text, from, tab1);
    const r = text.charCodeAt(tab1 + 1) === 45 ? -1 : digits(text, tab1 + 1, tab2);
    if (tab2 === to - 1) {
      this.renameLeft = 2;
      this.renameAdded = a;
      this.renameRemoved = r;
      return;
    }
    this.addFile(text.slice(tab2 + 1, to), a, r);
  }
}

/** Reads a decimal number from text[from, to) without allocating. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** Reads the history of `path` in one streaming pass, calling `onCommit` with a reused record; resolves with git's exit status and stderr. */
export function streamLog(
  path: string,
  withLines: boolean,
  onCommit: (c: CommitRecord) => void,
  withoutMailmapBlob = false,
): Promise<{ status: number; stderr: string }> {
  const child = spawn('git', ['-C', path, ...gitLogArgs(withLines, withoutMailmapBlob)], { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const parser = new LogParser(withLines, onCommit);
  let stderr = '';
  let failure: unknown;
  return new Promise((resolvePromise, reject) => {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 8192) stderr += d;
    });
    child.stdout.on('data', (chunk: string) => {
      if (failure) return;
      try {
        parser.push(chunk);
      } catch (error) {
        failure = error;
        child.kill();
      }
    });
    child.on('error', (e) => reject(new GitInputError(`${path}: cannot run git (${e.message})`)));
    child.on('close', (code) => {
      if (failure) return reject(failure);
      try {
        if ((code ?? 1) === 0) parser.end();
      } catch (error) {
        return reject(error);
      }
      resolvePromise({ status: code ?? 1, stderr });
    });
  });
}
