// What the git import writes where people read it: areas from the `area: change` subject convention,
// a profile summary draft (generated until edited), and bots never counted for a person by accident.
// Real git, fixture histories, exact expected values.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importGit } from '../../src/cli/import-git.ts';
import { isBotAuthor, subjectArea } from '../../src/lib/git/aggregate.ts';
import { parseFrontmatter, type ParsedFrontmatter } from '../../src/lib/frontmatter.ts';
import { buildRepo, lines, tempDir } from '../lib/git-fixture.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (): string => {
  const d = tempDir();
  temps.push(d);
  return d;
};

async function run(args: string[]): Promise<{ status: number; said: string[] }> {
  const said: string[] = [];
  const status = await importGit(args, (l) => said.push(l));
  return { status, said };
}

function read(path: string): ParsedFrontmatter {
  const fm = parseFrontmatter(readFileSync(path, 'utf8'));
  if (!('data' in fm)) throw new Error(fm.message);
  return fm;
}

const TJ = 'Tejun Heo <tj@kernel.org>';

/** A history in the kernel's style: subjects name the area; the files live elsewhere. */
function kernelStyle(): string {
  return buildRepo(
    [
      {
        author: TJ,
        date: '2024-03-04T10:00:00-10:00',
        message: 'scx_layered: Add layer matching on cgroup\n',
        files: { 'scheds/rust/scx_layered/src/main.rs': lines(5) },
      },
      {
        author: TJ,
        date: '2024-03-05T10:00:00-10:00',
        message: 'scx_layered: Fix a race in dispatch\n',
        files: { 'scheds/rust/scx_layered/src/bpf/main.bpf.c': lines(3) },
      },
      { author: TJ, date: '2024-03-20T10:00:00-10:00', message: 'scx_rusty: Tune load balancing\n', files: { 'scheds/rust/scx_rusty/src/main.rs': lines(4) } },
      { author: TJ, date: '2024-04-02T10:00:00-10:00', message: 'sched_ext: Add scx_bpf_dsq_move()\n', files: { 'kernel/sched/ext.c': lines(6) } },
      { author: TJ, date: '2024-04-03T10:00:00-10:00', message: 'Update the README\n', files: { 'README.md': lines(2) } },
      {
        author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
        date: '2024-04-04T10:00:00+00:00',
        message: 'build(deps): bump libbpf-rs\n',
        files: { 'Cargo.lock': lines(2) },
      },
      // A bot whose name is the person's: never theirs.
      { author: 'Tejun Heo <github-actions@github.com>', date: '2024-04-05T10:00:00+00:00', message: 'ci: refresh\n', files: { 'ci.yml': lines(1) } },
    ],
    { origin: 'https://github.com/sched-ext/scx.git' },
  );
}

describe('areas from commit subjects', () => {
  it('reads the area of the `area: change` convention, and not a Conventional Commits type', () => {
    expect(subjectArea('scx_layered: Fix a race')).toBe('scx_layered');
    expect(subjectArea('mm/slab: fix a leak')).toBe('mm/slab');
    expect(subjectArea('builtin/log: teach --follow')).toBe('builtin/log');
    expect(subjectArea('fix: a typo')).toBeUndefined();
    expect(subjectArea('Feat: a thing')).toBeUndefined();
    expect(subjectArea('feat(api): add')).toBeUndefined();
    expect(subjectArea('Update the README')).toBeUndefined();
    expect(subjectArea('Note:no space')).toBeUndefined();
    expect(subjectArea('a sentence with words: then more')).toBeUndefined();
  });

  it('are a repository’s areas when most of its commits follow the convention, its folders otherwise', async () => {
    const content = temp();
    const r = await run([kernelStyle(), '--author', 'tj@kernel.org', '--name', 'Tejun Heo', '--content', content]);
    expect(r.status, r.said.join('\n')).toBe(0);
    expect(read(join(content, 'months/tejun-heo/2024-03.md')).data.areas).toEqual(['scx_layered', 'scx_rusty']);
    expect(read(join(content, 'months/tejun-heo/2024-04.md')).data.areas).toEqual(['sched_ext']);
    const profile = read(join(content, 'profiles/tejun-heo.md'));
    expect((profile.data.repositories as { areas: string[] }[])[0]!.areas).toEqual(['scx_layered', 'sched_ext', 'scx_rusty']);
  });
});

describe('bots', () => {
  it('are recognised by their names and addresses', () => {
    expect(isBotAuthor('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com')).toBe(true);
    expect(isBotAuthor('renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com')).toBe(true);
    expect(isBotAuthor('Renovate Bot', 'bot@renovateapp.com')).toBe(true);
    expect(isBotAuthor('Tejun Heo', 'github-actions@github.com')).toBe(true);
    expect(isBotAuthor('github-actions', '41898282+github-actions[bot]@users.noreply.github.com')).toBe(true);
    expect(isBotAuthor('Tejun Heo', 'tj@kernel.org')).toBe(false);
    expect(isBotAuthor('Robot Person', 'robot@example.org')).toBe(false);
  });

  it('never count for a person by a name that is theirs; commits of the person count as before', async () => {
    const content = temp();
    const r = await run([kernelStyle(), '--author', 'tj@kernel.org', '--author', 'Tejun Heo', '--name', 'Tejun Heo', '--content', content]);
    expect(r.status).toBe(0);
    expect(r.said[0]).toBe('sched-ext/scx: 5 of 7 commits counted');
  });
});

describe('the profile summary draft', () => {
  it('says the period, repositories, main languages and areas, and is refreshed until someone edits it', async () => {
    const content = temp();
    const scx = kernelStyle();
    const tool = buildRepo(
      [
        { author: TJ, date: '2023-11-02T09:00:00+01:00', message: 'Add the CLI\n', files: { 'cmd/tool/main.go': lines(3) } },
        { author: TJ, date: '2024-02-02T09:00:00+01:00', message: 'Parse flags\n', files: { 'cmd/tool/flags.go': lines(3) } },
      ],
      { origin: 'https://github.com/htejun/tool.git' },
    );
    expect((await run([scx, tool, '--author', 'tj@kernel.org', '--name', 'Tejun Heo', '--content', content])).status).toBe(0);
    const file = join(content, 'profiles/tejun-heo.md');
    const first = read(file);
    expect(first.body).toBe(
      '\n7 commits from November 2023 to April 2024 in 2 repositories: sched-ext/scx and htejun/tool.\n\nMostly C, Go and Rust.\n\nMain areas: cmd/tool, scx_layered and sched_ext.\n\n<!-- A draft generated from git history: edit it freely; later imports leave an edited text alone. -->\n',
    );
    expect(first.data.generated).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // Edited by hand: never touched again, and no longer marked generated.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n7 commits[\s\S]*$/, '\nI maintain sched_ext.\n'));
    expect((await run([scx, tool, '--author', 'tj@kernel.org', '--content', content, '--profile', 'tejun-heo'])).status).toBe(0);
    const edited = read(file);
    expect(edited.body).toBe('\nI maintain sched_ext.\n');
    expect(edited.data.generated).toBeUndefined();
  });
});
