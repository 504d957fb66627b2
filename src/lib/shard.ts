// Builds split across machines: `engfolio build --shard <k>/<n>` builds a deterministic share of the
// profiles, `--shard site` the site-wide pages, and `engfolio merge` checks that the shards make one
// whole site before it puts them together. Each shard's folder carries a manifest saying what it is.
import { createHash } from 'node:crypto';

/** Which part of a site a build makes. */
export type Shard = { kind: 'profiles'; index: number; count: number } | { kind: 'site' };

/** The file a shard's folder holds besides its share of the site (not part of the merged site). */
export const SHARD_MANIFEST = 'engfolio-shard.json';
const MANIFEST_VERSION = 1;

/** What a shard's folder says of itself. */
export interface ShardManifest {
  version: number;
  /** `site` or `<k>/<n>`. */
  shard: string;
  /** Digest of what every shard of the same site agrees on: its profile paths, their cache keys and the code that renders them. */
  site: string;
  /** The shard's files, output-relative, sorted. */
  files: string[];
  /** The site shard only: every profile file of the site, which the profile shards must make between them. */
  profileFiles?: string[];
}

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

export function shardManifest(shard: Shard, site: string, files: string[], profileFiles?: string[]): ShardManifest {
  return {
    version: MANIFEST_VERSION,
    shard: shardName(shard),
    site,
    files: [...files].sort(),
    ...(profileFiles ? { profileFiles: [...profileFiles].sort() } : {}),
  };
}

/** A shard folder as the merge reads it. */
export interface ShardFolder {
  /** As given on the command line, for messages. */
  dir: string;
  manifest: ShardManifest | undefined;
  /** The files the folder holds (output-relative), besides the manifest. */
  present: ReadonlySet<string>;
}

/** What the merge found wrong, one line each; and the files to copy from each folder when nothing is. */
export interface MergePlan {
  problems: string[];
  copies: { dir: string; file: string }[];
}

const some = (list: readonly string[], n = 3): string => list.slice(0, n).join(', ') + (list.length > n ? ` and ${list.length - n} more` : '');

/** Checks that `folders` are the site shard and every profile shard of one build, without a file twice or missing. */
export function planMerge(folders: readonly ShardFolder[]): MergePlan {
  const problems: string[] = [];
  const copies: MergePlan['copies'] = [];
  const read: (ShardFolder & { manifest: ShardManifest })[] = [];
  for (const f of folders) {
    if (!f.manifest) problems.push(`${f.dir}: expected a folder built by \`engfolio build --shard\`, found no ${SHARD_MANIFEST} in it`);
    else if (f.manifest.version !== MANIFEST_VERSION)
      problems.push(`${f.dir}: expected a shard of this engfolio version (manifest ${MANIFEST_VERSION}), found manifest ${f.manifest.version}: build it again`);
    else read.push(f as ShardFolder & { manifest: ShardManifest });
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
  const owner = new Map<string, string>();
  for (const f of read) {
    const absent = f.manifest.files.filter((file) => !f.present.has(file));
    if (absent.length) problems.push(`${f.dir}: expected the files its manifest lists, found ${some(absent)} missing`);
    const listed = new Set(f.manifest.files);
    const extra = [...f.present].filter((file) => !listed.has(file));
    if (extra.length) problems.push(`${f.dir}: expected only the files its manifest lists, found ${some(extra.sort())} besides`);
    const twice: string[] = [];
    let other = '';
    for (const file of f.manifest.files) {
      const before = owner.get(file);
      if (before) {
        twice.push(file);
        other ||= before;
      } else {
        owner.set(file, f.dir);
        copies.push({ dir: f.dir, file });
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
