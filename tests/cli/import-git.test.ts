// `engfolio import-git` end to end: a fixture repository built here, the real CLI, real git; figures asserted
// exactly, then idempotence, the edited-narrative rule, privacy and every bad input.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildRepo, git, lines, tempDir, widgetCommits, type FixtureCommit } from '../lib/git-fixture.ts';
import { readContent } from '../../src/lib/content-read.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { importGit } from '../../src/cli/import-git.ts';
import { historyKey } from '../../src/lib/git/read-repository.ts';

const CLI = join(process.cwd(), 'src/cli/bin.ts');
const ORIGIN = 'https://github.com/acme/widgets.git';
const ADA = 'ada@work.example';
const temps: string[] = [];

function temp(): string {
  const d = tempDir();
  temps.push(d);
  return d;
}

/** Runs the CLI as a separate process (for TZ and exit status). */
function spawnCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'import-git', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI's entry function in this process (the same code, without a node start-up per call). */
async function run(args: string[]) {
  const said: string[] = [];
  const status = await importGit(args, (l) => said.push(l));
  return { status, stderr: said.join('\n') + '\n' };
}

/** Every file under `dir`: relative path → text and modification time. */
function snapshot(dir: string): Map<string, { text: string; mtime: number }> {
  const out = new Map<string, { text: string; mtime: number }>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), { text: readFileSync(p, 'utf8'), mtime: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

function texts(dir: string): Record<string, string> {
  return Object.fromEntries([...snapshot(dir)].map(([k, v]) => [k, v.text]));
}

/** The parsed frontmatter of the file at `path` (or of `text`, as that file once was). */
function frontmatter(path: string, text = readFileSync(path, 'utf8')) {
  const fm = parseFrontmatter(text);
  if (!('data' in fm)) throw new Error(fm.message);
  return fm;
}

/** Adds a commit with a fixed author date to a checked-out repository. */
function commit(dir: string, author: [string, string], date: string, message: string, files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
    git(dir, ['add', p]);
  }
  spawnSync('git', ['-C', dir, 'commit', '-q', '-m', message], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author[0],
      GIT_AUTHOR_EMAIL: author[1],
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author[0],
      GIT_COMMITTER_EMAIL: author[1],
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/** 24 hourly counts from the hours that have commits. */
function hourRow(counts: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
}

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
}

let widgets: string;
beforeAll(() => {
  widgets = buildRepo(widgetCommits(), { origin: ORIGIN });
  temps.push(widgets);
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('import:git on the fixture repository', () => {
  let content: string;
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    content = temp();
    first = await run([widgets, '--author', ADA, '--content', content]);
  });

  it('succeeds and writes content that readContent accepts without errors', async () => {
    expect(first.stderr).toContain('acme/widgets: 9 of 11 commits counted');
    expect(first.status).toBe(0);
    const model = readContent(content, content);
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(model.profiles.map((p) => p.slug)).toEqual(['ada-lovelace']);
    expect(model.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('counts months exactly: commits, features, bugs, repositories, areas, lines, languages, hours', async () => {
    const model = readContent(content, content);
    const months = Object.fromEntries(model.months.map((m) => [m.month, { ...m.data, generated: undefined }]));
    expect(months).toEqual({
      // feat(api) + the 23:30 −08:00 fix on January 31st (07:30 UTC on February 1st)
      '2024-01': {
        commits: 2,
        features: 1,
        bugs: 1,
        repositories: ['acme/widgets'],
        areas: ['src/api'],
        linesAdded: 15,
        linesRemoved: 1,
        // README.md is prose, not a language Linguist's statistics count.
        languages: { TypeScript: 2 },
        // Wednesday 10:00 in +01:00 and Wednesday 23:30 in −08:00, as the author's clock showed.
        hours: { Wed: hourRow({ 10: 1, 23: 1 }) },
        generated: undefined,
      },
      // search page (16:30 +09:00 on February 1st), vendored update, rename, revert, parser fix; the merge is not counted
      '2024-02': {
        commits: 5,
        features: 1,
        bugs: 1,
        repositories: ['acme/widgets'],
        areas: ['web', 'src/api', 'src/parser'],
        linesAdded: 10,
        linesRemoved: 6,
        // The search page and its revert (TSX); the rename and the parser fix (TypeScript); vendored and lock files count for none.
        languages: { TSX: 2, TypeScript: 2 },
        hours: { Mon: hourRow({ 12: 2 }), Tue: hourRow({ 12: 1 }), Thu: hourRow({ 16: 1 }), Sat: hourRow({ 12: 1 }) },
        generated: undefined,
      },
      // version bump, binary logo
      // package.json is data and the logo binary: no language.
      '2024-03': {
        commits: 2,
        features: 1,
        bugs: 0,
        repositories: ['acme/widgets'],
        areas: ['assets'],
        linesAdded: 1,
        linesRemoved: 1,
        hours: { Mon: hourRow({ 12: 1 }), Sun: hourRow({ 12: 1 }) },
        generated: undefined,
      },
    });
    for (const m of model.months) expect(m.data.generated?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("puts each commit on the day its author lived, in the author's own offset", async () => {
    expect(readFileSync(join(content, 'activity/ada-lovelace.csv'), 'utf8')).toBe(
      'date,count,features\n' +
        '2024-01-10,1,1\n2024-01-31,1,0\n2024-02-01,1,1\n2024-02-05,1,0\n2024-02-10,1,0\n2024-02-12,1,0\n2024-02-20,1,0\n2024-03-03,1,0\n2024-03-04,1,1\n',
    );
  });

  it('fills the profile: name from the most frequent author, repository, languages (Linguist, vendored excluded)', async () => {
    const [p] = readContent(content, content).profiles;
    expect(p!.data.name).toBe('Ada Lovelace');
    expect(p!.data.source).toBe('git');
    expect(p!.data.skills.languages).toEqual(['TypeScript', 'TSX']);
    expect(p!.data.repositories).toEqual([
      {
        name: 'acme/widgets',
        from: '2024-01',
        to: '2024-03',
        monthsActive: 3,
        languages: ['TypeScript', 'TSX'],
        skills: [],
        areas: ['src/api', 'web', 'assets', 'src/parser'],
        private: false,
        // The history: a hash of the first commit on HEAD's first-parent line, as git names it.
        history: historyKey(git(widgets, ['rev-list', '--max-parents=0', 'HEAD']).trim()),
      },
    ]);
  });

  it('gives byte-identical output under any TZ', async () => {
    const la = temp();
    const tokyo = temp();
    expect(spawnCli([widgets, '--author', ADA, '--content', la], { TZ: 'America/Los_Angeles' }).status).toBe(0);
    expect(spawnCli([widgets, '--author', ADA, '--content', tokyo], { TZ: 'Asia/Tokyo' }).status).toBe(0);
    expect(texts(la)).toEqual(texts(tokyo));
    expect(texts(la)).toEqual(texts(content));
  });

  it('changes no file when imported again with no new commits', async () => {
    const before = snapshot(content);
    const again = await run([widgets, '--author', ADA, '--content', content]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('up to date, no file changed');
    expect(snapshot(content)).toEqual(before);
  });
});

describe('author matching', () => {
  it('matches names case-insensitively, repeatable --author merges identities', async () => {
    const byName = temp();
    expect((await run([widgets, '--author', 'ADA LOVELACE', '--content', byName])).status).toBe(0);
    expect(readContent(byName, byName).activity[0]!.days.length).toBe(9);
    const both = temp();
    expect((await run([widgets, '--author', ADA, '--author', 'bob@example.com', '--name', 'Team', '--content', both])).status).toBe(0);
    const model = readContent(both, both);
    expect(model.profiles.map((p) => [p.slug, p.data.name])).toEqual([['team', 'Team']]);
    expect(model.months.map((m) => m.data.commits)).toEqual([3, 6, 2]);
  });
});

describe('repository names', () => {
  it('come from origin, else the folder; <path>=<owner/name> overrides; a malformed override is an error', async () => {
    const renamed = temp();
    expect((await run([`${widgets}=acme/renamed`, '--author', ADA, '--content', renamed])).status).toBe(0);
    const model = readContent(renamed, renamed);
    expect(model.profiles[0]!.data.repositories.map((r) => r.name)).toEqual(['acme/renamed']);
    expect(model.months.every((m) => m.data.repositories.join() === 'acme/renamed')).toBe(true);

    // A remote that is a path on this machine names no owner: the folder name is used.
    const local = join(temp(), 'gadgets');
    git(temp(), ['clone', '-q', widgets, local]);
    const byFolder = temp();
    const r = await run([local, '--author', ADA, '--content', byFolder]);
    expect(r.stderr).toContain('gadgets: 9 of 11 commits counted');
    expect(readContent(byFolder, byFolder).profiles[0]!.data.repositories.map((x) => x.name)).toEqual(['gadgets']);

    const bad = temp();
    const e = await run([`${widgets}=just-a-name`, '--author', ADA, '--content', bad]);
    expect(e.status).toBe(1);
    expect(e.stderr).toMatch(/^error: .*=just-a-name: expected <path>=<owner\/name>, found "just-a-name" after "="$/m);
    expect(readdirSync(bad)).toEqual([]);
  });
});

describe('progress', () => {
  const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  it('draws a bar per repository (commits done of total) on a terminal, and stays silent otherwise', () => {
    const content = temp();
    // `script` gives the command a pseudo-terminal; everything it wrote is in the typescript on stdout.
    const command = [process.execPath, CLI, 'import-git', widgets, '--author', ADA, '--content', content].map(sh).join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
    expect(tty.status).toBe(0);
    // The total is every non-merge commit the pass reads (11), not only the matching ones (9).
    expect(tty.stdout).toMatch(/acme\/widgets \[[^\]]*\] 0\/11 commits/);
    expect(tty.stdout).toMatch(/acme\/widgets \[[^\]]*\] 11\/11 commits/);
    expect(tty.stdout).toContain('acme/widgets: 9 of 11 commits counted');

    const piped = spawnCli([widgets, '--author', ADA, '--content', temp()]);
    expect(piped.status).toBe(0);
    expect(piped.stderr).toMatch(/^acme\/widgets: 9 of 11 commits counted\nprofile "ada-lovelace": \d+ file\(s\) written, 0 removed\n$/);
  });
});

describe('re-imports', () => {
  it('with new commits rewrites only what differs; an edited narrative is never touched, a generated one is refreshed', async () => {
    const repo = temp();
    cpSync(widgets, repo, { recursive: true });
    const content = temp();
    expect((await run([repo, '--author', ADA, '--content', content])).status).toBe(0);
    const before = snapshot(content);
    const febPath = join(content, 'months/ada-lovelace/2024-02.md');
    const febText = readFileSync(febPath, 'utf8');
    const edited = febText.replace(/\n\n[\s\S]*$/, '\n\nI rebuilt *search*, then took it out again.\n\nStill proud of it.\n');
    writeFileSync(febPath, edited);

    commit(repo, ['Ada Lovelace', ADA], '2024-03-20T10:00:00+00:00', 'Add avatars', { 'src/api/avatars.ts': lines(7) });
    commit(repo, ['Ada Lovelace', ADA], '2024-02-25T10:00:00+00:00', 'fix: people sort order', { 'src/api/people.ts': lines(12, 'person') });
    const r = await run([repo, '--author', ADA, '--content', content]);
    expect(r.status).toBe(0);
    const after = snapshot(content);
    expect(after.get('months/ada-lovelace/2024-01.md')).toEqual(before.get('months/ada-lovelace/2024-01.md'));
    // The profile's fields are the same; its generated summary counts the new commits.
    const profileBefore = frontmatter(join(content, 'profiles/ada-lovelace.md'), before.get('profiles/ada-lovelace.md')!.text);
    const profileAfter = frontmatter(join(content, 'profiles/ada-lovelace.md'));
    expect({ ...profileAfter.data, generated: undefined }).toEqual({ ...profileBefore.data, generated: undefined });
    expect(profileBefore.body).toContain('9 commits from January 2024 to March 2024 in acme/widgets.');
    expect(profileAfter.body).toContain('11 commits from January 2024 to March 2024 in acme/widgets.');

    const feb = frontmatter(febPath);
    expect(feb.body).toBe('\nI rebuilt *search*, then took it out again.\n\nStill proud of it.\n');
    expect(feb.data.commits).toBe(6);
    expect(feb.data.bugs).toBe(2);
    expect(feb.data.generated).toBeUndefined();

    const mar = frontmatter(join(content, 'months/ada-lovelace/2024-03.md'));
    expect(mar.data.commits).toBe(3);
    expect(mar.data.features).toBe(2);
    expect(mar.body).toContain('March 2024: 3 commits in acme/widgets, with 2 features.');
    expect(readContent(content, content).problems.filter((p) => p.severity === 'error')).toEqual([]);

    // And once more: nothing changes, the edited text included.
    const settled = snapshot(content);
    expect((await run([repo, '--author', ADA, '--content', content])).status).toBe(0);
    expect(snapshot(content)).toEqual(settled);
  });

  it('adds a second repository to the same months, and re-importing one repository replaces its share', async () => {
    const other = buildRepo(
      [
        { author: `Ada Lovelace <${ADA}>`, date: '2024-02-01T09:00:00+09:00', message: 'Add CLI entry point\n', files: { 'cmd/tool/main.go': lines(3) } },
        { author: `Ada Lovelace <${ADA}>`, date: '2024-04-02T09:00:00+00:00', message: 'Fix flag parsing\n', files: { 'cmd/tool/main.go': lines(4) } },
      ],
      { origin: 'https://github.com/acme/tool.git' },
    );
    temps.push(other);
    const content = temp();
    expect((await run([widgets, '--author', ADA, '--content', content])).status).toBe(0);
    expect((await run([other, '--author', ADA, '--content', content])).status).toBe(0);
    const model = readContent(content, content);
    const feb = model.months.find((m) => m.month === '2024-02')!;
    expect([feb.data.commits, feb.data.features, feb.data.repositories]).toEqual([6, 2, ['acme/widgets', 'acme/tool']]);
    expect(model.activity[0]!.days.find((d) => d.date === '2024-02-01')).toEqual({ date: '2024-02-01', count: 2, features: 2 });
    expect(model.profiles[0]!.data.repositories.map((r) => [r.name, r.from, r.to])).toEqual([
      ['acme/tool', '2024-02', '2024-04'],
      ['acme/widgets', '2024-01', '2024-03'],
    ]);
    // The languages the importer wrote are ranked again by weight, as one import of both would rank them.
    expect(model.profiles[0]!.data.skills.languages).toEqual(['TypeScript', 'Go', 'TSX']);
    const settled = snapshot(content);
    expect((await run([widgets, '--author', ADA, '--content', content])).status).toBe(0);
    expect(snapshot(content)).toEqual(settled);
    expect((await run([widgets, other, '--author', ADA, '--content', content])).status).toBe(0);
    expect(snapshot(content)).toEqual(settled);
    // A list someone edited keeps their order; a language they left out comes back at the end.
    const file = join(content, 'profiles', `${model.profiles[0]!.slug}.md`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('    - TypeScript\n    - Go\n    - TSX\n', '    - Go\n    - TypeScript\n'));
    expect((await run([widgets, '--author', ADA, '--content', content])).status).toBe(0);
    expect(readContent(content, content).profiles[0]!.data.skills.languages).toEqual(['Go', 'TypeScript', 'TSX']);
  });

  it('leaves months from an export and the profile summary alone unless --force', async () => {
    const content = temp();
    mkdirSync(join(content, 'profiles'));
    mkdirSync(join(content, 'months/ada'), { recursive: true });
    const profile = '---\nname: Ada L.\nsource: export\nrepositories:\n  - name: acme/legacy\n    from: 2019-01\n    to: 2020-06\n---\n\nI write compilers.\n';
    writeFileSync(join(content, 'profiles/ada.md'), profile);
    const exported = '---\ncommits: 40\nfeatures: 10\n---\n\nA busy month from the export.\n';
    writeFileSync(join(content, 'months/ada/2024-01.md'), exported);
    const r = await run([widgets, '--author', ADA, '--profile', 'ada', '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 month file\(s\) .* not written by the git importer .* --force/);
    expect(readFileSync(join(content, 'months/ada/2024-01.md'), 'utf8')).toBe(exported);
    const p = frontmatter(join(content, 'profiles/ada.md'));
    expect(p.body).toBe('\nI write compilers.\n');
    expect(p.data.name).toBe('Ada L.');
    expect(p.data.source).toBe('export');
    expect((p.data.repositories as { name: string }[]).map((x) => x.name)).toEqual(['acme/legacy', 'acme/widgets']);
    expect(existsSync(join(content, 'months/ada/2024-02.md'))).toBe(true);

    expect((await run([widgets, '--author', ADA, '--profile', 'ada', '--content', content, '--force'])).status).toBe(0);
    const jan = frontmatter(join(content, 'months/ada/2024-01.md'));
    expect(jan.data.commits).toBe(2);
    expect(jan.body).toContain('January 2024');
  });
});

describe('privacy', () => {
  it('writes no name, path or subject of a private repository anywhere in the content', async () => {
    const secret = buildRepo(
      [
        {
          author: `Ada Lovelace <${ADA}>`,
          date: '2024-05-01T10:00:00+00:00',
          message: 'Add zebrafish tracking to Project Okapi\n',
          files: { 'okapi-core/zebrafish.py': lines(9) },
        },
        {
          author: `Ada Lovelace <${ADA}>`,
          date: '2024-05-02T10:00:00+00:00',
          message: 'fix: okapi zebrafish crash\n\nFixes: 0123abcd ("okapi")\n',
          files: { 'okapi-core/zebrafish.py': lines(10) },
        },
      ],
      { dir: join(temp(), 'okapi-secret'), origin: 'git@github.com:zebracorp/okapi-secret.git' },
    );
    const content = temp();
    const r = await run([widgets, secret, '--author', ADA, '--private', secret, '--content', content]);
    expect(r.status).toBe(0);
    const all = Object.entries(texts(content));
    expect(all.length).toBeGreaterThan(0);
    for (const [file, text] of all) {
      for (const word of ['okapi', 'zebra', 'Okapi', 'zebrafish', secret]) expect(`${file}: ${text}`).not.toContain(word);
    }
    const may = frontmatter(join(content, 'months/ada-lovelace/2024-05.md'));
    expect(may.data).toMatchObject({ commits: 2, features: 1, bugs: 1, repositories: ['a private repository'] });
    expect(may.data.areas).toBeUndefined();
    const repos = frontmatter(join(content, 'profiles/ada-lovelace.md')).data.repositories as Record<string, unknown>[];
    expect(repos[0]).toEqual({ name: 'a private repository', from: '2024-05', to: '2024-05', monthsActive: 1, languages: ['Python'], private: true });

    const aliased = temp();
    expect((await run([secret, '--author', ADA, '--alias', `${secret}=Client work`, '--content', aliased])).status).toBe(0);
    for (const [, text] of Object.entries(texts(aliased))) expect(text.toLowerCase()).not.toMatch(/okapi|zebra/);
    expect(readFileSync(join(aliased, 'months/ada-lovelace/2024-05.md'), 'utf8')).toContain('Client work');
  });
});

describe('bad input: one clear line, exit 1, nothing written', () => {
  async function expectError(args: string[], message: RegExp) {
    const content = temp();
    const r = await run([...args, '--content', content]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('error')).length,
    ).toBe(1);
    expectNoStack(r.stderr);
    expect(readdirSync(content)).toEqual([]);
  }

  it('not a git repository', async () => {
    await expectError([temp(), '--author', ADA], /^error: .*: not a git repository$/m);
    await expectError([join(temp(), 'nope'), '--author', ADA], /not a git repository \(no such folder\)/);
  });
  it('a repository with no commits', async () => {
    const empty = temp();
    git(empty, ['init', '-q']);
    await expectError([empty, '--author', ADA], /the repository has no commits/);
  });
  it('an author that matches nothing, with the most frequent authors as suggestions', async () => {
    await expectError(
      [widgets, '--author', 'nobody@example.com'],
      /no commit by "nobody@example.com" — most frequent authors: Ada Lovelace <ada@work.example> \(9\); Bob Babbage <bob@example.com> \(2\)/,
    );
  });
  it('an author that matches nothing in a private repository, naming none of its people (a public CI log would show them)', async () => {
    const r = await run([widgets, '--author', 'nobody@example.com', '--private', widgets, '--content', temp()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: a private repository: no commit by "nobody@example.com" \(its authors are not listed: the repository is private\)$/m);
    expect(r.stderr).not.toMatch(/ada|bob|work\.example|widgets/i);
  });
  it('--since / --until not YYYY-MM, or since after until', async () => {
    await expectError([widgets, '--author', ADA, '--since', '2024-13'], /--since: expected a month as YYYY-MM, found "2024-13"/);
    await expectError([widgets, '--author', ADA, '--until', 'March'], /--until: expected a month as YYYY-MM, found "March"/);
    await expectError([widgets, '--author', ADA, '--since', '2024-03', '--until', '2024-01'], /--since 2024-03 is after --until 2024-01/);
  });
  it('missing arguments and unknown options', async () => {
    await expectError(['--author', ADA], /give at least one repository/);
    await expectError([widgets], /give at least one --author/);
    await expectError([widgets, '--author', ADA, '--frobnicate'], /Unknown option '--frobnicate'/);
  });
  it('as a process: exit status 1 and one line on stderr, no stack trace', () => {
    const content = temp();
    const r = spawnCli([temp(), '--author', ADA, '--content', content]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*: not a git repository\n$/);
    expect(readdirSync(content)).toEqual([]);
  });
  it('a --private or --alias that names none of the repositories (a typo would publish the name)', async () => {
    await expectError([widgets, '--author', ADA, '--private', 'acme/widget'], /^error: --private acme\/widget: names none of the repositories given/m);
    await expectError([widgets, '--author', ADA, '--alias', 'widgets=Client work'], /^error: --alias widgets=…: names none of the repositories given/m);
  });
  it('--private by owner/name works like --private by path', async () => {
    const content = temp();
    expect((await run([widgets, '--author', ADA, '--private', 'acme/widgets', '--content', content])).status).toBe(0);
    for (const text of Object.values(texts(content))) expect(text).not.toMatch(/acme|widgets|search page/i);
  });
  it('one bad repository among good ones writes nothing', async () => {
    await expectError([widgets, temp(), '--author', ADA], /not a git repository/);
  });
});

describe('imperfect repositories: a warning, and everything else imported', () => {
  it('--since/--until keep only the months in range', async () => {
    const content = temp();
    const r = await run([widgets, '--author', ADA, '--since', '2024-02', '--until', '2024-02', '--content', content]);
    expect(r.status).toBe(0);
    expect(readContent(content, content).months.map((m) => m.month)).toEqual(['2024-02']);
  });

  it('a shallow clone: warns where its history starts', async () => {
    const shallow = join(temp(), 'shallow');
    git(temp(), ['clone', '-q', '--depth', '2', `file://${widgets}`, shallow]);
    const content = temp();
    const r = await run([shallow, '--author', ADA, '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*shallow clone — its history starts at 2024-03-03; earlier commits are not counted/);
    expect(readContent(content, content).months.map((m) => m.month)).toEqual(['2024-03']);
  });

  it('a blobless clone: one warning, no line counts, no fetch attempted, no crash', async () => {
    const source = join(temp(), 'source');
    cpSync(widgets, source, { recursive: true });
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const clone = join(temp(), 'blobless');
    git(temp(), ['clone', '-q', '--filter=blob:none', `file://${source}`, clone]);
    renameSync(source, source + '-gone'); // any attempt to fetch a missing blob would now fail
    const content = temp();
    const r = await run([clone, '--author', ADA, '--content', content]);
    expectNoStack(r.stderr);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning')).length).toBe(1);
    expect(r.stderr).toMatch(/warning: .*partial \(blobless\) clone .* line counts are skipped/);
    const model = readContent(content, content);
    expect(model.months.map((m) => [m.month, m.data.commits, m.data.linesAdded])).toEqual([
      ['2024-01', 2, undefined],
      ['2024-02', 5, undefined],
      ['2024-03', 2, undefined],
    ]);
    expect(model.profiles[0]!.data.skills.languages).toEqual(['TypeScript', 'TSX']);
  });

  it('missing blobs in a repository that is not marked partial: one warning, imported again without line counts', async () => {
    const source = join(temp(), 'source');
    cpSync(widgets, source, { recursive: true });
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const clone = join(temp(), 'damaged');
    git(temp(), ['clone', '-q', '--filter=blob:none', `file://${source}`, clone]); // the checkout fetches HEAD's blobs only
    renameSync(source, source + '-gone');
    // Forget that it is a partial clone: git now meets missing blobs it cannot fetch.
    git(clone, ['config', '--unset', 'remote.origin.promisor']);
    git(clone, ['config', '--unset', 'remote.origin.partialclonefilter']);
    spawnSync('git', ['-C', clone, 'config', '--unset', 'extensions.partialclone']); // set by newer git only
    const content = temp();
    const r = await run([clone, '--author', ADA, '--content', content]);
    expectNoStack(r.stderr);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning'))).toEqual([
      'warning: damaged: some file contents are missing from the repository — line counts are skipped',
    ]);
    expect(readContent(content, content).months.map((m) => [m.month, m.data.commits, m.data.linesAdded])).toEqual([
      ['2024-01', 2, undefined],
      ['2024-02', 5, undefined],
      ['2024-03', 2, undefined],
    ]);
  });

  it('a bare blobless clone whose .mailmap blob is missing: imports without it, says so, fetches nothing', async () => {
    const source = join(temp(), 'source');
    cpSync(widgets, source, { recursive: true });
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const clone = join(temp(), 'bare.git');
    git(temp(), ['clone', '-q', '--bare', '--filter=blob:none', `file://${source}`, clone]);
    renameSync(source, source + '-gone');
    const content = temp();
    const r = await run([clone, '--author', ADA, '--author', 'A. Lovelace', '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*\.mailmap is not available locally/);
    expect(readContent(content, content).months.map((m) => [m.month, m.data.commits])).toEqual([
      ['2024-01', 2],
      ['2024-02', 5],
      ['2024-03', 2],
    ]);
  });

  it('--no-lines skips line counts on purpose, silently', async () => {
    const content = temp();
    const r = await run([widgets, '--author', ADA, '--no-lines', '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(readContent(content, content).months.every((m) => m.data.linesAdded === undefined)).toBe(true);
  });

  it('bogus dates (before 1990, in the future): counted on the days they record, warned with how many and which days', async () => {
    const ada = `Ada Lovelace <${ADA}>`;
    const commits: FixtureCommit[] = [
      { author: ada, date: '1985-06-01T10:00:00+00:00', message: 'Add time machine\n', files: { 'a.c': 'x\n' } },
      // 07:30 UTC on 1990-01-01, but the author lived 1989-12-31: before 1990.
      { author: ada, date: '1989-12-31T23:30:00-08:00', message: 'Fix time machine\n', files: { 'a.c': 'xx\n' } },
      { author: ada, date: '2024-06-01T10:00:00+00:00', message: 'Add parser\n', files: { 'b.c': 'y\n' } },
      { author: ada, date: '2999-01-01T10:00:00+00:00', message: 'Add flux capacitor\n', files: { 'c.c': 'z\n' } },
      // No four-digit year: no calendar day to count it on.
      { author: ada, date: '10000-01-01T10:00:00+00:00', message: 'Add warp drive\n', files: { 'd.c': 'w\n' } },
    ];
    const repo = buildRepo(commits);
    temps.push(repo);
    const content = temp();
    const r = await run([repo, '--author', ADA, '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /warning: .*: 3 commit\(s\) with implausible author dates — 2 before 1990 \(1985-06-01 to 1989-12-31\), 1 in the future \(2999-01-01\) — counted on the days they record\n/,
    );
    expect(r.stderr).toMatch(/warning: .*: 1 commit\(s\) dated after the year 9999 were left out/);
    expect(r.stderr).toContain(': 4 of 5 commits counted');
    const model = readContent(content, content);
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(model.months.map((m) => [m.month, m.data.commits, m.data.features, m.data.bugs])).toEqual([
      ['1985-06', 1, 1, 0],
      ['1989-12', 1, 0, 1],
      ['2024-06', 1, 1, 0],
      ['2999-01', 1, 1, 0],
    ]);
    expect(readFileSync(join(content, 'activity/ada-lovelace.csv'), 'utf8')).toBe(
      'date,count,features\n1985-06-01,1,1\n1989-12-31,1,0\n2024-06-01,1,1\n2999-01-01,1,1\n',
    );

    // "In the future" depends on the clock; the files must not. Import as if it were 2020: the 2024 commit
    // is now in the future too, the warning says so, and every file is byte for byte the same.
    const then = temp();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2020, 0, 1));
    let past;
    try {
      past = await run([repo, '--author', ADA, '--content', then]);
    } finally {
      clock.mockRestore();
    }
    expect(past.status).toBe(0);
    expect(past.stderr).toMatch(
      /4 commit\(s\) with implausible author dates — 2 before 1990 \(1985-06-01 to 1989-12-31\), 2 in the future \(2024-06-01 to 2999-01-01\)/,
    );
    expect(texts(then)).toEqual(texts(content));
  });
});
