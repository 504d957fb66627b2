// Every content case of issue 6: each bad file in tests/fixtures/content-errors gives exactly the
// `file:line — field: expected …, found …` message asserted here, all in one read.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetContentReads } from '../../src/lib/content-cache.ts';
import { readContent } from '../../src/lib/content-read.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

/** Reads a fixture with paths shown relative to it, returning formatted problems. */
function problemsOf(name: string): string[] {
  const dir = fixture(name);
  return readContent(dir, dir).problems.map(formatProblem);
}

describe('content-errors fixture: every problem in one read', () => {
  const problems = problemsOf('content-errors');
  const expected = [
    // malformed YAML: the parser's line, in file lines (the frontmatter starts on line 2)
    'error profiles/malformed-yaml.md:4 — malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    // code in frontmatter is refused, plainly
    'error profiles/js-frontmatter.md:1 — expected YAML frontmatter (`---`), found `---js`: engfolio never runs code from content, write the fields as YAML',
    'error profiles/missing-name.md — name: expected a value (required field), found nothing',
    'error profiles/wrong-type.md:4 — totals.commits: expected a number, found "twelve"',
    'error profiles/bad-percent.md:4 — quality.Correctness: expected a number ≤ 100, found number 120',
    'error profiles/bad-percent.md:5 — quality.Coverage: expected a number ≥ 0, found number -5',
    'error profiles/negative-count.md:4 — totals.bugs: expected a number ≥ 0, found number -3',
    'error profiles/bad-repo.md:6 — repositories.0.to: expected the last month ("to") on or after the first ("from") (from is 2024-05), found "2024-01"',
    // where a profile's record comes from (engfolio update): the token of a URL is never repeated
    'error profiles/bad-sources.md:5 — sources.0.authors: expected at least 1 item, found an empty list',
    'error profiles/bad-sources.md:6 — sources.1.git: expected a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN), found "https://***@github.com/acme/private.git"',
    'error profiles/bad-sources.md:8 — sources.1.since: expected a month as YYYY-MM, found "2024-1"',
    'error profiles/bad-sources.md:11 — sources.2.name: expected a name as owner/name, found "tools"',
    'error profiles/bad-sources.md:12 — sources.3.git: expected a value (required field), found nothing',
    'warning profiles/bad-sources.md:13 — sources.3.privat: expected a known field, found an unknown one: ignored — did you mean "private"?',
    'error profiles/bad-sources.md:17 — sources.4.until: expected the last month ("until") on or after the first ("since") (since is 2024-06), found "2024-02"',
    'error profiles/bad-sources.md:18 — sources.5.git: expected a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN), found "ftps://***@git.example/acme/x.git"',
    'error profiles/bad-sources.md:20 — sources.6.git: expected a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN), found "https://gitlab.example/acme/x.git?***"',
    // two names that slug to the same thing: the file already named by the slug keeps it
    'error profiles/José.md — expected the file name to be a slug (lowercase ASCII letters, digits and hyphens), found "José": its slug "jose" is already used by profiles/jose.md: merge the two or choose another file name',
    'error profiles/Bob.md — expected the file name to be a slug (lowercase ASCII letters, digits and hyphens), found "Bob": rename it to "bob.md"',
    // a slug that names engfolio's own folder
    'error profiles/repos.md — expected a file name other than "repos.md", found it: /repos/ holds engfolio\'s repository pages',
    'error months/nobody — profile: expected a profile "nobody" (profiles/nobody.md) for these months, found none',
    'error months/ok/2024-3.md — expected the file name to be a month as YYYY-MM.md, found "2024-3.md": rename it to "2024-03.md"',
    'error months/ok/24-1.md — expected the file name to be a month as YYYY-MM.md, found "24-1.md"',
    // two entries for one month: another extension next to the .md, or a frontmatter month naming a sibling's month
    'error months/ok/2024-04.markdown — expected the file name to be a month as YYYY-MM.md, found "2024-04.markdown": a second entry for 2024-04, which months/ok/2024-04.md already holds — merge the two',
    'error months/ok/2024-05.md:2 — month: expected 2024-05 (the file name), found 2024-06 — a second entry for 2024-06, which months/ok/2024-06.md holds',
    'error months/ok/2024-07.md:3 — features: expected features not more than commits (commits is 10), found number 12',
    // a negative count alone, without the features rule echoing it
    'error months/ok/2024-08.md:2 — commits: expected a number ≥ 0, found number -1',
    // an unknown field does not hide the cross-field error zod skips while other issues exist
    'warning months/ok/2024-09.md:4 — featurs: expected a known field, found an unknown one: ignored — did you mean "features"?',
    'error months/ok/2024-09.md:3 — features: expected features not more than commits (commits is 2), found number 5',
    // hours and languages, as the git import writes them: 24 counts a weekday, no more than the commits in all
    'error months/ok/2024-10.md:5 — hours.Mon: expected 24 counts, hour 0 to hour 23, found a list of 2 items',
    'warning months/ok/2024-10.md:6 — hours.Funday: expected a known field, found an unknown one: ignored',
    'error months/ok/2024-10.md:8 — languages.Go: expected a number ≥ 0, found number -1',
    'error months/ok/2024-11.md:5 — hours: expected hours that add up to no more than the commits (commits is 1, the hours add up to 2), found a map',
    'error activity/header-case.csv:1 — expected the header "date,count" (or "date,count,features"), found "day,commits"',
    'error activity/jose.csv:2 — features: expected no more than count (1), found 3',
    'error activity/ok.csv:2 — date: expected a calendar day as YYYY-MM-DD, found "2024-02-30"',
    'error activity/ok.csv:3 — date: expected a calendar day as YYYY-MM-DD, found "2024-13-01"',
    'error activity/ok.csv:4 — date: expected a calendar day as YYYY-MM-DD, found "24-1-1"',
    'error activity/ok.csv:6 — date: expected each day once, found 2024-01-05 again (first on line 5)',
    'error activity/ok.csv:7 — count: expected a whole number ≥ 0, found "-4"',
    'error activity/ok.csv:8 — count: expected a whole number ≥ 0, found "2.5"',
  ];
  for (const message of expected) {
    it(message.slice(0, 90), () => expect(problems).toContain(message));
  }
  it('reports nothing else', () => expect([...problems].sort()).toEqual([...expected].sort()));
});

describe('valid content', () => {
  const dir = fixture('content-valid');
  const model = readContent(dir, dir);
  it('has no problems', () => expect(model.problems.map(formatProblem)).toEqual([]));
  it('accepts a profile with no months', () => {
    expect(model.profiles.map((p) => p.slug)).toContain('empty-person');
    expect(model.months.filter((m) => m.profile === 'empty-person')).toEqual([]);
  });
  it('keeps names and text in any script as written, under an ASCII slug', () => {
    const li = model.profiles.find((p) => p.slug === 'li-lei')!;
    expect(li.data.name).toBe('李雷 (Li Lei) — Ἀριστοτέλης, Алёна, محمد');
    expect(li.data.headline).toBe('مهندس برمجيات · ソフトウェアエンジニア');
    expect(li.summary).toContain('建立了构建系统。 🚀');
    expect(model.months.find((m) => m.profile === 'li-lei')!.data.areas).toEqual(['网络', 'Сети']);
    for (const p of model.profiles) expect(p.slug).toMatch(/^[a-z0-9-]+$/);
  });
  it('reads a month whose frontmatter month agrees with its file name', () => {
    expect(model.months.map((m) => `${m.profile}/${m.month}`)).toEqual(['ada-lovelace/2024-01', 'ada-lovelace/2024-02', 'li-lei/2024-05']);
  });
  it('reads activity with features, including a leap day', () => {
    expect(model.activity[0]!.days).toEqual([
      { date: '2024-01-02', count: 3, features: 1 },
      { date: '2024-01-03', count: 0, features: 0 },
      { date: '2024-02-29', count: 7, features: 2 },
    ]);
  });
});

describe('content-warnings fixture', () => {
  it('warns (not errors) on an unknown field with a did-you-mean, and on totals that disagree with the months', () => {
    expect(problemsOf('content-warnings')).toEqual([
      'warning profiles/warn.md:3 — headlin: expected a known field, found an unknown one: ignored — did you mean "headline"?',
      'warning profiles/warn.md:5 — totals.commits: expected the sum of the months (10), found 99; the page shows 10',
    ]);
  });
  it('still loads the profile without the unknown field', () => {
    const dir = fixture('content-warnings');
    const model = readContent(dir, dir);
    expect(model.profiles[0]!.data).not.toHaveProperty('headlin');
    expect(model.profiles[0]!.data.name).toBe('Warned');
  });
});

describe('the example content', () => {
  it('has zero errors', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const model = readContent(`${root}tests/fixtures/example-content`, root);
    expect(model.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(model.profiles.length).toBeGreaterThan(0);
  });
});

describe('validation results kept on disk between builds (the cacheFile of a read)', () => {
  /** Reads a fixture copy with the disk cache at `cache`, as a fresh process would (no in-process memo). */
  function readWithCache(dir: string, cache: string | undefined) {
    forgetContentReads();
    try {
      return readContent(dir, dir, cache === undefined ? {} : { cacheFile: cache });
    } finally {
      forgetContentReads();
    }
  }

  const comparable = (m: ReturnType<typeof readContent>) => ({ ...m, problems: m.problems.map(formatProblem) });

  it('gives the same model and problems (with their lines) from the cache as from a fresh read, for good, warning and bad content', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engfolio-read-cache-'));
    try {
      for (const name of ['content-valid', 'content-warnings', 'content-errors']) {
        const dir = join(tmp, name);
        cpSync(fixture(name), dir, { recursive: true });
        const fresh = comparable(readWithCache(dir, undefined));
        const cache = join(tmp, `${name}-cache`, 'validated');
        const filling = comparable(readWithCache(dir, cache));
        const files = readdirSync(join(tmp, `${name}-cache`));
        expect(files).toHaveLength(1);
        expect(Object.keys(JSON.parse(readFileSync(join(tmp, `${name}-cache`, files[0]!), 'utf8'))).length).toBeGreaterThan(0);
        const fromCache = comparable(readWithCache(dir, cache));
        expect(filling).toEqual(fresh);
        expect(fromCache).toEqual(fresh);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('uses a stored result only for the exact text it was made from: an edited file is read again', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engfolio-read-cache-'));
    try {
      const dir = join(tmp, 'content');
      cpSync(fixture('content-valid'), dir, { recursive: true });
      const cache = join(tmp, 'cache', 'validated');
      const first = readWithCache(dir, cache);
      const profile = first.profiles[0]!;
      // A stored result is what the next read returns for the same text (so it is really used)…
      const [cacheFile] = readdirSync(join(tmp, 'cache'));
      const stored = JSON.parse(readFileSync(join(tmp, 'cache', cacheFile!), 'utf8')) as Record<string, { data: { name: string } }>;
      const key = Object.keys(stored).find((k) => k.startsWith('profile\0') && k.endsWith(profile.file))!;
      stored[key]!.data.name = 'Name From The Cache';
      writeFileSync(join(tmp, 'cache', cacheFile!), JSON.stringify(stored));
      expect(readWithCache(dir, cache).profiles.find((p) => p.slug === profile.slug)!.data.name).toBe('Name From The Cache');
      // …and never for an edited text.
      const path = join(dir, profile.file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^name: .*$/m, 'name: Edited Name'));
      expect(readWithCache(dir, cache).profiles.find((p) => p.slug === profile.slug)!.data.name).toBe('Edited Name');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
