// A team's record across profiles, from the content only: each repository that any profile names (who
// worked in it, when, and what its months counted), who shares repositories with whom, and the
// organization's totals. A private repository appears only under the alias its profiles give it, and not
// at all when it has none ("a private repository" names a different repository in every profile).
import { PRIVATE_LABEL } from './git/source-cache.ts';
import type { MonthValue } from './heatmap/month-layout.ts';
import type { DayValue } from './heatmap/day-layout.ts';
import type { ProfileStats } from './profile-stats.ts';
import { slugFor } from './slug.ts';

/** What team pages need of a profile: its name, its repositories and its months. */
export interface TeamMember {
  slug: string;
  profile: {
    name: string;
    organization?: string | undefined;
    network?: { organization?: string | undefined } | undefined;
    repositories: readonly {
      name: string;
      from: string;
      to: string;
      languages: readonly string[];
      areas: readonly string[];
      private: boolean;
      history?: string | undefined;
    }[];
  };
  months: readonly { month: string; commits: number; features: number; repositories: readonly string[] }[];
  stats: Pick<ProfileStats, 'commits' | 'features' | 'bugs' | 'activityMonths' | 'firstMonth' | 'lastMonth'>;
  days?: readonly DayValue[] | undefined;
}

/** One person's work in one repository: the months that name it, newest first, with those months' figures. */
interface RepoPerson {
  slug: string;
  name: string;
  months: MonthValue[];
  /** Sums over `months`. */
  commits: number;
  features: number;
}

/** A repository as its page shows it. */
export interface TeamRepository {
  /** Which repository it is (see repositoryKeys). */
  key: string;
  /** The name shown (a private repository's alias); numbered, `repo (2)`, when different histories share a name. */
  name: string;
  /** The page's path below `repos/`: `owner/name`, slugged (`acme/build-cache`), or one slug for a name without an owner. */
  path: string;
  /** Named private by a profile: the name is an alias. */
  private: boolean;
  /** The first and last month of the work in it, `YYYY-MM`. */
  from: string;
  to: string;
  /** The people who worked in it, by name (or by commits, when ranked). */
  people: RepoPerson[];
  /** The months of every person in it added up, oldest first. */
  months: MonthValue[];
  /** Languages and areas its profiles give it, with how many profiles give each, most given first. */
  languages: [string, number][];
  areas: [string, number][];
}

/** How people are listed: by name (the default), or by commits when the site turns ranking on. */
export interface TeamOrder {
  ranking: boolean;
  /** Compares names in the site's language. */
  compareNames: (a: string, b: string) => number;
}

/** Which repository a profile's entry or month names (see repositoryKeys). */
export type RepositoryKeyOf = (member: Pick<TeamMember, 'profile'>, name: string, isPrivate: boolean) => string;

/**
 * Which repository each name means, across the profiles. A public repository is its history (the
 * `history` the git importer writes), whatever it is called: two histories of one name are two
 * repositories, one history under two names is one. An entry without a history (written by hand) is
 * the history of that name when the site knows exactly one, else its name. A private repository's
 * alias is one repository in every profile that gives it, and never the public repository of the same name.
 */
export function repositoryKeys(members: readonly Pick<TeamMember, 'profile'>[]): RepositoryKeyOf {
  const historiesOf = new Map<string, Set<string>>();
  for (const m of members)
    for (const r of m.profile.repositories)
      if (!r.private && r.history) {
        const set = historiesOf.get(r.name) ?? new Set();
        historiesOf.set(r.name, set.add(r.history));
      }
  const own = new WeakMap<object, Map<string, string>>();
  return (member, name, isPrivate) => {
    if (isPrivate) return `private\u0000${name}`;
    let histories = own.get(member.profile);
    if (!histories) {
      histories = new Map(member.profile.repositories.filter((r) => !r.private && r.history).map((r) => [r.name, r.history!]));
      own.set(member.profile, histories);
    }
    const history = histories.get(name) ?? (historiesOf.get(name)?.size === 1 ? [...historiesOf.get(name)!][0] : undefined);
    return history ? `history\u0000${history}` : `public\u0000${name}`;
  };
}

/** Names that stand for more than one repository across the profiles (different histories under one public name): `check` warns of them. */
export function sharedNames(members: readonly Pick<TeamMember, 'profile'>[]): string[] {
  const keyOf = repositoryKeys(members);
  const keys = new Map<string, Set<string>>();
  for (const m of members)
    for (const r of m.profile.repositories)
      if (!r.private && isShareable(r.name)) keys.set(r.name, (keys.get(r.name) ?? new Set()).add(keyOf(m, r.name, false)));
  return [...keys].filter(([, k]) => k.size > 1).map(([name]) => name);
}

/** Whether a repository name may have a page: anything but the label of an unaliased private repository. */
function isShareable(name: string): boolean {
  return name.trim().toLowerCase() !== PRIVATE_LABEL;
}

/** The path of a repository's page below `repos/`: `owner/name` slugged part by part, else one slug. */
export function repositoryPathOf(name: string): string {
  const parts = name.split('/').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${slugFor(parts[0])}/${slugFor(parts[1])}`;
  return slugFor(name);
}

const counted = (counts: Map<string, number>): [string, number][] => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Sorts people in `order`: by name, or by commits (most first) and then name when ranked. */
function sortPeople<T>(people: T[], order: TeamOrder, of: (p: T) => { name: string; commits: number }): T[] {
  return people.sort((a, b) => {
    const x = of(a);
    const y = of(b);
    return (order.ranking ? y.commits - x.commits : 0) || order.compareNames(x.name, y.name);
  });
}

/**
 * Every repository the profiles name and may show, sorted by name; paths are unique (a repeat gets
 * `-2`, `-3`…). `keyOf` says which repository a name means (repositoryKeys of the same members).
 */
export function teamRepositories(members: readonly TeamMember[], order: TeamOrder, keyOf: RepositoryKeyOf = repositoryKeys(members)): TeamRepository[] {
  interface Gathered {
    readonly private: boolean;
    from: string;
    to: string;
    people: Map<string, RepoPerson>;
    languages: Map<string, number>;
    areas: Map<string, number>;
  }
  const byKey = new Map<string, Gathered & { name: string; key: string }>();
  const gather = (member: TeamMember, name: string, isPrivate: boolean, from: string, to: string): Gathered => {
    const key = keyOf(member, name, isPrivate);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, name, private: isPrivate, from, to, people: new Map(), languages: new Map(), areas: new Map() }));
    if (from < g.from) g.from = from;
    if (to > g.to) g.to = to;
    return g;
  };
  const personIn = (g: Gathered, m: TeamMember): RepoPerson => {
    let p = g.people.get(m.slug);
    if (!p) g.people.set(m.slug, (p = { slug: m.slug, name: m.profile.name, months: [], commits: 0, features: 0 }));
    return p;
  };
  for (const member of members) {
    const privateNames = new Set(member.profile.repositories.filter((r) => r.private).map((r) => r.name));
    for (const r of member.profile.repositories) {
      if (!isShareable(r.name)) continue;
      const g = gather(member, r.name, r.private, r.from, r.to);
      personIn(g, member);
      for (const lang of new Set(r.languages)) g.languages.set(lang, (g.languages.get(lang) ?? 0) + 1);
      for (const area of new Set(r.areas)) g.areas.set(area, (g.areas.get(area) ?? 0) + 1);
    }
    for (const month of member.months) {
      for (const name of new Set(month.repositories)) {
        if (!isShareable(name)) continue;
        const p = personIn(gather(member, name, privateNames.has(name), month.month, month.month), member);
        p.months.push({ month: month.month, commits: month.commits, features: month.features });
        p.commits += month.commits;
        p.features += month.features;
      }
    }
  }
  // By name; a public repository before a private one of the same name; repositories of one name by when the work began.
  const gathered = [...byKey.values()].sort(
    (a, b) =>
      order.compareNames(a.name, b.name) ||
      Number(a.private) - Number(b.private) ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  // Different histories under one name are told apart by number: `repo (1)`, `repo (2)`.
  const sameName = Map.groupBy(gathered, (g) => `${Number(g.private)}\u0000${g.name}`);
  const usedPaths = new Set<string>();
  return gathered.map((g) => {
    const namesakes = sameName.get(`${Number(g.private)}\u0000${g.name}`)!;
    const name = namesakes.length > 1 ? `${g.name} (${namesakes.indexOf(g) + 1})` : g.name;
    const wanted = repositoryPathOf(g.name);
    let path = wanted;
    for (let n = 2; usedPaths.has(path); n++) path = `${wanted}-${n}`;
    usedPaths.add(path);
    const people = sortPeople([...g.people.values()], order, (p) => p);
    for (const p of people) p.months.sort((a, b) => (a.month < b.month ? 1 : -1));
    return {
      key: g.key,
      name,
      path,
      private: g.private,
      from: g.from,
      to: g.to,
      people,
      months: addedUp(people.map((p) => p.months)),
      languages: counted(g.languages),
      areas: counted(g.areas),
    };
  });
}

/** Month lists added up month by month, oldest first. */
export function addedUp(lists: readonly (readonly MonthValue[])[]): MonthValue[] {
  const sum = new Map<string, MonthValue>();
  for (const list of lists)
    for (const m of list) {
      const s = sum.get(m.month);
      if (s) {
        s.commits += m.commits;
        s.features += m.features;
      } else sum.set(m.month, { month: m.month, commits: m.commits, features: m.features });
    }
  return [...sum.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** Day lists added up day by day, oldest first; `features` only where every profile's days record them. */
export function addedUpDays(lists: readonly (readonly DayValue[])[]): DayValue[] {
  const withFeatures = lists.every((l) => l.every((d) => d.features !== undefined));
  const sum = new Map<string, DayValue>();
  for (const list of lists)
    for (const d of list) {
      const s = sum.get(d.date) ?? { date: d.date, count: 0, ...(withFeatures ? { features: 0 } : {}) };
      s.count += d.count;
      if (withFeatures) s.features! += d.features ?? 0;
      sum.set(d.date, s);
    }
  return [...sum.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** A person who shares repositories with a profile, and which. */
export interface Colleague {
  slug: string;
  name: string;
  repositories: { name: string; path: string }[];
}

/** The people who share a repository with `slug`, by name (or by commits together when ranked), each with the repositories they share. */
export function workedWith(repositories: readonly TeamRepository[], slug: string, order: TeamOrder): Colleague[] {
  const found = new Map<string, Colleague & { commits: number }>();
  for (const r of repositories) {
    if (!r.people.some((p) => p.slug === slug)) continue;
    for (const p of r.people) {
      if (p.slug === slug) continue;
      let c = found.get(p.slug);
      if (!c) found.set(p.slug, (c = { slug: p.slug, name: p.name, repositories: [], commits: 0 }));
      c.repositories.push({ name: r.name, path: r.path });
      c.commits += p.commits;
    }
  }
  return sortPeople([...found.values()], order, (c) => c).map(({ commits: _commits, ...c }) => c);
}

/** The organization's figures: each the sum of the profiles' own (ProfileStats), never counted again from months. */
export interface TeamTotals {
  people: number;
  commits: number;
  features: number;
  /** Sum of the profiles' bugs, over the profiles that give any. */
  bugs: number | undefined;
  /** Months in which anyone has an entry. */
  activeMonths: number;
  firstMonth: string | undefined;
  lastMonth: string | undefined;
}

export function teamTotals(members: readonly TeamMember[]): TeamTotals {
  let commits = 0;
  let features = 0;
  let bugs: number | undefined;
  let first: string | undefined;
  let last: string | undefined;
  const months = new Set<string>();
  for (const m of members) {
    commits += m.stats.commits;
    features += m.stats.features;
    if (m.stats.bugs !== undefined) bugs = (bugs ?? 0) + m.stats.bugs;
    if (m.stats.firstMonth && (first === undefined || m.stats.firstMonth < first)) first = m.stats.firstMonth;
    if (m.stats.lastMonth && (last === undefined || m.stats.lastMonth > last)) last = m.stats.lastMonth;
    for (const month of m.months) months.add(month.month);
  }
  return { people: members.length, commits, features, bugs, activeMonths: months.size, firstMonth: first, lastMonth: last };
}

/** The organization a profile belongs to: its own field, else its network's. */
export function organizationOf(m: TeamMember): string | undefined {
  return m.profile.organization ?? m.profile.network?.organization;
}

/** Profiles grouped by organization (named ones by name, then those without one), each group by name (or commits when ranked). */
export function byOrganization<T extends TeamMember>(members: readonly T[], order: TeamOrder): { organization: string | undefined; members: T[] }[] {
  const groups = Map.groupBy(members, organizationOf);
  const keys = [...groups.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : order.compareNames(a, b)));
  const rank = (list: T[]) => sortPeople(list, order, (m) => ({ name: m.profile.name, commits: m.stats.commits }));
  return keys.map((organization) => ({ organization, members: rank(groups.get(organization)!) }));
}
