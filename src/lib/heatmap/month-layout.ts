// Month heatmap layout: one row per year (newest first), twelve month columns.
import type { Metric } from './settings.ts';
import { MONTH_KEY } from '../content-schema.ts';
import type { Cell, HeatmapLayout, Label } from './layout.ts';
import { axisNames } from '../i18n/chart-labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { heatBins, type BinScale } from './scale.ts';

export interface MonthValue {
  month: string;
  commits: number;
  features: number;
}

// Cells wide enough that centred month names ("May", "Jun") keep well apart in any font: a label is
// about 21 px at 10 px, a column 28. Charts labelled by initials (index cards) keep smaller cells, so
// their text stays readable when the chart is drawn small.
const MONTH_CELL = 24;
const INITIALS_CELL = 18;
const GAP = 4;
const LEFT = 36;
const TOP = 16;

/** Returns the month heatmap layout of `months` for `metric`, its text in `options.locale`; throws on a bad or repeated month key. */
export function layoutMonths(
  months: readonly MonthValue[],
  metric: Metric,
  options: {
    locale: Locale;
    href?: (month: string) => string;
    /** Where a year's label links (its year in review); years without activity get no link. */
    yearHref?: (year: number) => string | undefined;
    scale?: BinScale;
    /** Column labels: `short` ("Jan") or `initial` ("J", for small charts whose text would be too small to read). */
    monthLabels?: 'short' | 'initial';
  },
): HeatmapLayout {
  const l = options.locale;
  const byKey = new Map<string, MonthValue>();
  for (const m of months) {
    if (!MONTH_KEY.test(m.month)) throw new Error(`month heatmap: expected a month as YYYY-MM, found "${m.month}"`);
    if (byKey.has(m.month)) throw new Error(`month heatmap: expected each month once, found ${m.month} twice`);
    byKey.set(m.month, m);
  }
  const scale = options.scale ?? heatBins(months.map((m) => m[metric]));
  const keys = [...byKey.keys()].sort();
  // One row per year that has an entry, newest first: a stray commit dated 1985 or 2999 must not
  // draw a thousand empty rows (a year with no entry at all has nothing to show).
  const years = [...new Set(keys.map((k) => Number(k.slice(0, 4))))].sort((a, b) => b - a);

  const cells: Cell[] = [];
  const initials = options.monthLabels === 'initial';
  const cell = initials ? INITIALS_CELL : MONTH_CELL;
  const step = cell + GAP;
  // Centred names stay inside their cell (the last one inside the chart) and keep 2 px apart at the
  // phone width, where the chart is drawn at 60 %: a cell less 1 px is each name's room.
  const axis = axisNames(l, cell - 1, 0, { initials });
  const names = axis.months;
  const labels: Label[] = names.map((name, i) => ({
    x: LEFT + i * step + cell / 2,
    y: TOP - 5,
    text: name,
    anchor: 'middle' as const,
  }));
  years.forEach((year, row) => {
    const y = TOP + row * step;
    const yearLink = options.yearHref?.(year);
    labels.push({ x: LEFT - 6, y: y + cell / 2 + 4, text: axis.year(year), anchor: 'end', ...(yearLink ? { href: yearLink } : {}) });
    for (let i = 0; i < 12; i++) {
      const key = `${year}-${String(i + 1).padStart(2, '0')}`;
      // Before the first entry and after the last there is no period to speak of: leave it blank
      // rather than calling every future month "no entry".
      if (key < keys[0]! || key > keys.at(-1)!) continue;
      const m = byKey.get(key);
      const title = m
        ? l.t('heatmap.monthCell', {
            month: l.monthShort(key),
            commits: l.t('count.commits', { count: m.commits }),
            features: l.t('count.features', { count: m.features }),
          })
        : l.t('heatmap.monthCellEmpty', { month: l.monthShort(key) });
      const square: Cell = { x: LEFT + i * step, y, key, level: m ? scale.level(m[metric]) : null, title };
      // Only months with an entry have a work-history anchor to link to.
      if (options.href && m) square.href = options.href(key);
      cells.push(square);
    }
  });

  const total = months.reduce((s, m) => s + m[metric], 0);
  const busiest = [...byKey.values()].sort((a, b) => b[metric] - a[metric] || (a.month < b.month ? -1 : 1))[0];
  const title = l.t(`heatmap.perMonth.${metric}`);
  const summary = keys.length
    ? l.t('heatmap.monthSummary', {
        title,
        from: l.monthShort(keys[0]!),
        to: l.monthShort(keys.at(-1)!),
        total: l.t(`count.${metric}`, { count: total }),
        months: l.t('count.prep.months', { count: keys.length }),
        busiest: l.monthShort(busiest!.month),
        value: busiest![metric],
      })
    : l.t('heatmap.monthSummaryEmpty', { title });
  return {
    kind: 'month',
    width: LEFT + 12 * step - GAP,
    height: TOP + Math.max(years.length, 1) * step - GAP,
    cell,
    cells,
    labels,
    summary,
    bins: scale.bins,
  };
}
