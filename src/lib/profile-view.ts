// Prepares what a profile page shows from a profile and its months, so components only render.
import type { DayActivity, PublishedProfile, StoredMonth } from './content-schema.ts';
import { deriveStats, type ProfileStats } from './profile-stats.ts';

/** A month as pages show it: its figures (the stored month, less where it came from). */
export type MonthView = Omit<StoredMonth, 'digest' | 'file'>;

export interface ProfileView {
  slug: string;
  profile: PublishedProfile;
  stats: ProfileStats;
  /** Months, newest first. */
  months: MonthView[];
  days: DayActivity[] | undefined;
}

/** Orders months newest first and derives the profile's figures. */
export function buildProfileView(slug: string, profile: PublishedProfile, months: readonly MonthView[], days?: DayActivity[]): ProfileView {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return { slug, profile, stats: deriveStats(profile, sorted), months: sorted, days: days?.length ? days : undefined };
}

/** Returns the neighbours of a month in a newest-first list: the older and the newer entry. */
export function monthNeighbours<T extends { month: string }>(newestFirst: readonly T[], month: string): { older?: T; newer?: T } {
  const i = newestFirst.findIndex((m) => m.month === month);
  if (i < 0) return {};
  return { newer: newestFirst[i - 1], older: newestFirst[i + 1] };
}
