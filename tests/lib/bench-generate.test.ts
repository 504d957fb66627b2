import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, monthRange, mulberry32, SIZES, type BenchSize } from '../bench/generate.ts';
import { readContent } from '../../src/lib/content-read.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'engfolio-bench-gen-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir` with its sha256, keyed by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

// Small enough to be quick, large enough to have two activity files and network members.
const SMALL: BenchSize = { name: 'test', profiles: 12, months: 5 };

describe('bench content generator', () => {
  it('mulberry32 is a fixed sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(new Set(xs).size).toBe(5);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('counts months back across a year boundary', () => {
    expect(monthRange(3, '2025-02')).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(monthRange(24)).toHaveLength(24);
  });

  it('writes content that reads back with no errors or warnings, in the promised shape', () => {
    const dir = tempDir();
    const g = generate(dir, SMALL);
    const model = readContent(dir, dir);
    expect(model.problems).toEqual([]);
    expect(model.profiles).toHaveLength(12);
    expect(model.months).toHaveLength(12 * 5);
    expect(model.activity.map((a) => a.profile)).toEqual([g.slugs[0], g.slugs[10]].sort());
    expect(new Set(g.slugs).size).toBe(12);
    const month = model.months[0]!;
    expect(month.narrative).toMatch(/\*\*.+\*\*/);
    expect(month.narrative).toMatch(/\[[^\]]+\]\(https:\/\//);
    expect(model.profiles.some((p) => (p.data.network?.members.length ?? 0) > 0)).toBe(true);
    for (const p of model.profiles) {
      expect(p.data.repositories.length).toBeGreaterThan(0);
      expect(Object.keys(p.data.quality).length).toBeGreaterThan(1);
    }
  });

  it('the S size has the example shape: one profile, 13 months, an activity file', () => {
    const dir = tempDir();
    generate(dir, SIZES.S!);
    const model = readContent(dir, dir);
    expect(model.problems).toEqual([]);
    expect([model.profiles.length, model.months.length, model.activity.length]).toEqual([1, 13, 1]);
  });

  it('is byte-identical across runs and time zones, and differs for another seed', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    generate(a, SMALL);
    const module = fileURLToPath(new URL('../bench/generate.ts', import.meta.url));
    const script = `import { generate } from ${JSON.stringify(module)}; generate(${JSON.stringify(b)}, ${JSON.stringify(SMALL)});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(tree(b)).toEqual(tree(a));
    generate(c, SMALL, 7);
    expect(tree(c)).not.toEqual(tree(a));
  });

  it('reads generated content the same way twice in one process, and sees an edit made between reads', () => {
    // readContent reuses its parse of unchanged files within a process (npm run build reads twice).
    const dir = tempDir();
    generate(dir, SMALL);
    const first = readContent(dir, dir);
    const again = readContent(dir, dir);
    expect(again).toEqual(first);
    const month = first.months[3]!;
    const path = join(dir, month.file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^commits: \d+$/m, 'commits: -1') + '\nEdited narrative.\n');
    const edited = readContent(dir, dir);
    expect(edited.months.find((m) => m.file === month.file)).toBeUndefined();
    expect(edited.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ file: month.file, field: 'commits' })]);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^commits: -1$/m, `commits: ${month.data.commits}`));
    const fixed = readContent(dir, dir);
    expect(fixed.problems).toEqual([]);
    const back = fixed.months.find((m) => m.file === month.file)!;
    expect(back.narrative).toContain('Edited narrative.');
    expect(back.digest).not.toBe(month.digest);
  });
});
