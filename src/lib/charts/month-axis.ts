// The time axis of charts drawn over a span of months: the months of the span, and year labels at
// their Januaries, as many as fit apart and inside the chart.
import { tenth } from './geometry.ts';

/** Every month from `from` to `to` (`YYYY-MM`, inclusive). */
export function monthSpan(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (key > to) return out;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

/** Year labels start at least this far apart: "2024" is about 26 px wide at 10 px. */
const YEAR_LABEL_SPACING = 34;
/** Room a year label needs before the chart's right edge. */
const YEAR_LABEL_WIDTH = 28;

/**
 * Year labels for a span drawn in columns of `step` px from `left`: at each January, and at the first
 * column when its January is not too close; each at least 34 px after the one before, none past `right`.
 */
export function yearLabels(span: readonly string[], step: number, left: number, right: number, year: (y: number) => string): { x: number; text: string }[] {
  const labels: { x: number; text: string }[] = [];
  const nextJanuary = span.findIndex((k, j) => j > 0 && k.endsWith('-01'));
  span.forEach((key, i) => {
    if (i > 0 && !key.endsWith('-01')) return;
    if (i === 0 && !key.endsWith('-01') && nextJanuary > 0 && nextJanuary * step < YEAR_LABEL_SPACING) return;
    const x = tenth(left + i * step);
    if (labels.length && x - labels.at(-1)!.x < YEAR_LABEL_SPACING) return;
    if (x + YEAR_LABEL_WIDTH > right) return;
    labels.push({ x, text: year(Number(key.slice(0, 4))) });
  });
  return labels;
}

/** Labels for columns that are years (`YYYY` keys) drawn `step` px apart from `left`: as many as fit 34 px apart, none past `right`. */
export function everyYearLabels(
  years: readonly string[],
  step: number,
  left: number,
  right: number,
  year: (y: number) => string,
): { x: number; text: string }[] {
  const labels: { x: number; text: string }[] = [];
  years.forEach((key, i) => {
    const x = tenth(left + i * step);
    if (labels.length && x - labels.at(-1)!.x < YEAR_LABEL_SPACING) return;
    if (x + YEAR_LABEL_WIDTH > right) return;
    labels.push({ x, text: year(Number(key)) });
  });
  return labels;
}
