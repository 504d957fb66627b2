// The names charts put on their axes, in a locale: the short month and weekday names where they fit
// their room, else the narrow ones ("J", "ي"). Chart text is laid out at build time without a font to
// measure with, so widths are estimated per character, on the generous side (the browser tests measure
// the real text boxes of every chart).
import type { Locale } from './locale.ts';

/** Estimated advance of a character in em, for a system sans-serif: wide for CJK, narrow for dots. */
function charEm(c: string): number {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(c)) return 1;
  if (/[.,:;'’·\u2009\u202f ]/.test(c)) return 0.3;
  // Digits are wider than they look in CJK system fonts (the Japanese "12月" is 24 px at 10 px).
  if (/\p{Nd}/u.test(c)) return 0.7;
  if (/[A-ZÄÖÜ\u0400-\u042f]/.test(c)) return 0.72;
  if (/[mwMW\u0448\u0449\u0436\u044e]/.test(c)) return 0.85;
  if (/\p{Script=Arabic}|\p{Script=Hebrew}/u.test(c)) return 0.6;
  return 0.58;
}

/** Estimated width of `text` in px at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * fontPx;
}

export interface AxisNames {
  /** January first: 12 names. */
  months: string[];
  /** Sunday first: 7 names. */
  weekdays: string[];
  /** A year as an axis shows it: its digits alone ("2025", not the Japanese "2025年"). */
  year: (y: number) => string;
}

const cache = new WeakMap<Locale, Map<string, AxisNames>>();

/**
 * The month names for columns `monthRoom` px wide and weekday names for a margin `weekdayRoom` px wide,
 * at `fontPx`: the locale's short names when every one of them fits, else its narrow ones (always the
 * narrow ones for `initials`: small charts), else the months' numbers.
 */
export function axisNames(locale: Locale, monthRoom: number, weekdayRoom: number, options: { fontPx?: number; initials?: boolean } = {}): AxisNames {
  const fontPx = options.fontPx ?? 10;
  let byRoom = cache.get(locale);
  if (!byRoom) cache.set(locale, (byRoom = new Map()));
  const key = `${monthRoom}|${weekdayRoom}|${fontPx}|${options.initials === true}`;
  let found = byRoom.get(key);
  if (!found) {
    const fits = (names: string[], room: number) => names.every((n) => textWidth(n, fontPx) <= room);
    const months = (w: 'short' | 'narrow') => Array.from({ length: 12 }, (_, i) => locale.monthName(i + 1, w));
    const weekdays = (w: 'short' | 'narrow') => Array.from({ length: 7 }, (_, d) => locale.weekday(d, w));
    const shortMonths = months('short');
    const shortWeekdays = weekdays('short');
    const narrowMonths = months('narrow');
    const digits = new Intl.NumberFormat(locale.tag, { useGrouping: false });
    found = {
      // Where even the narrow names are too wide (Japanese: "12月"), the months' numbers.
      months:
        !options.initials && fits(shortMonths, monthRoom)
          ? shortMonths
          : fits(narrowMonths, monthRoom)
            ? narrowMonths
            : Array.from({ length: 12 }, (_, i) => digits.format(i + 1)),
      weekdays: fits(shortWeekdays, weekdayRoom) ? shortWeekdays : weekdays('narrow'),
      year: (y) => digits.format(y),
    };
    byRoom.set(key, found);
  }
  return found;
}
