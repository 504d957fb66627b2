// Builds split across machines, for real: a generated site of 200 profiles built whole and in 3 profile
// shards plus the site shard, merged: the merged site has the same files with the same bytes. The merge
// refuses what cannot make one site (a missing shard, a shard twice, shards of different builds or
// splits, a file missing or added, changed since the build, or not a regular file, a manifest of another
// shape, an output that is a file) and then leaves the output folder as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.ts';
import { ENGFOLIO_BIN, makeTestSite, PROJECT_ROOT, removeTestSite, runEngfolio, spawnedEnv, type CommandResult } from '../support/test-site.ts';
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

/**
 * `engfolio merge`, given a minute: a merge that hangs fails its test instead of the whole run. SIGKILL:
 * a merge stuck opening a FIFO never gets to its SIGTERM handler.
 */
const merge = (dirs: string[], out = 'merged'): CommandResult => {
  const r = spawnSync(process.execPath, [ENGFOLIO_BIN, 'merge', ...dirs, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: spawnedEnv(),
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

interface Manifest {
  version: number;
  shard: string;
  site: string;
  files: Record<string, string>;
  profileFiles?: string[];
}
const manifestFile = (dir: string): string => join(root, dir, 'engfolio-shard.json');
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(manifestFile(dir), 'utf8')) as Manifest;
const filesOf = (m: Manifest): string[] => Object.keys(m.files);
/** A copy of a built shard's folder, to tamper with: the built ones stay as the build wrote them. */
const copyOf = (shard: string, dir: string): string => {
  cpSync(join(root, folder(shard)), join(root, dir), { recursive: true });
  return dir;
};
/** The shards' folders with `dir` in place of `shard`'s. */
const withCopy = (shard: string, dir: string): string[] => SHARDS.map((s) => (s === shard ? dir : folder(s)));

describe('a sharded build', () => {
  it('gives each profile to one shard and the site-wide pages to the site shard', () => {
    const manifests = SHARDS.map((s) => manifestOf(folder(s)));
    expect(manifests.map((m) => m.shard)).toEqual(SHARDS);
    // Each file with the sha-256 of the bytes the build wrote.
    for (const [i, m] of manifests.entries()) {
      const { 'engfolio-shard.json': _manifest, ...files } = hashTree(join(root, folder(SHARDS[i]!)));
      expect(m.files).toEqual(files);
    }
    const profileShards = manifests.slice(0, 3).map((m) => ({ ...m, files: filesOf(m) }));
    // Each of the 200 profiles' pages are in exactly one shard, and each shard has a fair share of them.
    const slugsOf = (files: string[]) => new Set(files.filter((f) => /^team\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]));
    // Every file of a profile is in its profile's shard.
    for (const m of profileShards) for (const f of m.files) expect(slugsOf(m.files).has(f.split('/')[1]), f).toBe(true);
    const sizes = profileShards.map((m) => slugsOf(m.files).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
    for (const n of sizes) expect(n).toBeGreaterThan(40);
    const site = { ...manifests[3]!, files: filesOf(manifests[3]!) };
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

  it('an output that is a file, and writes nothing', () => {
    writeFileSync(join(root, 'out.txt'), 'not a site');
    const before = readdirSync(root);
    const r = merge(SHARDS.map(folder), 'out.txt');
    expect(r.code).toBe(2);
    expect(r.err).toBe('engfolio merge: --out out.txt: expected a folder (or nothing), found a file\n');
    expect(readFileSync(join(root, 'out.txt'), 'utf8')).toBe('not a site');
    expect(readdirSync(root)).toEqual(before);
  });

  it('a missing shard', () => {
    expect(refused([folder('1/3'), folder('3/3'), folder('site')])).toBe('error expected every shard of 3, found none for 2/3');
    expect(refused(['shard-1-of-3', 'shard-2-of-3', 'shard-3-of-3'])).toBe(
      'error expected the site shard (built with --shard site), found none among the folders',
    );
  });

  it('a shard given twice, and a folder that is no shard', () => {
    const copy = copyOf('2/3', 'shard-2-of-3-again');
    expect(refused([...SHARDS.map(folder), copy])).toMatch(
      /^error shard 2\/3: expected once, found in shard-2-of-3 and shard-2-of-3-again\nerror expected each file in one shard, found .+ in both shard-2-of-3 and shard-2-of-3-again$/,
    );
    expect(refused([...SHARDS.map(folder), 'content'])).toBe(
      'error content: expected a folder built by `engfolio build --shard`, found no engfolio-shard.json in it',
    );
  });

  it('shards of another build', () => {
    const other = copyOf('3/3', 'shard-3-of-3-other');
    writeFileSync(manifestFile(other), JSON.stringify({ ...manifestOf(other), site: 'f'.repeat(64) }));
    expect(refused([folder('1/3'), folder('2/3'), other, folder('site')])).toBe(
      'error expected shards of one build (the same content, options and engfolio), found shard-3-of-3-other built from other ones than shard-site',
    );
  });

  it('a file missing from its shard, or one it does not list', () => {
    const broken = copyOf('1/3', 'shard-1-of-3-broken');
    const gone = filesOf(manifestOf(broken))[0]!;
    rmSync(join(root, broken, gone));
    writeFileSync(join(root, broken, 'stray.html'), '<p>not from the build</p>');
    expect(refused([broken, folder('2/3'), folder('3/3'), folder('site')])).toBe(
      `error ${broken}: expected the files its manifest lists, found ${gone} missing\nerror ${broken}: expected only the files its manifest lists, found stray.html besides`,
    );
    expect(existsSync(join(root, 'out', 'stray.html'))).toBe(false);
  });

  it('anything in a shard that is not a regular file: a link to a file or a folder, a FIFO', () => {
    writeFileSync(join(root, 'secret.txt'), 'not part of the site');
    const linked = copyOf('1/3', 'shard-1-of-3-linked');
    const profile = filesOf(manifestOf(linked)).find((f) => f.endsWith('/profile.json'))!;
    rmSync(join(root, linked, profile));
    symlinkSync(join(root, 'secret.txt'), join(root, linked, profile));
    expect(refused(withCopy('1/3', linked))).toBe(`error ${linked}: expected only regular files a build wrote, found ${profile} is a symbolic link`);
    // A link to a folder whose files are the very ones the build wrote is still a link.
    const linkedFolder = copyOf('2/3', 'shard-2-of-3-linked');
    const profileFolder = filesOf(manifestOf(linkedFolder))[0]!.split('/').slice(0, 2).join('/');
    rmSync(join(root, linkedFolder, profileFolder), { recursive: true });
    symlinkSync(join(root, folder('2/3'), profileFolder), join(root, linkedFolder, profileFolder));
    expect(refused(withCopy('2/3', linkedFolder))).toBe(
      `error ${linkedFolder}: expected only regular files a build wrote, found ${profileFolder} is a symbolic link`,
    );
    const piped = copyOf('3/3', 'shard-3-of-3-piped');
    const page = filesOf(manifestOf(piped))[0]!;
    rmSync(join(root, piped, page));
    execFileSync('mkfifo', [join(root, piped, page)]);
    expect(refused(withCopy('3/3', piped))).toBe(`error ${piped}: expected only regular files a build wrote, found ${page} is a FIFO`);
    expect(readFileSync(join(root, 'out', profile), 'utf8')).not.toBe('not part of the site');
  });

  it('a file changed since the build: edited, or cut short', () => {
    const edited = copyOf('2/3', 'shard-2-of-3-edited');
    const [page, other] = filesOf(manifestOf(edited)).filter((f) => f.endsWith('.html'));
    appendFileSync(join(root, edited, page!), '<script>alert(1)</script>');
    truncateSync(join(root, edited, other!), 10);
    const site = copyOf('site', 'shard-site-edited');
    appendFileSync(join(root, site, 'team/index.html'), ' ');
    expect(refused([folder('1/3'), edited, folder('3/3'), site])).toBe(
      [
        `error ${edited}: expected the files as the build wrote them, found ${page}, ${other} changed since`,
        `error ${site}: expected the files as the build wrote them, found team/index.html changed since`,
      ].join('\n'),
    );
  });

  it("a profile shard's file that is not one of the site's profile files", () => {
    const added = copyOf('3/3', 'shard-3-of-3-added');
    mkdirSync(join(root, added, 'evil'));
    writeFileSync(join(root, added, 'evil', 'page.html'), '<p>not a profile page</p>');
    cpSync(join(root, folder('site'), 'team/index.html'), join(root, added, 'team/index.html'));
    const digest = (file: string) =>
      createHash('sha256')
        .update(readFileSync(join(root, added, file)))
        .digest('hex');
    const m = manifestOf(added);
    const files = { ...m.files, 'evil/page.html': digest('evil/page.html'), 'team/index.html': digest('team/index.html') };
    writeFileSync(manifestFile(added), JSON.stringify({ ...m, files }));
    expect(refused(withCopy('3/3', added))).toBe(
      [
        `error ${added}: expected only the profile files the site shard lists, found evil/page.html, team/index.html besides`,
        `error expected each file in one shard, found team/index.html in both ${added} and shard-site`,
      ].join('\n'),
    );
  });

  it('a manifest of another shape, or of another version', () => {
    const reshaped = copyOf('2/3', 'shard-2-of-3-reshaped');
    const m = manifestOf(reshaped);
    const expected = `error ${reshaped}: expected engfolio-shard.json as \`engfolio build --shard\` writes it, found`;
    const { site: _site, ...noSite } = m;
    for (const [text, found] of [
      ['{"version": 2, "files"', 'text that is not JSON'],
      [JSON.stringify({ ...m, files: 'all' }), 'another shape (files: expected record, found "all")'],
      [JSON.stringify(noSite), 'another shape (site: expected a value (required field), found nothing)'],
    ]) {
      writeFileSync(manifestFile(reshaped), text!);
      expect(refused(withCopy('2/3', reshaped))).toBe(`${expected} ${found}`);
    }
    writeFileSync(manifestFile(reshaped), JSON.stringify({ ...m, version: 1, files: filesOf(m) }));
    expect(refused(withCopy('2/3', reshaped))).toBe(
      `error ${reshaped}: expected a shard of this engfolio version (manifest 2), found manifest 1: build it again`,
    );
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
