// The offline folder and the single-file exports opened from file:// in real Chromium with every
// network request blocked: no failed request, no console error (a stale CSP hash shows up as one),
// styles applied, every section (and the heatmap) visible, every image loaded, every internal link to a
// file that exists.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, SINGLE_FILE_DIR, writeOfflineSite, type OfflineResult } from '../../src/lib/offline/site.ts';
import { crawl, type Loaded } from '../support/crawl.ts';
import { builtSite, sharedBrowser } from '../support/fixtures.ts';
import { brokenImages, watchPage } from '../support/page-checks.ts';
import { BASE_PATH_BUILD } from '../support/site-pages.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
};

/** Loads file: URLs from disk the way a browser opening the folder would: a missing file fails. */
async function fileLoader(url: string): Promise<Loaded> {
  const path = fileURLToPath(url);
  try {
    if (!statSync(path).isFile()) return { status: 404, contentType: '', body: '' };
    return { status: 200, contentType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(path, 'utf8') };
  } catch {
    return { status: 404, contentType: '', body: '' };
  }
}

let built: string;
let out: string;
let result: OfflineResult;
let browser: Browser;
let context: BrowserContext;
const external: string[] = [];

beforeAll(async () => {
  built = await builtSite(BASE_PATH_BUILD);
  out = join(mkdtempSync(join(tmpdir(), 'engfolio-offline-')), 'site');
  result = await writeOfflineSite(built, out, { base: BASE_PATH_BUILD.base });
  browser = await sharedBrowser();
  context = await browser.newContext();
  // Nothing but the folder itself: any other request is aborted, and recorded.
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    external.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
});

describe('offline folder', () => {
  it('reports its pages and a single-file export per profile, and no dangling site links', () => {
    expect(result.pages).toBe(listFiles(built).filter((f) => f.endsWith('.html')).length);
    const profiles = listFiles(built)
      .filter((f) => /^[^/]+\/profile\.json$/.test(f))
      .map((f) => f.split('/')[0]);
    expect(result.singleFiles.sort()).toEqual(profiles.map((s) => `${SINGLE_FILE_DIR}/${s}.html`).sort());
    expect(result.missing).toEqual([]);
  });

  it('has no module or external scripts, no absolute site paths and no external stylesheet or font', () => {
    for (const file of listFiles(out).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(out, file), 'utf8');
      expect(html, file).not.toMatch(/<script[^>]*(type="module"|\ssrc=)/i);
      expect(html, file).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
      expect(html, file).not.toMatch(/<link[^>]+rel="stylesheet"[^>]+href="https?:/i);
      expect(html, file).not.toMatch(/@import|fonts\.googleapis|url\(["']?https?:/i);
    }
  });

  it('links every page to files that exist, from the home page and from each single-file export', async () => {
    for (const start of ['index.html', '404.html', ...result.singleFiles]) {
      const crawled = await crawl(pathToFileURL(join(out, start)).href, fileLoader);
      expect(
        crawled.failures.map((f) => `${f.url} ← ${f.referrers.join(', ')}`),
        start,
      ).toEqual([]);
      expect(crawled.brokenFragments, start).toEqual([]);
      if (start === 'index.html') {
        const reached = new Set(crawled.pages.map((p) => fileURLToPath(p.url)));
        const html = listFiles(out).filter((f) => f.endsWith('.html') && f !== '404.html' && !f.startsWith(`${SINGLE_FILE_DIR}/`));
        expect(html.filter((f) => !reached.has(join(out, f)))).toEqual([]);
      }
    }
  });

  it('opens every page and single-file export from file:// with styles, sections and heatmap and no failure', async () => {
    const files = listFiles(out).filter((f) => f.endsWith('.html'));
    let shareImages = 0;
    for (const file of files) {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: 'load' });
      const look = await page.evaluate(() => {
        const css = getComputedStyle(document.body);
        const sections = [...document.querySelectorAll('main section')].map((s) => {
          const r = s.getBoundingClientRect();
          return { id: s.id, visible: r.height > 0 && r.width > 0 && getComputedStyle(s).visibility !== 'hidden' };
        });
        const heat = document.querySelector('#activity svg, #activity img');
        const box = heat?.getBoundingClientRect();
        return {
          background: css.backgroundColor,
          accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
          sections,
          isProfile: document.querySelector('meta[property="og:type"]')?.getAttribute('content') === 'profile',
          heatmap: box ? box.width > 0 && box.height > 0 : false,
        };
      });
      // Images too (the years' share images, loaded lazily): each from its file, at the shape it says.
      expect(await brokenImages(page), file).toEqual([]);
      shareImages += await page.locator('img[src$="share.png"]').count();
      expect(watch.problems(), file).toEqual([]);
      expect(look.background, `${file}: body has no background, so the stylesheet was dropped`).not.toBe('rgba(0, 0, 0, 0)');
      expect(look.accent, file).not.toBe('');
      expect(
        look.sections.filter((s) => !s.visible),
        file,
      ).toEqual([]);
      if (look.isProfile) {
        expect(
          look.sections.map((s) => s.id),
          file,
        ).toEqual(expect.arrayContaining(['summary', 'statistics', 'activity', 'work-history']));
        expect(look.heatmap, `${file}: no visible heatmap in #activity`).toBe(true);
      }
      await page.close();
    }
    expect(files).toEqual(expect.arrayContaining(result.singleFiles));
    expect(shareImages, 'share images shown by the year pages').toBeGreaterThan(0);
    expect(external).toEqual([]);
  });
});
