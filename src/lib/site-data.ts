// What the content store holds per profile, and what pages receive: the one place where checked content
// becomes a profile's page data (its figures, months newest first, and the cache key of each page).
import { resolve } from 'node:path';
import type { ContentModel } from './content-read.ts';
import type { StoredMonth, StoredProfile } from './content-schema.ts';
import { digestOf } from './digest.ts';
import { buildProfileView, monthNeighbours, type ProfileView } from './profile-view.ts';
import { route, type PagePeriod, type ProfileDigests, type RouteId } from './routes.ts';
import { yearKey, type YearReview } from './year-review.ts';

/** Groups checked content per profile, the form the content store keeps (each profile's months oldest first); `root` is what the model's paths are relative to. */
export function storedProfiles(model: ContentModel, root: string): StoredProfile[] {
  const monthsOf = new Map<string, StoredMonth[]>();
  for (const m of model.months) {
    const d = m.data;
    const month: StoredMonth = {
      month: m.month,
      commits: d.commits,
      features: d.features,
      ...(d.bugs === undefined ? {} : { bugs: d.bugs }),
      repositories: d.repositories,
      areas: d.areas,
      ...(d.linesAdded === undefined ? {} : { linesAdded: d.linesAdded }),
      ...(d.linesRemoved === undefined ? {} : { linesRemoved: d.linesRemoved }),
      ...(d.languages === undefined ? {} : { languages: d.languages }),
      ...(d.hours === undefined ? {} : { hours: d.hours }),
      file: resolve(root, m.file),
      generated: d.generated !== undefined,
      digest: m.digest,
    };
    const list = monthsOf.get(m.profile);
    if (list) list.push(month);
    else monthsOf.set(m.profile, [month]);
  }
  const activityOf = new Map(model.activity.map((a) => [a.profile, a]));
  return model.profiles.map((p) => {
    const activity = activityOf.get(p.slug);
    // Where the record comes from (repository URLs, authors' emails) is never part of a page.
    const { sources: _sources, generated: _generated, ...profile } = p.data;
    return {
      slug: p.slug,
      profile,
      file: resolve(root, p.file),
      months: (monthsOf.get(p.slug) ?? []).sort((a, b) => (a.month < b.month ? -1 : 1)),
      ...(activity ? { days: activity.days, activityDigest: activity.digest } : {}),
      profileDigest: p.digest,
    };
  });
}

/** The digest of everything a stored profile holds: what the content store keeps it by. */
export function storedDigest(p: StoredProfile): string {
  return digestOf([p.profileDigest, p.activityDigest ?? '', ...p.months.map((m) => `${m.month}:${m.digest}`)].join('|'));
}

/** A profile as its pages receive it (the Markdown texts are read from its files when a page shows them). */
export interface SiteProfile extends ProfileView {
  months: StoredMonth[];
  /** The profile file. */
  file: string;
  digests: ProfileDigests;
}

/** Builds the page data of every stored profile, sorted by name. */
export function siteProfiles(stored: readonly StoredProfile[]): SiteProfile[] {
  const out = stored.map((s): SiteProfile => {
    const view = buildProfileView(s.slug, s.profile, s.months, s.days);
    const digests: ProfileDigests = {
      profile: s.profileDigest,
      ...(s.activityDigest ? { activity: s.activityDigest } : {}),
      months: new Map(s.months.map((m) => [m.month, m.digest])),
    };
    return { ...view, months: view.months as StoredMonth[], file: s.file, digests };
  });
  return out.sort((a, b) => a.profile.name.localeCompare(b.profile.name, 'en'));
}

/** The cache key of a profile's page or file of route `id` (of a month or year, for their pages): it changes exactly when what the page shows changes. */
function cacheKeyOf(id: RouteId, p: SiteProfile, period?: PagePeriod): string {
  const parts = route(id).cacheKey;
  if (!parts) throw new Error(`route ${id} has no cache key`);
  return digestOf(parts(p.digests, period).join('|'));
}

/** The paths of a route with a file per profile, for Astro's getStaticPaths: params, page data, cache key. */
export function profilePaths(id: RouteId, profiles: readonly SiteProfile[]) {
  return profiles.map((view) => ({ params: { slug: view.slug }, props: { view }, cacheKey: cacheKeyOf(id, view) }));
}

/** The paths of a route with a page per month of each profile, with the neighbouring months. */
export function monthPaths(id: RouteId, profiles: readonly SiteProfile[]) {
  return profiles.flatMap((view) =>
    view.months.map((month) => {
      const { older, newer } = monthNeighbours(view.months, month.month);
      return {
        params: { slug: view.slug, period: month.month },
        props: { kind: 'month' as const, view, month, older, newer },
        cacheKey: cacheKeyOf(id, view, { key: month.month, older: older?.month, newer: newer?.month }),
      };
    }),
  );
}

/** The paths of a route with a page per year of activity of each profile (`reviewsOf` gives a profile's years): its review, and the neighbouring years. */
export function yearPaths(id: RouteId, profiles: readonly SiteProfile[], reviewsOf: (view: SiteProfile) => readonly YearReview[]) {
  return profiles.flatMap((view) => {
    const reviews = reviewsOf(view);
    return reviews.map((review, i) => {
      const older = reviews[i - 1]?.year;
      const newer = reviews[i + 1]?.year;
      const key = (y: number | undefined) => (y === undefined ? undefined : yearKey(y));
      return {
        params: { slug: view.slug, period: yearKey(review.year) },
        props: { kind: 'year' as const, view, review, older, newer },
        cacheKey: cacheKeyOf(id, view, { key: yearKey(review.year), older: key(older), newer: key(newer) }),
      };
    });
  });
}

/** The Markdown texts of a profile: its summary, and each month's narrative by `YYYY-MM`. */
export interface ProfileText {
  summary: string;
  narratives: ReadonlyMap<string, string>;
}
