// The site's Content-Security-Policy, written by the page shell in a <meta> tag (GitHub Pages cannot
// send headers). Pages run no scripts and load only the site's own stylesheets, images and icons, so
// one fixed policy fits every page: no per-page hashes (Astro's `security.csp` hashed on every page,
// 3.4 s of a 1,000-profile build, for a script-src list that no page uses).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // No script runs on any page. JSON-LD blocks are data, which script-src does not govern.
  "script-src 'none'",
  // External stylesheets only; no inline <style> or style="" (the offline copy adds the hashes of
  // the styles it inlines, src/lib/offline/html.ts).
  "style-src 'self'",
  "img-src 'self' data:",
  // The theme's font is a file of the site; the single-file export embeds it as a data: URL.
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  // 'self' only: pages fetch nothing, but crawlers (and Lighthouse) read /robots.txt from the page.
  "connect-src 'self'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');

/** A tag with a style="" attribute (not text that mentions one: text never sits inside a tag). */
const INLINE_STYLE = /<[a-z][\w:-]*\s(?:[^>]*?\s)?style\s*=/i;

/**
 * The pages (`[page path, html]`) whose HTML has an inline style="" attribute, which the policy above
 * blocks: the browser drops it without a word, so the build names each such page of the site's own.
 */
export function pagesWithInlineStyles(pages: Iterable<[string, string]>): string[] {
  const found: string[] = [];
  for (const [path, html] of pages) if (INLINE_STYLE.test(html)) found.push(path);
  return found;
}
