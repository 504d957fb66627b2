// Never lose work: a failed build leaves the previous output byte-identical and says so. Real builds
// (`engfolio build` → Astro, in a test site) into a temp folder from a temp copy of fixture content; plus
// the build-aside-and-swap logic on its own, for failures that happen inside or after Astro.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAside, stagingPathsFor, swapIntoPlace, updateInPlace, WORK_DIR } from '../../src/lib/build-swap.ts';
import { ENGFOLIO_BIN, makeTestSite, PROJECT_ROOT, removeTestSite, runEngfolio, spawnedEnv } from '../support/test-site.ts';
import { hashTree } from '../support/tree.ts';

const root = PROJECT_ROOT;
// The site URL as a deployment sets it (feeds need an absolute URL); the base path stays the default.
const site = makeTestSite({ site: 'https://example.test' });
afterAll(() => removeTestSite(site));

function buildWith(env: Record<string, string>, ...args: string[]): { code: number | null; out: string } {
  const r = runEngfolio(site, ['build', ...args], env);
  return { code: r.code, out: r.out + r.err };
}

const build = (...args: string[]): { code: number | null; out: string } => buildWith({}, ...args);
/** The cache folder of a build of `content` into `out` (src/cli/build.ts cacheDirFor). */
const cacheDirOf = (content: string, out: string): string =>
  join(site, 'node_modules/.astro/engfolio-content', createHash('sha256').update(`${content}\0${out}`).digest('hex').slice(0, 16));

describe('engfolio build on bad content after a good build', () => {
  let tmp: string;
  let content: string;
  let out: string;
  let good: Record<string, string>;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-safe-build-'));
    content = join(tmp, 'content');
    out = join(tmp, 'site');
    cpSync(join(root, 'tests/fixtures/content-valid'), content, { recursive: true });
    const r = build('--out', out, '--content', content);
    expect(r.out).toMatch(/build: \d+ page\(s\) in [\d.]+s → /);
    expect(r.code).toBe(0);
    good = hashTree(out);
  });
  // maxRetries: a build's detached process may still be deleting the superseded site in tmp.
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

  it('built a site', () => {
    expect(Object.keys(good)).toContain('index.html');
    expect(readdirSync(tmp).sort()).toEqual(['content', 'site']);
  });

  it('shows a profile with no months as an empty state, not a crash', () => {
    const page = readFileSync(join(out, 'empty-person', 'index.html'), 'utf8');
    expect(page).toContain('No monthly summaries yet.');
    expect(page).toContain('Commits per month: no months yet.');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('No months yet');
  });

  it('fails with the content problems and leaves the good output byte-identical', () => {
    cpSync(join(root, 'tests/fixtures/content-errors/profiles/wrong-type.md'), join(content, 'profiles/wrong-type.md'));
    writeFileSync(join(content, 'months/ada-lovelace/2024-03.md'), '---\ncommits: 1\nfeatures: 4\n---\n');
    try {
      const r = build('--out', out, '--content', content);
      expect(r.code).toBe(1);
      expect(r.out).toContain('profiles/wrong-type.md:4 — totals.commits: expected a number, found "twelve"');
      expect(r.out).toContain('months/ada-lovelace/2024-03.md:3 — features: expected features not more than commits (commits is 1), found number 4');
      expect(r.out).toContain(`build failed; the previous site in ${out}/ is unchanged (fix the content above; nothing was built)`);
      expect(r.out).not.toMatch(/^\s+at /m);
      expect(hashTree(out)).toEqual(good);
      expect(readdirSync(tmp).sort()).toEqual(['content', 'site']);
    } finally {
      rmSync(join(content, 'profiles/wrong-type.md'));
      rmSync(join(content, 'months/ada-lovelace/2024-03.md'));
    }
  });

  it('fails on warnings under --strict and leaves the output alone', () => {
    writeFileSync(join(content, 'profiles/typo.md'), '---\nname: Typo\nheadlin: x\n---\n');
    try {
      const r = build('--strict', '--out', out, '--content', content);
      expect(r.code).toBe(1);
      expect(r.out).toContain('profiles/typo.md:3 — headlin: expected a known field, found an unknown one: ignored — did you mean "headline"?');
      expect(r.out).toContain('is unchanged');
      expect(hashTree(out)).toEqual(good);
    } finally {
      rmSync(join(content, 'profiles/typo.md'));
    }
  });

  it('builds the offline copy into its own folder without touching the output', () => {
    const offline = join(tmp, 'offline');
    const r = build('--offline', '--out', offline, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(existsSync(join(offline, 'index.html'))).toBe(true);
    expect(hashTree(out)).toEqual(good);
  });

  it('sends nothing anywhere: no git call (Astro telemetry runs git first, then posts)', () => {
    const bin = join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    const marker = join(tmp, 'git-was-called');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$@" >> '${marker}'\nexit 1\n`, { mode: 0o755 });
    // Telemetry is not turned off for this build: engfolio's command must turn it off itself.
    const r = spawnSync(process.execPath, [ENGFOLIO_BIN, 'build', '--out', join(tmp, 'site-no-git'), '--content', content], {
      cwd: site,
      encoding: 'utf8',
      env: { ...spawnedEnv(), ASTRO_TELEMETRY_DISABLED: '', PATH: `${bin}:${process.env.PATH}` },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    rmSync(join(tmp, 'site-no-git'), { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  });

  it('rejects an unknown option with usage (exit 2)', () => {
    const r = build('--outt', out);
    expect(r.code).toBe(2);
    expect(r.out).toContain('usage: engfolio build');
  });
});

describe('buildAside (swap logic)', () => {
  let tmp: string;
  let out: string;
  const previous = { 'index.html': '<p>old</p>', 'a/index.html': '<p>old a</p>' };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-swap-'));
    out = join(tmp, 'dist');
  });
  // maxRetries: a build's detached process may still be deleting the superseded site in tmp.
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

  function writeOld(): Record<string, string> {
    rmSync(out, { recursive: true, force: true });
    for (const [path, text] of Object.entries(previous)) {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    return hashTree(out);
  }

  it('leaves the output untouched and removes the staging folder when the build throws half-way', async () => {
    const before = writeOld();
    await expect(
      buildAside(out, async (dir) => {
        writeFileSync(join(dir, 'index.html'), '<p>half</p>');
        throw new Error('astro exploded');
      }),
    ).rejects.toThrow('astro exploded');
    expect(hashTree(out)).toEqual(before);
    expect(existsSync(join(tmp, WORK_DIR))).toBe(false);
  });

  it('leaves the output untouched when a post-build step throws', async () => {
    const before = writeOld();
    await expect(
      buildAside(
        out,
        async (dir) => writeFileSync(join(dir, 'index.html'), '<p>new</p>'),
        async () => {
          throw new Error('offline rewrite failed');
        },
      ),
    ).rejects.toThrow('offline rewrite failed');
    expect(hashTree(out)).toEqual(before);
  });

  it('replaces the whole output on success (no stale files survive) and runs post-build steps on it first', async () => {
    writeOld();
    await buildAside(
      out,
      async (dir) => writeFileSync(join(dir, 'index.html'), '<p>new</p>'),
      async (dir) => writeFileSync(join(dir, 'extra.txt'), 'post'),
    );
    expect(readdirSync(out).sort()).toEqual(['extra.txt', 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>new</p>');
    expect(existsSync(join(tmp, WORK_DIR))).toBe(false);
  });

  it('builds inside a given folder and moves the result next to the output', async () => {
    rmSync(out, { recursive: true, force: true });
    const inside = mkdtempSync(join(tmpdir(), 'engfolio-inside-'));
    try {
      let builtIn = '';
      await buildAside(
        out,
        async (dir) => {
          builtIn = dir;
          writeFileSync(join(dir, 'index.html'), 'x');
        },
        undefined,
        inside,
      );
      expect(builtIn.startsWith(join(inside, WORK_DIR))).toBe(true);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('x');
      expect(existsSync(join(inside, WORK_DIR))).toBe(false);
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('with background removal, swaps in the new site at once and a detached process deletes the old one', async () => {
    writeOld();
    await buildAside(out, async (dir) => writeFileSync(join(dir, 'index.html'), '<p>bg</p>'), undefined, undefined, 'background');
    // The swap is done when buildAside returns: only the new site is in the output folder.
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>bg</p>');
    const work = join(tmp, WORK_DIR);
    for (let i = 0; i < 200 && existsSync(work); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(work)).toBe(false);
  });

  it('swapIntoPlace hands the previous site to the background removal under a discard- name', async () => {
    writeOld();
    const paths = stagingPathsFor(out, 424242);
    mkdirSync(paths.staging, { recursive: true });
    writeFileSync(join(paths.staging, 'index.html'), 'new');
    const discard = swapIntoPlace(paths, 'background');
    expect(discard).toBe(join(tmp, WORK_DIR, 'discard-dist-424242'));
    expect(readdirSync(out)).toEqual(['index.html']);
    const work = join(tmp, WORK_DIR);
    for (let i = 0; i < 200 && existsSync(work); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(work)).toBe(false);
  });

  it('restarts the removal of a superseded site left by a dead build', async () => {
    writeOld();
    const leftover = join(tmp, WORK_DIR, 'discard-dist-999999999');
    mkdirSync(join(leftover, 'x'), { recursive: true });
    writeFileSync(join(leftover, 'x', 'index.html'), 'old');
    await buildAside(out, async (dir) => writeFileSync(join(dir, 'index.html'), 'z'));
    for (let i = 0; i < 200 && existsSync(leftover); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(leftover)).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('z');
  });

  it('removes staging left by a dead build, keeps its backup', async () => {
    writeOld();
    const dead = stagingPathsFor(out, 999999999);
    mkdirSync(dead.staging, { recursive: true });
    mkdirSync(dead.backup, { recursive: true });
    await buildAside(out, async (dir) => writeFileSync(join(dir, 'index.html'), 'y'));
    expect(existsSync(dead.staging)).toBe(false);
    expect(existsSync(dead.backup)).toBe(true);
    rmSync(join(tmp, WORK_DIR), { recursive: true, force: true });
  });
});

describe('incremental rebuild of a --content folder', () => {
  let tmp: string;
  let content: string;
  let out: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-incremental-'));
    content = join(tmp, 'content');
    out = join(tmp, 'site');
    cpSync(join(root, 'tests/fixtures/content-valid'), content, { recursive: true });
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
  });
  // maxRetries: a build's detached process may still be deleting the superseded site in tmp.
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

  it('shows a one-month edit on the profile and month pages and reuses the unchanged pages in place', () => {
    const slug = readdirSync(join(content, 'months'))[0]!;
    const months = readdirSync(join(content, 'months', slug))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const edited = months[0]!;
    const untouchedProfile = readdirSync(join(content, 'profiles'))
      .map((f) => f.slice(0, -3))
      .find((s) => s !== slug);
    const file = join(content, 'months', slug, edited);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nMarker paragraph incrementalmarker42.\n`);
    const unchangedPage = untouchedProfile ? join(out, untouchedProfile, 'index.html') : join(out, slug, months[1]!.slice(0, -3), 'index.html');
    const before = statSync(unchangedPage);
    const beforeText = readFileSync(unchangedPage, 'utf8');
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(join(out, slug, 'index.html'), 'utf8')).toContain('incrementalmarker42');
    expect(readFileSync(join(out, slug, edited.slice(0, -3), 'index.html'), 'utf8')).toContain('incrementalmarker42');
    // The unchanged page is the previous build's file (a hard link), not a copy or a re-render.
    const after = statSync(unchangedPage);
    expect(after.ino).toBe(before.ino);
    expect(readFileSync(unchangedPage, 'utf8')).toBe(beforeText);
  });

  it('shows a narrative-only edit on every page that shows it, and a frontmatter edit on the month page', () => {
    const slug = readdirSync(join(content, 'months'))[0]!;
    const month = readdirSync(join(content, 'months', slug))
      .filter((f) => f.endsWith('.md'))
      .sort()[1]!;
    const file = join(content, 'months', slug, month);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nNarrative marker bodyonly77.\n`);
    let r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    for (const page of [join(slug, 'index.html'), join(slug, month.slice(0, -3), 'index.html'), join(slug, 'feed.xml')]) {
      expect(readFileSync(join(out, page), 'utf8'), page).toContain('bodyonly77');
    }
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^commits: \d+$/m, 'commits: 987654'));
    r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(join(out, slug, month.slice(0, -3), 'index.html'), 'utf8')).toContain('987,654');
  });

  it('keeps no second copy of the pages in its cache, and renders every page again when the output was deleted', () => {
    const cacheDir = cacheDirOf(content, out);
    expect(existsSync(join(cacheDir, 'engfolio-pages.json'))).toBe(true);
    expect(existsSync(join(cacheDir, 'dist'))).toBe(false);
    const before = hashTree(out);
    rmSync(out, { recursive: true, force: true });
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(hashTree(out)).toEqual(before);
  });

  it('drops the page of a deleted month and its link from the profile page', () => {
    const slug = readdirSync(join(content, 'months'))[0]!;
    const months = readdirSync(join(content, 'months', slug))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const gone = months[months.length - 1]!.slice(0, -3);
    expect(existsSync(join(out, slug, gone, 'index.html'))).toBe(true);
    rmSync(join(content, 'months', slug, `${gone}.md`));
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(existsSync(join(out, slug, gone, 'index.html'))).toBe(false);
    expect(readFileSync(join(out, slug, 'index.html'), 'utf8')).not.toContain(`/${slug}/${gone}/`);
  });

  it('after all these incremental updates, is file for file the site a full build of the same content makes', () => {
    const fresh = join(tmp, 'fresh');
    const r = build('--out', fresh, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/reused/);
    expect(hashTree(out)).toEqual(hashTree(fresh));
    rmSync(fresh, { recursive: true, force: true });
  });

  it('makes a full build when the last update of the output may not have finished', () => {
    const cacheDir = cacheDirOf(content, out);
    const stampFile = join(cacheDir, 'engfolio-cache.json');
    let r = build('--out', out, '--content', content);
    expect(r.out).toMatch(/reused/);
    const before = hashTree(out);
    // What an update cut short between its first and last step leaves: a stamp without the manifest.
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(stampFile, JSON.stringify({ content: stamp.content, out: stamp.out }));
    r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/reused/);
    expect(hashTree(out)).toEqual(before);
  });
});

describe('incremental rebuild that updates the previous site in place', () => {
  // Enough months that a one-month edit writes fewer files than it keeps: the rename-in-place path
  // (a small site is swapped whole, as the tests above show).
  let tmp: string;
  let content: string;
  let out: string;
  const months = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-in-place-'));
    content = join(tmp, 'content');
    out = join(tmp, 'site');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    mkdirSync(join(content, 'months', 'solo'), { recursive: true });
    writeFileSync(join(content, 'profiles', 'solo.md'), '---\nname: Solo Person\nheadline: Builds things\n---\n\nA summary.\n');
    for (const [i, m] of months.entries())
      writeFileSync(join(content, 'months', 'solo', `${m}.md`), `---\ncommits: ${i + 2}\nfeatures: 1\n---\n\nWork of ${m}.\n`);
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

  it("writes the edited month's pages into the previous site, leaves the others as they were, and equals a full build", () => {
    const untouched = join(out, 'solo', months[5]!, 'index.html');
    const before = statSync(untouched);
    // The newest month: the profile page shows the latest months' narratives (the older ones by year).
    writeFileSync(
      join(content, 'months', 'solo', `${months.at(-1)}.md`),
      '---\ncommits: 2\nfeatures: 1\n---\n\nWork of the last month, edited inplacemarker.\n',
    );
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/unchanged, reused, \d+ written into the previous site\)/);
    expect(readFileSync(join(out, 'solo', months.at(-1)!, 'index.html'), 'utf8')).toContain('inplacemarker');
    expect(readFileSync(join(out, 'solo', 'index.html'), 'utf8')).toContain('inplacemarker');
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    const fresh = join(tmp, 'fresh');
    expect(build('--out', fresh, '--content', content).code).toBe(0);
    expect(hashTree(out)).toEqual(hashTree(fresh));
    rmSync(fresh, { recursive: true, force: true });
  });

  it('reuses every page when started from another shell (the environment variable `_` differs)', () => {
    const untouched = join(out, 'solo', months[7]!, 'index.html');
    const before = statSync(untouched);
    const r = buildWith({ _: '/some/other/shell/command' }, '--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // Only what Astro renders on every build is written: the pages without a cacheKey and the assets.
    const written = Number(/(\d+) written into the previous site/.exec(r.out)?.[1]);
    expect(written, r.out).toBeLessThan(20);
  });

  it('reuses every page on a --verbose build (Astro compiles its log level into the built site, which pages do not use)', () => {
    const untouched = join(out, 'solo', months[8]!, 'index.html');
    const before = statSync(untouched);
    const r = build('--out', out, '--content', content, '--verbose');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("build: 0 profile file(s) rendered outside Astro's loop; 48 kept from the previous site");
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('deletes the page and folder of a deleted month in place', () => {
    const gone = months[months.length - 1]!;
    rmSync(join(content, 'months', 'solo', `${gone}.md`));
    const r = build('--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/written into the previous site/);
    expect(existsSync(join(out, 'solo', gone))).toBe(false);
    expect(readFileSync(join(out, 'solo', 'index.html'), 'utf8')).not.toContain(`/solo/${gone}/`);
    expect(readdirSync(tmp).sort()).toEqual(['content', 'site']);
  });
});

describe('updateInPlace (incremental builds)', () => {
  function site(dir: string, files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  const previousSite = {
    'a/index.html': 'old a',
    'b/index.html': 'old b',
    'k1/index.html': 'k1',
    'k2/index.html': 'k2',
    'k3/index.html': 'k3',
    'gone/deep/index.html': 'old gone',
    '_astro/old.css': 'old css',
  };
  const kept = ['a/index.html', 'k1/index.html', 'k2/index.html', 'k3/index.html'];

  it('moves in what the build wrote, deletes what the site no longer has, and leaves unchanged files as they were', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engfolio-update-'));
    try {
      const out = join(tmp, 'site');
      site(out, previousSite);
      const aBefore = statSync(join(out, 'a/index.html'));
      const steps: string[] = [];
      const update = await updateInPlace(
        out,
        async (dir) => {
          expect(dir.startsWith(tmp)).toBe(true);
          site(dir, { 'b/index.html': 'new b', 'c/index.html': 'new c', '_astro/new.css': 'new css' });
          steps.push('produce');
        },
        () => {
          // Nothing of the output has changed yet.
          expect(readFileSync(join(out, 'b/index.html'), 'utf8')).toBe('old b');
          steps.push('prepare');
        },
        (written) => {
          expect([...written].sort()).toEqual(['_astro/new.css', 'b/index.html', 'c/index.html']);
          steps.push('plan');
          return { keep: kept, remove: ['gone/deep/index.html', '_astro/old.css', 'missing.html', '../escape.html'] };
        },
      );
      expect(steps).toEqual(['produce', 'prepare', 'plan']);
      expect(update).toMatchObject({ how: 'in place', kept: 4, removed: 2 });
      expect(update.written.sort()).toEqual(['_astro/new.css', 'b/index.html', 'c/index.html']);
      expect(Object.keys(hashTree(out)).sort()).toEqual([
        '_astro/new.css',
        'a/index.html',
        'b/index.html',
        'c/index.html',
        'k1/index.html',
        'k2/index.html',
        'k3/index.html',
      ]);
      expect(readFileSync(join(out, 'b/index.html'), 'utf8')).toBe('new b');
      // The folders the deleted page leaves empty go too; the untouched page is the same file.
      expect(existsSync(join(out, 'gone'))).toBe(false);
      const aAfter = statSync(join(out, 'a/index.html'));
      expect([aAfter.ino, aAfter.mtimeMs]).toEqual([aBefore.ino, aBefore.mtimeMs]);
      expect(readdirSync(tmp)).toEqual(['site']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('when the build rewrote most of the site, links the unchanged files into it and swaps it in whole', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engfolio-update-swap-'));
    try {
      const out = join(tmp, 'site');
      site(out, previousSite);
      const k1 = statSync(join(out, 'k1/index.html')).ino;
      const rewritten = {
        'a/index.html': 'new a',
        'b/index.html': 'new b',
        'k2/index.html': 'new k2',
        'k3/index.html': 'new k3',
        'c/index.html': 'new c',
        '_astro/new.css': 'new css',
      };
      const update = await updateInPlace(
        out,
        async (dir) => site(dir, rewritten),
        () => {},
        () => ({ keep: ['k1/index.html'], remove: ['gone/deep/index.html', '_astro/old.css'] }),
      );
      expect(update).toMatchObject({ how: 'swapped', kept: 1 });
      expect(Object.keys(hashTree(out)).sort()).toEqual([...Object.keys(rewritten), 'k1/index.html'].sort());
      expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('new a');
      expect(statSync(join(out, 'k1/index.html')).ino).toBe(k1);
    } finally {
      rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
    }
  });

  it('leaves the output untouched and removes its work folder when the build or the preparation throws', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engfolio-update-fail-'));
    try {
      const out = join(tmp, 'site');
      site(out, { 'a/index.html': 'old a' });
      const before = hashTree(out);
      const write = async (dir: string): Promise<void> => site(dir, { 'a/index.html': 'new a' });
      const plan = () => ({ keep: [], remove: [] });
      await expect(
        updateInPlace(
          out,
          async (dir) => {
            await write(dir);
            throw new Error('render failed');
          },
          () => {},
          plan,
        ),
      ).rejects.toThrow('render failed');
      await expect(
        updateInPlace(
          out,
          write,
          () => {
            throw new Error('cannot record');
          },
          plan,
        ),
      ).rejects.toThrow('cannot record');
      expect(hashTree(out)).toEqual(before);
      expect(readdirSync(tmp)).toEqual(['site']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
