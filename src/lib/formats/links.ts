// The URLs an export names, absolute when the site URL is known (SITE) and base-absolute otherwise.
import { href, monthHref, profileHref } from '../url.ts';

export interface ExportLinks {
  /** The site's home. */
  home: string;
  /** The profile page. */
  profileUrl: string;
  /** A month page of the profile. */
  monthUrl(month: string): string;
  /** The profile's profile.json, resume.json and feed.xml. */
  profileJsonUrl: string;
  resumeUrl: string;
  feedUrl: string;
  /** The JSON Schema of profile.json. */
  schemaUrl: string;
}

/** Returns the export URLs of a profile; `site` is Astro's `site` (undefined when SITE is unset). */
export function exportLinks(slug: string, site: URL | string | undefined): ExportLinks {
  const abs = (path: string): string => (site ? new URL(path, site).href : path);
  return {
    home: abs(href('')),
    profileUrl: abs(profileHref(slug)),
    monthUrl: (month) => abs(monthHref(slug, month)),
    profileJsonUrl: abs(href(`${slug}/profile.json`)),
    resumeUrl: abs(href(`${slug}/resume.json`)),
    feedUrl: abs(href(`${slug}/feed.xml`)),
    schemaUrl: abs(href(SCHEMA_PATH)),
  };
}

/** Where the JSON Schema of profile.json is published, below the base path. */
export const SCHEMA_PATH = 'profile.schema.json';
