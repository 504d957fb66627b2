// Shards: parsing --shard, which shard a profile belongs to, the merge's checks, and how a shard's
// folder is read (its entries as lstat sees them, each file's digest).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changedProblems,
  fileDigest,
  parseShard,
  planMerge,
  SHARD_MANIFEST,
  shardEntries,
  shardMakes,
  shardManifest,
  shardOfSlug,
  type EntryKind,
  type ShardFolder,
} from '../../src/lib/shard.ts';

describe('parseShard', () => {
  it('reads site and k/n, and names what it found otherwise', () => {
    expect(parseShard('site')).toEqual({ kind: 'site' });
    expect(parseShard('2/4')).toEqual({ kind: 'profiles', index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'two', '1/3/5', ''])
      expect(() => parseShard(bad)).toThrow(`--shard: expected "site" or <k>/<n> with 1 ≤ k ≤ n (like 2/4), found "${bad}"`);
  });
});

describe('shardOfSlug', () => {
  it('puts a slug in the same shard every time, from its sha-256', () => {
    // sha256("mira-kovac") starts 0xf5b032b7… (checked with `printf mira-kovac | sha256sum`).
    expect(shardOfSlug('mira-kovac', 1)).toBe(1);
    expect([2, 3, 4, 7].map((n) => shardOfSlug('mira-kovac', n))).toEqual([2, 3, 4, 7].map((n) => (0xf5b032b7 % n) + 1));
  });
  it('gives the site-wide pages to the site shard only', () => {
    expect(shardMakes({ kind: 'site' }, undefined)).toBe(true);
    expect(shardMakes({ kind: 'site' }, 'mira-kovac')).toBe(false);
    expect(shardMakes({ kind: 'profiles', index: 1, count: 3 }, undefined)).toBe(false);
    expect(shardMakes(undefined, 'mira-kovac')).toBe(true);
  });
});

describe('planMerge', () => {
  const D = 'd'.repeat(64);
  const manifestOf = (shard: string, files: string[], profileFiles?: string[], site = 'd1') =>
    shardManifest(
      shard === 'site' ? { kind: 'site' } : { kind: 'profiles', index: Number(shard[0]), count: Number(shard[2]) },
      site,
      Object.fromEntries(files.map((f) => [f, D])),
      profileFiles,
    );
  const entriesOf = (files: string[], odd: Record<string, EntryKind> = {}): Map<string, EntryKind> =>
    new Map([...[...files, SHARD_MANIFEST].map((f): [string, EntryKind] => [f, 'file']), ...Object.entries(odd)]);
  const folder = (dir: string, shard: string, files: string[], profileFiles?: string[], site = 'd1'): ShardFolder => ({
    dir,
    manifest: JSON.stringify(manifestOf(shard, files, profileFiles, site)),
    entries: entriesOf(files),
  });
  const site = folder('s', 'site', ['index.html'], ['a/index.html', 'b/index.html']);
  it('copies every file of every shard once, with its digest', () => {
    expect(planMerge([folder('one', '1/2', ['a/index.html']), folder('two', '2/2', ['b/index.html']), site])).toEqual({
      problems: [],
      copies: [
        { dir: 'one', file: 'a/index.html', digest: D },
        { dir: 'two', file: 'b/index.html', digest: D },
        { dir: 's', file: 'index.html', digest: D },
      ],
    });
  });
  it('refuses shards of two splits, and profile files in no shard', () => {
    expect(planMerge([folder('one', '1/2', ['a/index.html']), folder('three', '1/3', []), site]).problems).toEqual([
      'expected shards of one split, found shards of 2 and 3',
    ]);
    expect(planMerge([folder('one', '1/1', ['a/index.html']), site]).problems).toEqual([
      'expected every profile file of the site, found b/index.html in no shard',
    ]);
    expect(planMerge([site]).problems).toEqual([
      'expected the profile shards (built with --shard <k>/<n>), found none among the folders: the site has 2 profile files',
    ]);
    // A site without profiles is its site shard alone.
    expect(planMerge([folder('s', 'site', ['index.html'], [])]).problems).toEqual([]);
  });
  it('refuses a folder holding anything but regular files, its manifest among them', () => {
    const two = folder('two', '2/2', ['b/index.html']);
    const odd = { ...folder('one', '1/2', ['a/index.html']), entries: entriesOf(['a/index.html'], { 'a/profile.json': 'symbolic link', 'a/feed': 'FIFO' }) };
    expect(planMerge([odd, two, site])).toEqual({
      problems: ['one: expected only regular files a build wrote, found a/feed is a FIFO, a/profile.json is a symbolic link'],
      copies: [],
    });
    const linkedManifest: ShardFolder = { dir: 'one', manifest: undefined, entries: new Map([[SHARD_MANIFEST, 'symbolic link']]) };
    expect(planMerge([linkedManifest, two, site]).problems).toEqual([
      'one: expected only regular files a build wrote, found engfolio-shard.json is a symbolic link',
    ]);
  });
  it("refuses a profile shard's files that are not among the site shard's profile files", () => {
    expect(planMerge([folder('one', '1/2', ['a/index.html', 'evil/page.html', 'index.html']), folder('two', '2/2', ['b/index.html']), site]).problems).toEqual([
      'one: expected only the profile files the site shard lists, found evil/page.html, index.html besides',
      'expected each file in one shard, found index.html in both one and s',
    ]);
  });
  it('refuses a manifest of another shape, naming what it expected and found, and one of another version', () => {
    const good = manifestOf('1/2', ['a/index.html']);
    const problemOf = (manifest: string | undefined): string[] =>
      planMerge([{ dir: 'one', manifest, entries: entriesOf(['a/index.html']) }, folder('two', '2/2', ['b/index.html']), site]).problems;
    const shape = 'one: expected engfolio-shard.json as `engfolio build --shard` writes it, found';
    const { site: _site, ...noSite } = good;
    const cases: [string | undefined, string][] = [
      [undefined, 'one: expected a folder built by `engfolio build --shard`, found no engfolio-shard.json in it'],
      ['{"version": 2, "files"', `${shape} text that is not JSON`],
      ['null', `${shape} another shape (expected a map of fields, found an empty value)`],
      [JSON.stringify({ ...good, files: ['a/index.html'] }), `${shape} another shape (files: expected record, found a list of 1 item)`],
      [
        JSON.stringify({ ...good, files: { 'a/index.html': 'x' } }),
        `${shape} another shape (files.a/index.html: expected a sha-256 digest (64 hex digits), found "x")`,
      ],
      [JSON.stringify(noSite), `${shape} another shape (site: expected a value (required field), found nothing)`],
      [JSON.stringify({ ...good, shard: '01/2' }), `${shape} another shape (shard: expected site or <k>/<n> (like 2/4), found "01/2")`],
      [
        JSON.stringify({ ...good, profileFiles: ['a/index.html'] }),
        `${shape} another shape (profileFiles: expected the list of the site's profile files in the site shard's manifest only, found a list of 1 item)`,
      ],
      [
        JSON.stringify({ ...good, version: 1, files: ['a/index.html'] }),
        'one: expected a shard of this engfolio version (manifest 2), found manifest 1: build it again',
      ],
    ];
    for (const [manifest, problem] of cases) expect(problemOf(manifest), manifest).toEqual([problem]);
    const { profileFiles: _p, ...siteWithout } = manifestOf('site', ['index.html'], []);
    expect(planMerge([{ ...site, manifest: JSON.stringify(siteWithout) }]).problems).toEqual([
      `s: ${shape.slice('one: '.length)} another shape (profileFiles: expected the list of the site's profile files in the site shard's manifest only, found nothing)`,
    ]);
  });
});

describe('changedProblems', () => {
  it('says which files of which folder are not the bytes their build wrote, one line a folder', () => {
    const changed = ['d.html', 'a.html', 'c.html', 'b.html'].map((file) => ({ dir: 'one', file }));
    expect(changedProblems([...changed, { dir: 's', file: 'index.html' }])).toEqual([
      'one: expected the files as the build wrote them, found a.html, b.html, c.html and 1 more changed since',
      's: expected the files as the build wrote them, found index.html changed since',
    ]);
    expect(changedProblems([])).toEqual([]);
  });
});

describe("a shard's folder", () => {
  const dir = mkdtempSync(join(tmpdir(), 'engfolio-shard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'shard', 'a'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  // Larger than one chunk read, so the digest and the copy are of every chunk.
  const big = Buffer.alloc(200_000, 'engfolio ');
  writeFileSync(join(dir, 'shard', 'a', 'index.html'), big);
  writeFileSync(join(dir, 'elsewhere', 'secret.txt'), 'not part of the site');
  symlinkSync(join(dir, 'elsewhere', 'secret.txt'), join(dir, 'shard', 'a', 'profile.json'));
  symlinkSync(join(dir, 'elsewhere'), join(dir, 'shard', 'linked'));
  execFileSync('mkfifo', [join(dir, 'shard', 'a', 'feed')]);

  it('lists each entry as what it is, never following a link, to a file or a folder', () => {
    expect(Object.fromEntries([...shardEntries(join(dir, 'shard'))].sort())).toEqual({
      'a/feed': 'FIFO',
      'a/index.html': 'file',
      'a/profile.json': 'symbolic link',
      linked: 'symbolic link',
    });
  });
  it("digests a regular file's bytes, copying exactly them, and refuses a link or a FIFO without waiting on it", () => {
    const sha256 = createHash('sha256').update(big).digest('hex');
    expect(fileDigest(join(dir, 'shard', 'a', 'index.html'))).toBe(sha256);
    expect(fileDigest(join(dir, 'shard', 'a', 'index.html'), join(dir, 'copy.html'))).toBe(sha256);
    // Buffer.equals: a deep comparison of 200 kB is slow.
    expect(readFileSync(join(dir, 'copy.html')).equals(big)).toBe(true);
    expect(() => fileDigest(join(dir, 'shard', 'a', 'profile.json'))).toThrow(/ELOOP/);
    expect(() => fileDigest(join(dir, 'shard', 'a', 'feed'))).toThrow(`${join(dir, 'shard', 'a', 'feed')}: expected a regular file, found a FIFO`);
  });
});
