// Which crawled pages are which: the index, profile pages, month pages and years in review of a served
// engfolio site.
import type { Resource } from './crawl.ts';

export type PageKind = 'index' | 'profile' | 'month' | 'year' | 'other';

/** Returns what an engfolio page URL is, judged by its path below the site's base URL. */
export function pageKind(url: string, baseUrl: string): PageKind {
  if (!url.startsWith(baseUrl)) return 'other';
  const rest = url.slice(baseUrl.length).replace(/index\.html$/, '');
  if (rest === '') return 'index';
  if (/^[^/]+\/\d{4}-\d{2}\/$/.test(rest)) return 'month';
  if (/^[^/]+\/\d{4}\/$/.test(rest)) return 'year';
  if (/^[^/.]+\/$/.test(rest) && rest !== '404/') return 'profile';
  return 'other';
}

/** Returns a short, file-name-safe label for a page URL (`index`, `mira-kovac`, `mira-kovac-2025-06`). */
export function pageLabel(url: string, baseUrl: string): string {
  const rest = url
    .slice(baseUrl.length)
    .replace(/index\.html$/, '')
    .replace(/\/+$/, '');
  return rest ? rest.replace(/[^a-zA-Z0-9-]+/g, '-') : 'index';
}

/** Returns the first profile page among crawled pages. */
export function firstProfile(pages: Resource[], baseUrl: string): Resource | undefined {
  return pages.find((p) => pageKind(p.url, baseUrl) === 'profile');
}

/**
 * The GitHub Pages project-site build every base-path test shares (one build per run): a site URL
 * as Pages sets it and the base path `/engfolio-test/`.
 */
export const BASE_PATH_BUILD = { base: '/engfolio-test/', site: 'https://example.github.io' } as const;
