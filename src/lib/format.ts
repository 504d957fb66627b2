// Formatting for people: numbers with separators, months and dates as the export shows them.
// Months are `YYYY-MM` keys; nothing here goes through a Date in local time.

/** Month names as the export and the pages show them: `Jan` … `Dec`. */
export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** Full month names: `January` … `December`. */
export const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const numberFormat = new Intl.NumberFormat('en-US');

/** Returns `2,731,346` for 2731346. */
export function formatNumber(n: number): string {
  // Whole numbers are grouped by hand: Intl's format is a slow call, and a large site prints millions.
  if (!Number.isSafeInteger(n)) return numberFormat.format(n);
  const digits = String(Math.abs(n));
  let out = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits;
  if (n < 0) out = `-${out}`;
  return out;
}

/** Returns `91.6%` (or `70%`): at most one decimal, no trailing `.0`. */
export function formatPercent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

function parts(month: string): [number, number] {
  const dash = month.indexOf('-');
  return [Number(month.slice(0, dash)), Number(month.slice(dash + 1))];
}

/** Returns `Feb 2026` for `2026-02`. */
export function monthShort(month: string): string {
  const [y, m] = parts(month);
  return `${MONTHS_SHORT[m - 1]} ${y}`;
}

/** Returns `February 2026` for `2026-02`. */
export function monthLong(month: string): string {
  const [y, m] = parts(month);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

/** Returns the export's date line for a month, `Feb 1, 2026`. */
export function monthDateLine(month: string): string {
  const [y, m] = parts(month);
  return `${MONTHS_SHORT[m - 1]} 1, ${y}`;
}

/** Returns `12 commits` / `1 commit`. */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** Returns `Oct 2024 – Feb 2026`, or one month when both ends are equal. */
export function monthRange(from: string, to: string): string {
  return from === to ? monthShort(from) : `${monthShort(from)} – ${monthShort(to)}`;
}

/** Returns `Feb 29, 2024` for `2024-02-29`. */
export function dayShort(day: string): string {
  return `${MONTHS_SHORT[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}, ${Number(day.slice(0, 4))}`;
}

/** Returns `Feb 28 – Mar 1, 2024` (one year), `Dec 30, 2023 – Jan 2, 2024`, or one day when both ends are equal. */
export function dayRange(from: string, to: string): string {
  if (from === to) return dayShort(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${dayShort(from)} – ${dayShort(to)}`;
  return `${dayShort(from).replace(/, \d+$/, '')} – ${dayShort(to)}`;
}
