// Builds split across machines, for real: a generated site of 200 profiles built whole and in 3 profile
// shards plus the site shard, merged: the merged site has the same files with the same bytes. The merge
// refuses what cannot make one site (a missing shard, a shard twice, shards of different builds or
// splits, a file missing or added) and then leaves the output folder as it was.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.ts';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runEngfolio } from '../support/test-site.ts';
import { hashTree } from '../support/tree.ts';

const SHARDS = ['1/3', '2/3', '3/3', 'site'];
let root: string;
const folder = (shard: string): string => `shard-${shard.replace('/', '-of-')}`;

beforeAll(() => {
  // Under a base path and a routes base: a profile's pages are found by the slug below both.
  root = makeTestSite({ content: 'content', site: 'https://team.example.org', base: '/people/', options: { routes: { base: 'team/' } } });
  generate(join(root, 'content'), { name: 'T', profiles: 200, months: 6 });
  for (const args of [['--out', 'whole'], ...SHARDS.map((s) => ['--shard', s, '--out', folder(s)])]) {
    const r = runEngfolio(root, ['build', ...args]);
    if (r.code !== 0) throw new Error(`engfolio build ${args.join(' ')} failed:\n${r.err}`);
  }
}, 600_000);
afterAll(() => removeTestSite(root));

const merge = (dirs: string[], out = 'merged') => runEngfolio(root, ['merge', ...dirs, '--out', out]);

describe('a sharded build', () => {
  it('gives each profile to one shard and the site-wide pages to the site shard', () => {
    const manifests = SHARDS.map(
      (s) => JSON.parse(readFileSync(join(root, folder(s), 'engfolio-shard.json'), 'utf8')) as { shard: string; files: string[]; profileFiles?: string[] },
    );
    expect(manifests.map((m) => m.shard)).toEqual(SHARDS);
    const profileShards = manifests.slice(0, 3);
    // Each of the 200 profiles' pages are in exactly one shard, and each shard has a fair share of them.
    const slugsOf = (files: string[]) => new Set(files.filter((f) => /^team\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]));
    // Every file of a profile is in its profile's shard.
    for (const m of profileShards) for (const f of m.files) expect(slugsOf(m.files).has(f.split('/')[1]), f).toBe(true);
    const sizes = profileShards.map((m) => slugsOf(m.files).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
    for (const n of sizes) expect(n).toBeGreaterThan(40);
    const site = manifests[3]!;
    expect(site.files).toContain('team/index.html');
    expect(site.files).toContain('sitemap-0.xml');
    expect(site.files.some((f) => f.startsWith('team/repos/'))).toBe(true);
    expect(site.files.some((f) => f.startsWith('_astro/'))).toBe(true);
    expect(site.profileFiles!.length).toBe(profileShards.reduce((n, m) => n + m.files.length, 0));
  });

  it('merges into exactly the unsharded site', () => {
    const r = merge(SHARDS.map(folder));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^merge: \d+ file\(s\) from 4 shard\(s\) → merged\/\n$/);
    const whole = hashTree(join(root, 'whole'));
    expect(Object.keys(whole).length).toBeGreaterThan(2000);
    expect(hashTree(join(root, 'merged'))).toEqual(whole);
  });
});

describe('the merge refuses', () => {
  beforeAll(() => {
    writeFileSync(join(root, 'keep.txt'), '');
    rmSync(join(root, 'out'), { recursive: true, force: true });
    cpSync(join(root, 'whole'), join(root, 'out'), { recursive: true });
  });
  const refused = (dirs: string[]): string => {
    const before = hashTree(join(root, 'out'));
    const r = merge(dirs, 'out');
    expect(r.code).toBe(1);
    expect(hashTree(join(root, 'out'))).toEqual(before);
    const lines = r.err.trim().split('\n');
    expect(lines.at(-1)).toBe('merge failed; out/ is unchanged');
    return lines.slice(0, -1).join('\n');
  };

  it('an output folder that holds a shard, or is held by one', () => {
    for (const out of ['.', join(folder('site'), 'merged')]) {
      const r = merge(SHARDS.map(folder), out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^engfolio merge: shard-[\w-]+: expected a shard's folder apart from the output folder --out \(neither inside the other\)\n$/);
    }
    expect(existsSync(join(root, folder('site'), 'merged'))).toBe(false);
  });

  it('a missing shard', () => {
    expect(refused([folder('1/3'), folder('3/3'), folder('site')])).toBe('error expected every shard of 3, found none for 2/3');
    expect(refused(['shard-1-of-3', 'shard-2-of-3', 'shard-3-of-3'])).toBe(
      'error expected the site shard (built with --shard site), found none among the folders',
    );
  });

  it('a shard given twice, and a folder that is no shard', () => {
    const copy = 'shard-2-of-3-again';
    cpSync(join(root, folder('2/3')), join(root, copy), { recursive: true });
    expect(refused([...SHARDS.map(folder), copy])).toMatch(
      /^error shard 2\/3: expected once, found in shard-2-of-3 and shard-2-of-3-again\nerror expected each file in one shard, found .+ in both shard-2-of-3 and shard-2-of-3-again$/,
    );
    expect(refused([...SHARDS.map(folder), 'content'])).toBe(
      'error content: expected a folder built by `engfolio build --shard`, found no engfolio-shard.json in it',
    );
  });

  it('shards of another build', () => {
    const other = 'shard-3-of-3-other';
    cpSync(join(root, folder('3/3')), join(root, other), { recursive: true });
    const manifestFile = join(root, other, 'engfolio-shard.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { site: string };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, site: 'f'.repeat(64) }));
    expect(refused([folder('1/3'), folder('2/3'), other, folder('site')])).toBe(
      'error expected shards of one build (the same content, options and engfolio), found shard-3-of-3-other built from other ones than shard-site',
    );
  });

  it('a file missing from its shard, or one it does not list', () => {
    const broken = 'shard-1-of-3-broken';
    cpSync(join(root, folder('1/3')), join(root, broken), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(root, broken, 'engfolio-shard.json'), 'utf8')) as { files: string[] };
    const gone = manifest.files[0]!;
    rmSync(join(root, broken, gone));
    writeFileSync(join(root, broken, 'stray.html'), '<p>not from the build</p>');
    expect(refused([broken, folder('2/3'), folder('3/3'), folder('site')])).toBe(
      `error ${broken}: expected the files its manifest lists, found ${gone} missing\nerror ${broken}: expected only the files its manifest lists, found stray.html besides`,
    );
    expect(existsSync(join(root, 'out', 'stray.html'))).toBe(false);
  });
});

describe('a shard', () => {
  it('needs the "directory" build format, whose file names the merge checks', () => {
    const site = makeTestSite({
      files: {
        'astro.config.mjs': [
          "import { defineConfig } from 'astro/config';",
          `import engfolio from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'index.ts'))};`,
          `export default defineConfig({ build: { format: 'file' }, integrations: [engfolio(${JSON.stringify({ content: join(PROJECT_ROOT, 'tests', 'fixtures', 'team-content') })})] });`,
          '',
        ].join('\n'),
      },
    });
    try {
      const r = runEngfolio(site, ['build', '--shard', '1/2', '--out', 'shard']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('--shard: expected build.format "directory" in the Astro config, found "file"');
      expect(existsSync(join(site, 'shard'))).toBe(false);
    } finally {
      removeTestSite(site);
    }
  });
});
