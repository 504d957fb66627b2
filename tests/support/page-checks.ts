// Checks on a page loaded in Chromium, each returning readable problem lines (empty = fine), so the
// browser tests (served, under a base path, offline from file://) share one definition of "fine".
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** The two widths every page is checked at. */
export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;

export type ViewportName = keyof typeof VIEWPORTS;
export type ColorScheme = 'light' | 'dark';
export const COLOR_SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** Returns the context options for a viewport and colour scheme (no network beyond what the page asks). */
export function contextOptions(viewport: ViewportName, colorScheme: ColorScheme): BrowserContextOptions {
  return { ...VIEWPORTS[viewport], colorScheme, reducedMotion: 'reduce' };
}

/** Collects console errors, uncaught exceptions, failed requests and HTTP errors of a page. */
export interface PageWatch {
  /** Problem lines seen so far. */
  problems(): string[];
}

/** Returns a watch on `page`; attach it before navigating. */
export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location().url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
      problems.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems: () => [...problems] };
}

/** Returns a problem line per element sticking out to the right when the page scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    // The outermost elements that stick out: their children sticking out too are the same problem.
    const culprits: string[] = [];
    const walk = (el: Element): void => {
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 1 && rect.width > 0) {
        culprits.push(`${describe(el)} reaches ${Math.round(rect.right)}px`);
        return;
      }
      for (const child of el.children) walk(child);
    };
    walk(document.body);
    return [
      `horizontal overflow: page is ${root.scrollWidth}px wide in a ${width}px viewport` +
        (culprits.length ? `; sticking out: ${culprits.slice(0, 5).join(', ')}` : ''),
    ];
  });
}

/** Returns problems with the heading outline: not exactly one h1, or a level skipped going deeper. */
export async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
    const h1s = headings.filter((h) => h.tagName === 'H1').length;
    if (h1s !== 1) problems.push(`headings: expected exactly one h1, found ${h1s}`);
    let previous = 0;
    for (const h of headings) {
      const level = Number(h.tagName[1]);
      if (previous && level > previous + 1) {
        problems.push(`headings: h${previous} is followed by h${level} ("${h.textContent?.trim().slice(0, 60)}")`);
      }
      previous = level;
    }
    return problems;
  });
}

/** Returns a problem line per image or chart (img, [role=img], inline svg not hidden) with no accessible name. */
export async function unnamedImages(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (ids: string): string =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const nameOf = (el: Element): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy && text(labelledBy)) return text(labelledBy);
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      if (el.tagName === 'IMG') return el.getAttribute('alt')?.trim() ?? '';
      if (el instanceof SVGElement) return el.querySelector(':scope > title')?.textContent?.trim() ?? '';
      return el.getAttribute('title')?.trim() ?? '';
    };
    const candidates = new Set<Element>([
      ...document.querySelectorAll('img, [role="img"], object[type^="image/"]'),
      // Inline charts: an svg that assistive technology sees must say what it shows.
      ...[...document.querySelectorAll('svg')].filter(
        (svg) =>
          !svg.parentElement?.closest('svg') && !svg.closest('[aria-hidden="true"]') && !['presentation', 'none'].includes(svg.getAttribute('role') ?? ''),
      ),
    ]);
    const problems: string[] = [];
    for (const el of candidates) {
      if (!nameOf(el)) {
        const html = el.outerHTML.replace(/\s+/g, ' ');
        problems.push(`image without accessible name: ${html.slice(0, 120)}${html.length > 120 ? '…' : ''}`);
      }
    }
    return problems;
  });
}

/**
 * Returns a problem line per image that does not load and decode, or whose pixels have another shape
 * than its width and height attributes say (a share image of the wrong size). Lazy images are loaded
 * first, wherever they are on the page.
 */
export async function brokenImages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    for (const img of document.querySelectorAll('img')) {
      img.loading = 'eager';
      const src = img.getAttribute('src') ?? '';
      try {
        await img.decode();
      } catch {
        problems.push(`image did not load: ${src}`);
        continue;
      }
      const width = Number(img.getAttribute('width'));
      const height = Number(img.getAttribute('height'));
      if (width && height && Math.abs(img.naturalWidth / img.naturalHeight - width / height) > 0.01)
        problems.push(`image ${src} is ${img.naturalWidth} × ${img.naturalHeight}, its attributes say ${width} × ${height}`);
    }
    return problems;
  });
}

/**
 * Returns a problem line per pair of text boxes in one inline chart (svg) that come closer than 2 px
 * (they would read as one word, as "MayJun" did), and per text box that reaches outside its chart.
 * Boxes are the rendered glyph boxes in page pixels, so a chart scaled by CSS is checked as shown;
 * charts that are not displayed (the other metric's panel) are skipped.
 */
export async function chartTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const GAP = 2;
    const problems: string[] = [];
    const charts = [...document.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
    charts.forEach((svg) => {
      const frame = svg.getBoundingClientRect();
      if (frame.width === 0 || frame.height === 0) return;
      const name = svg.getAttribute('aria-label')?.slice(0, 60) ?? svg.id ?? 'svg';
      const texts = [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
        .filter((t) => t.box.width > 0 && t.text.trim() !== '');
      const fmt = (b: DOMRect): string => `${b.left.toFixed(1)}–${b.right.toFixed(1)} × ${b.top.toFixed(1)}–${b.bottom.toFixed(1)}`;
      for (const t of texts) {
        const b = t.box;
        if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5) {
          problems.push(`chart text outside its chart in "${name}": "${t.text}" at ${fmt(b)}, chart ${fmt(frame)}`);
        }
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!.box;
          const b = texts[j]!.box;
          const apart = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          if (apart < GAP) problems.push(`chart text too close in "${name}": "${texts[i]!.text}" and "${texts[j]!.text}" are ${apart.toFixed(1)} px apart`);
        }
      }
    });
    return problems;
  });
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** The axe-core rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Returns, per colour scheme, a problem line per axe-core violation (rule, impact, element, how to
 * fix) of the page at `url`. The page loads once in its own context that bypasses CSP: the site's
 * strict CSP would block the injected axe script, and the page's own CSP is checked elsewhere, in a
 * context that does not bypass it. Schemes are switched in place, so axe is injected once per call.
 */
export async function axeViolations(
  browser: Browser,
  url: string,
  options: BrowserContextOptions,
  schemes: readonly ColorScheme[] = [options.colorScheme === 'dark' ? 'dark' : 'light'],
): Promise<Map<ColorScheme, string[]>> {
  const context = await browser.newContext({ ...options, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const found = new Map<ColorScheme, string[]>();
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async (tags) => {
        interface AxeViolation {
          id: string;
          impact: string | null;
          help: string;
          helpUrl: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
        }));
      }, AXE_TAGS);
      found.set(
        scheme,
        violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${v.help} — ${n.target} — ${n.summary.replace(/\s+/g, ' ')} [${v.helpUrl}]`)),
      );
    }
    return found;
  } finally {
    await context.close();
  }
}
