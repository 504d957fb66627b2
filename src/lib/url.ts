// The one place that builds site URLs: every internal link goes through `href`, so a base path
// (GitHub Pages project sites live under /<repo>/) is never forgotten.

/** Joins a base path and a site path: `href('/x/', 'a/b/')` → `/x/a/b/`. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/**
 * The configured base path. Vite writes it in at build time; outside Vite (tests, the CLI) it is `/`.
 * Only ever read as the one property `import.meta.env.BASE_URL` (not even in a comment is the env
 * object named on its own here): where a module does, Astro inlines into it every environment
 * variable whose name appears anywhere in the module's text.
 */
const BASE_URL: string = (() => {
  try {
    return import.meta.env.BASE_URL ?? '/';
  } catch {
    return '/';
  }
})();

/** Returns a site-internal URL under the configured base path. */
export function href(path: string): string {
  return joinBase(BASE_URL, path);
}

/** URL of a profile page. */
export const profileHref = (slug: string): string => href(`${slug}/`);
/** URL of a month page. */
export const monthHref = (slug: string, month: string): string => href(`${slug}/${month}/`);
/** What a profile's Markdown resolves site-relative URLs against (its folder; `/x` under the base). */
export function profileUrlContext(slug: string): { base: string; pageDir: string } {
  return { base: href(''), pageDir: profileHref(slug) };
}
/** URL of a month's entry in the profile's work history. */
export const monthAnchorHref = (slug: string, month: string): string => href(`${slug}/#${month}`);
