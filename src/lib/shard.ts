// Builds split across machines: `engfolio build --shard <k>/<n>` builds a deterministic share of the
// profiles, `--shard site` the site-wide pages, and `engfolio merge` checks that the shards make one
// whole site, of exactly the files their builds wrote, before it puts them together. Each shard's folder
// carries a manifest saying what it is and the digest of every file in it.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Problem } from './problems.ts';
import { validateWithProblems } from './zod-problems.ts';

/** Which part of a site a build makes. */
export type Shard = { kind: 'profiles'; index: number; count: number } | { kind: 'site' };

/** The file a shard's folder holds besides its share of the site (not part of the merged site). */
export const SHARD_MANIFEST = 'engfolio-shard.json';
// 2: `files` maps each file to its digest (1 listed the names alone).
const MANIFEST_VERSION = 2;

const isShardName = (text: string): boolean => {
  try {
    return shardName(parseShard(text)) === text;
  } catch {
    return false;
  }
};

/** What a shard's folder says of itself, as `engfolio build --shard` writes it. */
const manifestSchema = z
  .object({
    version: z.literal(MANIFEST_VERSION),
    /** `site` or `<k>/<n>`. */
    shard: z.string().refine(isShardName, 'site or <k>/<n> (like 2/4)'),
    /** Digest of what every shard of the same site agrees on: its profile paths, their cache keys and the code that renders them. */
    site: z.string(),
    /** The shard's files, output-relative, sorted, each with the sha-256 (hex) of its bytes as the build wrote them. */
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 digest (64 hex digits)')),
    /** The site shard only: every profile file of the site, which the profile shards must make between them. */
    profileFiles: z.array(z.string()).optional(),
  })
  .refine((m) => (m.shard === 'site') === (m.profileFiles !== undefined), {
    path: ['profileFiles'],
    message: "the list of the site's profile files in the site shard's manifest only",
  });

export type ShardManifest = z.output<typeof manifestSchema>;

/** Parses `--shard`: `site` or `<k>/<n>` with 1 ≤ k ≤ n; throws a message naming what was found. */
export function parseShard(text: string): Shard {
  if (text === 'site') return { kind: 'site' };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard: expected "site" or <k>/<n> with 1 ≤ k ≤ n (like 2/4), found "${text}"`);
  return { kind: 'profiles', index, count };
}

export function shardName(shard: Shard): string {
  return shard.kind === 'site' ? 'site' : `${shard.index}/${shard.count}`;
}

/** The shard (1…count) a profile's pages belong to: from its slug alone, so it never moves while the count stays. */
export function shardOfSlug(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1;
}

/** Whether a build of `shard` makes the pages of the profile `slug` (undefined: not a profile's page, a site-wide one). */
export function shardMakes(shard: Shard | undefined, slug: string | undefined): boolean {
  if (!shard) return true;
  if (slug === undefined) return shard.kind === 'site';
  return shard.kind === 'profiles' && shardOfSlug(slug, shard.count) === shard.index;
}

/** `digests`: each of the shard's files (output-relative) with its `fileDigest`. */
export function shardManifest(shard: Shard, site: string, digests: Record<string, string>, profileFiles?: string[]): ShardManifest {
  return {
    version: MANIFEST_VERSION,
    shard: shardName(shard),
    site,
    files: Object.fromEntries(Object.entries(digests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(profileFiles ? { profileFiles: [...profileFiles].sort() } : {}),
  };
}

/** What an entry of a shard's folder is, in the words messages use: only a file belongs there. */
export type EntryKind = 'file' | 'symbolic link' | 'FIFO' | 'socket' | 'device' | 'special file';

/** What `stats` (from lstat, so a link is a link) says an entry that is not a folder is. */
export function entryKind(stats: Stats): EntryKind {
  if (stats.isFile()) return 'file';
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  return stats.isBlockDevice() || stats.isCharacterDevice() ? 'device' : 'special file';
}

/**
 * Every entry under `dir` but its folders, by output-relative path, as lstat sees it: a link, to a file
 * or a folder, is an entry of its own and never followed (Node's recursive readdir goes into linked folders).
 */
export function shardEntries(dir: string): Map<string, EntryKind> {
  const entries = new Map<string, EntryKind>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(join(dir, path));
      if (stats.isDirectory()) walk(path);
      else entries.set(path, entryKind(stats));
    }
  };
  walk('');
  return entries;
}

const CHUNK = 1 << 16;

/**
 * The sha-256 (hex) of the regular file at `path`, read a chunk at a time (a large file is never whole
 * in memory) and never through a link. With `copyTo`, every chunk is also written there: what is copied
 * is exactly what was hashed, even if the file changes meanwhile.
 */
export function fileDigest(path: string, copyTo?: string): string {
  // O_NONBLOCK: opening a FIFO would wait for a writer, and the process could not even be stopped.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  let out: number | undefined;
  try {
    const kind = entryKind(fstatSync(fd));
    if (kind !== 'file') throw new Error(`${path}: expected a regular file, found a ${kind}`);
    if (copyTo !== undefined) out = openSync(copyTo, 'w');
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) {
      hash.update(buffer.subarray(0, n));
      for (let written = 0; out !== undefined && written < n;) written += writeSync(out, buffer, written, n - written);
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
    if (out !== undefined) closeSync(out);
  }
}

/** The `fileDigest` of each of `files` (output-relative) under `dir`. */
export function fileDigests(dir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, fileDigest(join(dir, f))]));
}

/** A shard folder as the merge finds it. */
export interface ShardFolder {
  /** As given on the command line, for messages. */
  dir: string;
  /** The text of its manifest; undefined when it has none (or one that is no regular file: `entries` says what it is). */
  manifest: string | undefined;
  /** Every entry under it but its folders, by output-relative path, the manifest among them (`shardEntries`). */
  entries: ReadonlyMap<string, EntryKind>;
}

/** A file to copy into the merged site, from the folder of the shard that made it, with its digest there. */
export interface MergeCopy {
  dir: string;
  file: string;
  digest: string;
}

/** What the merge found wrong, one line each; and the files to copy from each folder when nothing is. */
export interface MergePlan {
  problems: string[];
  copies: MergeCopy[];
}

const some = (list: readonly string[], n = 3): string => list.slice(0, n).join(', ') + (list.length > n ? ` and ${list.length - n} more` : '');

/** The manifest of the shard folder `dir` read from its `text`, or the one line that says why the merge cannot use it. */
function readManifest(dir: string, text: string | undefined): ShardManifest | string {
  if (text === undefined) return `${dir}: expected a folder built by \`engfolio build --shard\`, found no ${SHARD_MANIFEST} in it`;
  const expected = `${dir}: expected ${SHARD_MANIFEST} as \`engfolio build --shard\` writes it, found`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `${expected} text that is not JSON`;
  }
  // Another engfolio's manifest has another shape too; what helps is to build the shard again.
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== MANIFEST_VERSION)
    return `${dir}: expected a shard of this engfolio version (manifest ${MANIFEST_VERSION}), found manifest ${version}: build it again`;
  const problems: Problem[] = [];
  const manifest = validateWithProblems(manifestSchema, data, { file: SHARD_MANIFEST, unknownFields: 'warning' }, problems);
  if (manifest) return manifest;
  const first = problems.find((p) => p.severity === 'error')!;
  return `${expected} another shape (${first.field ? `${first.field}: ` : ''}${first.message})`;
}

/**
 * Checks that `folders` are the site shard and every profile shard of one build, holding only regular
 * files, without a file twice or missing, and profile shards only with the site's profile files.
 * Whether each file still has its digest is for the copy to check (`changedProblems`): that reads them all.
 */
export function planMerge(folders: readonly ShardFolder[]): MergePlan {
  const problems: string[] = [];
  const copies: MergeCopy[] = [];
  const read: { dir: string; manifest: ShardManifest; present: ReadonlySet<string> }[] = [];
  for (const f of folders) {
    const odd = [...f.entries].filter(([, kind]) => kind !== 'file').map(([file, kind]) => `${file} is a ${kind}`);
    if (odd.length) {
      problems.push(`${f.dir}: expected only regular files a build wrote, found ${some(odd.sort())}`);
      continue;
    }
    const manifest = readManifest(f.dir, f.manifest);
    if (typeof manifest === 'string') problems.push(manifest);
    else read.push({ dir: f.dir, manifest, present: new Set([...f.entries.keys()].filter((file) => file !== SHARD_MANIFEST)) });
  }
  if (problems.length) return { problems, copies };
  const byShard = new Map<string, string>();
  for (const f of read) {
    const before = byShard.get(f.manifest.shard);
    if (before) problems.push(`shard ${f.manifest.shard}: expected once, found in ${before} and ${f.dir}`);
    else byShard.set(f.manifest.shard, f.dir);
  }
  const site = read.find((f) => f.manifest.shard === 'site');
  if (!site) problems.push('expected the site shard (built with --shard site), found none among the folders');
  const counts = new Set(read.filter((f) => f.manifest.shard !== 'site').map((f) => Number(f.manifest.shard.split('/')[1])));
  if (counts.size === 0 && site?.manifest.profileFiles?.length)
    problems.push(
      `expected the profile shards (built with --shard <k>/<n>), found none among the folders: the site has ${site.manifest.profileFiles.length} profile files`,
    );
  if (counts.size > 1) problems.push(`expected shards of one split, found shards of ${[...counts].sort((a, b) => a - b).join(' and ')}`);
  // Every profile shard is there: then every profile file must be in one of them.
  let complete = false;
  if (counts.size === 1) {
    const count = [...counts][0]!;
    const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((s) => !byShard.has(s));
    if (missing.length) problems.push(`expected every shard of ${count}, found none for ${missing.join(', ')}`);
    complete = missing.length === 0;
  }
  const sites = new Set(read.map((f) => f.manifest.site));
  if (sites.size > 1) {
    const odd = read.filter((f) => f.manifest.site !== (site ?? read[0]!).manifest.site).map((f) => f.dir);
    problems.push(
      `expected shards of one build (the same content, options and engfolio), found ${some(odd)} built from other ones than ${(site ?? read[0]!).dir}`,
    );
  }
  const profileFiles = new Set(site?.manifest.profileFiles);
  const owner = new Map<string, string>();
  for (const f of read) {
    const files = Object.keys(f.manifest.files);
    const absent = files.filter((file) => !f.present.has(file));
    if (absent.length) problems.push(`${f.dir}: expected the files its manifest lists, found ${some(absent)} missing`);
    const listed = new Set(files);
    const extra = [...f.present].filter((file) => !listed.has(file));
    if (extra.length) problems.push(`${f.dir}: expected only the files its manifest lists, found ${some(extra.sort())} besides`);
    // A profile shard makes profile files only: the site shard says which those are.
    const stray = site && f.manifest.shard !== 'site' ? files.filter((file) => !profileFiles.has(file)) : [];
    if (stray.length) problems.push(`${f.dir}: expected only the profile files the site shard lists, found ${some(stray.sort())} besides`);
    const twice: string[] = [];
    let other = '';
    for (const [file, digest] of Object.entries(f.manifest.files)) {
      const before = owner.get(file);
      if (before) {
        twice.push(file);
        other ||= before;
      } else {
        owner.set(file, f.dir);
        copies.push({ dir: f.dir, file, digest });
      }
    }
    if (twice.length) problems.push(`expected each file in one shard, found ${some(twice)} in both ${other} and ${f.dir}`);
  }
  if (site?.manifest.profileFiles && complete) {
    const missing = site.manifest.profileFiles.filter((file) => !owner.has(file));
    if (missing.length) problems.push(`expected every profile file of the site, found ${some(missing)} in no shard`);
  }
  return { problems, copies: problems.length ? [] : copies };
}

/** The lines for files whose bytes are not those their shard's manifest has the digest of: one per shard folder. */
export function changedProblems(changed: readonly Omit<MergeCopy, 'digest'>[]): string[] {
  return [...Map.groupBy(changed, (c) => c.dir)].map(
    ([dir, files]) => `${dir}: expected the files as the build wrote them, found ${some(files.map((c) => c.file).sort())} changed since`,
  );
}
