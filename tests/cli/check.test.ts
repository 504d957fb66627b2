// `npm run check` as a command: exit codes, every problem printed, summary line, never a stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = `${root}node_modules/.bin/node`;

function check(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(node, ['src/cli/check.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ENGFOLIO_STRICT: '' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run check', () => {
  it('passes on the shipped content', () => {
    const r = check();
    expect(r.out).toMatch(/^check: content OK — 2 profiles, \d+ months, \d+ activity files?$/m);
    expect(r.code).toBe(0);
  });

  it('checks the site options from the environment with the content', () => {
    const r = spawnSync(node, ['src/cli/check.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, ENGFOLIO_STRICT: '', ENGFOLIO_WEEK_START: 'tuesday' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error environment — ENGFOLIO_WEEK_START: expected one of monday, sunday, found "tuesday"');
  });

  it('reports every problem of a folder in one run, then a summary, and exits 1', () => {
    const r = check('--content', 'tests/fixtures/content-errors');
    expect(r.code).toBe(1);
    expect(r.out).toContain('error tests/fixtures/content-errors/profiles/wrong-type.md:4 — totals.commits: expected a number, found "twelve"');
    expect(r.out).toContain('error tests/fixtures/content-errors/activity/ok.csv:2 — date: expected a calendar day as YYYY-MM-DD, found "2024-02-30"');
    const lines = r.out.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error ')).length).toBe(26);
    expect(lines.at(-1)).toBe('check: 26 errors, 1 warning in 20 files — valid: 4 profiles, 2 months, 3 activity files');
    expect(r.out).not.toMatch(/^\s+at /m);
  });

  it('passes with warnings, and fails on them with --strict', () => {
    const plain = check('--content', 'tests/fixtures/content-warnings');
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('warning tests/fixtures/content-warnings/profiles/warn.md:3 — headlin: expected a known field, found an unknown one: ignored — did you mean "headline"?');
    const strict = check('--strict', '--content', 'tests/fixtures/content-warnings');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('check: 2 errors, 0 warnings in 1 file (--strict: warnings count as errors)');
  });

  it('says so when the content folder does not exist', () => {
    const r = check('--content', 'tests/fixtures/no-such-folder');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no-such-folder — expected a content folder \(with profiles\/, months\/, activity\/\), found nothing there/);
  });

  it('rejects an unknown option with usage and exit 2, without a stack', () => {
    const r = check('--strcit');
    expect(r.code).toBe(2);
    expect(r.out).toContain("check: Unknown option '--strcit'");
    expect(r.out).toContain('usage: npm run check');
    expect(r.out).not.toMatch(/^\s+at /m);
  });
});
