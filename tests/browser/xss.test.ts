// Hostile content renders harmlessly: the xss fixture (a payload in every field and body) is built
// for real, served, crawled from `/`, and every page is opened in Chromium with traps on dialogs,
// network, navigation and CSP violations. Nothing may fire, and no executable vector may reach the
// DOM or the built HTML. Also checks that every page carries a strict Content-Security-Policy.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { crawl } from '../support/crawl.ts';
import { builtSite, sharedBrowser } from '../support/fixtures.ts';
import { serveStatic } from '../support/server.ts';
import { PAYLOADS } from '../fixtures/xss/payloads.ts';
import { hazardsIn } from '../fixtures/xss/hazards.ts';
import { xssFixtureFiles } from '../fixtures/xss/generate.ts';

const fixtureContent = fileURLToPath(new URL('../fixtures/xss/content/', import.meta.url));
const siteDir = await builtSite({ site: 'https://example.test', content: fixtureContent });
const server = await serveStatic(siteDir);
const browser = await sharedBrowser();
const { pages } = await crawl(server.baseUrl);

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Installed before any page script: records every way a payload could show it ran. */
const TRAP = `(() => {
  const fired = [];
  Object.defineProperty(window, '__xssFired', { value: fired });
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { fired.push(name + '(' + args.map(String).join(',') + ')'); };
  }
  const realFetch = window.fetch;
  window.fetch = (...args) => { fired.push('fetch(' + String(args[0]) + ')'); return realFetch.apply(window, args); };
  const realOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (...args) { fired.push('XMLHttpRequest(' + String(args[1]) + ')'); return realOpen.apply(this, args); };
  document.addEventListener('securitypolicyviolation', (e) => fired.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
})();`;

describe('the xss fixture', () => {
  it('matches its generator (every payload in every field)', () => {
    for (const [path, text] of Object.entries(xssFixtureFiles())) expect(readFileSync(join(fixtureContent, path), 'utf8'), path).toBe(text);
  });

  it('builds into a site whose crawl from / reaches the profile and its months', () => {
    const paths = pages.map((p) => new URL(p.url).pathname);
    expect(paths).toContain('/');
    // Profile and month pages appear as the pages engineer adds them; the crawl covers what exists.
    expect(
      paths.some((p) => p.startsWith('/xss/')),
      `crawled: ${paths.join(', ')}`,
    ).toBe(true);
  });
});

describe('the trap itself (control)', () => {
  it('catches a payload that does run, and a CSP violation', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'engfolio-xss-control-'));
    writeFileSync(join(dir, 'open.html'), '<!doctype html><title>x</title><img src=x onerror="alert(7)">');
    writeFileSync(
      join(dir, 'csp.html'),
      `<!doctype html><meta http-equiv="content-security-policy" content="script-src 'self'"><title>x</title><img src=x onerror="alert(8)">`,
    );
    const control = await serveStatic(dir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript(TRAP);
      page.on('dialog', (d) => void d.dismiss());
      const firedAt = async (name: string) => {
        await page.goto(control.baseUrl + name, { waitUntil: 'load' });
        await page.waitForTimeout(200);
        return page.evaluate(() => (window as unknown as { __xssFired: string[] }).__xssFired);
      };
      expect(await firedAt('open.html')).toContain('alert(7)');
      expect((await firedAt('csp.html')).join()).toMatch(/CSP violation: script-src/);
    } finally {
      await context.close();
      await control.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every crawled page in Chromium', () => {
  for (const resource of pages) {
    const path = new URL(resource.url).pathname;
    it(`${path}: nothing fires, nothing executable in the DOM`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(TRAP);
        const events: string[] = [];
        page.on('dialog', async (dialog) => {
          events.push(`dialog ${dialog.type()}: ${dialog.message()}`);
          await dialog.dismiss();
        });
        page.on('popup', (popup) => events.push(`popup: ${popup.url()}`));
        await page.route('**/*', async (route) => {
          const url = new URL(route.request().url());
          if (url.origin !== server.origin) {
            events.push(`request off-site: ${route.request().url()}`);
            await route.abort();
          } else {
            await route.continue();
          }
        });
        const response = await page.goto(resource.url, { waitUntil: 'load' });
        expect(response?.status()).toBeLessThan(400);
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) events.push(`navigated to ${frame.url()}`);
        });
        // Give autofocus/ontoggle/onbegin/animation vectors and meta refreshes time to act, then
        // hover and click everything that could carry a handler.
        await page.waitForTimeout(300);
        for (const selector of ['a', 'img', 'svg', 'details', 'button', 'input']) {
          for (const handle of (await page.$$(selector)).slice(0, 40)) {
            await handle.hover({ timeout: 200 }).catch(() => {});
          }
        }
        await page.waitForTimeout(100);
        const fired = await page.evaluate(() => (window as unknown as { __xssFired: string[] }).__xssFired);
        expect([...fired, ...events]).toEqual([]);
        expect(page.url()).toBe(resource.url);

        // The live DOM (after any parsing quirks) holds no executable vector.
        expect(hazardsIn(await page.content(), 'document')).toEqual([]);
        // The payloads are there as text, or cleanly removed: never as markup.
        const text = await page.evaluate(() => document.body.innerText);
        if (path.startsWith('/xss/')) expect(text).toContain('<script>alert(1)</script>');
      } finally {
        await context.close();
      }
    });
  }
});

/** Every built HTML file of the fixture site. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

interface Element {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
}

function metaCsp(html: string): string | undefined {
  let found: string | undefined;
  const visit = (n: Element): void => {
    if (n.tagName === 'meta' && n.attrs?.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'content-security-policy')) {
      found = n.attrs.find((a) => a.name === 'content')?.value;
    }
    for (const c of n.childNodes ?? []) visit(c);
  };
  visit(parse(html) as unknown as Element);
  return found;
}

describe('built HTML of the fixture site', () => {
  const files = htmlFiles(siteDir);

  it('contains no executable vector in any file', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(hazardsIn(readFileSync(file, 'utf8'), 'document'), file).toEqual([]);
  });

  it('shows frontmatter payloads escaped in <title> and headings', () => {
    const profile = files.find((f) => f.endsWith(join('xss', 'index.html')));
    if (!profile) return expect(files.map((f) => f.slice(siteDir.length))).toContain('/xss/index.html');
    const html = readFileSync(profile, 'utf8');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(31)&lt;/script&gt;');
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it('has a Content-Security-Policy meta tag on every page that forbids inline handlers and unsafe-inline scripts', () => {
    for (const file of files) {
      const csp = metaCsp(readFileSync(file, 'utf8'));
      expect(csp, `${file} has no CSP meta tag`).toBeDefined();
      const directives = new Map(
        csp!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0]!.toLowerCase(), d.slice(1)]),
      );
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      expect(scriptSrc, `${file}: no script-src or default-src`).toBeDefined();
      expect(scriptSrc, file).not.toContain("'unsafe-inline'");
      expect(scriptSrc, file).not.toContain("'unsafe-eval'");
      expect(scriptSrc, file).not.toContain("'unsafe-hashes'");
      expect(scriptSrc, file).not.toContain('*');
      // Inline event handlers only run with 'unsafe-inline' (or 'unsafe-hashes'), excluded above;
      // hashes of inline scripts are fine.
      // The lock-down directives the site sets (src/lib/csp.ts): keep them.
      expect(directives.get('default-src'), file).toEqual(["'self'"]);
      expect(directives.get('object-src'), file).toEqual(["'none'"]);
      expect(directives.get('base-uri'), file).toEqual(["'self'"]);
      expect(directives.get('form-action'), file).toEqual(["'none'"]);
      for (const source of scriptSrc!) expect(source, file).toMatch(/^('self'|'none'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|'strict-dynamic')$/);
    }
  });
});
