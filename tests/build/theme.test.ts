// A real build with a theme that is not the default: its accent, heatmap scheme, forced appearance and
// self-hosted font reach the pages through the bundled stylesheet (the CSP admits no inline style),
// under a base path and in the offline copy; a font file that is not there is an options problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestSite, removeTestSite, runEngfolio } from '../support/test-site.ts';
import { accentColours, darkAccentFor } from '../../src/lib/theme/palette.ts';

const sites: string[] = [];
afterAll(() => sites.forEach(removeTestSite));

function site(spec: Parameters<typeof makeTestSite>[0]): string {
  const root = makeTestSite(spec);
  sites.push(root);
  return root;
}

/** Not a real font: the build copies public/ files as they are, and no test here renders with it. */
const FONT_BYTES = 'wOF2 not really a font';
const THEME = { accent: '#7c3aed', heatmap: 'blues', appearance: 'dark', font: { family: 'Atkinson Hyperlegible', src: '/fonts/atkinson.woff2' } };

/** Every stylesheet of a built site's _astro folder, as one text. */
function builtCss(dist: string): string {
  const dir = join(dist, '_astro');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('a site with its own theme, under a base path', () => {
  let root: string;
  let dist: string;
  let css: string;

  beforeAll(() => {
    root = site({ base: '/team', options: { theme: THEME }, files: { 'public/fonts/atkinson.woff2': FONT_BYTES } });
    for (const args of [['build'], ['build', '--offline']]) {
      const r = runEngfolio(root, args);
      expect(r.code, r.err).toBe(0);
    }
    dist = join(root, 'dist');
    css = builtCss(dist);
  });

  it('colours the accent and what derives from it, light and dark', () => {
    const light = accentColours('#7c3aed', 'light');
    const dark = accentColours(darkAccentFor('#7c3aed'), 'dark');
    for (const name of ['accent', 'accent-text', 'accent-soft', 'bar', 'bar-other'] as const) {
      expect(css).toContain(`--${name}:light-dark(${light[name]},${dark[name]})`);
    }
  });

  it('forces the dark appearance on screen, in the stylesheet and the color-scheme meta tag', () => {
    expect(css).toMatch(/@media screen\{:root\{color-scheme:dark\}\}/);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('<meta name="color-scheme" content="dark">');
  });

  it('uses the heatmap scheme it names', () => {
    expect(readFileSync(join(dist, 'mira-kovac', 'index.html'), 'utf8')).toContain('class="activity heat-blues"');
    expect(css).toContain('.heat-blues{--heat-0:light-dark(');
  });

  it('loads the font from the site itself, under the base path, and copies the file', () => {
    // The minifier drops the family's quotes and the space before format().
    expect(css).toMatch(
      /@font-face\{font-family:"?Atkinson Hyperlegible"?;src:url\("?\/team\/fonts\/atkinson\.woff2"?\) ?format\("woff2"\);font-display:swap\}/,
    );
    expect(css).toMatch(/--font:"Atkinson Hyperlegible", ?var\(--font-system\)/);
    expect(readFileSync(join(dist, 'fonts', 'atkinson.woff2'), 'utf8')).toBe(FONT_BYTES);
  });

  it('keeps the font in the offline copy, by a relative URL', () => {
    const offline = join(root, 'dist-offline');
    expect(existsSync(join(offline, 'fonts', 'atkinson.woff2'))).toBe(true);
    const offlineCss = builtCss(offline);
    expect(offlineCss).toMatch(/src:url\("\.\.\/fonts\/atkinson\.woff2"\) ?format\("woff2"\)/);
    // The single-file export carries the font's bytes (the CSP's font-src admits data: for it).
    const single = readFileSync(join(offline, 'single-file', 'mira-kovac.html'), 'utf8');
    expect(single).toContain(`src:url("data:font/woff2;base64,${Buffer.from(FONT_BYTES).toString('base64')}")`);
    expect(single).toMatch(/font-src 'self' data:/);
  });
});

describe('a theme whose font file is missing', () => {
  it('is an options problem naming the path, and nothing is built', () => {
    const root = site({ options: { theme: { font: { family: 'Inter', src: '/fonts/inter.woff2' } } } });
    const r = runEngfolio(root, ['build']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('engfolio.theme.font.src: expected a font file of public/, found nothing at public/fonts/inter.woff2');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('a logo or favicon whose file is missing', () => {
  it('is an options problem naming each path, and nothing is built', () => {
    const root = site({ options: { logo: { src: '/logo.svg', alt: 'Acme' }, favicon: '/icons/acme.ico' } });
    const r = runEngfolio(root, ['build']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('engfolio.logo.src: expected an image of public/, found nothing at public/logo.svg');
    expect(r.err).toContain('engfolio.favicon: expected an icon of public/, found nothing at public/icons/acme.ico');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
