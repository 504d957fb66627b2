// Crawls a built site from its home page: follows every same-origin reference in HTML, SVG, CSS and
// feeds/sitemaps (links, stylesheets, images, SVG <use>, srcset, url(…), Atom/RSS links, sitemap
// <loc>) and reports each URL with its status.
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'parse5';

/** One fetched URL. */
export interface Resource {
  /** Absolute URL without fragment. */
  url: string;
  /** HTTP status (or what the loader reports; 0 = the request failed). */
  status: number;
  /** Media type without parameters, e.g. `text/html`. */
  contentType: string;
  /** URLs of the documents that reference it (empty for the start URL). */
  referrers: string[];
  /** Element ids in the document (HTML and SVG), for checking `#fragment` links. */
  ids: Set<string>;
}

/** A reference to a `#fragment` that the target document does not contain. */
interface BrokenFragment {
  from: string;
  href: string;
}

export interface CrawlResult {
  /** Every URL reached, in discovery order. */
  resources: Resource[];
  /** HTML documents among them that loaded (status < 400). */
  pages: Resource[];
  /** Resources whose status is 0 or ≥ 400. */
  failures: Resource[];
  brokenFragments: BrokenFragment[];
}

/** What a loader returns for one URL. */
export interface Loaded {
  status: number;
  contentType: string;
  body: string;
}

/** Loads a URL over HTTP, following redirects; returns status 0 when the request itself fails. */
async function httpLoader(url: string): Promise<Loaded> {
  try {
    const res = await fetch(url);
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    return { status: res.status, contentType, body: await res.text() };
  } catch {
    return { status: 0, contentType: '', body: '' };
  }
}

// Attributes that hold one URL, per element (HTML and SVG).
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};
const META_URL_PROPERTIES = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);
const SRCSET_ELEMENTS = new Set(['img', 'source']);
// Links that name a relation rather than something the page loads or a reader follows.
const NON_FETCH_RELS = new Set(['preconnect', 'dns-prefetch']);

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** Returns the URLs referenced by url(…) and @import in a CSS text. */
function cssReferences(css: string): string[] {
  const refs: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g)) refs.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) refs.push(m[1] ?? m[2] ?? '');
  return refs.filter((r) => r && !r.startsWith('data:'));
}

/** Returns the raw references and element ids found in an HTML or SVG document, and its <base href>. */
function documentReferences(markup: string): { refs: string[]; ids: Set<string>; base?: string } {
  const refs: string[] = [];
  const ids = new Set<string>();
  let base: string | undefined;
  const visit = (node: Node): void => {
    const tag = node.tagName?.toLowerCase();
    if (tag && node.attrs) {
      const attr = (name: string): string | undefined => node.attrs!.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
      const id = attr('id');
      if (id) ids.add(id);
      if (tag === 'a') {
        const name = attr('name');
        if (name) ids.add(name);
      }
      if (tag === 'base' && attr('href') !== undefined) base ??= attr('href');
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      if (!(tag === 'link' && rel.some((r) => NON_FETCH_RELS.has(r)))) {
        for (const name of URL_ATTRIBUTES[tag] ?? []) {
          const value = attr(name);
          if (value !== undefined) refs.push(value);
        }
      }
      if (SRCSET_ELEMENTS.has(tag)) {
        const srcset = attr('srcset');
        if (srcset) for (const candidate of srcset.split(',')) refs.push(candidate.trim().split(/\s+/)[0] ?? '');
      }
      // Open Graph / Twitter card URLs, which are absolute (map the site URL with `aliases`).
      if (tag === 'meta' && META_URL_PROPERTIES.has((attr('property') ?? attr('name') ?? '').toLowerCase())) {
        const content = attr('content');
        if (content) refs.push(content);
      }
      const style = attr('style');
      if (style) refs.push(...cssReferences(style));
    }
    if (tag === 'style') {
      for (const child of node.childNodes ?? []) if (child.value) refs.push(...cssReferences(child.value));
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(markup) as unknown as Node);
  return { refs: refs.map((r) => r.trim()).filter(Boolean), ids, base };
}

const XML_TYPES = new Set(['application/xml', 'text/xml', 'application/atom+xml', 'application/rss+xml']);
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false });

/** Returns the URLs a feed or sitemap points at: Atom `<link href>`, RSS `<link>`, sitemap `<loc>`. */
function xmlReferences(xml: string): string[] {
  const refs: string[] = [];
  const visit = (node: unknown, key: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, key));
    if (typeof node === 'string') {
      if (key === 'loc' || key === 'link') refs.push(node);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (key === 'link' && typeof record['@href'] === 'string') refs.push(record['@href']);
    if (key === 'link' && typeof record['#text'] === 'string') refs.push(record['#text']);
    for (const [k, v] of Object.entries(record)) if (!k.startsWith('@') && k !== '#text') visit(v, k);
  };
  visit(xmlParser.parse(xml), '');
  return refs.map((r) => r.trim()).filter(Boolean);
}

const SKIPPED_SCHEMES = /^(?:mailto|tel|javascript|data|blob|about):/i;

export interface CrawlOptions {
  /**
   * URL prefixes to read as others, e.g. `{ 'https://example.github.io/': 'http://127.0.0.1:1234/' }`
   * so the absolute canonical / Open Graph URLs of a build with a site URL are checked on the local server.
   */
  aliases?: Record<string, string>;
}

/**
 * Returns every resource reachable from `startUrl` through references that stay on its origin
 * (for file: URLs, on file:), loading each once through `load` with a few requests in flight.
 */
export async function crawl(startUrl: string, load: (url: string) => Promise<Loaded> = httpLoader, options: CrawlOptions = {}): Promise<CrawlResult> {
  const start = new URL(startUrl);
  const aliases = Object.entries(options.aliases ?? {});
  const unalias = (url: URL): URL => {
    const alias = aliases.find(([prefix]) => url.href.startsWith(prefix));
    return alias ? new URL(alias[1] + url.href.slice(alias[0].length)) : url;
  };
  const inScope = (u: URL): boolean => (start.protocol === 'file:' ? u.protocol === 'file:' : u.origin === start.origin);
  const byUrl = new Map<string, Resource>();
  const fragmentRefs: { from: string; target: string; fragment: string; href: string }[] = [];
  const queue: string[] = [];

  const enqueue = (raw: string, from: string | undefined, baseUrl: string): void => {
    if (SKIPPED_SCHEMES.test(raw)) return;
    let u: URL;
    try {
      u = unalias(new URL(raw, baseUrl));
    } catch {
      // An unparsable reference is a broken link, reported as a failure of its own.
      const key = `invalid:${raw}`;
      if (!byUrl.has(key)) byUrl.set(key, { url: key, status: 0, contentType: '', referrers: [], ids: new Set() });
      if (from) byUrl.get(key)!.referrers.push(from);
      return;
    }
    if (!inScope(u)) return;
    const fragment = u.hash ? decodeURIComponent(u.hash.slice(1)) : '';
    u.hash = '';
    const key = u.href;
    if (fragment && from) fragmentRefs.push({ from, target: key, fragment, href: raw });
    const known = byUrl.get(key);
    if (known) {
      if (from && !known.referrers.includes(from)) known.referrers.push(from);
      return;
    }
    byUrl.set(key, { url: key, status: -1, contentType: '', referrers: from ? [from] : [], ids: new Set() });
    queue.push(key);
  };

  const visit = async (url: string): Promise<void> => {
    const resource = byUrl.get(url)!;
    const loaded = await load(url);
    resource.status = loaded.status;
    resource.contentType = loaded.contentType;
    if (loaded.status === 0 || loaded.status >= 400) return;
    if (loaded.contentType === 'text/html' || loaded.contentType === 'image/svg+xml') {
      const found = documentReferences(loaded.body);
      resource.ids = found.ids;
      const baseUrl = found.base !== undefined ? new URL(found.base, url).href : url;
      for (const ref of found.refs) enqueue(ref, url, baseUrl);
    } else if (XML_TYPES.has(loaded.contentType)) {
      for (const ref of xmlReferences(loaded.body)) enqueue(ref, url, url);
    } else if (loaded.contentType === 'text/css') {
      for (const ref of cssReferences(loaded.body)) enqueue(ref, url, url);
    }
  };

  enqueue(start.href, undefined, start.href);
  const inFlight = new Set<Promise<void>>();
  while (queue.length || inFlight.size) {
    while (queue.length && inFlight.size < 6) {
      const job: Promise<void> = visit(queue.shift()!).finally(() => inFlight.delete(job));
      inFlight.add(job);
    }
    await Promise.race(inFlight);
  }

  const resources = [...byUrl.values()];
  const brokenFragments = fragmentRefs
    .filter(({ target, fragment }) => {
      const r = byUrl.get(target);
      return r && r.status > 0 && r.status < 400 && !r.ids.has(fragment);
    })
    .map(({ from, href }) => ({ from, href }));
  return {
    resources,
    pages: resources.filter((r) => r.contentType === 'text/html' && r.status > 0 && r.status < 400),
    failures: resources.filter((r) => r.status === 0 || r.status >= 400),
    brokenFragments,
  };
}
