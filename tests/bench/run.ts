// `npm run bench [-- --sizes S,Y,M,L] [--json out.json] [--no-hugo] [--cpu-prof] [--incremental] [--no-extra] [--no-share-images] [--shards N]`:
// generates synthetic content per size, then times a cold build, a warm rebuild and a rebuild after a
// one-month edit (checking the edit reaches the pages), each in a child process so peak RSS is the
// build's own; builds the same content with Hugo side by side when `hugo` is on PATH. The largest size
// is also built in shards (`engfolio build --shard k/N` and `--shard site`, one after another, each from
// cold caches as a fresh CI machine would) and merged: each shard's time, the merge's, and the wall time
// N + 1 parallel machines would take against the unsharded cold build.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SEED, SIZES, generate, type BenchSize } from './generate.ts';
import { hashTree } from '../support/tree.ts';
import { encodePng } from '../../src/lib/share-image/png.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Generated content (cached per generator version, seed and size) and scratch files. */
const WORK = join(ROOT, 'node_modules', '.cache', 'engfolio-bench');

interface Options {
  sizes: string[];
  json: string;
  hugo: boolean;
  cpuProf: boolean;
  incremental: boolean;
  /** Also run the heatmap and git-import benches (off with --no-extra, for quick build-only runs). */
  extra: boolean;
  /** Build with `shareImages: false` (to see what the share images cost). */
  shareImages: boolean;
  /** Profile shards of the sharded case (0: skip it). */
  shards: number;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: ['S', 'Y', 'M', 'L'],
    json: join(ROOT, 'bench-results', 'bench.json'),
    hugo: true,
    cpuProf: false,
    incremental: false,
    extra: true,
    shareImages: true,
    shards: 4,
    seed: DEFAULT_SEED,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes')
      o.sizes = value()
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
    else if (a === '--json') o.json = value();
    else if (a === '--no-hugo') o.hugo = false;
    else if (a === '--cpu-prof') o.cpuProf = true;
    else if (a === '--incremental') o.incremental = true;
    else if (a === '--no-extra') o.extra = false;
    else if (a === '--no-share-images') o.shareImages = false;
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--shards') o.shards = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench [-- --sizes S,Y,M,L] [--json out.json] [--no-hugo] [--cpu-prof] [--incremental] [--no-extra] [--no-share-images] [--shards N (0: none)] [--seed N]',
      );
      process.exit(0);
    } else fail(`unknown option "${a}" (try --help)`);
  }
  for (const s of o.sizes) if (!SIZES[s]) fail(`expected sizes among ${Object.keys(SIZES).join(', ')}, found "${s}"`);
  if (!Number.isSafeInteger(o.seed)) fail('expected --seed to be a whole number');
  if (!Number.isInteger(o.shards) || o.shards < 0) fail('expected --shards to be a whole number ≥ 0');
  return o;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** Generated content for a size, reused while the generator source, seed and size are unchanged. */
function contentFor(size: BenchSize, seed: number): { dir: string; slugs: string[]; months: string[]; files: number; bytes: number; generateMs: number } {
  const generator = readFileSync(fileURLToPath(new URL('./generate.ts', import.meta.url)));
  const key = createHash('sha256').update(generator).update(`${seed}:${size.profiles}x${size.months}`).digest('hex').slice(0, 12);
  const dir = join(WORK, `content-${size.name}-${key}`);
  const stamp = join(dir, '.complete.json');
  if (existsSync(stamp)) return { ...JSON.parse(readFileSync(stamp, 'utf8')), dir, generateMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const g = generate(dir, size, seed);
  const generateMs = performance.now() - t;
  writeFileSync(stamp, JSON.stringify({ slugs: g.slugs, months: g.months, files: g.files, bytes: g.bytes }));
  return { ...g, generateMs };
}

interface BuildRun {
  ok: boolean;
  ms: number;
  /** User + system CPU time: less sensitive than wall time to other load on a shared machine. */
  cpuMs: number | undefined;
  maxRssMiB: number | undefined;
  /** Seconds from start at which a log line first showed each phase marker. */
  phases: Record<string, number>;
  /** HTML pages in the built site. */
  pages: number;
  /** Output files (pages and endpoints) kept from the previous build. */
  filesReused: number;
  output: string;
}

// `npm run build -- --timings` prints when each phase ends; a bare Astro build (a snapshot of older code)
// logs its own markers at the info level.
const PHASE_MARKERS: [string, RegExp][] = [
  ['checked', /^build: content checked at|Syncing content/],
  ['synced', /^build: content synced at|Synced content/],
  ['bundled', /^build: bundled at|generating static routes/],
  ['written', /^build: pages written at|Complete!/],
];

const HAS_GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+ [\d.]+ [\d.]+$/.test(r.stderr.trim().split('\n').pop() ?? '');
})();

/** Runs a command, timing it and measuring peak RSS with GNU time (or rusage of a wrapper child). */
async function timed(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; ms: number; cpuMs?: number; maxRssMiB?: number; output: string; phases: Record<string, number> }> {
  const rssFile = join(WORK, `rss-${process.pid}-${randomBytes(4).toString('hex')}.txt`);
  let argv: string[];
  let exe: string;
  if (HAS_GNU_TIME) {
    exe = '/usr/bin/time';
    argv = ['-f', '%M %U %S', '-o', rssFile, cmd, ...args];
  } else {
    // No GNU time: a tiny Node wrapper runs the command and reports its children's maxRSS.
    exe = process.execPath;
    const wrapper = `const { spawnSync } = require('node:child_process'); const r = spawnSync(${JSON.stringify(cmd)}, ${JSON.stringify(args)}, { stdio: 'inherit' });
const u = process.resourceUsage(); require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, [u.maxRSS, 0, 0].join(' ')); process.exit(r.status ?? 1);`;
    argv = ['-e', wrapper];
  }
  const phases: Record<string, number> = {};
  // Per stream, and markers matched on whole lines: a chunk may end mid-line, and stdout and stderr
  // chunks interleave (one joined list broke page lines and missed markers).
  const streams = { out: { chunks: [] as string[], partial: '' }, err: { chunks: [] as string[], partial: '' } };
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(exe, argv, { cwd: opts.cwd, env: opts.env });
    const onData =
      (stream: { chunks: string[]; partial: string }) =>
      (chunk: Buffer): void => {
        const text = chunk.toString();
        stream.chunks.push(text);
        const lines = (stream.partial + text).split('\n');
        stream.partial = lines.pop() ?? '';
        const at = (performance.now() - start) / 1000;
        for (const line of lines) for (const [name, re] of PHASE_MARKERS) if (phases[name] === undefined && re.test(line)) phases[name] = at;
      };
    child.stdout.on('data', onData(streams.out));
    child.stderr.on('data', onData(streams.err));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - start;
  let maxRssMiB: number | undefined;
  let cpuMs: number | undefined;
  try {
    // GNU time's %M and Node's maxRSS are both KiB; %U/%S are seconds of CPU (the wrapper cannot see them).
    const [kib, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kib)) maxRssMiB = kib! / 1024;
    if (HAS_GNU_TIME && Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
  } catch {
    maxRssMiB = undefined;
  }
  rmSync(rssFile, { force: true });
  return { code, ms, cpuMs, maxRssMiB, output: `${streams.out.chunks.join('')}\n${streams.err.chunks.join('')}`, phases };
}

interface BuildPaths {
  /** The project copy the build runs in (see snapshotProject). */
  root: string;
  content: string;
  outDir: string;
  cpuProfDir?: string;
}

/**
 * Copies the project's sources into a private root, so builds measure one fixed version of the code:
 * other people editing src/ mid-run would otherwise change page dependency hashes between the cold and
 * the warm build. node_modules is a folder of links to the project's packages, so the caches Astro keeps
 * in node_modules/.astro (content store, incremental manifest) are private to the benchmark.
 */
function snapshotProject(
  dir: string,
  incremental: boolean,
  shareImages: boolean,
): { root: string; via: 'engfolio build' | 'npm run build' | 'astro build()'; incrementalInConfig: boolean } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'public']) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.cache' || name === '.vite') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  const configPath = join(dir, 'astro.config.mjs');
  let config = readFileSync(configPath, 'utf8');
  const incrementalInConfig = /incrementalBuild\s*:\s*true/.test(config);
  if (incremental && !incrementalInConfig) {
    const patched = config.replace(/defineConfig\(\{/, 'defineConfig({\n  experimental: { incrementalBuild: true },');
    if (patched === config) fail('--incremental: could not find defineConfig({ in astro.config.mjs');
    config = patched;
    writeFileSync(configPath, config);
  }
  if (!shareImages) {
    const patched = config.replace(/engfolio\(\{/, 'engfolio({ shareImages: false,');
    if (patched === config) fail('--no-share-images: could not find engfolio({ in astro.config.mjs');
    config = patched;
    writeFileSync(configPath, config);
  }
  // The engfolio command; before it, the build script of older code; before that, Astro's own build.
  const via = existsSync(join(dir, 'src', 'cli', 'bin.ts'))
    ? 'engfolio build'
    : existsSync(join(dir, 'src', 'cli', 'build.ts'))
      ? 'npm run build'
      : 'astro build()';
  return { root: dir, via, incrementalInConfig };
}

/** Removes `project-<pid>` snapshots (and the old shared `project`) whose bench process is gone. */
function removeDeadSnapshots(dir: string): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = /^project-(\d+)$/.exec(name)?.[1];
    let alive = false;
    if (pid) {
      try {
        process.kill(Number(pid), 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (!alive && (pid || name === 'project')) discard(join(dir, name));
  }
}

/** Points the snapshot's `content/` at a generated content folder (builds then use the default path). */
function useContent(root: string, dir: string): string {
  const link = join(root, 'content');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(dir, link, 'dir');
  return link;
}

/**
 * Where folders the bench no longer needs go until every build is timed: deleting tens of thousands of
 * files on a file system mounted with `discard` slows every file operation for a while after it, so
 * nothing is deleted before a timed build. Emptied at the end (emptyTrash).
 */
const TRASH = join(WORK, `trash-${process.pid}`);
let trashed = 0;

/** Moves `path` (if it exists) to the trash. */
function discard(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  try {
    renameSync(path, join(TRASH, String(trashed++)));
  } catch (e) {
    // On another file system (a separate /tmp): deleted now, which only costs the next build some speed.
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    rmSync(path, { recursive: true, force: true });
  }
}

/** Deletes this bench's trash and any left by benches that died. */
function emptyTrash(): void {
  for (const name of existsSync(WORK) ? readdirSync(WORK) : []) {
    if (name.startsWith('trash-')) rmSync(join(WORK, name), { recursive: true, force: true });
  }
}

/** Removes every cache a build in `root` could reuse: output, content store, incremental manifest. */
function removeCaches(p: BuildPaths): void {
  discard(p.outDir);
  // node_modules/.astro: content store and incremental manifest; .astro: generated types; the build's
  // work folders: staging and previous sites.
  for (const dir of [join('node_modules', '.astro'), '.astro']) discard(join(p.root, dir));
  for (const dir of buildWorkDirs(p)) discard(dir);
}

/**
 * Waits until the disk is quiet before a timed build: the previous site that a build deletes in the
 * background (`.engfolio/discard-*`) is gone, and written data is flushed. Without this, a build timed
 * right after another paid for the deletion the previous one left behind (seen: 40 s vs 50 s).
 */
async function settle(workDirs: string[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  const pending = (): boolean => workDirs.some((d) => existsSync(d) && readdirSync(d).some((n) => n.startsWith('discard-')));
  while (pending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  spawnSync('sync');
  await new Promise((r) => setTimeout(r, 1000));
}

/** Where a build of `p` keeps its staging and the previous site it deletes in the background. */
function buildWorkDirs(p: BuildPaths): string[] {
  return [join(p.root, '.engfolio'), join(dirname(p.outDir), '.engfolio')];
}

/** The Node options of the project's `build` script (`node --x src/cli/build.ts` → `['--x']`). */
function buildScriptNodeOptions(root: string): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.build ?? '';
  const m = /^node((?:\s+--\S+)*)\s+src\/cli\/build\.ts/.exec(script);
  return m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

/** One real build of the project copy: `node src/cli/build.ts` when it exists, else Astro's build(). */
async function projectBuild(p: BuildPaths, via: string, extraArgs: string[] = []): Promise<BuildRun> {
  await settle(buildWorkDirs(p));
  // The content is the snapshot's default content/ folder: `npm run build` keeps a persistent cache only
  // for that one (a --content build gets a throw-away cache, so it could never rebuild incrementally).
  const env: NodeJS.ProcessEnv = { ...process.env, ENGFOLIO_OUT_DIR: p.outDir, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.ENGFOLIO_CONTENT;
  delete env.SITE;
  delete env.BASE_PATH;
  const nodeArgs = p.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${p.cpuProfDir}`] : [];
  let args: string[];
  if (via === 'engfolio build') {
    // As `npm run build -- --out …` runs it, plus the phase times (--timings).
    args = [...nodeArgs, join(p.root, 'src', 'cli', 'bin.ts'), 'build', '--out', p.outDir, '--timings', ...extraArgs];
  } else if (via === 'npm run build') {
    // The same entry, Node options and log level as `npm run build -- --out …`, plus the phase times (--timings).
    args = [...nodeArgs, ...buildScriptNodeOptions(p.root), join(p.root, 'src', 'cli', 'build.ts'), '--out', p.outDir, '--timings'];
  } else {
    const inline = { root: p.root, outDir: p.outDir, logLevel: 'info' };
    const script = `const { build } = await import(${JSON.stringify(import.meta.resolve('astro'))});\nawait build(${JSON.stringify(inline)});`;
    args = [...nodeArgs, '--input-type=module', '-e', script];
  }
  const r = await timed(process.execPath, args, { cwd: p.root, env });
  // `build: N page(s) (M file(s) unchanged, reused[, K written …])`, or Astro's own page lines for a bare build.
  const summary = /build: (?:shard \S+: )?(\d+) page\(s\)(?: \((\d+) file\(s\) unchanged, reused[^)]*\))?/.exec(r.output);
  const filesReused = summary ? Number(summary[2] ?? 0) : (r.output.match(/\((?:cached|restored)\)/g) ?? []).length;
  const pages = summary ? Number(summary[1]) : (r.output.match(/├─ \S+/g) ?? []).length;
  return { ok: r.code === 0, ms: r.ms, cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB, phases: r.phases, pages, filesReused, output: r.output };
}

function walk(dir: string, visit: (path: string, size: number) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, visit);
    else visit(path, st.size);
  }
}

interface OutputStats {
  htmlPages: number;
  bytes: number;
  profilePage?: { count: number; medianHtml: number; largestHtml: number; medianGzip: number; largestGzip: number; largestSlug: string };
  /** Years in review (`/<slug>/<YYYY>/index.html`). */
  yearPage?: { count: number; medianHtml: number; largestHtml: number; largestPath: string };
  /** The share images (`share.png`): how many, and their bytes. */
  shareImages: { count: number; bytes: number };
  /** The index page (the organization's roll-up and the people), and the largest repository page. */
  indexHtml: number;
  repositoryPage?: { count: number; largestHtml: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}

/** Counts pages and bytes of a build and sizes its profile pages (`/<slug>/index.html`) and years in review. */
function outputStats(outDir: string, slugs: string[]): OutputStats {
  let htmlPages = 0;
  let bytes = 0;
  const shareImages = { count: 0, bytes: 0 };
  walk(outDir, (path, size) => {
    bytes += size;
    if (path.endsWith('.html')) htmlPages++;
    if (path.endsWith('/share.png')) {
      shareImages.count++;
      shareImages.bytes += size;
    }
  });
  const sizes: { slug: string; html: number; gzip: number }[] = [];
  for (const slug of slugs) {
    const file = join(outDir, slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file);
    sizes.push({ slug, html: html.length, gzip: gzipSync(html).length });
  }
  const years: { path: string; html: number }[] = [];
  for (const slug of slugs) {
    if (!existsSync(join(outDir, slug))) continue;
    for (const y of readdirSync(join(outDir, slug)).filter((d) => /^\d{4}$/.test(d))) {
      const path = join(slug, y, 'index.html');
      if (existsSync(join(outDir, path))) years.push({ path, html: statSync(join(outDir, path)).size });
    }
  }
  const indexHtml = existsSync(join(outDir, 'index.html')) ? statSync(join(outDir, 'index.html')).size : 0;
  const repoSizes: number[] = [];
  if (existsSync(join(outDir, 'repos'))) walk(join(outDir, 'repos'), (path, size) => void (path.endsWith('index.html') && repoSizes.push(size)));
  const repositoryPage = repoSizes.length ? { count: repoSizes.length, largestHtml: Math.max(...repoSizes) } : undefined;
  const largestYear = years.length ? years.reduce((a, b) => (b.html > a.html ? b : a)) : undefined;
  const yearPage = largestYear
    ? { count: years.length, medianHtml: median(years.map((y) => y.html)), largestHtml: largestYear.html, largestPath: largestYear.path }
    : undefined;
  const site = { htmlPages, bytes, shareImages, indexHtml, ...(repositoryPage ? { repositoryPage } : {}), ...(yearPage ? { yearPage } : {}) };
  if (!sizes.length) return site;
  const largest = sizes.reduce((a, b) => (b.html > a.html ? b : a));
  return {
    ...site,
    profilePage: {
      count: sizes.length,
      medianHtml: median(sizes.map((s) => s.html)),
      largestHtml: largest.html,
      medianGzip: median(sizes.map((s) => s.gzip)),
      largestGzip: Math.max(...sizes.map((s) => s.gzip)),
      largestSlug: largest.slug,
    },
  };
}

interface EditCheck {
  file: string;
  pages: { page: string; found: boolean | 'missing' }[];
  lost: boolean;
}

/** Appends a unique marker paragraph to one month; returns the marker and a function restoring the file. */
function editOneMonth(content: string, slug: string, month: string): { marker: string; file: string; restore: () => void } {
  const file = join(content, 'months', slug, `${month}.md`);
  const original = readFileSync(file, 'utf8');
  const marker = `benchedit${randomBytes(6).toString('hex')}`;
  writeFileSync(file, `${original.trimEnd()}\n\nEdited for the benchmark: ${marker}.\n`);
  return { marker, file, restore: () => writeFileSync(file, original) };
}

function checkEdit(outDir: string, slug: string, month: string, marker: string, file: string): EditCheck {
  const pages = [join(slug, 'index.html'), join(slug, month, 'index.html')].map((page) => {
    const path = join(outDir, page);
    return { page, found: existsSync(path) ? readFileSync(path, 'utf8').includes(marker) : ('missing' as const) };
  });
  return { file: relative(ROOT, file), pages, lost: pages.some((p) => p.found === false) };
}

interface HugoRun {
  version: string;
  ms: number;
  cpuMs?: number;
  maxRssMiB?: number;
  htmlPages: number;
  bytes: number;
  /** PNG files written (the images variant). */
  images?: number;
  profilePage?: OutputStats['profilePage'];
  error?: string;
}

function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Lays our content out as Hugo wants it: a section per profile (`_index.md`) holding its months. */
function hugoContent(content: string, slugs: string[], dir: string): void {
  discard(dir);
  const place = (from: string, to: string): void => {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  for (const slug of slugs) {
    mkdirSync(join(dir, slug), { recursive: true });
    place(join(content, 'profiles', `${slug}.md`), join(dir, slug, '_index.md'));
    for (const name of readdirSync(join(content, 'months', slug))) place(join(content, 'months', slug, name), join(dir, slug, name));
  }
}

/**
 * Builds the content with the minimal Hugo site; `images`: it also draws one image per profile and per
 * year as ours does (Hugo's own images.Text filters on a 1200 × 630 canvas, encoded as PNG), so a
 * build with share images has a like-for-like Hugo to compare with.
 */
async function hugoBuild(content: string, slugs: string[], work: string, version: string, quietAfter: string[], images = false): Promise<HugoRun> {
  const hc = join(work, 'hugo-content');
  const out = join(work, images ? 'hugo-out-images' : 'hugo-out');
  const cache = join(work, 'hugo-cache');
  const resources = join(work, 'hugo-resources');
  const assets = join(work, 'hugo-assets');
  hugoContent(content, slugs, hc);
  discard(out);
  discard(cache);
  discard(resources);
  const env: NodeJS.ProcessEnv = { ...process.env, HUGO_RESOURCEDIR: resources };
  if (images) {
    mkdirSync(assets, { recursive: true });
    writeFileSync(join(assets, 'canvas.png'), shareCanvas());
    Object.assign(env, { HUGO_PARAMS_IMAGES: 'true', HUGO_ASSETDIR: assets });
  }
  // Our last build's background deletion must be over before Hugo is timed, as before our builds.
  await settle(quietAfter);
  const site = fileURLToPath(new URL('./hugo-site/', import.meta.url));
  const r = await timed('hugo', ['--quiet', '--source', site, '--contentDir', hc, '--destination', out, '--cacheDir', cache], { cwd: work, env });
  if (r.code !== 0) return { version, ms: r.ms, htmlPages: 0, bytes: 0, error: r.output.slice(-2000) };
  const stats = outputStats(out, slugs);
  let pngs = 0;
  walk(out, (path) => {
    if (path.endsWith('.png')) pngs++;
  });
  return { version, ms: r.ms, cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB, ...stats, ...(images ? { images: pngs } : {}) };
}

/** The canvas Hugo draws its images on: our share images' background and accent bar, 1200 × 630. */
function shareCanvas(): Buffer {
  const width = 1200;
  const height = 630;
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set(i < width * 12 ? [0x17, 0x65, 0x4f, 255] : [0xfb, 0xfb, 0xf9, 255], i * 4);
  return encodePng(pixels, width, height);
}

/** Runs the other engineers' micro-benchmarks when their files exist. */
async function extraBenches(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [file, fn] of [
    ['heatmap-bench.ts', 'benchHeatmap'],
    ['git-import-bench.ts', 'benchGitImport'],
  ] as const) {
    const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
    if (!existsSync(path)) {
      console.log(`(skipped ${file}: not there yet)`);
      out[fn] = { skipped: `${file} not there yet` };
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, () => unknown>;
      if (typeof mod[fn] !== 'function') throw new Error(`${file} exports no ${fn}()`);
      const result = await mod[fn]!();
      out[fn] = result;
      console.log(`${fn}():`, typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    } catch (e) {
      out[fn] = { error: (e as Error).message };
      console.log(`${fn}() failed: ${(e as Error).message}`);
    }
  }
  return out;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)}s`;
const kb = (b: number | undefined): string => (b === undefined ? '—' : `${(b / 1024).toFixed(1)} KB`);
const mib = (m: number | undefined): string => (m === undefined ? '—' : `${m.toFixed(0)} MiB`);

function phaseLine(p: Record<string, number>, totalMs: number): string {
  const d = (a?: number, b?: number): string => (a === undefined || b === undefined ? '?' : `${(b - a).toFixed(2)}s`);
  return `check ${d(0, p.checked)} · astro setup+sync ${d(p.checked, p.synced)} · vite bundle ${d(p.synced, p.bundled)} · render+write ${d(p.bundled, p.written)} · finish ${d(p.written, totalMs / 1000)}`;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const astroVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string;
  const hugo = o.hugo ? hugoVersion() : undefined;
  // One snapshot per bench process: two benches at once (sizes run by hand in parallel) must not
  // replace each other's project copy mid-build. Copies left by benches that died are removed.
  const snapshots = join(tmpdir(), `engfolio-bench-${process.getuid?.() ?? 'user'}`);
  removeDeadSnapshots(snapshots);
  const snapshot = snapshotProject(join(snapshots, `project-${process.pid}`), o.incremental, o.shareImages);
  const env = {
    node: process.version,
    astro: astroVersion,
    hugo: hugo ?? (o.hugo ? 'not on PATH (skipped)' : 'skipped (--no-hugo)'),
    buildVia: snapshot.via,
    incrementalBuild: snapshot.incrementalInConfig ? 'on (astro.config.mjs)' : o.incremental ? 'on (--incremental)' : 'off',
    peakRss: HAS_GNU_TIME ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS of a wrapper',
    cpus: cpus().length,
  };
  console.log(
    `engfolio bench — node ${env.node}, astro ${env.astro}, hugo: ${env.hugo}\nbuild via ${env.buildVia} in a snapshot of the project (${snapshot.root}), incremental build: ${env.incrementalBuild}`,
  );
  const results: Record<string, unknown>[] = [];
  const rows: string[][] = [];
  let lostEdits = false;
  for (const name of o.sizes) {
    const size = SIZES[name]!;
    const work = join(WORK, `run-${name}`);
    const c = contentFor(size, o.seed);
    console.log(
      `\n== ${name}: ${size.profiles} profile(s) × ${size.months} months — ${c.files} files, ${(c.bytes / 1048576).toFixed(1)} MiB` +
        (c.generateMs ? ` (generated in ${s(c.generateMs)})` : ' (cached)'),
    );
    // Content and output sit inside the build root: the content store wants root-relative file paths,
    // and an outDir outside the working directory makes Astro share `.astro/.prerender/` across builds.
    const contentLink = useContent(snapshot.root, c.dir);
    const paths: BuildPaths = {
      root: snapshot.root,
      content: contentLink,
      outDir: join(snapshot.root, `bench-out-${name}`),
      cpuProfDir: o.cpuProf ? join(work, 'cpu-prof') : undefined,
    };
    discard(work);
    mkdirSync(work, { recursive: true });
    removeCaches(paths);
    const cold = await projectBuild(paths, snapshot.via);
    if (!cold.ok) {
      console.error(`cold build failed:\n${cold.output.slice(-4000)}`);
      process.exitCode = 1;
      continue;
    }
    const coldStats = outputStats(paths.outDir, c.slugs);
    // The sharded case (largest size only) checks its merged site against this one.
    const shardedHere = o.shards > 0 && name === o.sizes.at(-1) && snapshot.via === 'engfolio build';
    const coldTree = shardedHere ? hashTree(paths.outDir) : undefined;
    console.log(`cold   ${s(cold.ms)} (CPU ${cold.cpuMs === undefined ? '?' : s(cold.cpuMs)})  ${phaseLine(cold.phases, cold.ms)}`);
    const repos = coldStats.repositoryPage;
    console.log(
      `       index page ${kb(coldStats.indexHtml)} HTML${repos ? `; ${repos.count} repository pages, the largest ${kb(repos.largestHtml)} HTML` : ''}`,
    );
    const warm = await projectBuild({ ...paths, cpuProfDir: undefined }, snapshot.via);
    if (!warm.ok) console.error(`warm build failed:\n${warm.output.slice(-4000)}`);
    console.log(
      `warm   ${s(warm.ms)} (CPU ${warm.cpuMs === undefined ? '?' : s(warm.cpuMs)})  ${phaseLine(warm.phases, warm.ms)}  (${warm.filesReused} unchanged files reused)`,
    );
    const editSlug = c.slugs[Math.floor(c.slugs.length / 2)]!;
    // The latest month, the one people edit: a long record's profile page shows only its latest months in full.
    const editMonth = c.months.at(-1)!;
    const edit = editOneMonth(c.dir, editSlug, editMonth);
    let edited: BuildRun;
    let check: EditCheck;
    try {
      edited = await projectBuild({ ...paths, cpuProfDir: undefined }, snapshot.via);
      check = checkEdit(paths.outDir, editSlug, editMonth, edit.marker, edit.file);
    } finally {
      edit.restore();
    }
    if (!edited.ok) {
      console.error(`edit build failed:\n${edited.output.slice(-4000)}`);
      process.exitCode = 1;
    }
    console.log(
      `edit   ${s(edited.ms)} (CPU ${edited.cpuMs === undefined ? '?' : s(edited.cpuMs)})  ${phaseLine(edited.phases, edited.ms)}  (${edited.filesReused} unchanged files reused)`,
    );
    for (const p of check.pages) {
      if (p.found === 'missing') console.log(`  (edit check: ${p.page} is not in the output)`);
    }
    if (check.lost) {
      lostEdits = true;
      console.log(
        `\n!!!!!!!! LOST EDIT: ${check.file} was edited, but ${check.pages
          .filter((p) => p.found === false)
          .map((p) => p.page)
          .join(' and ')} still show(s) the old text.`,
      );
      console.log('!!!!!!!! A page was reused whose cacheKey does not cover every entry it reads.\n');
    }
    const sharded = coldTree ? await shardedBuilds(paths, o.shards, coldTree, cold.ms) : undefined;
    let hugoRun: HugoRun | undefined;
    let hugoImages: HugoRun | undefined;
    if (hugo) {
      hugoRun = await hugoBuild(c.dir, c.slugs, work, hugo, buildWorkDirs(paths));
      if (hugoRun.error) console.log(`hugo failed: ${hugoRun.error}`);
      else
        console.log(
          `hugo   ${s(hugoRun.ms)} (CPU ${hugoRun.cpuMs === undefined ? '?' : s(hugoRun.cpuMs)})  ${hugoRun.htmlPages} pages, peak ${mib(hugoRun.maxRssMiB)}`,
        );
      // Like for like: when ours drew share images, Hugo draws as many (one per profile and year).
      if (coldStats.shareImages.count > 0) {
        hugoImages = await hugoBuild(c.dir, c.slugs, work, hugo, buildWorkDirs(paths), true);
        if (hugoImages.error) console.log(`hugo with images failed: ${hugoImages.error}`);
        else
          console.log(
            `hugo+i ${s(hugoImages.ms)} (CPU ${hugoImages.cpuMs === undefined ? '?' : s(hugoImages.cpuMs)})  ${hugoImages.htmlPages} pages and ${hugoImages.images ?? 0} images, peak ${mib(hugoImages.maxRssMiB)}`,
          );
      }
    }
    const ratio = hugoRun && !hugoRun.error ? cold.ms / hugoRun.ms : undefined;
    const imagesRatio = hugoImages && !hugoImages.error ? cold.ms / hugoImages.ms : undefined;
    const cpuRatio = hugoRun?.cpuMs && cold.cpuMs ? cold.cpuMs / hugoRun.cpuMs : undefined;
    // The edit target: a one-month rebuild against Hugo building everything from scratch.
    const editRatio = hugoRun && !hugoRun.error ? edited.ms / hugoRun.ms : undefined;
    const pp = coldStats.profilePage;
    results.push({
      size: name,
      profiles: size.profiles,
      months: size.months,
      contentFiles: c.files,
      contentBytes: c.bytes,
      cold: { ms: cold.ms, cpuMs: cold.cpuMs, maxRssMiB: cold.maxRssMiB, phases: cold.phases, pagesPerSecond: coldStats.htmlPages / (cold.ms / 1000) },
      warm: { ms: warm.ms, cpuMs: warm.cpuMs, maxRssMiB: warm.maxRssMiB, phases: warm.phases, filesReused: warm.filesReused },
      edit: { ms: edited.ms, cpuMs: edited.cpuMs, maxRssMiB: edited.maxRssMiB, phases: edited.phases, filesReused: edited.filesReused, check },
      output: coldStats,
      hugo: hugoRun,
      ...(hugoImages ? { hugoWithImages: hugoImages, ratioToHugoWithImages: imagesRatio } : {}),
      ratioToHugo: ratio,
      cpuRatioToHugo: cpuRatio,
      editRatioToHugoCold: editRatio,
      ...(sharded ? { sharded } : {}),
    });
    rows.push([
      name,
      `${size.profiles}×${size.months}`,
      String(coldStats.htmlPages),
      s(cold.ms),
      cold.cpuMs !== undefined ? s(cold.cpuMs) : '—',
      (coldStats.htmlPages / (cold.ms / 1000)).toFixed(0),
      s(warm.ms),
      `${s(edited.ms)}${check.lost ? ' LOST' : ''}`,
      mib(Math.max(cold.maxRssMiB ?? 0, warm.maxRssMiB ?? 0, edited.maxRssMiB ?? 0) || undefined),
      `${(coldStats.bytes / 1048576).toFixed(1)} MiB`,
      pp ? `${kb(pp.medianHtml)} / ${kb(pp.largestHtml)}` : '—',
      pp ? `${kb(pp.medianGzip)} / ${kb(pp.largestGzip)}` : '—',
      coldStats.yearPage ? `${kb(coldStats.yearPage.medianHtml)} / ${kb(coldStats.yearPage.largestHtml)}` : '—',
      `${coldStats.shareImages.count}, ${(coldStats.shareImages.bytes / 1048576).toFixed(1)} MiB`,
      hugoRun && !hugoRun.error ? s(hugoRun.ms) : '—',
      ratio !== undefined ? `${ratio.toFixed(2)}×` : '—',
      imagesRatio !== undefined ? `${imagesRatio.toFixed(2)}×` : '—',
      cpuRatio !== undefined ? `${cpuRatio.toFixed(2)}×` : '—',
      editRatio !== undefined ? `${editRatio.toFixed(2)}×` : '—',
    ]);
  }
  // The shipped example (content/): its profile page size is a target of its own.
  let example: OutputStats['profilePage'] | undefined;
  if (o.sizes.includes('S') && existsSync(join(ROOT, 'content', 'profiles'))) {
    useContent(snapshot.root, join(ROOT, 'content'));
    const paths: BuildPaths = { root: snapshot.root, content: join(snapshot.root, 'content'), outDir: join(snapshot.root, 'bench-out-example') };
    removeCaches(paths);
    const build = await projectBuild(paths, snapshot.via);
    const slugs = readdirSync(join(ROOT, 'content', 'profiles'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    const stats = build.ok ? outputStats(paths.outDir, slugs) : undefined;
    example = stats?.profilePage;
    const year = stats?.yearPage ? `; largest year page ${kb(stats.yearPage.largestHtml)} HTML (${stats.yearPage.largestPath})` : '';
    console.log(
      build.ok && example
        ? `\nexample content/: largest profile page ${kb(example.largestHtml)} HTML, ${kb(example.largestGzip)} gzip (${example.largestSlug})${year}`
        : `\nexample content/: build failed\n${build.output.slice(-2000)}`,
    );
  }
  // A starter-sized site against a bare Astro site with as many pages: what engfolio adds on a small site.
  const starter = o.sizes.includes('S') && snapshot.via === 'engfolio build' ? await starterVsBare(snapshot.root) : undefined;
  const head = [
    'size',
    'shape',
    'pages',
    'cold',
    'cold CPU',
    'pages/s',
    'warm',
    '1-month edit',
    'peak RSS',
    'output',
    'profile HTML med/max',
    'gzip med/max',
    'year HTML med/max',
    'share images',
    'hugo cold',
    'ours/hugo',
    'ours/hugo+images',
    'CPU ours/hugo',
    'edit/hugo cold',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  const byName = Object.fromEntries(results.map((r) => [r.size, r]));
  let scaling: number | undefined;
  if (byName.M && byName.L) {
    scaling = (byName.L as { cold: { ms: number } }).cold.ms / (byName.M as { cold: { ms: number } }).cold.ms;
    console.log(`\nM→L cold time ratio: ${scaling.toFixed(2)}× for 10× the content`);
  }
  console.log('');
  const extra = o.extra ? await extraBenches() : undefined;
  mkdirSync(dirname(o.json), { recursive: true });
  writeFileSync(o.json, JSON.stringify({ env, seed: o.seed, results, example, starter, scalingMtoL: scaling, extra }, null, 2) + '\n');
  console.log(`\nwrote ${relative(process.cwd(), o.json) || o.json}`);
  if (lostEdits) {
    console.log('\nLOST EDITS: see the warnings above.');
    process.exitCode = 1;
  }
}

interface ShardedRun {
  shards: { shard: string; ms: number; cpuMs: number | undefined; maxRssMiB: number | undefined; pages: number }[];
  mergeMs: number;
  /** The slowest shard and the merge: the wall time with one machine per shard. */
  projectedMs: number;
  /** projectedMs over the unsharded cold build. */
  ratioToCold: number;
  /** The merged site has the unsharded cold build's files, byte for byte. */
  identical: boolean;
}

/**
 * The sharded case: `count` profile shards and the site shard built one after another, each from cold
 * caches as on a fresh CI machine, then merged; prints each time and the projected wall time with a
 * machine per shard against the unsharded cold build, and checks the merge against that build.
 */
async function shardedBuilds(p: BuildPaths, count: number, coldTree: Record<string, string>, coldMs: number): Promise<ShardedRun> {
  const names = [...Array.from({ length: count }, (_, i) => `${i + 1}/${count}`), 'site'];
  const shards: ShardedRun['shards'] = [];
  const dirs: string[] = [];
  for (const shard of names) {
    const outDir = join(p.root, `bench-shard-${shard.replace('/', '-of-')}`);
    removeCaches({ ...p, outDir });
    const r = await projectBuild({ ...p, outDir, cpuProfDir: undefined }, 'engfolio build', ['--shard', shard]);
    if (!r.ok) fail(`shard ${shard} failed:\n${r.output.slice(-4000)}`);
    shards.push({ shard, ms: r.ms, cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB, pages: r.pages });
    dirs.push(outDir);
    console.log(`shard ${shard.padEnd(5)} ${s(r.ms)} (CPU ${r.cpuMs === undefined ? '?' : s(r.cpuMs)}), ${r.pages} pages, peak ${mib(r.maxRssMiB)}`);
  }
  const merged = join(p.root, 'bench-shards-merged');
  discard(merged);
  await settle(buildWorkDirs({ ...p, outDir: merged }));
  const m = await timed(process.execPath, [join(p.root, 'src', 'cli', 'bin.ts'), 'merge', ...dirs, '--out', merged], { cwd: p.root, env: process.env });
  if (m.code !== 0) fail(`merge failed:\n${m.output.slice(-4000)}`);
  const tree = hashTree(merged);
  const identical = JSON.stringify(Object.entries(tree).sort()) === JSON.stringify(Object.entries(coldTree).sort());
  const projectedMs = Math.max(...shards.map((x) => x.ms)) + m.ms;
  console.log(
    `merge       ${s(m.ms)}; with ${names.length} machines: ${s(projectedMs)} against ${s(coldMs)} unsharded (${(projectedMs / coldMs).toFixed(2)}×); merged site ${identical ? 'identical to' : 'DIFFERS FROM'} the unsharded build`,
  );
  if (!identical) process.exitCode = 1;
  for (const d of [...dirs, merged]) discard(d);
  return { shards, mergeMs: m.ms, projectedMs, ratioToCold: projectedMs / coldMs, identical };
}

/**
 * Builds the starter of `engfolio init` (its content, a site of the snapshot's engfolio) with `engfolio
 * build` and a bare Astro site of as many plain pages with `astro build`, in turn, five times each; prints
 * and returns the medians and their ratio.
 */
async function starterVsBare(root: string): Promise<{ engfolioMs: number; bareMs: number; ratio: number; pages: number }> {
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const site = join(root, 'bench-starter');
  const bare = join(root, 'bench-bare');
  for (const dir of [site, bare]) discard(dir);
  const content = join(root, 'src', 'starter', 'content');
  write(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport engfolio from ${JSON.stringify(join(root, 'src', 'index.ts'))};\nexport default defineConfig({ integrations: [engfolio({ content: ${JSON.stringify(content)} })] });\n`,
  );
  write(
    join(site, 'src', 'content.config.ts'),
    `import { engfolioCollections } from ${JSON.stringify(join(root, 'src', 'content.ts'))};\nexport const collections = engfolioCollections();\n`,
  );
  write(join(site, 'package.json'), '{ "type": "module" }\n');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
  const once = async (cwd: string, args: string[], out: string): Promise<number> => {
    discard(join(cwd, out));
    await settle([join(cwd, '.engfolio')]);
    const r = await timed(process.execPath, args, { cwd, env });
    if (r.code !== 0) fail(`starter bench: ${args.join(' ')} failed in ${cwd}:\n${r.output.slice(-2000)}`);
    return r.ms;
  };
  await once(site, [join(root, 'src', 'cli', 'bin.ts'), 'build'], 'dist');
  const pages = readdirSync(join(site, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  write(join(bare, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  write(join(bare, 'package.json'), '{ "type": "module" }\n');
  for (let i = 0; i < pages; i++)
    write(
      join(bare, 'src', 'pages', i ? `p${i}.astro` : 'index.astro'),
      `---\nconst n = ${i};\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`,
    );
  const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const ours: number[] = [];
  const theirs: number[] = [];
  // Warm both once (V8's compile cache, the file system), then alternate.
  await once(bare, [astroBin, 'build'], 'dist');
  for (let i = 0; i < 5; i++) {
    ours.push(await once(site, [join(root, 'src', 'cli', 'bin.ts'), 'build'], 'dist'));
    theirs.push(await once(bare, [astroBin, 'build'], 'dist'));
  }
  const engfolioMs = median(ours);
  const bareMs = median(theirs);
  console.log(
    `\nstarter (${pages} pages, engfolio build) ${s(engfolioMs)} · bare Astro site of ${pages} pages (astro build) ${s(bareMs)} · ${(engfolioMs / bareMs).toFixed(2)}× (medians of 5)`,
  );
  return { engfolioMs, bareMs, ratio: engfolioMs / bareMs, pages };
}

try {
  await main();
} finally {
  emptyTrash();
}
