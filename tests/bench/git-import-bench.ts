// Benchmark of `npm run import:git` on a synthetic repository of 200,000 commits (made with git fast-import
// from a fixed seed, cached under the OS temp folder): import time against the bare `git log` it reads, and
// the importer's peak RSS. Run alone with `npx node tests/bench/git-import-bench.ts [commits]`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gitEnv, gitLogArgs } from '../../src/lib/git/git-log.ts';
import { mulberry32 } from './generate.ts';

const SEED = 20240131;
const AUTHOR = 'dev0@example.com';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A small deterministic PRNG (the content generator's mulberry32). */
const prng = mulberry32;

const DIRS = ['src/api', 'src/web', 'src/core', 'lib', 'packages/ui', 'packages/db', 'cmd/tool', 'docs', 'vendor/dep', 'scripts', 'tests'];
const EXTS = ['.ts', '.tsx', '.go', '.py', '.rs', '.md', '.json', '.css', '.c', '.h'];
const SUBJECTS = [
  'feat: add {w}',
  'fix: crash in {w}',
  'Add {w} support',
  'Fix {w} regression',
  'refactor {w}',
  'chore: bump {w}',
  'docs: explain {w}',
  'Update {w}',
  'Revert "Add {w}"',
  'net: fix {w} leak (fixes #{n})',
];
const WORDS = ['cache', 'parser', 'login', 'search', 'upload', 'export', 'router', 'scheduler', 'metrics', 'billing'];

/** Runs a git command in `cwd` (always explicit: the bench must not depend on the process's own folder); throws with git's first error line. */
function gitIn(cwd: string, args: string[]): void {
  const r = spawnSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args[0]} failed in ${cwd}: ${(r.stderr || r.error?.message || '').split('\n')[0]}`);
}

const PARTIAL = '.partial-';
const STALE_PARTIAL_MS = 3 * 3600_000;

/**
 * Creates (or reuses) the synthetic bare repository and returns its path; the fast-import stream is written
 * in chunks, never held whole. The repository is built in a private temp folder and renamed into place
 * once complete, so benches running at the same time never delete or write into each other's folder.
 */
export async function syntheticRepo(commits: number, seed = SEED): Promise<string> {
  const name = `engfolio-bench-git-${seed}-${commits}`;
  const dir = join(tmpdir(), name);
  if (existsSync(join(dir, 'bench-complete'))) return dir;
  // Partial folders of killed runs (a complete build takes minutes, not hours).
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(name + PARTIAL)) continue;
    const path = join(tmpdir(), entry);
    if (Date.now() - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { recursive: true, force: true });
  }
  const work = mkdtempSync(join(tmpdir(), name + PARTIAL));
  try {
    gitIn(work, ['init', '-q', '--bare', '-b', 'main', '.']);
    await fastImport(work, commits, seed);
    gitIn(work, ['gc', '-q']);
    writeFileSync(join(work, 'bench-complete'), `${commits}\n`);
    try {
      // An incomplete folder from an older version of this bench is in the way: it is nobody's work in progress.
      if (existsSync(dir) && !existsSync(join(dir, 'bench-complete'))) rmSync(dir, { recursive: true, force: true });
      renameSync(work, dir);
    } catch (error) {
      // Another bench finished the same repository first: use theirs.
      if (!existsSync(join(dir, 'bench-complete'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** Streams the synthetic history for `commits` commits into `git fast-import` in the bare repository `dir`. */
async function fastImport(dir: string, commits: number, seed: number): Promise<void> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const paths = Array.from({ length: 3000 }, (_, i) => `${pick(DIRS)}/m${i % 97}/file${i}${pick(EXTS)}`);
  const contents = new Map<string, number>();
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  let parts: string[] = [];
  const flush = async () => {
    if (!child.stdin.write(parts.join(''))) await new Promise((r) => child.stdin.once('drain', r));
    parts = [];
  };
  let time = Date.UTC(2012, 0, 1) / 1000;
  const step = Math.floor((Date.UTC(2024, 11, 31) / 1000 - time) / commits);
  for (let i = 1; i <= commits; i++) {
    time += 1 + Math.floor(rand() * step * 2 - 1);
    const who = rand() < 0.6 ? 0 : 1 + Math.floor(rand() * 6);
    const offsetH = Math.floor(rand() * 24) - 11;
    const offset = `${offsetH < 0 ? '-' : '+'}${String(Math.abs(offsetH)).padStart(2, '0')}00`;
    const subject = pick(SUBJECTS)
      .replace('{w}', pick(WORDS))
      .replace('{n}', String(i % 900));
    parts.push(
      `commit refs/heads/main\nmark :${i}\nauthor Dev ${who} <dev${who}@example.com> ${time} ${offset}\ncommitter Dev ${who} <dev${who}@example.com> ${time} ${offset}\ndata ${Buffer.byteLength(subject) + 1}\n${subject}\n`,
    );
    if (i > 1) parts.push(`from :${i - 1}\n`);
    const files = 1 + Math.floor(rand() * 3);
    for (let f = 0; f < files; f++) {
      const path = pick(paths);
      const version = (contents.get(path) ?? 0) + 1;
      contents.set(path, version);
      const lines = 3 + (version % 7);
      let body = '';
      for (let l = 0; l < lines; l++) body += `line ${l} of ${path} v${l === version % lines ? version : 0}\n`;
      parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
    parts.push('\n');
    if (i % 2000 === 0) await flush();
  }
  await flush();
  child.stdin.end();
  if ((await done) !== 0) throw new Error(`git fast-import failed: ${stderr.trim().split('\n')[0]}`);
}

function timeBareGitLog(repo: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    // stdout drained through a pipe, as the importer reads it
    const child = spawn('git', gitLogArgs(true), { cwd: repo, env: gitEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`git log exited ${code}`))));
  });
}

function timeImport(repo: string): Promise<{ ms: number; peakRssMb: number }> {
  const content = mkdtempSync(join(tmpdir(), 'engfolio-bench-content-'));
  const cli = pathToFileURL(join(ROOT, 'src/cli/import-git.ts')).href;
  // The import runs in a child so its peak RSS is its own (process.resourceUsage().maxRSS, in KiB).
  const script = `const { importGit } = await import(${JSON.stringify(cli)});
const status = await importGit(JSON.parse(process.argv[1]), () => {});
process.stdout.write(JSON.stringify({ status, maxRss: process.resourceUsage().maxRSS }));`;
  const args = [repo, '--author', AUTHOR, '--name', 'Bench Dev', '--content', content];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - start;
      rmSync(content, { recursive: true, force: true });
      try {
        const r = JSON.parse(out) as { status: number; maxRss: number };
        if (r.status !== 0) return reject(new Error('import failed'));
        resolve({ ms, peakRssMb: Math.round((r.maxRss / 1024) * 10) / 10 });
      } catch {
        reject(new Error(`import child gave no result: ${out}`));
      }
    });
  });
}

/** Builds (or reuses) the synthetic repository and returns the import time, the bare git log time, their ratio and the importer's peak RSS. */
export async function benchGitImport(
  opts: { commits?: number } = {},
): Promise<{ commits: number; importMs: number; gitLogMs: number; ratio: number; peakRssMb: number }> {
  const commits = opts.commits ?? 200_000;
  const repo = await syntheticRepo(commits);
  await timeBareGitLog(repo); // warm the page cache
  const gitLogMs = Math.min(await timeBareGitLog(repo), await timeBareGitLog(repo));
  const a = await timeImport(repo);
  const b = await timeImport(repo);
  const best = a.ms <= b.ms ? a : b;
  return {
    commits,
    importMs: Math.round(best.ms),
    gitLogMs: Math.round(gitLogMs),
    ratio: Math.round((best.ms / gitLogMs) * 100) / 100,
    peakRssMb: Math.max(a.peakRssMb, b.peakRssMb),
  };
}

if (import.meta.main) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  const r = await benchGitImport({ commits: n });
  console.log(
    `git import: ${r.commits} commits — import ${r.importMs} ms, bare git log ${r.gitLogMs} ms, ratio ${r.ratio}× (target ≤ 1.5×), peak RSS ${r.peakRssMb} MB (target < 300 MB)`,
  );
}
