// The accent colours of a theme, light and dark, and every custom property derived from them: the one
// place that turns `theme.accent` into `--accent`, `--accent-text`, `--accent-soft`, `--bar` and
// `--bar-other`, and that checks each colour text is written in against the backgrounds it is read on.
import { AA_TEXT, contrastRatio, mix, parseColour, ratioText, shiftUntilContrast } from './colour.ts';

/** The backgrounds text is read on, as src/styles/global.css sets them (tests/lib/theme.test.ts compares): the page and the cards on it. */
export const BACKGROUNDS = {
  light: { background: '#fbfbf9', surface: '#ffffff' },
  dark: { background: '#101417', surface: '#171c20' },
} as const;
export type Scheme = keyof typeof BACKGROUNDS;

/** The accent-derived custom properties of one appearance, as `#rrggbb`. */
export interface AccentColours {
  /** Marks and rules: the timeline's dots, the cards' highlight border, the header's mark. */
  accent: string;
  /** Links and accent text: the accent, darkened (light) or lightened (dark) until it reads on `accent-soft` too. */
  'accent-text': string;
  /** A tint of the accent behind accent text (chips, the initials, a targeted month). */
  'accent-soft': string;
  /** The main series of the bar charts. */
  bar: string;
  /** The other commits in the bar charts: a lighter (light) or darker (dark) tint of the accent. */
  'bar-other': string;
}

/** How far each tint goes from the background to the accent. */
const SOFT = { light: 0.12, dark: 0.2 };
const OTHER = { light: 0.4, dark: 0.45 };

/** Returns the custom properties derived from `accent` (a #rrggbb that passes `accentProblem`) for `scheme`. */
export function accentColours(accent: string, scheme: Scheme): AccentColours {
  const { background, surface } = BACKGROUNDS[scheme];
  const soft = mix(background, accent, SOFT[scheme]);
  return {
    accent,
    'accent-text': shiftUntilContrast(accent, [background, surface, soft], AA_TEXT, scheme === 'light' ? 'darker' : 'lighter'),
    'accent-soft': soft,
    bar: accent,
    'bar-other': mix(background, accent, OTHER[scheme]),
  };
}

/** Returns the dark appearance's accent for a light one: the same hue, lightness raised in OKLCH until it reads on the dark backgrounds. */
export function darkAccentFor(light: string): string {
  const { background, surface } = BACKGROUNDS.dark;
  return shiftUntilContrast(light, [background, surface], AA_TEXT, 'lighter');
}

/** The accent option: one colour (the light appearance's; the dark one is derived), or one per appearance. */
export type AccentOption = string | { light: string; dark: string };

/** Returns the light and dark accents of the option as #rrggbb, or undefined when it has none or a colour does not parse. */
export function themeAccents(accent: AccentOption | undefined): { light: string; dark: string } | undefined {
  if (accent === undefined) return undefined;
  const light = parseColour(typeof accent === 'string' ? accent : accent.light);
  const dark = typeof accent === 'string' ? light && darkAccentFor(light) : parseColour(accent.dark);
  return light && dark ? { light, dark } : undefined;
}

/**
 * Returns what is wrong with `css` as the accent of `scheme`, in the words of an options problem's
 * "expected …" (undefined when it is fine): not a colour, or under 4.5:1 against one of the backgrounds.
 */
export function accentProblem(css: string, scheme: Scheme): string | undefined {
  const hex = parseColour(css);
  if (!hex) return 'an opaque CSS colour, like "#7c3aed", "rebeccapurple" or "oklch(50% 0.2 290)"';
  const [name, bg] = Object.entries(BACKGROUNDS[scheme])
    .map(([n, b]) => [n, b] as const)
    .sort((x, y) => contrastRatio(hex, x[1]) - contrastRatio(hex, y[1]))[0]!;
  const ratio = contrastRatio(hex, bg);
  if (ratio >= AA_TEXT) return undefined;
  const shown = hex === css.trim().toLowerCase() ? '' : `, ${hex} in sRGB`;
  return `a colour with WCAG AA contrast (${AA_TEXT}:1) against the ${scheme} ${name} ${bg} (this one has ${ratioText(ratio)}${shown})`;
}
