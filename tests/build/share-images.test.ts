// Share images in real builds of the example: a PNG of 1200 × 630 per profile and per year in review,
// the same bytes from two separate builds (one at the root, one for GitHub Pages under a base path),
// named by og:image and twitter:image with absolute URLs only when the site URL is known, and offered
// for download on the year pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, editHtml, type Element } from '../../src/lib/offline/html.ts';
import { listFiles } from '../../src/lib/offline/site.ts';
import { builtSite } from '../support/fixtures.ts';
import { BASE_PATH_BUILD } from '../support/site-pages.ts';

const SITE = BASE_PATH_BUILD.site;
const BASE = BASE_PATH_BUILD.base;

function metaOf(html: string): Map<string, string> {
  const out = new Map<string, string>();
  editHtml(html, (el: Element) => {
    const key = el.tagName === 'meta' ? (attr(el, 'property') ?? attr(el, 'name')) : undefined;
    if (key) out.set(key, attr(el, 'content') ?? '');
  });
  return out;
}

let root: string;
let published: string;
beforeAll(async () => {
  [root, published] = await Promise.all([builtSite(), builtSite(BASE_PATH_BUILD)]);
});

describe('share images', () => {
  const images = (dir: string): string[] => listFiles(dir).filter((f) => f.endsWith('.png'));

  it('are drawn for each profile and each year in review, at 1200 × 630', () => {
    expect(images(root).sort()).toEqual([
      'mira-kovac/2024/share.png',
      'mira-kovac/2025/share.png',
      'mira-kovac/share.png',
      'tejun-heo/2024/share.png',
      'tejun-heo/2025/share.png',
      'tejun-heo/2026/share.png',
      'tejun-heo/share.png',
    ]);
    for (const file of images(root)) {
      const png = PNG.sync.read(readFileSync(join(root, file)));
      expect([png.width, png.height], file).toEqual([1200, 630]);
    }
  });

  it('are the same bytes from two separate builds', () => {
    expect(images(published).sort()).toEqual(images(root).sort());
    for (const file of images(root)) expect(readFileSync(join(published, file)).equals(readFileSync(join(root, file))), file).toBe(true);
  });

  it('are named by every page of a profile, with absolute URLs, when the site URL is known', () => {
    const pages = listFiles(published).filter((f) => /^[a-z-]+\/(\d{4}(-\d\d)?\/)?index\.html$/.test(f));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const meta = metaOf(readFileSync(join(published, page), 'utf8'));
      const [slug, period] = page.split('/');
      // A year's page names its own image; the profile page and the month pages the profile's.
      const image = /^\d{4}$/.test(period!) ? `${slug}/${period}/share.png` : `${slug}/share.png`;
      expect(meta.get('og:image'), page).toBe(`${SITE}${BASE}${image}`);
      expect(meta.get('twitter:image'), page).toBe(`${SITE}${BASE}${image}`);
      expect(meta.get('twitter:card'), page).toBe('summary_large_image');
      expect([meta.get('og:image:width'), meta.get('og:image:height'), meta.get('og:image:type')], page).toEqual(['1200', '630', 'image/png']);
      expect(meta.get('og:image:alt'), page).toMatch(/^(Mira Kovač|Tejun Heo), (engineering profile|\d{4} in review): /);
    }
    const year = metaOf(readFileSync(join(published, 'mira-kovac', '2025', 'index.html'), 'utf8'));
    expect(year.get('og:image:alt')).toBe(
      'Mira Kovač, 2025 in review: 35 commits (21 more than in 2024), 7 features (4 more than in 2024), 7 bug fixes (5 more than in 2024), 16 active days (4 more than in 2024).',
    );
  });

  it('are not named without the site URL (link previews need absolute URLs), and the index names none', () => {
    for (const page of ['mira-kovac/index.html', 'mira-kovac/2025/index.html', 'index.html']) {
      expect(readFileSync(join(root, page), 'utf8'), page).not.toContain('og:image');
    }
    expect(metaOf(readFileSync(join(published, 'index.html'), 'utf8')).has('og:image')).toBe(false);
  });

  it('are shown on the year pages with a download link, under the base path', () => {
    const html = readFileSync(join(published, 'tejun-heo', '2025', 'index.html'), 'utf8');
    expect(html).toMatch(
      new RegExp(`<img src="${BASE}tejun-heo/2025/share.png" width="600" height="315" alt="Tejun Heo, 2025 in review: 113 commits \\(32 fewer than in 2024\\)`),
    );
    expect(html).toMatch(new RegExp(`<a href="${BASE}tejun-heo/2025/share.png" download="tejun-heo-2025.png"[^>]*>\\s*Download the image\\s*</a>`));
    expect(readdirSync(join(published, 'tejun-heo', '2025'))).toContain('share.png');
  });
});
