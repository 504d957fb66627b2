// The team across the site's profiles (src/lib/team.ts), worked out once per set of profiles and thread:
// the repository pages, the profile pages' "worked with" and the index's roll-up all read it.
import { digestOf } from '../lib/digest.ts';
import type { SiteProfile } from '../lib/site-data.ts';
import { repositoryKeys, teamRepositories, workedWith, type Colleague, type RepositoryKeyOf, type TeamOrder, type TeamRepository } from '../lib/team.ts';
import { config } from './site.ts';

export interface Team {
  /** Every repository with a page, by name. */
  repositories: TeamRepository[];
  /** A repository by its key (repositoryKeys: its history, or the name profiles give it, and whether they call it private). */
  byKey: ReadonlyMap<string, TeamRepository>;
  /** The key of the repository a profile's entry names. */
  keyOf: RepositoryKeyOf;
  /** Who shares repositories with a profile, by slug. */
  colleagues: ReadonlyMap<string, Colleague[]>;
}

const collator = new Intl.Collator(config.locale);
/** How people and repositories are listed: by name unless the site turns ranking on. */
export const teamOrder: TeamOrder = { ranking: config.teams.ranking, compareNames: collator.compare };

const NO_TEAM: Team = { repositories: [], byKey: new Map(), keyOf: () => '', colleagues: new Map() };
const teams = new WeakMap<readonly SiteProfile[], Team>();

/** The team of `profiles`; nothing when the site turns repository pages off. */
export function teamOf(profiles: readonly SiteProfile[]): Team {
  if (!config.teams.repositories) return NO_TEAM;
  let team = teams.get(profiles);
  if (!team) {
    const keyOf = repositoryKeys(profiles);
    const repositories = teamRepositories(profiles, teamOrder, keyOf);
    const colleagues = new Map(profiles.map((p) => [p.slug, workedWith(repositories, p.slug, teamOrder)]));
    team = { repositories, byKey: new Map(repositories.map((r) => [r.key, r])), keyOf, colleagues };
    teams.set(profiles, team);
  }
  return team;
}

/** Whether the index opens with the organization's roll-up (and so lists the repositories): with more than one profile. */
export function hasRollup(profiles: readonly SiteProfile[]): boolean {
  return profiles.length > 1 && config.teams.repositories;
}

/** What a profile page shows of the team (its colleagues, its repositories' page paths), as a digest for its cache key. */
export function teamDigest(team: Team, view: SiteProfile): string {
  const paths = view.profile.repositories.map((r) => team.byKey.get(team.keyOf(view, r.name, r.private))?.path ?? '');
  return digestOf(JSON.stringify([team.colleagues.get(view.slug) ?? [], paths]));
}
