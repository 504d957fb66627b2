// The Atom feed of a profile's monthly summaries, written with the `feed` package.
import { Feed } from 'feed';
import { monthLong } from '../format.ts';
import type { MonthView, ProfileView } from '../profile-view.ts';
import type { ExportLinks } from './links.ts';

/** Returns the UTC instant a month starts: the feed's date of that month's entry (never the machine's TZ). */
export function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

// The feed package accepts absolute URLs only. Without a site URL the links are written against this
// placeholder origin, which is then cut away: base-absolute links (`/repo/x/`), which Atom resolves
// against the feed's own address (RFC 4287 §2).
const PLACEHOLDER_ORIGIN = 'https://engfolio-relative.invalid';

/** Returns the Atom XML of a profile's feed: one entry per month, newest first, with its narrative as `narrativeHtml` renders it. */
export function buildProfileFeed(view: ProfileView, siteLinks: ExportLinks, options: { absolute: boolean; narrativeHtml: (month: MonthView) => string }): string {
  const xml = atom(view, options.absolute ? siteLinks : placeholderLinks(siteLinks), options.absolute, options.narrativeHtml);
  return options.absolute ? xml : xml.split(PLACEHOLDER_ORIGIN).join('');
}

function placeholderLinks(links: ExportLinks): ExportLinks {
  const abs = (u: string): string => new URL(u, PLACEHOLDER_ORIGIN).href;
  return {
    home: abs(links.home),
    profileUrl: abs(links.profileUrl),
    monthUrl: (m) => abs(links.monthUrl(m)),
    profileJsonUrl: abs(links.profileJsonUrl),
    resumeUrl: abs(links.resumeUrl),
    feedUrl: abs(links.feedUrl),
    schemaUrl: abs(links.schemaUrl),
  };
}

function atom(view: ProfileView, links: ExportLinks, absolute: boolean, narrativeHtml: (month: MonthView) => string): string {
  const name = view.profile.name;
  // Atom ids must be IRIs that never change: the page URL when the site URL is known, a URN otherwise.
  const feedId = absolute ? links.profileUrl : `urn:engfolio:${view.slug}`;
  const newest = view.months[0]?.month;
  const feed = new Feed({
    id: feedId,
    title: `${name} — monthly work`,
    description: view.profile.headline ?? `Monthly summaries of ${name}'s engineering work`,
    link: links.profileUrl,
    language: 'en',
    updated: newest ? monthStart(newest) : new Date(Date.UTC(1970, 0, 1)),
    generator: 'engfolio',
    feedLinks: { atom: links.feedUrl },
    author: { name, link: links.profileUrl },
    copyright: `© ${name}`,
  });
  for (const m of view.months) {
    const figures = `${m.commits} commits, ${m.features} features${m.bugs !== undefined ? `, ${m.bugs} bugs` : ''}`;
    feed.addItem({
      title: `${monthLong(m.month)} — ${name}`,
      id: absolute ? links.monthUrl(m.month) : `urn:engfolio:${view.slug}:${m.month}`,
      link: links.monthUrl(m.month),
      date: monthStart(m.month),
      published: monthStart(m.month),
      description: figures,
      content: `<p>${figures}.</p>${narrativeHtml(m)}`,
      author: [{ name, link: links.profileUrl }],
    });
  }
  return feed.atom1();
}
