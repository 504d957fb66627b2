// CSS colours as the theme uses them: parsed by culori (every CSS Color 4 syntax: names, hex, rgb(),
// hsl(), lab(), oklch(), color(display-p3 …)), brought into sRGB as #rrggbb, and measured for WCAG 2
// contrast. Pages get the hex, so the contrast measured is the contrast shown.
import { clampChroma, formatHex, interpolate, oklch, parse, wcagContrast } from 'culori';

/** WCAG 2 AA for normal text. */
export const AA_TEXT = 4.5;

/** Returns `css` as an sRGB `#rrggbb` (out-of-gamut colours lose chroma, keeping lightness and hue), or undefined if it is not an opaque CSS colour. */
export function parseColour(css: string): string | undefined {
  const c = parse(css.trim());
  if (!c || (c.alpha !== undefined && c.alpha < 1)) return undefined;
  return formatHex(clampChroma(c, 'oklch'));
}

/** Returns the WCAG 2 contrast ratio of two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(a, b);
}

/** Returns a ratio as messages show it: rounded down to 2 decimals, so a failing 4.499 never reads as 4.5. */
export function ratioText(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}

/**
 * Returns `colour` with its OKLCH lightness moved (raised for `direction` 'lighter', lowered for
 * 'darker') in small steps until it has at least `ratio` contrast against every one of `against`;
 * hue and chroma stay (within sRGB). White and black always get there against a dark or a light set.
 */
export function shiftUntilContrast(colour: string, against: readonly string[], ratio: number, direction: 'lighter' | 'darker'): string {
  const start = oklch(parse(colour))!;
  const passes = (hex: string): boolean => against.every((bg) => contrastRatio(hex, bg) >= ratio);
  if (passes(colour)) return colour;
  for (let step = 1; step <= 100; step++) {
    const l = direction === 'lighter' ? start.l + ((1 - start.l) * step) / 100 : start.l * (1 - step / 100);
    const hex = formatHex(clampChroma({ ...start, l }, 'oklch'));
    if (passes(hex)) return hex;
  }
  return direction === 'lighter' ? '#ffffff' : '#000000';
}

/** Returns the colour `amount` (0 … 1) of the way from `from` to `to`, mixed in OKLab, as #rrggbb. */
export function mix(from: string, to: string, amount: number): string {
  return formatHex(interpolate([from, to], 'oklab')(amount));
}
