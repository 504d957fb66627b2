// Reads the collections once per build and groups them per profile; pages and endpoints ask here.
import { getCollection } from 'astro:content';
import { buildProfileView, type MonthView, type ProfileView } from '../lib/profile-view.ts';
import { digestOf } from '../lib/content-read.ts';
import { bodiesGeneration, bodyOf } from '../lib/content-bodies.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { profileUrlContext } from '../lib/url.ts';

export interface SiteProfile extends ProfileView {
  /** Digest of every entry the profile page reads: its cache key for incremental builds. */
  cacheKey: string;
  /** Digests per month, for month pages' cache keys. */
  monthDigests: Map<string, string>;
  profileDigest: string;
  /** The profile's summary, as Markdown. */
  summary: string;
}

let cached: { generation: number; profiles: Promise<SiteProfile[]> } | undefined;

async function load(): Promise<SiteProfile[]> {
  const [profiles, months, activity] = await Promise.all([getCollection('profiles'), getCollection('months'), getCollection('activity')]);
  const monthsByProfile = new Map<string, { view: MonthView; digest: string }[]>();
  for (const entry of months) {
    const d = entry.data;
    // The store's digest covers the frontmatter (and the code that read it), the body's the whole file.
    const body = bodyOf(entry.filePath!);
    const list = monthsByProfile.get(d.profile.id) ?? [];
    list.push({
      view: {
        month: d.month,
        commits: d.commits,
        features: d.features,
        bugs: d.bugs,
        repositories: d.repositories,
        areas: d.areas,
        linesAdded: d.linesAdded,
        linesRemoved: d.linesRemoved,
        narrative: body.markdown,
        generated: d.generated !== undefined,
      },
      digest: `${entry.digest}:${body.digest}`,
    });
    monthsByProfile.set(d.profile.id, list);
  }
  const daysByProfile = new Map(activity.map((a) => [a.data.profile.id, { days: a.data.days, digest: String(a.digest ?? '') }]));
  const out: SiteProfile[] = profiles.map((p) => {
    const own = monthsByProfile.get(p.id) ?? [];
    const act = daysByProfile.get(p.id);
    const { slug: _slug, ...data } = p.data;
    const view = buildProfileView(p.id, data, own.map((m) => m.view), act?.days);
    const summary = bodyOf(p.filePath!);
    const profileDigest = `${p.digest}:${summary.digest}`;
    const monthDigests = new Map(own.map((m) => [m.view.month, m.digest]));
    const all = [profileDigest, act?.digest ?? '', ...own.map((m) => `${m.view.month}:${m.digest}`).sort()].join('|');
    return { ...view, cacheKey: digestOf(all), monthDigests, profileDigest, summary: summary.markdown };
  });
  out.sort((a, b) => a.profile.name.localeCompare(b.profile.name, 'en'));
  return out;
}

/** Returns every profile with its months and activity, sorted by name. */
export function siteProfiles(): Promise<SiteProfile[]> {
  // A new content sync (astro dev) hands over new bodies: build the profiles again.
  if (cached?.generation !== bodiesGeneration()) cached = { generation: bodiesGeneration(), profiles: load() };
  return cached.profiles;
}

const narratives = new WeakMap<MonthView, string>();

/**
 * A month's narrative as sanitized HTML, rendered once per thread of a build: the profile page, the
 * month page and the feed all show it (measured on L: a third of the Markdown time of rendering it on
 * each), and one thread renders all of a profile's pages (src/cli/parallel-pages.ts).
 */
export function narrativeHtml(view: SiteProfile, month: MonthView): string {
  let html = narratives.get(month);
  if (html === undefined) {
    html = renderMarkdown(month.narrative, profileUrlContext(view.slug));
    narratives.set(month, html);
  }
  return html;
}
