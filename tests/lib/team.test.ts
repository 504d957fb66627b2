// The team across profiles: repositories from profiles' lists and months, private ones only by alias,
// people by name unless ranked, who worked with whom, and the organization's totals as sums.
import { describe, expect, it } from 'vitest';
import {
  addedUp,
  addedUpDays,
  byOrganization,
  repositoryKeys,
  repositoryPathOf,
  sharedNames,
  teamRepositories,
  teamTotals,
  workedWith,
  type TeamMember,
} from '../../src/lib/team.ts';

const byName: { ranking: boolean; compareNames: (a: string, b: string) => number } = { ranking: false, compareNames: new Intl.Collator('en').compare };
const ranked = { ...byName, ranking: true };

const repo = (name: string, from: string, to: string, extra: Partial<TeamMember['profile']['repositories'][number]> = {}) => ({
  name,
  from,
  to,
  languages: [],
  areas: [],
  private: false,
  ...extra,
});
const month = (m: string, commits: number, features: number, repositories: string[]) => ({ month: m, commits, features, repositories });
function member(
  slug: string,
  name: string,
  repositories: TeamMember['profile']['repositories'],
  months: TeamMember['months'],
  organization?: string,
): TeamMember {
  const commits = months.reduce((n, m) => n + m.commits, 0);
  const features = months.reduce((n, m) => n + m.features, 0);
  const keys = months.map((m) => m.month).sort();
  return {
    slug,
    profile: { name, repositories, ...(organization ? { organization } : {}) },
    months,
    stats: { commits, features, bugs: undefined, activityMonths: months.length, firstMonth: keys[0], lastMonth: keys.at(-1) },
  };
}

const ada = member(
  'ada',
  'Ada Byron',
  [
    repo('acme/engine', '2025-01', '2025-02', { languages: ['Rust', 'C'], areas: ['scheduler'] }),
    repo('Billing service', '2025-02', '2025-02', { languages: ['Go'], private: true }),
    repo('a private repository', '2025-03', '2025-03', { private: true }),
  ],
  [month('2025-01', 10, 2, ['acme/engine']), month('2025-02', 7, 1, ['acme/engine', 'Billing service']), month('2025-03', 4, 0, ['a private repository'])],
  'Analytical Engines',
);
const grace = member(
  'grace',
  'Grace Hopper',
  [
    repo('acme/engine', '2025-02', '2025-02', { languages: ['Rust'], areas: ['compiler', 'scheduler'] }),
    repo('Billing service', '2025-03', '2025-03', { private: true }),
  ],
  [month('2025-02', 5, 3, ['acme/engine']), month('2025-03', 8, 2, ['Billing service'])],
  'Analytical Engines',
);
const linus = member(
  'linus',
  'Linus Berg',
  [repo('acme/engine', '2025-03', '2025-03', { languages: ['C'] })],
  [month('2025-03', 30, 1, ['acme/engine', 'berg/dotfiles'])],
);
const all = [linus, grace, ada];

describe('teamRepositories', () => {
  const repos = teamRepositories(all, byName);
  it('lists every named repository by name, never an unaliased private one', () => {
    expect(repos.map((r) => [r.name, r.path, r.private, r.from, r.to])).toEqual([
      ['acme/engine', 'acme/engine', false, '2025-01', '2025-03'],
      ['berg/dotfiles', 'berg/dotfiles', false, '2025-03', '2025-03'],
      ['Billing service', 'billing-service', true, '2025-02', '2025-03'],
    ]);
  });
  it('gives each person the months that name the repository, newest first, and adds them up', () => {
    const engine = repos[0]!;
    expect(engine.people).toEqual([
      {
        slug: 'ada',
        name: 'Ada Byron',
        commits: 17,
        features: 3,
        months: [
          { month: '2025-02', commits: 7, features: 1 },
          { month: '2025-01', commits: 10, features: 2 },
        ],
      },
      { slug: 'grace', name: 'Grace Hopper', commits: 5, features: 3, months: [{ month: '2025-02', commits: 5, features: 3 }] },
      { slug: 'linus', name: 'Linus Berg', commits: 30, features: 1, months: [{ month: '2025-03', commits: 30, features: 1 }] },
    ]);
    expect(engine.months).toEqual([
      { month: '2025-01', commits: 10, features: 2 },
      { month: '2025-02', commits: 12, features: 4 },
      { month: '2025-03', commits: 30, features: 1 },
    ]);
    expect(engine.languages).toEqual([
      ['C', 2],
      ['Rust', 2],
    ]);
    expect(engine.areas).toEqual([
      ['scheduler', 2],
      ['compiler', 1],
    ]);
  });
  it('sorts people by commits only when ranking is on', () => {
    expect(teamRepositories(all, ranked)[0]!.people.map((p) => p.slug)).toEqual(['linus', 'ada', 'grace']);
  });
  it('never takes a private alias for the public repository of the same name', () => {
    const open = member('o', 'Olga', [repo('Billing service', '2025-01', '2025-01')], [month('2025-01', 3, 1, ['Billing service'])]);
    const both = teamRepositories([open, grace], byName).filter((r) => r.name === 'Billing service');
    expect(both.map((r) => [r.path, r.private, r.people.map((p) => p.slug)])).toEqual([
      ['billing-service', false, ['o']],
      ['billing-service-2', true, ['grace']],
    ]);
    expect(workedWith(teamRepositories([open, grace], byName), 'o', byName)).toEqual([]);
  });
  it('keeps paths unique and safe for any name', () => {
    expect(repositoryPathOf('Acme/Build Cache')).toBe('acme/build-cache');
    expect(repositoryPathOf('Acme’s billing: v2')).toBe('acmes-billing-v2');
    const twins = teamRepositories([member('a', 'A', [repo('Acme/Engine', '2025-01', '2025-01'), repo('acme/engine', '2025-01', '2025-01')], [])], byName);
    expect(twins.map((r) => r.path)).toEqual(['acme/engine', 'acme/engine-2']);
  });
});

describe('workedWith', () => {
  const repos = teamRepositories(all, byName);
  it('names the people who share a repository, by name, with the repositories shared', () => {
    expect(workedWith(repos, 'grace', byName)).toEqual([
      {
        slug: 'ada',
        name: 'Ada Byron',
        repositories: [
          { name: 'acme/engine', path: 'acme/engine' },
          { name: 'Billing service', path: 'billing-service' },
        ],
      },
      { slug: 'linus', name: 'Linus Berg', repositories: [{ name: 'acme/engine', path: 'acme/engine' }] },
    ]);
    expect(workedWith(repos, 'grace', ranked).map((c) => c.slug)).toEqual(['linus', 'ada']);
  });
});

describe('the organization', () => {
  it('totals are the sums of the profiles’ own figures', () => {
    expect(teamTotals(all)).toEqual({ people: 3, commits: 64, features: 9, bugs: undefined, activeMonths: 3, firstMonth: '2025-01', lastMonth: '2025-03' });
  });
  it('adds months and days up', () => {
    expect(
      addedUp([
        [{ month: '2025-02', commits: 1, features: 0 }],
        [
          { month: '2025-01', commits: 2, features: 1 },
          { month: '2025-02', commits: 3, features: 1 },
        ],
      ]),
    ).toEqual([
      { month: '2025-01', commits: 2, features: 1 },
      { month: '2025-02', commits: 4, features: 1 },
    ]);
    expect(addedUpDays([[{ date: '2025-01-02', count: 1, features: 1 }], [{ date: '2025-01-02', count: 2 }]])).toEqual([{ date: '2025-01-02', count: 3 }]);
    expect(addedUpDays([[{ date: '2025-01-02', count: 1, features: 1 }], [{ date: '2025-01-01', count: 2, features: 0 }]])).toEqual([
      { date: '2025-01-01', count: 2, features: 0 },
      { date: '2025-01-02', count: 1, features: 1 },
    ]);
  });
  it('groups people by organization, named ones first, by name unless ranked', () => {
    expect(byOrganization(all, byName).map((g) => [g.organization, g.members.map((m) => m.slug)])).toEqual([
      ['Analytical Engines', ['ada', 'grace']],
      [undefined, ['linus']],
    ]);
    const busyGrace = { ...grace, stats: { ...grace.stats, commits: 100 } };
    expect(byOrganization([ada, busyGrace], ranked)[0]!.members.map((m) => m.slug)).toEqual(['grace', 'ada']);
    expect(byOrganization([ada, busyGrace], byName)[0]!.members.map((m) => m.slug)).toEqual(['ada', 'grace']);
  });
});

describe('which repository a name means', () => {
  const h1 = '1111111111111111';
  const h2 = '2222222222222222';
  const h3 = '3333333333333333';
  const a = member(
    'a',
    'A',
    [repo('repo', '2024-01', '2024-02', { history: h1 }), repo('acme/x', '2024-01', '2024-01', { history: h3 })],
    [month('2024-01', 2, 0, ['repo', 'acme/x'])],
  );
  const b = member(
    'b',
    'B',
    [repo('repo', '2023-05', '2023-06', { history: h2 }), repo('acme/y', '2023-05', '2023-05', { history: h3 })],
    [month('2023-05', 1, 0, ['repo'])],
  );
  // Written by hand: no history.
  const c = member(
    'c',
    'C',
    [repo('repo', '2022-01', '2022-01'), repo('acme/x', '2022-01', '2022-01'), repo('repo', '2022-01', '2022-01', { private: true })],
    [],
  );

  it('is the history where the entry has one, the one history of its name where the site knows one, else the name', () => {
    const keyOf = repositoryKeys([a, b, c]);
    expect([keyOf(a, 'repo', false), keyOf(b, 'repo', false), keyOf(c, 'repo', false)]).toEqual([
      `history\u0000${h1}`,
      `history\u0000${h2}`,
      'public\u0000repo',
    ]);
    // One history under two names is one repository; a hand-written entry of a name with one history joins it.
    expect([keyOf(a, 'acme/x', false), keyOf(b, 'acme/y', false), keyOf(c, 'acme/x', false)]).toEqual([
      `history\u0000${h3}`,
      `history\u0000${h3}`,
      `history\u0000${h3}`,
    ]);
    expect(keyOf(c, 'repo', true)).toBe('private\u0000repo');
  });

  it('numbers the repositories that share a name, by when their work began, and names the shared names', () => {
    const repos = teamRepositories([a, b, c], byName);
    expect(repos.map((r) => [r.name, r.path, r.people.map((p) => p.slug)])).toEqual([
      ['acme/x', 'acme/x', ['a', 'b', 'c']],
      ['repo (1)', 'repo', ['c']],
      ['repo (2)', 'repo-2', ['b']],
      ['repo (3)', 'repo-3', ['a']],
      ['repo', 'repo-4', ['c']],
    ]);
    expect(workedWith(repos, 'a', byName).map((w) => [w.slug, w.repositories.map((r) => r.name)])).toEqual([
      ['b', ['acme/x']],
      ['c', ['acme/x']],
    ]);
    expect(sharedNames([a, b, c])).toEqual(['repo']);
    // With one history of the name, the hand-written entry is that history.
    expect(sharedNames([a, c])).toEqual([]);
    expect(sharedNames([a])).toEqual([]);
  });
});
