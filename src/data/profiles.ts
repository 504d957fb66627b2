// The profiles, as pages and endpoints receive them: read from the content collection once per build
// (again in `astro dev` when the content changed). The Markdown texts are read from the content files
// when a page shows them, for one profile at a time: a thread renders all of a profile's pages together.
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import type { StoredProfile } from '../lib/content-schema.ts';
import { digestOf } from '../lib/digest.ts';
import { frontmatterBody } from '../lib/frontmatter.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import type { MonthView } from '../lib/profile-view.ts';
import { siteProfiles, type ProfileText, type SiteProfile } from '../lib/site-data.ts';
import { yearReviews, type YearReview } from '../lib/year-review.ts';
import { localeFor, urls } from './site.ts';
import { teamDigest, teamOf } from './team.ts';

let cached: { key: string; profiles: SiteProfile[] } | undefined;

/** Every profile with its months and activity, sorted by name. */
export async function profiles(): Promise<SiteProfile[]> {
  const entries = await getCollection('profiles');
  // The entries' digests cover every file they came from: a new sync with other content gives other keys.
  const key = entries.map((e) => e.digest).join('|');
  if (cached?.key !== key) {
    const list = siteProfiles(entries.map((e) => e.data as StoredProfile));
    // A profile page shows who shares its repositories: its cache key covers what it shows of them.
    const team = teamOf(list);
    for (const p of list) p.digests.team = teamDigest(team, p);
    cached = { key, profiles: list };
  }
  return cached.profiles;
}

const reviews = new WeakMap<SiteProfile, YearReview[]>();

/** A profile's years in review (its page, its year pages and profile.json show them), computed once per thread. */
export function yearReviewsOf(view: SiteProfile): YearReview[] {
  let found = reviews.get(view);
  if (!found) reviews.set(view, (found = yearReviews(view.months, view.days, localeFor(view.profile.locale).weekStart)));
  return found;
}

/**
 * The body of a content file, which in a build must still be the text the build checked (pages are
 * keyed on it). The dev server shows what the file says now: its content reloads a moment later.
 */
function bodyOf(file: string, digest: string): string {
  const source = readFileSync(file, 'utf8');
  if (!import.meta.env.DEV && digestOf(source) !== digest) throw new Error(`${file} changed while the site was being built: build again`);
  return frontmatterBody(source);
}

/** The texts of the profile this thread renders now, and its narratives as HTML. */
let current: { view: SiteProfile; text: ProfileText; html: Map<string, string> } | undefined;

function textsOf(view: SiteProfile): NonNullable<typeof current> {
  if (current?.view !== view) {
    const narratives = new Map(view.months.map((m) => [m.month, bodyOf(m.file, m.digest)]));
    current = { view, text: { summary: bodyOf(view.file, view.digests.profile), narratives }, html: new Map() };
  }
  return current;
}

/** A profile's summary and narratives, as Markdown. */
export function profileText(view: SiteProfile): ProfileText {
  return textsOf(view).text;
}

/**
 * A month's narrative as sanitized HTML, rendered once per profile and thread: the profile page, the
 * month page and the feed all show it.
 */
export function narrativeHtml(view: SiteProfile, month: MonthView): string {
  const texts = textsOf(view);
  let html = texts.html.get(month.month);
  if (html === undefined) {
    html = renderMarkdown(texts.text.narratives.get(month.month) ?? '', urls.markdownContext(view.slug));
    texts.html.set(month.month, html);
  }
  return html;
}
