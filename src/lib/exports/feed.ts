// The Atom feed of a profile's monthly summaries, written with the `feed` package.
import { Feed } from 'feed';
import { monthLong } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import type { ProfileView } from '../profile-view.ts';
import type { ExportLinks } from './links.ts';

/** Returns the UTC instant a month starts: the feed's date of that month's entry (never the machine's TZ). */
export function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

/** Returns the Atom XML of a profile's feed: one entry per month, newest first. */
export function buildProfileFeed(view: ProfileView, links: ExportLinks, options: { absolute: boolean }): string {
  const name = view.profile.name;
  // Atom ids must be IRIs that never change: the page URL when the site URL is known, a URN otherwise.
  const feedId = options.absolute ? links.profileUrl : `urn:engfolio:${view.slug}`;
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
    const narrative = renderMarkdown(m.narrative);
    feed.addItem({
      title: `${monthLong(m.month)} — ${name}`,
      id: options.absolute ? links.monthUrl(m.month) : `urn:engfolio:${view.slug}:${m.month}`,
      link: links.monthUrl(m.month),
      date: monthStart(m.month),
      published: monthStart(m.month),
      description: figures,
      content: `<p>${figures}.</p>${narrative}`,
      author: [{ name, link: links.profileUrl }],
    });
  }
  return feed.atom1();
}
