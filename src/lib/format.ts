// English formats of the content engfolio writes and reads (a profile export's month names, the git
// importer's drafts): pages use the locale's formats (src/lib/i18n/locale.ts). Months are `YYYY-MM` keys.

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

function parts(month: string): [number, number] {
  const dash = month.indexOf('-');
  return [Number(month.slice(0, dash)), Number(month.slice(dash + 1))];
}

/** Returns `February 2026` for `2026-02`. */
export function monthLong(month: string): string {
  const [y, m] = parts(month);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

/** Returns `12 commits` / `1 commit`. */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
