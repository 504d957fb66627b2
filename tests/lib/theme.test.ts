// The theme: CSS colours parsed and measured, the dark accent derived from a light one, every colour
// derived from the accent readable where it is used, the options' problems in words, and the theme's
// stylesheet.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { OptionsError, parseOptions } from '../../src/lib/options.ts';
import { contrastRatio, parseColour, ratioText } from '../../src/lib/theme/colour.ts';
import { colorScheme, themeCss } from '../../src/lib/theme/css.ts';
import { accentColours, BACKGROUNDS, darkAccentFor, themeAccents } from '../../src/lib/theme/palette.ts';

/** The options' problems, one line each (none: []). */
function problems(options: Record<string, unknown>): string[] {
  try {
    parseOptions(options);
    return [];
  } catch (e) {
    if (!(e instanceof OptionsError)) throw e;
    return e.message.split('\n').map((l) => l.replace(/^error astro\.config\.mjs — /, ''));
  }
}

describe('colours', () => {
  it('parses any CSS colour syntax to sRGB hex, and refuses what is not an opaque colour', () => {
    expect(parseColour('#7C3AED')).toBe('#7c3aed');
    expect(parseColour('#fff')).toBe('#ffffff');
    expect(parseColour('rebeccapurple')).toBe('#663399');
    expect(parseColour('rgb(124 58 237)')).toBe('#7c3aed');
    expect(parseColour('hsl(0 100% 25%)')).toBe('#800000');
    expect(parseColour('oklch(50% 0.2 290)')).toBe('#6741ca');
    // Outside sRGB: chroma goes, lightness and hue stay.
    expect(parseColour('color(display-p3 0 1 0)')).toBe('#00f74f');
    for (const bad of ['blurple', '#7c3aed80', 'transparent', 'currentColor', 'var(--x)', '']) expect(parseColour(bad), bad).toBeUndefined();
  });

  it('measures WCAG 2 contrast exactly on known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // WebAIM's contrast checker gives 4.48:1 for #777 on white and 4.54:1 for #767676.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.478, 3);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.542, 3);
    expect(ratioText(4.4999)).toBe('4.49:1');
    expect(ratioText(21)).toBe('21:1');
  });

  it('src/styles/global.css has the backgrounds the accent is checked against', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const root = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
    expect(root).toContain(`--bg: light-dark(${BACKGROUNDS.light.background}, ${BACKGROUNDS.dark.background});`);
    expect(root).toContain(`--surface: light-dark(${BACKGROUNDS.light.surface}, ${BACKGROUNDS.dark.surface});`);
  });
});

describe('the accent', () => {
  it('derives the dark accent from a light one: the same hue, lighter, readable on the dark backgrounds', () => {
    expect(darkAccentFor('#7c3aed')).toBe('#9365ff');
    // One that already reads on dark stays as it is.
    expect(darkAccentFor('#6fd0ae')).toBe('#6fd0ae');
    for (const bg of Object.values(BACKGROUNDS.dark)) expect(contrastRatio('#9365ff', bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('derives every accent colour of both appearances readable where it is used, for any light accent that passes', () => {
    const hex = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
    const passesLight = (c: string) => Object.values(BACKGROUNDS.light).every((bg) => contrastRatio(c, bg) >= 4.5);
    fc.assert(
      fc.property(
        hex.filter((c) => passesLight(c)),
        (light) => {
          const accents = themeAccents(light)!;
          for (const scheme of ['light', 'dark'] as const) {
            const c = accentColours(accents[scheme], scheme);
            for (const bg of [...Object.values(BACKGROUNDS[scheme]), c['accent-soft']]) expect(contrastRatio(c['accent-text'], bg)).toBeGreaterThanOrEqual(4.5);
            // Marks and bars are graphics: 3:1 against the page.
            expect(contrastRatio(c.accent, BACKGROUNDS[scheme].background)).toBeGreaterThanOrEqual(3);
            expect(contrastRatio(c.bar, BACKGROUNDS[scheme].background)).toBeGreaterThanOrEqual(3);
            expect(c['bar-other']).not.toBe(c.bar);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes one accent per appearance as given', () => {
    expect(themeAccents({ light: 'rebeccapurple', dark: '#c4b5fd' })).toEqual({ light: '#663399', dark: '#c4b5fd' });
    expect(themeAccents(undefined)).toBeUndefined();
  });
});

describe('theme options', () => {
  it('has defaults: the greens scheme, the reader’s system, no accent or font of its own', () => {
    expect(parseOptions({}).theme).toEqual({ heatmap: 'greens', appearance: 'auto' });
  });

  it('takes an accent that reads on both appearances, a scheme, an appearance and a font', () => {
    const theme = { accent: '#7c3aed', heatmap: 'blues', appearance: 'dark', font: { family: 'Atkinson Hyperlegible', src: '/fonts/atkinson.woff2' } };
    expect(parseOptions({ theme }).theme).toEqual(theme);
    expect(problems({ theme: { accent: { light: 'oklch(45% 0.2 290)', dark: '#c4b5fd' } } })).toEqual([]);
  });

  it('names the pair that fails contrast, with both colours and the ratio', () => {
    expect(problems({ theme: { accent: '#7dd3fc' } })).toEqual([
      'engfolio.theme.accent: expected a colour with WCAG AA contrast (4.5:1) against the light background #fbfbf9 (this one has 1.6:1), found "#7dd3fc"',
    ]);
    expect(problems({ theme: { accent: { light: '#7dd3fc', dark: '#4c1d95' } } })).toEqual([
      'engfolio.theme.accent.light: expected a colour with WCAG AA contrast (4.5:1) against the light background #fbfbf9 (this one has 1.6:1), found "#7dd3fc"',
      'engfolio.theme.accent.dark: expected a colour with WCAG AA contrast (4.5:1) against the dark surface #171c20 (this one has 1.56:1), found "#4c1d95"',
    ]);
    // A colour given in another syntax is named in sRGB hex too: that is what was measured.
    expect(problems({ theme: { accent: 'yellow' } })).toEqual([
      'engfolio.theme.accent: expected a colour with WCAG AA contrast (4.5:1) against the light background #fbfbf9 (this one has 1.03:1, #ffff00 in sRGB), found "yellow"',
    ]);
  });

  it('names a bad theme value as an options problem', () => {
    expect(problems({ theme: { accent: 'blurple', appearance: 'dim', heatmap: 'teal' } })).toEqual([
      'engfolio.theme.heatmap: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
      'engfolio.theme.appearance: expected one of "auto", "light", "dark", found "dim"',
    ]);
    expect(problems({ theme: { accent: 'blurple' } })).toEqual([
      'engfolio.theme.accent: expected an opaque CSS colour, like "#7c3aed", "rebeccapurple" or "oklch(50% 0.2 290)", found "blurple"',
    ]);
    expect(problems({ theme: { accent: { light: '#7c3aed' } } })).toEqual([
      'engfolio.theme.accent: expected a CSS colour, or one per appearance as { light: …, dark: … }, found a map',
    ]);
    expect(problems({ theme: { colour: '#7c3aed' } })).toEqual([
      'engfolio.theme.colour: expected a known option, found an unknown one (known options: accent, heatmap, appearance, font)',
    ]);
  });

  it('takes a font only from the site itself, as a font file', () => {
    const src = (s: string) => problems({ theme: { font: { family: 'Inter', src: s } } });
    const expected = (s: string) => [
      `engfolio.theme.font.src: expected a font file of public/ (.woff2, .woff, .ttf or .otf), as a path starting with "/", like "/fonts/inter.woff2", found "${s}"`,
    ];
    for (const ok of ['/fonts/inter.woff2', '/Inter-Regular.ttf', '/f/inter.OTF', '/f/inter.woff']) expect(src(ok), ok).toEqual([]);
    for (const bad of [
      'https://fonts.example/inter.woff2',
      '//fonts.example/inter.woff2',
      'fonts/inter.woff2',
      '/fonts/inter.svg',
      '/../inter.woff2',
      '/a/./b.woff2',
    ])
      expect(src(bad), bad).toEqual(expected(bad));
    expect(problems({ theme: { font: { family: 'X"; } body { color: red', src: '/x.woff2' } } })).toEqual([
      'engfolio.theme.font.family: expected a font family name of letters, digits, spaces and hyphens, like "Atkinson Hyperlegible", found "X"; } body { color: red"',
    ]);
  });
});

describe('the theme stylesheet', () => {
  it('is empty for the default theme', () => {
    expect(themeCss(parseOptions({}).theme)).toBe('');
  });

  it('sets the accent colours, the forced appearance (screen only) and the font', () => {
    const css = themeCss({ accent: '#7c3aed', heatmap: 'blues', appearance: 'light', font: { family: 'Inter', src: '/f/inter.ttf' } });
    expect(css).toBe(
      [
        ':root{--accent:light-dark(#7c3aed,#9365ff);--accent-text:light-dark(#7c3aed,#9b76ff);--accent-soft:light-dark(#eae6fa,#26243f);--bar:light-dark(#7c3aed,#9365ff);--bar-other:light-dark(#c3b5fa,#463876);}',
        '@media screen{:root{color-scheme:light}}',
        '@font-face{font-family:"Inter";src:url("/f/inter.ttf") format("truetype");font-display:swap}',
        ':root{--font:"Inter",var(--font-system)}',
        '',
      ].join('\n'),
    );
  });

  it('names the color-scheme of each appearance', () => {
    expect(['auto', 'light', 'dark'].map((a) => colorScheme(a as 'auto'))).toEqual(['light dark', 'light', 'dark']);
  });
});
