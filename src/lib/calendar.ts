// Calendar arithmetic on `YYYY-MM` / `YYYY-MM-DD` keys: plain integers, no Date in local time, so
// no time zone can shift a day.

/** Returns true for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Returns the number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Returns the 0-based day of the year of a date given as year, month (1–12) and day. */
export function dayOfYear(year: number, month: number, day: number): number {
  let n = day - 1;
  for (let m = 1; m < month; m++) n += daysInMonth(year, m);
  return n;
}

/** True for a `YYYY-MM-DD` (already of that shape) that names a real calendar day. */
export function isRealDay(day: string): boolean {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
