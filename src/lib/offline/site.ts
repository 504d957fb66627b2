// The offline copy of a built site: every page rewritten to relative URLs so it works opened from
// disk (file://), plus a single-file export of each profile page.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { mapCssUrls } from './css.ts';
import { attr, editHtml, mapHtmlUrls } from './html.ts';
import { singleFilePage } from './single-file.ts';
import { normalizeBase, relativizeUrl, siteTarget } from './urls.ts';

/** Folder of the offline copy that holds the single-file exports (`single-file/<slug>.html`). */
export const SINGLE_FILE_DIR = 'single-file';

export interface OfflineOptions {
  /** The base path the site was built with (`/` or `/repo/`): URLs starting with it name site files. */
  base: string;
  /** The published site's URL for the single-file exports' links; default: each page's canonical URL. */
  siteUrl?: string;
}

export interface OfflineResult {
  /** Number of HTML pages in the offline copy (single-file exports not counted). */
  pages: number;
  /** Paths of the single-file exports, relative to the offline folder. */
  singleFiles: string[];
  /** Internal links and assets that name a file the site does not have: `page → url`. */
  missing: string[];
}

/** Returns every file below `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Returns the slug of a profile page (`<slug>/index.html` marked `og:type=profile`), or undefined for other pages. */
function profileSlugOf(file: string, html: string): string | undefined {
  const m = /^([^/]+)\/index\.html$/.exec(file);
  if (!m) return undefined;
  let isProfile = false;
  editHtml(html, (el) => {
    if (el.tagName === 'meta' && attr(el, 'property') === 'og:type' && attr(el, 'content') === 'profile') isProfile = true;
  });
  return isProfile ? m[1] : undefined;
}

function assertSeparate(builtDir: string, outDir: string): void {
  const inside = (a: string, b: string): boolean => a === b || a.startsWith(b + sep);
  if (inside(outDir, builtDir) || inside(builtDir, outDir)) {
    throw new Error(`The offline folder (${outDir}) and the built site (${builtDir}) must not contain each other`);
  }
  if (!existsSync(join(builtDir, 'index.html'))) throw new Error(`${builtDir} has no index.html: build the site first`);
}

/**
 * Writes the offline copy of the built site `builtDir` to `outDir` (replacing it only once complete)
 * and returns what it wrote: page count, single-file exports and internal URLs that lead nowhere.
 */
export async function writeOfflineSite(builtDir: string, outDir: string, options: OfflineOptions): Promise<OfflineResult> {
  const from = resolve(builtDir);
  const to = resolve(outDir);
  assertSeparate(from, to);
  const base = normalizeBase(options.base);
  const files = listFiles(from);
  const present = new Set(files);
  if (files.some((f) => f.startsWith(`${SINGLE_FILE_DIR}/`))) {
    throw new Error(`The built site has a ${SINGLE_FILE_DIR}/ folder (a profile slug?), where the offline copy puts single-file exports`);
  }
  const partial = join(dirname(to), `.${basename(to)}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  try {
    cpSync(from, partial, { recursive: true });
    let pages = 0;
    const missing: string[] = [];
    const relativize =
      (file: string) =>
      (url: string): string => {
        const target = siteTarget(url, file, base);
        if (target && !present.has(target.file)) missing.push(`${file} → ${url}`);
        return relativizeUrl(url, file, base);
      };
    const singleFiles: string[] = [];
    for (const file of files) {
      const lower = file.toLowerCase();
      const full = join(partial, file);
      if (lower.endsWith('.html') || lower.endsWith('.htm')) {
        pages++;
        const html = readFileSync(full, 'utf8');
        writeFileSync(full, mapHtmlUrls(html, relativize(file)));
        const slug = profileSlugOf(file, html);
        if (slug) {
          const single = singleFilePage(html, {
            pageFile: file,
            base,
            siteUrl: options.siteUrl,
            readFile: (f) => (present.has(f) ? readFileSync(join(from, f)) : undefined),
          });
          const path = `${SINGLE_FILE_DIR}/${slug}.html`;
          mkdirSync(join(partial, SINGLE_FILE_DIR), { recursive: true });
          writeFileSync(join(partial, path), single);
          singleFiles.push(path);
        }
      } else if (lower.endsWith('.svg')) {
        writeFileSync(full, mapHtmlUrls(readFileSync(full, 'utf8'), relativize(file)));
      } else if (lower.endsWith('.css')) {
        writeFileSync(full, mapCssUrls(readFileSync(full, 'utf8'), relativize(file)));
      }
    }
    if (existsSync(to)) {
      if (!statSync(to).isDirectory()) throw new Error(`${to} exists and is not a folder`);
      rmSync(to, { recursive: true, force: true });
    }
    renameSync(partial, to);
    return { pages, singleFiles, missing };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
