// The daily activity file, `content/activity/<slug>.csv`: `date,count[,features]`, one row per day.
import { DAY_KEY, type DayActivity } from './content-schema.ts';
import { isRealDay } from './calendar.ts';
import type { Problem } from './problems.ts';

/** Parses `date,count[,features]` CSV text into days (sorted by date), reporting every bad cell of every row. */
export function parseActivityCsv(text: string, file: string, problems: Problem[]): DayActivity[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (header !== 'date,count' && header !== 'date,count,features') {
    problems.push({ severity: 'error', file, line: 1, message: `expected the header "date,count" (or "date,count,features"), found "${lines[0] ?? ''}"` });
    return [];
  }
  const withFeatures = header.endsWith(',features');
  const seen = new Map<string, number>();
  const days: DayActivity[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const line = i + 1;
    const cells = raw.split(',').map((c) => c.trim());
    const [date = '', countText = '', featuresText] = cells;
    if (cells.length !== (withFeatures ? 3 : 2)) {
      problems.push({ severity: 'error', file, line, message: `expected ${withFeatures ? 3 : 2} columns, found ${cells.length}: "${raw}"` });
      continue;
    }
    // Every bad cell of a row is reported, not only the first.
    const rowProblems: Problem[] = [];
    const bad = (field: string, message: string): void => void rowProblems.push({ severity: 'error', file, line, field, message });
    const dateOk = DAY_KEY.test(date) && isRealDay(date);
    if (!dateOk) bad('date', `expected a calendar day as YYYY-MM-DD, found "${date}"`);
    const countValue = Number(countText);
    const countOk = /^\d+$/.test(countText) && Number.isSafeInteger(countValue);
    if (!countOk) bad('count', `expected a whole number ≥ 0, found "${countText}"`);
    let features: number | undefined;
    if (withFeatures) {
      features = Number(featuresText);
      if (!/^\d+$/.test(featuresText ?? '') || !Number.isSafeInteger(features)) bad('features', `expected a whole number ≥ 0, found "${featuresText}"`);
      else if (countOk && features > countValue) bad('features', `expected no more than count (${countValue}), found ${features}`);
    }
    const earlier = dateOk ? seen.get(date) : undefined;
    if (earlier !== undefined) bad('date', `expected each day once, found ${date} again (first on line ${earlier})`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    seen.set(date, line);
    days.push(features === undefined ? { date, count: countValue } : { date, count: countValue, features });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return days;
}
