// `npm run audit`: builds the example site, serves it locally and runs Lighthouse (with the same
// Chromium as the browser tests) on the index and a profile page, printing the four category scores.
// Full reports go to test-results/lighthouse/. Exits 1 when a score is below 100 (the target).
// Usage: npm run audit [-- --desktop]   (default: Lighthouse's mobile settings)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { buildSite, removeSiteBuild } from '../support/build-site.ts';
import { PROJECT_ROOT } from '../support/test-site.ts';
import { launchChromium } from '../support/chromium.ts';
import { crawl } from '../support/crawl.ts';
import { serveStatic } from '../support/server.ts';
import { firstProfile, pageLabel } from '../support/site-pages.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPORTS = join(PROJECT_ROOT, 'test-results', 'lighthouse');

/** Returns a TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const desktop = process.argv.includes('--desktop');
console.log('Building the example site…');
const dir = await buildSite();
const server = await serveStatic(dir);
const port = await freePort();
const browser = await launchChromium({ debugPort: port });
let belowTarget = false;
try {
  const { pages } = await crawl(server.baseUrl);
  const profile = firstProfile(pages, server.baseUrl);
  if (!profile) throw new Error(`No profile page found by crawling ${server.baseUrl}`);
  mkdirSync(REPORTS, { recursive: true });
  console.log(`Lighthouse ${desktop ? 'desktop' : 'mobile'} scores (target 100 each):\n`);
  for (const url of [server.baseUrl, profile.url]) {
    const result = await lighthouse(
      url,
      { port, output: ['json', 'html'], logLevel: 'error', onlyCategories: [...CATEGORIES] },
      desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr, report } = result;
    const name = `${pageLabel(url, server.baseUrl)}-${desktop ? 'desktop' : 'mobile'}`;
    const [json, html] = report as string[];
    writeFileSync(join(REPORTS, `${name}.json`), json!);
    writeFileSync(join(REPORTS, `${name}.html`), html!);
    console.log(`${new URL(url).pathname}`);
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      const score = category?.score == null ? NaN : Math.round(category.score * 100);
      if (!(score >= 100)) belowTarget = true;
      console.log(`  ${(category?.title ?? id).padEnd(16)} ${Number.isNaN(score) ? 'n/a' : score}`);
      // What cost points: the category's audits that did not pass, so the fix is findable.
      for (const ref of category?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
    if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.message}`);
    console.log('');
  }
  console.log(`Reports: ${REPORTS}`);
} finally {
  await browser.close();
  await server.close();
  removeSiteBuild(dir);
}
process.exitCode = belowTarget ? 1 : 0;
