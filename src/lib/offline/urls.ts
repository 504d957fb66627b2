// URL arithmetic for a site copied to disk: which URLs point into the site, which file they name, and
// how to write them relative to the page that holds them so they work from file://.
import { posix } from 'node:path';

/** A URL that points into the site, split into the file it names and what follows the path. */
export interface SiteTarget {
  /** Path of the file below the site root, no leading slash; directories end in `index.html`. */
  file: string;
  /** `?query#fragment` part, as written (empty when none). */
  suffix: string;
  /** The fragment without `#`, or undefined. */
  fragment: string | undefined;
}

// A placeholder origin: URLs are resolved against it, and only ones that stay on it are the site's.
const ORIGIN = 'http://engfolio.invalid';

/** Returns the base path with one leading and one trailing slash (`repo` → `/repo/`). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Returns true for URLs that name another document by scheme or host (`https:`, `mailto:`, `data:`, `//host`). */
function isForeignUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * Returns the site file a URL written on `pageFile` points to, or undefined when it leaves the site
 * (another scheme or host), is only a fragment, or is empty.
 * `base` is the site's base path; `pageFile` the page's path below the site root (`a/index.html`).
 */
export function siteTarget(url: string, pageFile: string, base: string): SiteTarget | undefined {
  const raw = url.trim();
  if (raw === '' || raw.startsWith('#') || isForeignUrl(raw)) return undefined;
  const root = normalizeBase(base);
  let resolved: URL;
  try {
    resolved = new URL(raw, `${ORIGIN}${root}${pageFile}`);
  } catch {
    return undefined;
  }
  if (resolved.origin !== ORIGIN) return undefined;
  let path = resolved.pathname;
  // A root-absolute URL outside the base (`/favicon.svg` on a `/repo/` site) still names a site file.
  if (path.startsWith(root)) path = path.slice(root.length);
  else if (path === root.slice(0, -1)) path = '';
  else path = path.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const fragment = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
  // Keep the suffix as written, so an encoded fragment stays byte-for-byte the same.
  const cut = raw.search(/[?#]/);
  return { file: path, suffix: cut < 0 ? '' : raw.slice(cut), fragment };
}

/** Returns the relative URL from `pageFile` to the site file `file` (both below the site root). */
function relativeFileUrl(pageFile: string, file: string): string {
  const rel = posix.relative(posix.dirname(pageFile), file);
  return rel === '' ? posix.basename(file) : rel;
}

/** Returns `url` rewritten relative to `pageFile` for reading from disk; foreign URLs and bare fragments come back unchanged. */
export function relativizeUrl(url: string, pageFile: string, base: string): string {
  const target = siteTarget(url, pageFile, base);
  if (!target) return url;
  return relativeFileUrl(pageFile, target.file) + target.suffix;
}

/** One image candidate of a `srcset`: its URL and the descriptor after it (`2x`, `300w`, or empty). */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/** Returns the candidates of a `srcset` value, parsed the way the HTML standard splits them. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  const space = /[\s]/;
  while (i < n) {
    while (i < n && (space.test(value[i]!) || value[i] === ',')) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !space.test(value[i]!)) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < n) {
        const c = value[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptor = value.slice(start, i).trim();
      i++;
    }
    out.push({ url, descriptor });
  }
  return out;
}

/** Returns a `srcset` value with every candidate URL passed through `map`. */
export function mapSrcset(value: string, map: (url: string) => string): string {
  return parseSrcset(value)
    .map((c) => (c.descriptor ? `${map(c.url)} ${c.descriptor}` : map(c.url)))
    .join(', ');
}
