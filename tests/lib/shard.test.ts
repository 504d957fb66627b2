// Shards: parsing --shard, which shard a profile belongs to, and the merge's checks.
import { describe, expect, it } from 'vitest';
import { parseShard, planMerge, shardMakes, shardManifest, shardOfSlug, type ShardFolder } from '../../src/lib/shard.ts';

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
  const folder = (dir: string, shard: string, files: string[], profileFiles?: string[], site = 'd1'): ShardFolder => ({
    dir,
    manifest: shardManifest(
      shard === 'site' ? { kind: 'site' } : { kind: 'profiles', index: Number(shard[0]), count: Number(shard[2]) },
      site,
      files,
      profileFiles,
    ),
    present: new Set(files),
  });
  const site = folder('s', 'site', ['index.html'], ['a/index.html', 'b/index.html']);
  it('copies every file of every shard once', () => {
    expect(planMerge([folder('one', '1/2', ['a/index.html']), folder('two', '2/2', ['b/index.html']), site])).toEqual({
      problems: [],
      copies: [
        { dir: 'one', file: 'a/index.html' },
        { dir: 'two', file: 'b/index.html' },
        { dir: 's', file: 'index.html' },
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
});
