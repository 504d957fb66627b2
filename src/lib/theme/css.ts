// The theme's stylesheet: what the `theme` option changes on top of src/styles/global.css, served to
// pages as the bundled module `virtual:engfolio/theme.css` (the pages' CSP admits no inline style).
// Empty for the default theme.
import { FONT_FORMATS, type Appearance, type ThemeOptions } from './options.ts';
import { accentColours, themeAccents, type AccentColours } from './palette.ts';

/** Returns the `color-scheme` of an appearance: both (the reader's system picks) or one. */
export function colorScheme(appearance: Appearance): string {
  return appearance === 'auto' ? 'light dark' : appearance;
}

/** Returns the theme's CSS: its accent's custom properties, the forced appearance, and the site's font. */
export function themeCss(theme: ThemeOptions): string {
  const rules: string[] = [];
  const accents = themeAccents(theme.accent);
  if (accents) {
    const light = accentColours(accents.light, 'light');
    const dark = accentColours(accents.dark, 'dark');
    const props = (Object.keys(light) as (keyof AccentColours)[]).map((name) => `--${name}:light-dark(${light[name]},${dark[name]});`).join('');
    rules.push(`:root{${props}}`);
  }
  // Paper is always light (global.css's print rules), whatever the screen's appearance.
  if (theme.appearance !== 'auto') rules.push(`@media screen{:root{color-scheme:${colorScheme(theme.appearance)}}}`);
  if (theme.font) {
    const { family, src } = theme.font;
    const format = FONT_FORMATS[src.slice(src.lastIndexOf('.') + 1).toLowerCase() as keyof typeof FONT_FORMATS];
    // A root-relative url(): Vite finds the file in public/ and puts the site's base path before it.
    rules.push(`@font-face{font-family:"${family}";src:url("${src}") format("${format}");font-display:swap}`);
    rules.push(`:root{--font:"${family}",var(--font-system)}`);
  }
  return rules.join('\n') + (rules.length ? '\n' : '');
}
