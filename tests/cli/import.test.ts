import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport, type ImportIO } from '../../src/cli/import.ts';
import { writeFileAtomic } from '../../src/lib/atomic-write.ts';

const SEED = 'seeds/000_44ad1382dda3814e.txt';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'engfolio-import-'));
  dirs.push(d);
  return d;
}

/** Every file under `dir` with its bytes, keyed by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function run(args: string[], write: ImportIO['write'] = writeFileAtomic) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImport(args, { out: (l) => out.push(l), err: (l) => err.push(l), write, cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('engfolio import', () => {
  it('writes the seed, then reports everything unchanged with byte-identical files', () => {
    const dir = tempDir();
    const first = run([SEED, '--content', dir]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/written: {3}14/);
    expect(first.out).toContain('commits: declared 270, derived 270 ✓');
    expect(first.out).toContain('activity months: declared 13, derived 13 ✓');
    const before = snapshot(dir);
    expect(Object.keys(before)).toHaveLength(14);
    // The shipped example is exactly what the importer writes.
    expect(before['profiles/tejun-heo.md']).toBe(readFileSync('content/profiles/tejun-heo.md', 'utf8'));
    expect(before['months/tejun-heo/2024-12.md']).toBe(readFileSync('content/months/tejun-heo/2024-12.md', 'utf8'));
    const second = run([SEED, '--content', dir]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/written: {3}0/);
    expect(second.out).toMatch(/unchanged: 14/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('skips a hand-edited file, says how to overwrite, and overwrites it only with --force', () => {
    const dir = tempDir();
    run([SEED, '--content', dir]);
    const edited = join(dir, 'months/tejun-heo/2025-01.md');
    const original = readFileSync(edited, 'utf8');
    writeFileSync(edited, original + '\nA hand-written note.\n');
    const skip = run([SEED, '--content', dir]);
    expect(skip.code).toBe(0);
    expect(skip.out).toMatch(/skipped: {3}1/);
    expect(skip.out).toContain('2025-01.md');
    expect(skip.out).toContain('--force');
    expect(readFileSync(edited, 'utf8')).toContain('A hand-written note.');
    const force = run([SEED, '--content', dir, '--force']);
    expect(force.code).toBe(0);
    expect(force.out).toContain('overwritten, --force');
    expect(readFileSync(edited, 'utf8')).toBe(original);
  });

  it('writes nothing for a truncated export or a file that is not an export', () => {
    const dir = tempDir();
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const half = join(dir, 'half.txt');
    writeFileSync(half, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    const content = join(dir, 'content');
    const r = run([half, '--content', content]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error ${half.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+ — `, 'm'));
    expect(r.err).toContain('Nothing was written');
    const notExport = run(['package.json', '--content', content]);
    expect(notExport.code).toBe(1);
    expect(notExport.err).toContain('package.json:1 — expected a profile export');
    expect(() => readdirSync(content)).toThrow();
  });

  it('an import interrupted part-way leaves no partial or temp file and puts back what it wrote', () => {
    const dir = tempDir();
    // An existing, older profile file the import would legitimately replace (--force).
    mkdirSync(join(dir, 'profiles'), { recursive: true });
    writeFileSync(join(dir, 'profiles/tejun-heo.md'), '---\nname: Tejun Heo\n---\n\nOld summary.\n');
    const before = snapshot(dir);
    let calls = 0;
    const failing: ImportIO['write'] = (path, text) => {
      calls++;
      if (calls === 5) {
        // Make the real atomic writer fail at its rename (a directory stands where the file goes):
        // its temp file has been written by then, and must not survive.
        mkdirSync(path);
        try {
          writeFileAtomic(path, text);
        } finally {
          rmdirSync(path);
        }
      }
      writeFileAtomic(path, text);
    };
    const r = run([SEED, '--content', dir, '--force'], failing);
    expect(r.code).toBe(1);
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(r.err).toMatch(/could not write: E(ISDIR|EXIST|NOTEMPTY|PERM)/);
    expect(r.err).toContain('put back');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(dir)).toEqual(before);
  });

  it('writeFileAtomic leaves the old file whole and no temp file when the rename fails', () => {
    const dir = tempDir();
    const target = join(dir, 'a.md');
    mkdirSync(target); // a directory where the file should go: the rename fails
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'new text')).toThrow();
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
  });

  it('prints help, and a usage error without a stack trace', () => {
    expect(run(['--help']).out).toContain('--force');
    const bad = run(['--nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("Unknown option '--nope'");
    const none = run([]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('expected exactly one export file');
    const missing = run(['seeds/does-not-exist.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file');
  });

  it('runs as a real command', () => {
    const dir = tempDir();
    const out = execFileSync(process.execPath, ['src/cli/bin.ts', 'import', SEED, '--content', dir], { cwd: process.cwd(), encoding: 'utf8' });
    expect(out).toContain('Imported Tejun Heo (tejun-heo)');
    expect(out).toContain('features vs bugs: declared 70%, derived 70% ✓');
    expect(Object.keys(snapshot(dir))).toHaveLength(14);
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ['src/cli/bin.ts', 'import', 'README.md', '--content', dir], { cwd: process.cwd(), encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failure = e as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('README.md:1 — expected a profile export');
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
