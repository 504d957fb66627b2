// A language mix as one bar of coloured shares (Linguist's colours as fill attributes: the pages' CSP
// admits no inline styles), drawn as SVG at build time. The page lists the same shares as a table.
import { escapeXml } from '../heatmap/svg.ts';
import { tenth } from './geometry.ts';
import type { LanguageShare } from '../language-mix.ts';

const WIDTH = 600;
const HEIGHT = 12;

/** The bar's SVG: one rect per share, each titled with its name and share (`percent` formats a share of 0–100). */
export function languageBarSvg(shares: readonly LanguageShare[], label: string, percent: (n: number) => string): string {
  let x = 0;
  let body = '';
  shares.forEach((s, i) => {
    // The last share ends exactly at the right edge, whatever the rounding before it.
    const width = i === shares.length - 1 ? WIDTH - x : tenth(s.share * WIDTH);
    body += `<rect x="${tenth(x)}" y="0" width="${tenth(width)}" height="${HEIGHT}" fill="${s.color}"><title>${escapeXml(`${s.name}: ${percent(s.share * 100)}`)}</title></rect>`;
    x += width;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" preserveAspectRatio="none" class="language-bar" direction="ltr" role="img" aria-label="${escapeXml(label)}">${body}</svg>`;
}
