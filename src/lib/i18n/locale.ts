// A locale as pages use it: engfolio's words from the locale's catalogue (the site's own messages on
// top), and dates and numbers formatted by Intl for it. Months and days are `YYYY-MM` / `YYYY-MM-DD`
// keys, formatted as UTC dates in the Gregorian calendar: no time zone or local calendar shifts them.
import type { WeekStart } from '../heatmap/settings.ts';
import { PLURAL_CATEGORIES, type Message, type PluralForms } from './catalogue.ts';
import { CATALOGUES, type MessageKey, type Messages } from './messages/index.ts';

export type { MessageKey };

/** Values of a message's placeholders: numbers are formatted for the locale. */
type MessageValues = Record<string, string | number>;

export interface Locale {
  /** The BCP 47 tag, canonical (`pt-BR`). */
  readonly tag: string;
  /** The shipped catalogue the messages come from (`de` for `de-AT`; `en` when none matches). */
  readonly catalogue: string;
  readonly dir: 'ltr' | 'rtl';
  /** The first day of the week: the locale's, unless the options say otherwise. */
  readonly weekStart: WeekStart;
  /** A message; a plural message picks its form by `values.count`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** `1,846` / `1.846` / `١٬٨٤٦`. */
  number(n: number): string;
  /** A percentage of 0–100, at most one decimal: `91.6%`, `91,6 %`. */
  percent(n: number): string;
  /** A range of whole numbers: `4–9`. */
  numberRange(lo: number, hi: number): string;
  /** `Feb 2026`, `Feb. 2026`, `2026年2月`. */
  monthShort(month: string): string;
  /** `February 2026`. */
  monthLong(month: string): string;
  /** The month's name alone, 1–12: `Feb` (short) or `February` (long). */
  monthName(m: number, width: 'narrow' | 'short' | 'long'): string;
  /** A year: `2026`, `٢٠٢٦`. */
  year(y: number): string;
  /** `Feb 29, 2024`. */
  dayShort(day: string): string;
  /** A day without its year, with its weekday: `Tue, Sep 3`. */
  dayInYear(day: string): string;
  /** `Feb 28 – Mar 1, 2024`, one day when both are equal. */
  dayRange(from: string, to: string): string;
  /** `Oct 2024 – Feb 2026`, one month when both are equal. */
  monthRange(from: string, to: string): string;
  /** A weekday's name, 0 = Sunday … 6 = Saturday. */
  weekday(d: number, width: 'narrow' | 'short' | 'long'): string;
  /** A list of figures or names: `3 commits, 1 feature, 2 bugs` (Intl's unit list). */
  list(items: readonly string[]): string;
}

/** The shipped catalogue for a tag: itself, its language, or English. */
export function catalogueFor(tag: string): string {
  if (tag in CATALOGUES) return tag;
  const language = new Intl.Locale(tag).language;
  return language in CATALOGUES ? language : 'en';
}

/** The first day of the week Intl gives the locale, as one of the week starts engfolio draws. */
export function localeWeekStart(tag: string): WeekStart {
  const l = new Intl.Locale(tag) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  const first = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay ?? 1;
  return first === 7 ? 'sunday' : first === 6 ? 'saturday' : 'monday';
}

function localeDir(tag: string): 'ltr' | 'rtl' {
  const l = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
  return (l.getTextInfo?.() ?? l.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
}

const utc = (y: number, m: number, d = 1): number => Date.UTC(y, m - 1, d);

/**
 * A number formatter: Intl's own, with a fast path for whole numbers in locales that group by three
 * with one separator (most do): Intl's format is a slow call, and a large site prints millions.
 */
function numberFormatter(tag: string): (n: number) => string {
  const intl = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const zero = intl.format(0);
  const digits = [...intl.format(9876543210).replace(/[^\p{Nd}]/gu, '')].reverse().join('');
  // digits is "0123456789" in the locale's digits when they are ten single code points.
  const map = [...digits];
  const sep = intl.formatToParts(1234567).find((p) => p.type === 'group')?.value;
  const simple = map.length === 10 && map[0] === zero && sep !== undefined;
  const local = (s: string): string => (map[0] === '0' ? s : s.replace(/\d/g, (d) => map[Number(d)]!));
  const fast = (n: number): string => {
    const s = String(n);
    return local(s.length > 3 ? s.replace(/\B(?=(\d{3})+$)/g, '\u0000').replaceAll('\u0000', sep!) : s);
  };
  if (!simple || fast(1234567) !== intl.format(1234567) || fast(1234) !== intl.format(1234) || fast(12) !== intl.format(12)) return (n) => intl.format(n);
  return (n) => (Number.isSafeInteger(n) && n >= 0 ? fast(n) : intl.format(n));
}

function pick(forms: PluralForms, category: Intl.LDMLPluralRule): string {
  return forms[category] ?? forms.other;
}

function fill(text: string, values: MessageValues | undefined, number: (n: number) => string): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
  });
}

/** Makes a locale; `messages` are the site's own (they replace the catalogue's), `weekStart` the option's. */
export function createLocale(tag: string, options: { messages?: Partial<Record<MessageKey, Message>>; weekStart?: WeekStart | undefined } = {}): Locale {
  const canonical = Intl.getCanonicalLocales(tag)[0]!;
  const catalogue = catalogueFor(canonical);
  const messages: Messages = { ...CATALOGUES.en, ...CATALOGUES[catalogue], ...options.messages } as Messages;
  const number = numberFormatter(canonical);
  const plural = new Intl.PluralRules(canonical);
  const dateIn = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(canonical, { ...o, timeZone: 'UTC', calendar: 'gregory' });
  const monthYearShort = dateIn({ year: 'numeric', month: 'short' });
  const monthYearLong = dateIn({ year: 'numeric', month: 'long' });
  const dayFormat = dateIn({ year: 'numeric', month: 'short', day: 'numeric' });
  const monthNames = { narrow: dateIn({ month: 'narrow' }), short: dateIn({ month: 'short' }), long: dateIn({ month: 'long' }) };
  const weekdays = { narrow: dateIn({ weekday: 'narrow' }), short: dateIn({ weekday: 'short' }), long: dateIn({ weekday: 'long' }) };
  const yearFormat = dateIn({ year: 'numeric' });
  const percent = new Intl.NumberFormat(canonical, { style: 'percent', maximumFractionDigits: 1 });
  const listFormat = new Intl.ListFormat(canonical, { type: 'unit', style: 'short' });
  // Month texts repeat on every page of a profile: formatted once per locale and month.
  const memo = (f: (key: string) => string): ((key: string) => string) => {
    const seen = new Map<string, string>();
    return (key) => {
      let v = seen.get(key);
      if (v === undefined) seen.set(key, (v = f(key)));
      return v;
    };
  };
  const ym = (month: string): [number, number] => [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const rangeOf = memo((key) => {
    const at = key.indexOf('-', 1);
    return integer.formatRange(Number(key.slice(0, at)), Number(key.slice(at + 1)));
  });
  const monthRangeOf = memo((key) => monthYearShort.formatRange(utc(...ym(key.slice(0, 7))), utc(...ym(key.slice(8)))));
  const dayOf = (day: string): number => utc(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
  const dayNoYear = dateIn({ weekday: 'short', month: 'short', day: 'numeric' });
  const integer = new Intl.NumberFormat(canonical, { maximumFractionDigits: 0 });
  const monthShort = memo((month) => monthYearShort.format(utc(...ym(month))));
  const dayShort = memo((day) => dayFormat.format(dayOf(day)));
  return {
    tag: canonical,
    catalogue,
    dir: localeDir(canonical),
    weekStart: options.weekStart ?? localeWeekStart(canonical),
    t(key, values) {
      const message = messages[key];
      if (typeof message === 'string') return fill(message, values, number);
      const count = values?.count;
      return fill(pick(message, plural.select(typeof count === 'number' ? count : Number(count ?? 0))), values, number);
    },
    number,
    percent: (n) => percent.format(Math.round(n * 10) / 1000),
    // Intl's formatRange costs ~20 µs a call, and every legend asks for the same few ranges.
    numberRange: (lo, hi) => (lo === hi ? number(lo) : rangeOf(`${lo}-${hi}`)),
    dayInYear: memo((day) => dayNoYear.format(dayOf(day))),
    monthShort,
    monthLong: memo((month) => monthYearLong.format(utc(...ym(month)))),
    monthName: (m, width) => monthNames[width].format(utc(2001, m)),
    year: (y) => yearFormat.format(utc(y, 6)),
    dayShort,
    dayRange: (from, to) => (from === to ? dayShort(from) : dayFormat.formatRange(dayOf(from), dayOf(to))),
    monthRange: (from, to) => (from === to ? monthShort(from) : monthRangeOf(`${from}/${to}`)),
    weekday: (d, width) => weekdays[width].format(utc(2023, 1, 1 + d)),
    list: (items) => listFormat.format(items),
  };
}

/** Whether every category the locale's plural rules use has a form (or falls to `other` on purpose). */
export function pluralCategories(tag: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(tag).resolvedOptions().pluralCategories.filter((c) => (PLURAL_CATEGORIES as readonly string[]).includes(c));
}
