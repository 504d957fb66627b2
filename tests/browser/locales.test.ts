// The browser gate on sites in Arabic (right-to-left) and Japanese: each kind of page (the index, a
// profile, a month, a year) in light and dark at a phone and a desktop width, with no sideways
// scrolling, no axe-core WCAG 2.1 A/AA violation and no chart text running into other text; the
// Arabic pages mirror (the header's title on the right) while the charts keep time left to right and
// content written in English keeps its own direction.
import { afterAll, expect, it } from 'vitest';
import { crawl } from '../support/crawl.ts';
import { servedSite, sharedBrowser } from '../support/fixtures.ts';
import { axeViolations, chartTextProblems, COLOR_SCHEMES, contextOptions, horizontalOverflow, VIEWPORTS, type ViewportName } from '../support/page-checks.ts';
import { pageKind } from '../support/site-pages.ts';

const browser = await sharedBrowser();
const sites = await Promise.all(['ar', 'ja'].map(async (locale) => ({ locale, server: await servedSite({ engfolio: { locale } }) })));
afterAll(async () => {
  await browser.close();
  for (const s of sites) await s.server.close();
});

const cases = await Promise.all(
  sites.map(async ({ locale, server }) => {
    const { pages } = await crawl(server.baseUrl);
    // One page of each kind keeps the gate quick: they share their components.
    const seen = new Set<string>();
    const chosen = pages.filter((p) => {
      const kind = pageKind(p.url, server.baseUrl);
      if (seen.has(kind)) return false;
      seen.add(kind);
      return true;
    });
    return chosen.map((p) => ({ locale, url: p.url, path: new URL(p.url).pathname, kind: pageKind(p.url, server.baseUrl) }));
  }),
);

it.concurrent.each(cases.flat())('$locale $path: light and dark, phone and desktop', async ({ locale, url, kind }) => {
  const problems: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const context = await browser.newContext(contextOptions(viewport, COLOR_SCHEMES[0]!));
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const dir = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]);
      expect(dir).toEqual(locale === 'ar' ? ['ar', 'rtl', 'rtl'] : ['ja', 'ltr', 'ltr']);
      if (locale === 'ar') {
        // Mirrored: the site's name starts at the right edge; the heatmaps' SVG text runs left to right.
        const mirrored = await page.evaluate(() => {
          const name = document.querySelector('.site-name')!.getBoundingClientRect();
          const svg = document.querySelector('svg.heat');
          const summary = document.querySelector('.prose.summary');
          return {
            // The fixture's narratives are English: they keep their own direction on an Arabic page.
            summaryDir: summary ? getComputedStyle(summary).direction : 'none',
            nameRight: Math.round(document.documentElement.clientWidth - name.right),
            nameLeft: Math.round(name.left),
            svgDir: svg ? getComputedStyle(svg).direction : 'ltr',
          };
        });
        expect(mirrored.nameRight, 'the site name sits at the right').toBeLessThan(mirrored.nameLeft);
        expect(mirrored.svgDir).toBe('ltr');
        if (kind === 'profile') expect(mirrored.summaryDir, 'English content reads left to right').toBe('ltr');
      }
      for (const scheme of COLOR_SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        const found = [...(await horizontalOverflow(page)), ...(await chartTextProblems(page))];
        problems.push(...found.map((p) => `[${scheme} ${viewport}] ${p}`));
      }
    } finally {
      await context.close();
    }
    const axe = await axeViolations(browser, url, contextOptions(viewport, COLOR_SCHEMES[0]!), COLOR_SCHEMES);
    for (const [scheme, violations] of axe) problems.push(...violations.map((v) => `[${scheme} ${viewport}] ${v}`));
  }
  expect(problems).toEqual([]);
});
