// One profile page as one self-contained HTML file that can be mailed or attached: stylesheets and
// images (heatmaps included) inlined as data, links to the profile's own months turned into in-page
// anchors, other site links made absolute to the published site when its URL is known.
import { extname, posix } from 'node:path';
import { mapCssUrls } from './css.ts';
import { attr, editHtml, type Element } from './html.ts';
import { mapSrcset, normalizeBase, siteTarget } from './urls.ts';

export interface SingleFileOptions {
  /** Path of the page below the site root, e.g. `mira-kovac/index.html`. */
  pageFile: string;
  /** The site's base path (`/` or `/repo/`). */
  base: string;
  /** Returns the bytes of a site file (path below the site root), or undefined when there is none. */
  readFile(file: string): Uint8Array | undefined;
  /** The published site's URL; by default taken from the page's canonical link, when it has one. */
  siteUrl?: string;
}

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.css': 'text/css',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

const MONTH_DIR = /^\d{4}-(0[1-9]|1[0-2])$/;

function collectIds(html: string): Set<string> {
  const ids = new Set<string>();
  editHtml(html, (el) => {
    const id = attr(el, 'id');
    if (id) ids.add(id);
  });
  return ids;
}

function canonicalOf(html: string): string | undefined {
  let found: string | undefined;
  editHtml(html, (el) => {
    if (el.tagName === 'link' && attr(el, 'rel')?.toLowerCase().split(/\s+/).includes('canonical')) found ??= attr(el, 'href');
  });
  return found;
}

/** Returns the page as one HTML file with no references to other files; throws on what cannot be inlined (scripts). */
export function singleFilePage(html: string, options: SingleFileOptions): string {
  const { pageFile, readFile } = options;
  const base = normalizeBase(options.base);
  const ids = collectIds(html);
  const published = options.siteUrl ?? canonicalOf(html);
  const siteRoot = published ? new URL(base, published) : undefined;
  const pageDir = posix.dirname(pageFile);

  const dataUrl = (file: string): string | undefined => {
    const bytes = readFile(file);
    if (!bytes) return undefined;
    const mime = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
  };
  // A resource (image, font, icon): its bytes as a data: URL; a missing file becomes an empty image
  // rather than a request that fails.
  const embed = (url: string): string => {
    const target = siteTarget(url, pageFile, base);
    if (!target) return url;
    return dataUrl(target.file) ?? 'data:,';
  };
  const embedIn =
    (fromFile: string) =>
    (url: string): string => {
      const target = siteTarget(url, fromFile, base);
      if (!target) return url;
      return dataUrl(target.file) ?? 'data:,';
    };
  // A link to another page: an anchor in this file when it is shown here, else the published URL, else none.
  const navigate = (url: string): string | null => {
    const target = siteTarget(url, pageFile, base);
    if (!target) return url;
    if (target.file === pageFile) return target.fragment ? `#${target.fragment}` : '#';
    const parts = target.file.split('/');
    const month = parts.length === 3 && parts[2] === 'index.html' && parts[0] === pageDir ? parts[1]! : undefined;
    if (month && MONTH_DIR.test(month) && ids.has(month)) return `#${month}`;
    if (siteRoot) return new URL(target.file.replace(/(^|\/)index\.html$/, '$1') + target.suffix, siteRoot).href;
    return null;
  };

  return editHtml(html, (el: Element, editor) => {
    const tag = el.tagName;
    const isSvg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    if (tag === 'script' && attr(el, 'src') !== undefined) {
      throw new Error(`${pageFile}: <script src="${attr(el, 'src')}"> cannot go into a single-file export (pages are meant to have no scripts)`);
    }
    if (tag === 'link') {
      const href = attr(el, 'href');
      const rel = attr(el, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      if (href === undefined || !siteTarget(href, pageFile, base)) return;
      if (rel.includes('stylesheet')) {
        const target = siteTarget(href, pageFile, base)!;
        const bytes = readFile(target.file);
        if (!bytes) throw new Error(`${pageFile}: stylesheet ${href} names ${target.file}, which the built site does not have`);
        const css = mapCssUrls(Buffer.from(bytes).toString('utf8'), embedIn(target.file)).replace(/<\/style/gi, '<\\/style');
        editor.replaceWith(`<style>${css}</style>`, [css]);
      } else if (rel.some((r) => r === 'icon' || r === 'apple-touch-icon' || r === 'preload' || r === 'image_src')) {
        editor.setAttribute('href', embed(href));
      } else {
        const next = navigate(href);
        if (next === null) editor.remove();
        else if (next !== href) editor.setAttribute('href', next);
      }
      return;
    }
    const isLink = tag === 'a' || tag === 'area';
    const linkNames = isLink ? ['href', 'xlink:href'] : [];
    const resourceNames = isLink ? [] : ['src', 'poster', 'data', ...(isSvg ? ['href', 'xlink:href'] : [])];
    for (const name of linkNames) {
      const value = attr(el, name);
      if (value === undefined) continue;
      const next = navigate(value);
      // A download (JSON, feed, SVG) that cannot be reached from a lone file is dropped; a link to a
      // page stays as its text (an <a> without href, styled as plain text).
      if (next === null && !siteTarget(value, pageFile, base)!.file.endsWith('.html')) {
        editor.remove();
        return;
      }
      if (next !== value) editor.setAttribute(name, next);
    }
    for (const name of resourceNames) {
      const value = attr(el, name);
      if (value === undefined || value.startsWith('#')) continue;
      const next = embed(value);
      if (next !== value) editor.setAttribute(name, next);
    }
    const srcset = attr(el, 'srcset');
    if (srcset !== undefined) {
      const next = mapSrcset(srcset, embed);
      if (next !== srcset) editor.setAttribute('srcset', next);
    }
    const style = attr(el, 'style');
    if (style !== undefined) {
      const next = mapCssUrls(style, embed, 'declarationList');
      if (next !== style) editor.setAttribute('style', next);
    }
    if (tag === 'style') {
      const loc = el.sourceCodeLocation;
      if (loc?.startTag && loc.endTag) {
        const css = html.slice(loc.startTag.endOffset, loc.endTag.startOffset);
        const next = mapCssUrls(css, embed);
        if (next !== css) editor.setStyleText(next);
      }
    }
  });
}
