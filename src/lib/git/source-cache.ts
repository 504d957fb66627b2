// The repositories `engfolio update` reads: a remote is cloned once into the site's cache folder
// (`.engfolio/repos/`, a bare blobless clone: its history without file contents) and fetched on later
// runs; a local path is read where it is. A token for private repositories comes from the environment
// and is handed to git for one command at a time: it is never written to git's config, a file or any
// output, and neither is the address of a private repository.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Source } from '../content-schema.ts';
import { gitEnv, GitInputError, ownerNameFromUrl } from './git-log.ts';
import { isRemote, secretInAddress, shownAddress, withAddressesShown } from './remote-url.ts';

/** The label every message and page uses for a private repository without an alias. */
export const PRIVATE_LABEL = 'a private repository';

/** Where a source's repository is: an address to fetch from, or a folder on this machine. */
export type SourceLocation = { kind: 'remote'; url: string } | { kind: 'local'; path: string };

/**
 * Where a source's repository is. `git: env:NAME` reads the address from the environment variable NAME,
 * so that a private repository's address need not be written in a public site's content.
 */
export function sourceLocation(source: Pick<Source, 'git'>, root: string, env: NodeJS.ProcessEnv = process.env): SourceLocation {
  let git = source.git;
  const fromEnv = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(git);
  if (fromEnv) {
    git = env[fromEnv[1]!] ?? '';
    if (!git) throw new GitInputError(`expected the environment variable ${fromEnv[1]} to hold the repository's address, found it unset`);
  }
  // `check` refuses these in the content; an address from the environment is checked here.
  const secret = secretInAddress(git);
  if (secret)
    throw new GitInputError(
      `expected ${fromEnv ? `the environment variable ${fromEnv[1]} to hold ` : ''}a repository address without ${secret}: give a token as $ENGFOLIO_GIT_TOKEN`,
    );
  return isRemote(git) ? { kind: 'remote', url: git } : { kind: 'local', path: resolve(root, git) };
}

/** The name a source shows: its `alias` or the private label when private, else its `name`, or one read from its address. */
export function sourceLabel(source: Source, location: SourceLocation): { label: string; display: string; isPrivate: boolean } {
  const isPrivate = source.private || source.alias !== undefined;
  const address = location.kind === 'remote' ? location.url : location.path;
  const display = source.name ?? ownerNameFromUrl(address) ?? (basename(address).replace(/\.git$/, '') || address);
  return { label: isPrivate ? (source.alias ?? PRIVATE_LABEL) : display, display, isPrivate };
}

/** A short stable id of a source, from how its repository is named in the content (not revealing it). */
export function sourceId(source: Pick<Source, 'git'>): string {
  return createHash('sha256').update(source.git).digest('hex').slice(0, 16);
}

/** What the cache remembers of a source: the commit its last import read, and the settings it read with. */
interface SourceRecord {
  head: string;
  settings: string;
}

/** The cache of one site's sources. */
export interface SourceCache {
  /** The cache folder. */
  dir: string;
  /** The record of a source's last import, if any. */
  record(id: string): SourceRecord | undefined;
  /** Remembers a source's import (written at once: a later failure of another source must not lose it). */
  remember(id: string, record: SourceRecord): void;
}

export function openSourceCache(dir: string): SourceCache {
  const file = (id: string): string => join(dir, `${id}.json`);
  return {
    dir,
    record(id) {
      try {
        return JSON.parse(readFileSync(file(id), 'utf8')) as SourceRecord;
      } catch {
        return undefined;
      }
    },
    remember(id, record) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(id), `${JSON.stringify(record)}\n`);
    },
  };
}

/** Replaces every secret in `text` (a token, an address) by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** A token for private repositories and the hosts the site gives it to (`update.tokenHosts`). */
export interface TokenGrant {
  token: string;
  /** `host` or `host:port`, lowercase. */
  hosts: readonly string[];
}

/**
 * The token a fetch of `url` may use: only over https, only to a host the site named for it. A profile
 * names its sources, and profiles may be written by anyone whose change is merged: the token must not
 * follow an address they chose.
 */
function tokenFor(url: string, grant: TokenGrant | undefined): { token: string; host: string } | undefined {
  if (!grant) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.host.toLowerCase();
  return parsed.protocol === 'https:' && grant.hosts.includes(host) ? { token: grant.token, host } : undefined;
}

/**
 * Answers git's credential requests with the token for one host over https, and nothing for any other
 * (a redirect elsewhere is asked for its own credentials, and gets none). git asks only when the server
 * asks (401), and curl never sends credentials on to another host. The token reaches it in the
 * environment, never in an argument or a file.
 */
const CREDENTIAL_HELPER =
  '!f() { test "$1" = get || exit 0; p=; h=; while IFS== read -r k v; do case "$k" in protocol) p=$v;; host) h=$v;; esac; done; ' +
  'test "$p" = https && test "$h" = "$ENGFOLIO_TOKEN_HOST" && printf \'username=x-access-token\\npassword=%s\\n\' "$ENGFOLIO_TOKEN"; }; f';

/** A remote as a fetch talks to it. */
interface Remote {
  url: string;
  grant: TokenGrant | undefined;
  /** Seconds without a byte received after which a fetch gives up. */
  idleSeconds: number;
}

/** A git command that talks to the remote: its address (and token) reach git through the environment only. */
function remoteGit(dir: string, args: string[], remote: Remote, lazyFetch = false): { status: number; stdout: string; stderr: string } {
  const { url, grant, idleSeconds } = remote;
  // A server that stops sending (or never starts) ends the fetch after idleSeconds with nothing received.
  const config: [string, string][] = [
    ['remote.origin.url', url],
    ['http.lowSpeedLimit', '1'],
    ['http.lowSpeedTime', String(idleSeconds)],
  ];
  const env: NodeJS.ProcessEnv = { ...gitEnv(), ...(lazyFetch ? { GIT_NO_LAZY_FETCH: '0' } : {}) };
  const given = tokenFor(url, grant);
  if (given) {
    // Only this helper: another one configured on the machine would be asked to store the token.
    config.push(['credential.helper', ''], ['credential.helper', CREDENTIAL_HELPER]);
    env.ENGFOLIO_TOKEN = given.token;
    env.ENGFOLIO_TOKEN_HOST = given.host;
  }
  env.GIT_CONFIG_COUNT = String(config.length);
  // git's own credential helpers may be set in the system's config (macOS keychain, Git Credential
  // Manager): read it for the commands that talk to a remote. ssh never waits for a passphrase or a
  // host key question nobody can answer.
  if (process.env.GIT_CONFIG_NOSYSTEM === undefined) delete env.GIT_CONFIG_NOSYSTEM;
  else env.GIT_CONFIG_NOSYSTEM = process.env.GIT_CONFIG_NOSYSTEM;
  env.GIT_SSH_COMMAND ??= `ssh -o BatchMode=yes -o ConnectTimeout=${idleSeconds} -o ServerAliveInterval=${Math.min(15, idleSeconds)} -o ServerAliveCountMax=${Math.max(1, Math.round(idleSeconds / 15))}`;
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  const r = spawnSync('git', ['-C', dir, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function localGit(dir: string, args: string[]): { status: number; stdout: string } {
  const r = spawnSync('git', ['-C', dir, ...args], { env: gitEnv(), encoding: 'utf8' });
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
}

/** The branch the remote's default branch is fetched into. */
const BRANCH = 'refs/heads/engfolio';

export interface Fetched {
  /** The clone's folder. */
  path: string;
  /** The commit fetched before this one, if the clone existed. */
  previousHead: string | undefined;
}

/**
 * Fetches a remote's default branch into its clone in the cache (made on first use: a bare, blobless
 * repository whose config holds no address), and the blob of its .mailmap, so authors are matched
 * after it. Throws a GitInputError whose message names nothing secret: for a private source, not even
 * what git said.
 */
export function fetchRemote(
  cacheDir: string,
  id: string,
  url: string,
  opts: { grant?: TokenGrant; isPrivate: boolean; label: string; idleSeconds: number },
): Fetched {
  const dir = join(cacheDir, `${id}.git`);
  const remote: Remote = { url, grant: opts.grant, idleSeconds: opts.idleSeconds };
  const token = opts.grant?.token;
  const secrets = [token ?? '', ...(opts.isPrivate ? [url] : [])];
  const fail = (what: string, stderr: string): never => {
    if (/curl 28|Operation too slow|timed out/i.test(stderr))
      throw new GitInputError(`${opts.label}: ${what}: the server sent nothing for ${opts.idleSeconds} s (update --idle-timeout)`);
    const said = stderr.split('\n').find((l) => /^(fatal|error|remote):/.test(l.trim())) ?? stderr.split('\n').find((l) => l.trim()) ?? '';
    const why = opts.isPrivate ? '' : said ? `: ${withAddressesShown(redact(said.trim(), secrets))}` : '';
    throw new GitInputError(`${opts.label}: ${what}${why}`);
  };
  if (!existsSync(join(dir, 'HEAD'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const steps: string[][] = [
      ['init', '--bare', '-q'],
      ['config', 'core.repositoryformatversion', '1'],
      ['config', 'extensions.partialClone', 'origin'],
      ['config', 'remote.origin.promisor', 'true'],
      ['config', 'remote.origin.partialclonefilter', 'blob:none'],
    ];
    for (const args of steps) if (localGit(dir, args).status !== 0) fail('could not make its clone in the cache', '');
  }
  const before = localGit(dir, ['rev-parse', '--verify', '--quiet', BRANCH]);
  const previousHead = before.status === 0 ? before.stdout.trim() : undefined;
  const fetch = remoteGit(
    dir,
    ['fetch', '--quiet', '--filter=blob:none', '--no-tags', '--force', '--no-write-fetch-head', 'origin', `+HEAD:${BRANCH}`],
    remote,
  );
  if (fetch.status !== 0) fail('could not be fetched', fetch.stderr);
  localGit(dir, ['symbolic-ref', 'HEAD', BRANCH]);
  // The .mailmap is read from HEAD in a bare repository: its one blob is fetched, no other file.
  const entry = /^\d+ blob ([0-9a-f]+)\t/.exec(localGit(dir, ['ls-tree', 'HEAD', '.mailmap']).stdout);
  if (entry && localGit(dir, ['cat-file', '-e', entry[1]!]).status !== 0) {
    // Read once with git's lazy fetch of a missing object from the remote (the partial clone's promisor).
    const blob = remoteGit(dir, ['cat-file', '-e', entry[1]!], remote, true);
    if (blob.status !== 0) fail('could not fetch its .mailmap', blob.stderr);
  }
  return { path: dir, previousHead };
}

/** The commit a repository's HEAD is at. */
export function headOf(path: string): string {
  return localGit(path, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).stdout.trim();
}

/** How many commits (merges included) lead from `from` to `to`, or undefined when `from` is unknown there. */
export function commitsBetween(path: string, from: string, to: string): number | undefined {
  const r = localGit(path, ['rev-list', '--count', `${from}..${to}`]);
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

/** A profile's sources with the entries for one repository (the same `git`) joined into one, authors together. */
export function joinSources(sources: readonly Source[]): { sources: Source[]; problems: string[] } {
  const byGit = new Map<string, Source>();
  const problems: string[] = [];
  const settings = (s: Source): string => JSON.stringify({ ...s, authors: undefined });
  for (const s of sources) {
    const before = byGit.get(s.git);
    if (!before) byGit.set(s.git, { ...s, authors: [...s.authors] });
    else if (settings(before) === settings(s)) before.authors = [...new Set([...before.authors, ...s.authors])];
    else
      problems.push(
        `${s.alias ?? (s.private ? PRIVATE_LABEL : shownAddress(s.git))}: listed twice with different settings: expected one entry for a repository, with all its authors in \`authors\``,
      );
  }
  return { sources: [...byGit.values()], problems };
}
