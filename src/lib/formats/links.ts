// The URLs an export names, absolute when the site URL is known (SITE) and base-absolute otherwise.
import type { SiteUrls } from '../routes.ts';

export interface ExportLinks {
  /** The site's home. */
  home: string;
  /** The profile page. */
  profileUrl: string;
  /** A month page of the profile. */
  monthUrl(month: string): string;
  /** A year in review of the profile. */
  yearUrl(year: number): string;
  /** The profile's profile.json, resume.json and feed.xml. */
  profileJsonUrl: string;
  resumeUrl: string;
  feedUrl: string;
  /** The JSON Schema of profile.json. */
  schemaUrl: string;
}

/** Returns the export URLs of a profile; `site` is Astro's `site` (undefined when SITE is unset). */
export function exportLinks(urls: SiteUrls, slug: string, site: URL | string | undefined): ExportLinks {
  const abs = (path: string): string => (site ? new URL(path, site).href : path);
  return {
    home: abs(urls.home()),
    profileUrl: abs(urls.profile(slug)),
    monthUrl: (month) => abs(urls.month(slug, month)),
    yearUrl: (year) => abs(urls.year(slug, year)),
    profileJsonUrl: abs(urls.route('profile-json', { slug })),
    resumeUrl: abs(urls.route('resume-json', { slug })),
    feedUrl: abs(urls.route('feed', { slug })),
    schemaUrl: abs(urls.route('schema')),
  };
}
