// A repository is one repository whatever it is called, and two are two whatever they are called: real
// histories built here, the real importer, `engfolio check` and a real build.
// - Re-importing a repository under its real name (`repo`, then `repo=sched-ext/scx`) replaces its share
//   and renames it, as does a clone of it somewhere else, and an import made by engfolio 0.2 (whose key
//   was the name): the figures stay what git counts, once.
// - Two different histories in folders of one name (`repo`) are two repositories on every page, numbered
//   where their names collide, with no false "worked with", and `check` warns of the shared name; one
//   history under two names is one repository, and its people worked together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importGit } from '../../src/cli/import-git.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { buildRepo, git, tempDir, type FixtureCommit } from '../lib/git-fixture.ts';
import { makeTestSite, removeTestSite, runEngfolio } from '../support/test-site.ts';
import { sectionText, visibleText } from '../support/html-text.ts';

const TEJUN = 'Tejun Heo <tj@kernel.org>';
const PEFF = 'Jeff King <peff@peff.net>';

/** `count` commits by `author`, one a month from `start` (YYYY-MM), each touching its own file. */
function commits(author: string, start: string, count: number, prefix: string): FixtureCommit[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(y, m - 1 + i, 1));
    const date = `${month.toISOString().slice(0, 7)}-1${i % 9}T10:00:00+02:00`;
    return { author, date, message: `${prefix}: change ${i}\n`, files: { [`src/${prefix}/${i}.c`]: `int v${i};\n` } };
  });
}

async function importInto(content: string, args: string[]): Promise<{ status: number; said: string }> {
  const said: string[] = [];
  const status = await importGit([...args, '--content', content], (l) => said.push(l));
  return { status, said: said.join('\n') };
}

const frontmatterOf = (file: string): Record<string, unknown> => {
  const fm = parseFrontmatter(readFileSync(file, 'utf8'));
  if (!('data' in fm)) throw new Error(fm.message);
  return fm.data;
};
const repositoriesOf = (content: string, slug: string): { name: string; history?: string }[] =>
  frontmatterOf(join(content, 'profiles', `${slug}.md`)).repositories as { name: string; history?: string }[];
/** Commits over every month file of a profile, and the repositories the months name. */
function monthsOf(content: string, slug: string): { commits: number; repositories: string[] } {
  const dir = join(content, 'months', slug);
  let total = 0;
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const data = frontmatterOf(join(dir, file));
    total += data.commits as number;
    for (const r of data.repositories as string[]) names.add(r);
  }
  return { commits: total, repositories: [...names].sort() };
}

const scratch = tempDir('engfolio-identity-');
/** sched-ext/scx's stand-in (Tejun, 14 commits) and git/git's (Jeff, 9 commits), each in a folder named `repo`; a third history both worked in. */
const scx = join(scratch, 'a', 'repo');
const gitgit = join(scratch, 'b', 'repo');
const shared = join(scratch, 'shared');
beforeAll(() => {
  buildRepo(commits(TEJUN, '2024-01', 14, 'sched'), { dir: scx });
  buildRepo(commits(PEFF, '2023-05', 9, 'refs'), { dir: gitgit });
  buildRepo([...commits(TEJUN, '2025-01', 3, 'core'), ...commits(PEFF, '2025-02', 2, 'docs')], { dir: shared });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('one history under another name', () => {
  let content: string;
  beforeAll(() => {
    content = join(scratch, 'content-rename');
    mkdirSync(content);
  });

  it('is one repository: re-imported under its real name, it is renamed and counted once', async () => {
    expect((await importInto(content, [scx, '--author', 'tj@kernel.org', '--name', 'Tejun Heo'])).status).toBe(0);
    expect(monthsOf(content, 'tejun-heo')).toEqual({ commits: 14, repositories: ['repo'] });
    const first = repositoriesOf(content, 'tejun-heo');
    expect(first.map((r) => r.name)).toEqual(['repo']);

    const again = await importInto(content, [`${scx}=sched-ext/scx`, '--author', 'tj@kernel.org']);
    expect(again.status, again.said).toBe(0);
    expect(monthsOf(content, 'tejun-heo')).toEqual({ commits: 14, repositories: ['sched-ext/scx'] });
    const renamed = repositoriesOf(content, 'tejun-heo');
    expect(renamed.map((r) => [r.name, r.history])).toEqual([['sched-ext/scx', first[0]!.history]]);
  });

  it('is one repository when imported from a clone elsewhere, under yet another name', async () => {
    const clone = join(scratch, 'elsewhere', 'scx-mirror.git');
    git(scratch, ['clone', '-q', '--bare', scx, clone]);
    const r = await importInto(content, [`${clone}=tejun/scx`, '--author', 'tj@kernel.org']);
    expect(r.status, r.said).toBe(0);
    expect(monthsOf(content, 'tejun-heo')).toEqual({ commits: 14, repositories: ['tejun/scx'] });
    expect(repositoriesOf(content, 'tejun-heo').map((r) => r.name)).toEqual(['tejun/scx']);
  });

  it('replaces the share an engfolio 0.2 import stored under a key of its name', async () => {
    // The bookkeeping as 0.2 wrote it: the key a hash of the smallest root commit and the name.
    const stateFile = join(content, 'git-import', 'tejun-heo.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { repos: Record<string, { key: string; name: string }> };
    const [[, contribution]] = Object.entries(state.repos) as [[string, { key: string; name: string }]];
    const root = git(scx, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const oldKey = createHash('sha256').update(`${root}\0${contribution.name}`).digest('hex').slice(0, 16);
    writeFileSync(stateFile, JSON.stringify({ ...state, repos: { [oldKey]: { ...contribution, key: oldKey } } }));
    const r = await importInto(content, [`${scx}=sched-ext/scx`, '--author', 'tj@kernel.org']);
    expect(r.status, r.said).toBe(0);
    expect(monthsOf(content, 'tejun-heo')).toEqual({ commits: 14, repositories: ['sched-ext/scx'] });
    expect(Object.keys((JSON.parse(readFileSync(stateFile, 'utf8')) as typeof state).repos)).toHaveLength(1);
  });

  it('refuses the same history twice in one import, and two histories of one name in one profile', async () => {
    const clone = join(scratch, 'elsewhere', 'scx-mirror.git');
    const twice = await importInto(content, [`${scx}=sched-ext/scx`, `${clone}=tejun/scx`, '--author', 'tj@kernel.org']);
    expect(twice.status).toBe(1);
    expect(twice.said).toBe(
      'sched-ext/scx: 14 of 14 commits counted\ntejun/scx: 14 of 14 commits counted\nerror: sched-ext/scx and tejun/scx are one history (the same first commit, a clone or a copy): import one of them (nothing was written)',
    );
    const clash = await importInto(content, [`${gitgit}=sched-ext/scx`, '--author', 'peff@peff.net', '--profile', 'tejun-heo']);
    expect(clash.status).toBe(1);
    expect(clash.said).toContain(
      'error: two different histories would both be named "sched-ext/scx" in this profile: give each its own name with <path>=<owner/name> (nothing was written)',
    );
    expect(monthsOf(content, 'tejun-heo')).toEqual({ commits: 14, repositories: ['sched-ext/scx'] });
  });
});

describe('two histories in folders of one name', () => {
  let tmp: string;
  let site: string;
  let out: string;
  const content = (): string => join(site, 'content');
  beforeAll(async () => {
    tmp = tempDir('engfolio-identity-site-');
    site = makeTestSite({ content: 'content', options: { title: 'Team' } });
    out = join(tmp, 'dist');
    mkdirSync(join(site, 'content'), { recursive: true });
    expect((await importInto(content(), [scx, shared, '--author', 'tj@kernel.org', '--name', 'Tejun Heo'])).status).toBe(0);
    // The shared history under another name in Jeff's profile: still one repository.
    expect((await importInto(content(), [gitgit, `${shared}=acme/shared`, '--author', 'peff@peff.net', '--name', 'Jeff King'])).status).toBe(0);
  });
  afterAll(() => {
    removeTestSite(site);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('are both called "repo" in the content, with different histories', () => {
    const tejun = repositoriesOf(content(), 'tejun-heo').find((r) => r.name === 'repo')!;
    const jeff = repositoriesOf(content(), 'jeff-king').find((r) => r.name === 'repo')!;
    expect(tejun.history).toMatch(/^[0-9a-f]{16}$/);
    expect(jeff.history).toMatch(/^[0-9a-f]{16}$/);
    expect(tejun.history).not.toBe(jeff.history);
  });

  it('make `check` warn of the shared name in both profiles', () => {
    const r = runEngfolio(site, ['check']);
    expect(r.code, r.out + r.err).toBe(0);
    const warnings = r.out.split('\n').filter((l) => l.startsWith('warning'));
    const message = (other: string) =>
      `expected a name that only this repository has, found "repo", which also names a different history in ${other}; the pages number them ("repo (1)", "repo (2)") — give each its owner/name (import-git <path>=<owner/name>, or \`name:\` in sources)`;
    expect(warnings).toEqual([
      `warning content/profiles/jeff-king.md:${lineOfRepo(content(), 'jeff-king', 'repo')} — repositories.${indexOfRepo(content(), 'jeff-king', 'repo')}.name: ${message('content/profiles/tejun-heo.md')}`,
      `warning content/profiles/tejun-heo.md:${lineOfRepo(content(), 'tejun-heo', 'repo')} — repositories.${indexOfRepo(content(), 'tejun-heo', 'repo')}.name: ${message('content/profiles/jeff-king.md')}`,
    ]);
  });

  it('are two repository pages, numbered, each with its own person; the shared history is one page with both', () => {
    const r = runEngfolio(site, ['build', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const page = (path: string): string => visibleText(readFileSync(join(out, 'repos', path, 'index.html'), 'utf8'));
    // Numbered by when the work began: Jeff's (2023-05) before Tejun's (2024-01).
    expect(page('repo')).toMatch(/repo \(1\)/);
    expect(page('repo')).toContain('Jeff King');
    expect(page('repo')).not.toContain('Tejun Heo');
    expect(page('repo-2')).toMatch(/repo \(2\)/);
    expect(page('repo-2')).toContain('Tejun Heo');
    expect(page('repo-2')).not.toContain('Jeff King');
    expect(existsSync(join(out, 'repos', 'repo-3'))).toBe(false);
    // The shared history: one page (under the first name the profiles give it), with both people.
    const sharedPages = ['shared', 'acme/shared'].filter((p) => existsSync(join(out, 'repos', p, 'index.html')));
    expect(sharedPages).toHaveLength(1);
    expect(page(sharedPages[0]!)).toContain('Jeff King');
    expect(page(sharedPages[0]!)).toContain('Tejun Heo');
  });

  it('say that Jeff and Tejun worked together only in the history they share', () => {
    const worked = (slug: string): string | undefined => sectionText(readFileSync(join(out, slug, 'index.html'), 'utf8'), 'worked-with')?.trim();
    expect(worked('jeff-king')).toMatch(/^Worked with 1 person Tejun Heo in (acme\/shared|shared)$/);
    expect(worked('tejun-heo')).toMatch(/^Worked with 1 person Jeff King in (acme\/shared|shared)$/);
  });
});

/** The line of a repository's `name:` in a profile file, and its index in the list. */
function lineOfRepo(content: string, slug: string, name: string): number {
  const lines = readFileSync(join(content, 'profiles', `${slug}.md`), 'utf8').split('\n');
  return lines.findIndex((l) => new RegExp(`^\\s*-?\\s*name: ${name}$`).test(l)) + 1;
}
function indexOfRepo(content: string, slug: string, name: string): number {
  return repositoriesOf(content, slug).findIndex((r) => r.name === name);
}
