// The streaming git log reader on a real repository: authors after .mailmap, dates in the author's offset,
// renames, binary files, merges left out, and odd file names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildRepo, widgetCommits } from './git-fixture.ts';
import { gitLogArgs, inspectRepo, LogParser, ownerNameFromUrl, streamLog, type CommitRecord } from '../../src/lib/git/git-log.ts';
import { git } from './git-fixture.ts';
import { draftNarrative, fingerprintOf, isUneditedDraft } from '../../src/lib/git/narrative.ts';
import { monthLong } from '../../src/lib/format.ts';

interface Seen {
  subject: string;
  name: string;
  email: string;
  date: string;
  files: [string, number, number][];
}

async function read(dir: string, withLines: boolean): Promise<Seen[]> {
  const out: Seen[] = [];
  const r = await streamLog(dir, withLines, (c: CommitRecord) => {
    out.push({
      subject: c.subject,
      name: c.name,
      email: c.email,
      date: c.date,
      files: c.paths.slice(0, c.fileCount).map((p, i) => [p, c.added[i]!, c.removed[i]!]),
    });
  });
  expect(r.status).toBe(0);
  return out.reverse();
}

let repo: string;
beforeAll(() => {
  repo = buildRepo(widgetCommits(), { origin: 'git@github.com:acme/widgets.git' });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('streamLog', () => {
  it('reads every non-merge commit once, with mailmapped authors and dates as the author wrote them', async () => {
    const commits = await read(repo, true);
    expect(commits.map((c) => c.subject)).not.toContain("Merge branch 'topic'");
    expect(commits).toHaveLength(11);
    const late = commits.find((c) => c.subject === 'fix: handle empty user list')!;
    expect([late.name, late.email, late.date]).toEqual(['Ada Lovelace', 'ada@work.example', '2024-01-31T23:30:00-08:00']);
    const early = commits.find((c) => c.subject === 'Add search page')!;
    expect(early.date).toBe('2024-02-01T16:30:00+09:00');
  });

  it('gives added/removed lines, a rename as its edits (new path, then old), and binary files as -1', async () => {
    const commits = await read(repo, true);
    expect(commits.find((c) => c.subject === 'Rename users module')!.files).toEqual([
      ['src/api/people.ts', 1, 1],
      ['src/api/users.ts', -1, -1],
    ]);
    expect(commits.find((c) => c.subject === 'Add logo')!.files).toEqual([['assets/logo.png', -1, -1]]);
    expect(commits.find((c) => c.subject === 'feat(api): add user endpoint')!.files).toEqual([
      ['README.md', 3, 0],
      ['src/api/users.ts', 10, 0],
    ]);
  });

  it('without lines lists touched paths only, reading no file contents', async () => {
    const commits = await read(repo, false);
    expect(commits.find((c) => c.subject === 'Rename users module')!.files).toEqual([
      ['src/api/people.ts', -1, -1],
      ['src/api/users.ts', -1, -1],
    ]);
  });

  it('keeps paths with spaces, tabs and non-ASCII letters intact', async () => {
    const dir = buildRepo([
      {
        author: 'Zoë <z@example.com>',
        date: '2023-05-01T10:00:00+02:00',
        message: 'Add odd files\n\nbody\n',
        files: { 'dir with space/naïve\tfile.ts': 'x\n', 'ünï/cödé.py': 'y\n' },
      },
    ]);
    const [c] = await read(dir, true);
    expect(c!.name).toBe('Zoë');
    expect(c!.files.map((f) => f[0]).sort()).toEqual(['dir with space/naïve\tfile.ts', 'ünï/cödé.py']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('LogParser', () => {
  it('gives the same commits however the stream is cut into chunks', () => {
    for (const withLines of [true, false]) {
      const output = git(repo, gitLogArgs(withLines));
      const parse = (size: number) => {
        const seen: string[] = [];
        const p = new LogParser(withLines, (c) =>
          seen.push(
            JSON.stringify([
              c.hash,
              c.name,
              c.date,
              c.timestamp,
              c.root,
              c.subject,
              c.body,
              c.paths.slice(0, c.fileCount),
              c.added.slice(0, c.fileCount),
              c.removed.slice(0, c.fileCount),
            ]),
          ),
        );
        for (let i = 0; i < output.length; i += size) p.push(output.slice(i, i + size));
        p.end();
        return seen;
      };
      const whole = parse(output.length);
      expect(whole).toHaveLength(11);
      for (const size of [1, 2, 3, 7, 64, 1000]) expect(parse(size)).toEqual(whole);
    }
  });
});

describe('inspectRepo', () => {
  it('names the repository from origin, else the folder', () => {
    expect(inspectRepo(repo).displayName).toBe('acme/widgets');
    expect(ownerNameFromUrl('https://github.com/acme/web.git')).toBe('acme/web');
    expect(ownerNameFromUrl('ssh://git@gitlab.example.com:2222/group/proj')).toBe('group/proj');
    expect(ownerNameFromUrl('git@host:proj.git')).toBeUndefined();
    for (const local of ['/x/git/pub', 'file:///x/git/pub', './git/pub', 'C:\\git\\pub']) expect(ownerNameFromUrl(local), local).toBeUndefined();
  });
});

describe('narrative drafts', () => {
  it('writes a draft whose fingerprint detects any edit', () => {
    const draft = draftNarrative({
      month: '2024-02',
      commits: 5,
      features: 1,
      bugs: 2,
      repositories: ['acme/web'],
      areas: ['web'],
      notable: ['Add *search* <page>'],
    });
    expect(draft).toContain('February 2024: 5 commits in acme/web, with 1 feature and 2 bug fixes.');
    expect(draft).toContain('\\*search\\*');
    const fp = fingerprintOf(draft);
    expect(isUneditedDraft(`\n${draft}\n`, fp)).toBe(true);
    expect(isUneditedDraft(draft.replace('5 commits', '5 commits!'), fp)).toBe(false);
    expect(monthLong('2023-12')).toBe('December 2023');
  });
});
