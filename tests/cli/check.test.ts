// `engfolio check` as a command: exit codes, every problem printed, summary line, never a stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runEngfolio } from '../support/test-site.ts';

/** `engfolio check` run from the repository root (a site itself), with --content naming the fixtures. */
function check(...args: string[]): { code: number | null; out: string } {
  const r = runEngfolio(PROJECT_ROOT, ['check', ...args]);
  return { code: r.code, out: r.out + r.err };
}

const sites: string[] = [];
afterAll(() => sites.forEach(removeTestSite));

describe('engfolio check', () => {
  it("checks the content folder the site's options name", () => {
    const site = makeTestSite();
    sites.push(site);
    const r = runEngfolio(site, ['check']);
    expect(r.out).toMatch(/^check: content OK — 2 profiles, 16 months, 1 activity file$/m);
    expect(r.code).toBe(0);
  });

  it('names a bad option of the Astro config, and checks nothing', () => {
    const site = makeTestSite({ options: { heatmap: { weekStart: 'tuesday' } } });
    sites.push(site);
    const r = runEngfolio(site, ['check']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('error astro.config.mjs — engfolio.heatmap.weekStart: expected one of "monday", "sunday", "saturday", found "tuesday"');
  });

  it('says so when the folder has no site and no --content is given', () => {
    const r = runEngfolio('/', ['check']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('engfolio check: expected an Astro config (astro.config.mjs) in /, found none');
  });

  it('reports every problem of a folder in one run, then a summary, and exits 1', () => {
    const r = check('--content', 'tests/fixtures/content-errors');
    expect(r.code).toBe(1);
    expect(r.out).toContain('error tests/fixtures/content-errors/profiles/wrong-type.md:4 — totals.commits: expected a number, found "twelve"');
    expect(r.out).toContain('error tests/fixtures/content-errors/activity/ok.csv:2 — date: expected a calendar day as YYYY-MM-DD, found "2024-02-30"');
    // A profile's sources are checked like every other field, and a token in a URL is not repeated.
    expect(r.out).toContain('error tests/fixtures/content-errors/profiles/bad-sources.md:8 — sources.1.since: expected a month as YYYY-MM, found "2024-1"');
    expect(r.out).not.toContain('ghp_abc123');
    expect(r.out).toContain(
      'error tests/fixtures/content-errors/profiles/bad-sources.md:18 — sources.5.git: expected a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN), found "ftps://***@git.example/acme/x.git"',
    );
    expect(r.out).toContain(
      'error tests/fixtures/content-errors/profiles/bad-sources.md:20 — sources.6.git: expected a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN), found "https://gitlab.example/acme/x.git?***"',
    );
    const lines = r.out.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error ')).length).toBe(38);
    expect(lines.at(-1)).toBe('check: 38 errors, 3 warnings in 24 files — valid: 4 profiles, 2 months, 3 activity files');
    expect(r.out).not.toMatch(/^\s+at /m);
  });

  it("counts the texts the git importer drafted, for their author (the pages don't show the note)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'engfolio-drafts-'));
    try {
      mkdirSync(join(dir, 'profiles'));
      mkdirSync(join(dir, 'months', 'ada'), { recursive: true });
      writeFileSync(join(dir, 'profiles', 'ada.md'), '---\nname: Ada\n---\n\nHand-written summary.\n');
      const draft = (n: number) =>
        `---\ncommits: ${n}\nfeatures: 0\ngenerated:\n  fingerprint: 0123456789abcdef\n---\n\nA draft.\n\n<!-- A draft generated from git history -->\n`;
      writeFileSync(join(dir, 'months', 'ada', '2025-01.md'), draft(1));
      writeFileSync(join(dir, 'months', 'ada', '2025-02.md'), draft(2));
      writeFileSync(join(dir, 'months', 'ada', '2025-03.md'), '---\ncommits: 3\nfeatures: 0\n---\n\nWritten by hand.\n');
      const r = check('--content', dir);
      expect(r.code).toBe(0);
      expect(r.out.trim().split('\n').at(-1)).toBe(
        'check: content OK — 1 profile, 3 months, 0 activity files; 2 texts drafted from git history, yours to edit (later imports leave edited texts alone)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes with warnings, and fails on them with --strict', () => {
    const plain = check('--content', 'tests/fixtures/content-warnings');
    expect(plain.code).toBe(0);
    expect(plain.out).toContain(
      'warning tests/fixtures/content-warnings/profiles/warn.md:3 — headlin: expected a known field, found an unknown one: ignored — did you mean "headline"?',
    );
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
    expect(r.out).toContain("engfolio check: Unknown option '--strcit'");
    expect(r.out).toContain('usage: engfolio check');
    expect(r.out).not.toMatch(/^\s+at /m);
  });
});
