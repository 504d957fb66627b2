// The sitemap (sitemaps.org protocol): an index naming one or more URL sets of at most 45,000 URLs each,
// the file names search engines and @astrojs/sitemap use (`sitemap-index.xml`, `sitemap-0.xml`, …).
import { escapeXml } from '../heatmap/svg.ts';

const PER_FILE = 45_000;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** The sitemap files of a site, by file name: `urls` are absolute page URLs; `fileUrl` makes a file's own absolute URL. */
export function sitemapFiles(urls: readonly string[], fileUrl: (name: string) => string): Map<string, string> {
  const sorted = [...new Set(urls)].sort();
  const files = new Map<string, string>();
  for (let i = 0; i * PER_FILE < Math.max(sorted.length, 1); i++) {
    const chunk = sorted.slice(i * PER_FILE, (i + 1) * PER_FILE);
    files.set(`sitemap-${i}.xml`, `${HEAD}<urlset ${NS}>${chunk.map((u) => `<url><loc>${escapeXml(u)}</loc></url>`).join('')}</urlset>\n`);
  }
  const index = [...files.keys()].map((name) => `<sitemap><loc>${escapeXml(fileUrl(name))}</loc></sitemap>`).join('');
  files.set('sitemap-index.xml', `${HEAD}<sitemapindex ${NS}>${index}</sitemapindex>\n`);
  return files;
}
