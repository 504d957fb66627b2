// What a user gets: the package as `npm pack` makes it, installed from the tarball in an empty folder
// outside the repository, `engfolio init`, then the starter built with `engfolio build` and with Astro's
// own `astro build` — with a page of the site's own, its own header and a title — against the lowest
// Astro the package declares, the newest 7.3.x (the last minor before Astro 7.4 changed the
// prerenderer's result types) and the newest 7.x, each installed from the registry.
//
// ENGFOLIO_PACKAGE_ASTRO (a comma-separated list of versions or dist-tags, such as `latest,next`) tests
// those instead: the scheduled workflow astro-versions.yml runs it against Astro's newest releases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, spawnedEnv } from '../support/test-site.ts';
import { hashTree } from '../support/tree.ts';
import { buildRepo } from '../lib/git-fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'engfolio-package-'));
/** The environment of the user's shell: this Node first on PATH (bins start with `#!/usr/bin/env node`). */
const env = spawnedEnv({
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

function sh(cwd: string, command: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function ok(cwd: string, command: string, args: string[]): string {
  const r = sh(cwd, command, args);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.code}) in ${cwd}:\n${r.out}`);
  return r.out;
}

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; peerDependencies: { astro: string } };
const lowest = /^\^(\d+\.\d+\.\d+)$/.exec(pkg.peerDependencies.astro)![1]!;
let tarball: string;
/** Orders release versions `x.y.z` by their numbers. */
const byVersion = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  return x![0]! - y![0]! || x![1]! - y![1]! || x![2]! - y![2]!;
};
/**
 * The newest version the registry has in a range or under a tag (npm answers one version as a string,
 * several as a list, in the order they were published: 7.3.8 came out after 7.4.1).
 */
const newestIn = (range: string): string =>
  [JSON.parse(ok(work, 'npm', ['view', `astro@${range}`, 'version', '--json'])) as string | string[]].flat().sort(byVersion).at(-1)!;
const major = lowest.split('.')[0]!;
const asked = process.env.ENGFOLIO_PACKAGE_ASTRO?.split(',').filter(Boolean);
const astroVersions: [string, () => string][] = asked
  ? asked.map((tag) => [tag, () => newestIn(tag)])
  : [
      [`lowest (${lowest})`, () => lowest],
      [`newest ${major}.3.x`, () => newestIn(`~${major}.3.0`)],
      [`newest ${major}.x`, () => newestIn(`^${major}.0.0`)],
    ];

beforeAll(() => {
  ok(PROJECT_ROOT, 'npm', ['pack', '--silent', '--pack-destination', work]);
  tarball = join(work, `engfolio-${pkg.version}.tgz`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(astroVersions)('the package with the %s Astro', (_, astroVersion) => {
  let site: string;

  beforeAll(() => {
    const version = astroVersion();
    console.log(`package test: Astro ${version}`);
    const tools = join(work, `tools-${version}`);
    mkdirSync(tools);
    ok(tools, 'npm', ['install', '--silent', tarball, `astro@${version}`]);
    expect(ok(tools, 'npx', ['engfolio', 'init', 'my-site', '--title', "Ada's work"])).toContain('engfolio: a new site in my-site/');
    site = join(tools, 'my-site');
    // The site's own page, picture and header.
    writeFileSync(join(site, 'public', 'photo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><circle r="1"/></svg>');
    mkdirSync(join(site, 'src', 'pages'));
    writeFileSync(
      join(site, 'src', 'pages', 'about.astro'),
      '---\nimport Page from \'engfolio/components/Page.astro\';\n---\n<Page title="About Ada" description="Who Ada is."><h1>About Ada</h1><img src="/photo.svg" alt="Ada" width="10" height="10" /></Page>\n',
    );
    mkdirSync(join(site, 'src', 'components'));
    writeFileSync(
      join(site, 'src', 'components', 'Header.astro'),
      '---\nconst { title, homeHref } = Astro.props;\n---\n<header class="ada-header"><a href={homeHref}>{title}, by hand</a></header>\n',
    );
    const config = join(site, 'astro.config.mjs');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        "favicon: '/favicon.svg',",
        "favicon: '/favicon.svg',\n      components: { Header: './src/components/Header.astro' },",
      ),
    );
    ok(site, 'npm', ['install', '--silent', tarball, `astro@${version}`]);
    // The site runs the Astro asked for, not the one of engfolio's own lock file.
    expect((JSON.parse(readFileSync(join(site, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version).toBe(version);
  }, 600_000);

  it('writes the starter, and will not write into a folder that is not empty', () => {
    expect(readdirSync(site).sort()).toEqual([
      '.github',
      '.gitignore',
      'README.md',
      'astro.config.mjs',
      'content',
      'node_modules',
      'package-lock.json',
      'package.json',
      'public',
      'src',
    ]);
    expect(
      readFileSync(join(site, 'src', 'content.config.ts'), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('//')),
    ).toHaveLength(3);
    expect(readFileSync(join(site, '.github', 'workflows', 'deploy.yml'), 'utf8')).toContain('npm run build');
    expect(readFileSync(join(site, '.github', 'workflows', 'update.yml'), 'utf8')).toContain('npm run update');
    const again = sh(dirname(site), 'npx', ['engfolio', 'init', 'my-site']);
    expect(again.code).toBe(1);
    expect(again.out).toContain('engfolio init: expected an empty folder, found');
  });

  it('builds with `npm run build`, printing no warning, with the title, the own page, picture and header', () => {
    const r = sh(site, 'npm', ['run', '--silent', 'build']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/warn/i);
    const index = readFileSync(join(site, 'dist', 'index.html'), 'utf8');
    expect(index).toContain('<title>Ada&#39;s work</title>');
    expect(index).toContain('<header class="ada-header"><a href="/">Ada&#39;s work, by hand</a></header>');
    expect(readFileSync(join(site, 'dist', 'ada-example', 'index.html'), 'utf8')).toContain('<h1');
    expect(readFileSync(join(site, 'dist', 'about', 'index.html'), 'utf8')).toContain('<h1>About Ada</h1>');
    expect(existsSync(join(site, 'dist', 'photo.svg'))).toBe(true);
    expect(existsSync(join(site, 'dist', 'ada-example', '2026-10', 'index.html'))).toBe(true);
    // The share images, drawn by the installed renderer with the installed fonts.
    for (const image of ['ada-example/share.png', 'ada-example/2026/share.png']) {
      const png = readFileSync(join(site, 'dist', image));
      expect(png.subarray(1, 4).toString('latin1'), image).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
    }
  });

  it('gives the same pages with Astro’s own `astro build`', () => {
    const r = sh(site, 'npx', ['astro', 'build', '--outDir', 'dist-astro']);
    expect(r.code, r.out).toBe(0);
    expect(hashTree(join(site, 'dist-astro'))).toEqual(hashTree(join(site, 'dist')));
  });

  it('builds in shards that `engfolio merge` puts together into the same site', () => {
    const shards = ['1/2', '2/2', 'site'].map((shard) => {
      const out = `shard-${shard.replace('/', '-of-')}`;
      ok(site, 'npx', ['engfolio', 'build', '--shard', shard, '--out', out]);
      return out;
    });
    expect(ok(site, 'npx', ['engfolio', 'merge', ...shards, '--out', 'dist-merged'])).toMatch(/^merge: \d+ file\(s\) from 3 shard\(s\) → dist-merged\/$/m);
    expect(hashTree(join(site, 'dist-merged'))).toEqual(hashTree(join(site, 'dist')));
  });

  it('updates a profile from the sources it lists with `npm run update`, and builds its page', () => {
    const repo = buildRepo([
      { author: 'Grace Hopper <grace@work.example>', date: '2025-03-04T10:00:00-05:00', message: 'compiler: first pass\n', files: { 'src/a.c': 'int a;\n' } },
      { author: 'Grace Hopper <grace@work.example>', date: '2025-04-01T09:00:00-05:00', message: 'compiler: second pass\n', files: { 'src/b.c': 'int b;\n' } },
    ]);
    const profile = join(site, 'content', 'profiles', 'grace.md');
    writeFileSync(
      profile,
      `---\nname: Grace Hopper\nsource: git\nsources:\n  - git: file://${repo}\n    authors: [grace@work.example]\n    name: navy/compiler\n---\n`,
    );
    try {
      const r = sh(site, 'npm', ['run', '--silent', 'update']);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('grace: navy/compiler: first read, 2 months changed');
      expect(readFileSync(join(site, 'content', 'months', 'grace', '2025-03.md'), 'utf8')).toMatch(/^commits: 1$/m);
      expect(existsSync(join(site, '.engfolio', 'repos'))).toBe(true);
      const build = sh(site, 'npm', ['run', '--silent', 'build']);
      expect(build.code, build.out).toBe(0);
      expect(readFileSync(join(site, 'dist', 'grace', '2025-04', 'index.html'), 'utf8')).toContain('navy/compiler');
    } finally {
      rmSync(profile);
      rmSync(join(site, 'content', 'months', 'grace'), { recursive: true, force: true });
      rmSync(join(site, 'content', 'activity'), { recursive: true, force: true });
      rmSync(join(site, 'content', 'git-import'), { recursive: true, force: true });
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('names a bad option in one line and exits non-zero', () => {
    const config = join(site, 'astro.config.mjs');
    const good = readFileSync(config, 'utf8');
    writeFileSync(config, good.replace("favicon: '/favicon.svg',", "favicon: '/favicon.svg', theme: { heatmap: 'teal' },"));
    try {
      const r = sh(site, 'npx', ['engfolio', 'build']);
      expect(r.code).toBe(1);
      expect(r.out.trim()).toBe(
        'error astro.config.mjs — engfolio.theme.heatmap: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
      );
    } finally {
      writeFileSync(config, good);
    }
  });
});
