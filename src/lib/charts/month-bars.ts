// Stacked bar charts of months, drawn as SVG at build time: a value axis with a few round ticks
// (d3-scale), one column per month, segments stacked from the bottom. Two charts use it: a year's
// features and bug fixes per month (year pages), and a profile's commits per month with the features
// share (profile pages). The pages show the same numbers as tables.
import { scaleLinear } from 'd3-scale';
import { escapeXml } from '../heatmap/svg.ts';
import { axisNames } from '../i18n/chart-labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { tenth } from './geometry.ts';
import { everyYearLabels, monthSpan, yearLabels } from './month-axis.ts';

export interface MonthBarValue {
  month: string;
  features: number;
  bugs: number;
}

/** What a segment counts: its class is `bar-<kind>`. */
type SegmentKind = 'features' | 'bugs' | 'other';

export interface BarSegment {
  kind: SegmentKind;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
}

export interface MonthBarsLayout {
  /** Where the plot starts: room on the left for the widest value label. */
  left: number;
  width: number;
  height: number;
  segments: BarSegment[];
  /** Value axis: the tick's value and its y. */
  ticks: { value: number; y: number }[];
  /** Labels under the columns. */
  labels: { x: number; text: string; anchor: 'start' | 'middle' }[];
  summary: string;
  /** One column per year rather than per month (a profile's long record). */
  perYear?: true;
}

interface Column {
  segments: { kind: SegmentKind; value: number; title: string }[];
}

/** The plot's left edge at least; more when the value labels are wide ("1,000"). */
const MIN_LEFT = 30;
/** Value labels end this far left of the plot, clear of the first column's label below. */
const TICK_GAP = 8;
/** A generous width of one character at 10 px, for the room value labels need. */
const CHAR_WIDTH = 6.5;
const TOP = 8;
const PLOT = 120;
const BOTTOM = 18;
/** The widest a chart of many months gets before its columns narrow. */
const PLOT_WIDTH = 560;
/** Where every layout's plot is, top to baseline (the share images redraw a layout at their own scale). */
export const BARS_PLOT = { top: TOP, bottom: TOP + PLOT } as const;

/** Stacks each column's segments on a shared axis; undefined when every column is empty. */
function layoutColumns(columns: readonly Column[], step: number, bar: number): Omit<MonthBarsLayout, 'labels' | 'summary'> | undefined {
  const max = Math.max(0, ...columns.map((c) => c.segments.reduce((s, g) => s + g.value, 0)));
  if (max === 0) return undefined;
  const scale = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([TOP + PLOT, TOP]);
  const y = (v: number): number => tenth(scale(v));
  const ticks = scale
    .ticks(4)
    .filter((t) => Number.isInteger(t))
    .map((value) => ({ value, y: y(value) }));
  // Tick numbers with group separators are at most this long; the page formats them for its locale.
  const widest = Math.max(...ticks.map((t) => t.value.toLocaleString('en').length));
  const left = Math.max(MIN_LEFT, Math.ceil(TICK_GAP + 2 + widest * CHAR_WIDTH));
  const segments: BarSegment[] = [];
  columns.forEach((c, i) => {
    const x = tenth(left + i * step + (step - bar) / 2);
    let below = 0;
    for (const g of c.segments) {
      if (g.value <= 0) continue;
      const top = y(below + g.value);
      segments.push({ kind: g.kind, x, y: top, width: bar, height: tenth(y(below) - top), title: g.title });
      below += g.value;
    }
  });
  return { left, width: tenth(left + columns.length * step), height: TOP + PLOT + BOTTOM, segments, ticks };
}

/** A year's features and bug fixes per month (twelve columns); undefined when it has neither. */
export function layoutMonthBars(months: readonly MonthBarValue[], year: number, l: Locale): MonthBarsLayout | undefined {
  const step = 28;
  const columns = months.map((m) => {
    const name = l.monthShort(m.month);
    return {
      segments: [
        { kind: 'features' as const, value: m.features, title: l.t('chart.barTitle', { month: name, value: l.t('count.features', { count: m.features }) }) },
        { kind: 'bugs' as const, value: m.bugs, title: l.t('chart.barTitle', { month: name, value: l.t('count.bugFixes', { count: m.bugs }) }) },
      ],
    };
  });
  const layout = layoutColumns(columns, step, 18);
  if (!layout) return undefined;
  const features = months.reduce((s, m) => s + m.features, 0);
  const bugs = months.reduce((s, m) => s + m.bugs, 0);
  // Centred names keep 2 px apart at least, at the phone width too.
  const names = axisNames(l, step - 4, 0).months;
  return {
    ...layout,
    labels: months.map((m, i) => ({ x: layout.left + i * step + step / 2, text: names[Number(m.month.slice(5, 7)) - 1]!, anchor: 'middle' as const })),
    summary:
      bugs > 0
        ? l.t('chart.yearBarsSummary', {
            year: l.year(year),
            features: l.t('count.features', { count: features }),
            bugs: l.t('count.bugFixes', { count: bugs }),
          })
        : l.t('chart.yearBarsSummaryFeatures', { year: l.year(year), features: l.t('count.features', { count: features }) }),
  };
}

/** Past this many months a profile's commit bars are one column per year: a month's bar would be thinner than 3 px on a phone. */
export const MONTH_COLUMNS = 60;

/**
 * A profile's commits per month, each column split into its features and its other commits, over
 * every month from the first entry to the last (months without one are empty columns); undefined
 * without commits. A record of more than MONTH_COLUMNS months is drawn per year instead (`perYear`),
 * so columns keep their width rather than shrink to hairlines. Years are labelled (at their January
 * when per month), as many as fit apart.
 */
export function layoutCommitBars(months: readonly { month: string; commits: number; features: number }[], l: Locale): MonthBarsLayout | undefined {
  if (!months.length) return undefined;
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : 1));
  const span = monthSpan(sorted[0]!.month, sorted.at(-1)!.month);
  const perYear = span.length > MONTH_COLUMNS;
  const periodOf = (month: string): string => (perYear ? month.slice(0, 4) : month);
  const periods = perYear ? [...new Set(span.map(periodOf))] : span;
  const totals = new Map<string, { commits: number; features: number }>();
  for (const m of sorted) {
    const t = totals.get(periodOf(m.month)) ?? { commits: 0, features: 0 };
    totals.set(periodOf(m.month), { commits: t.commits + m.commits, features: t.features + m.features });
  }
  const nameOf = (period: string): string => (perYear ? l.year(Number(period)) : l.monthShort(period));
  const step = Math.min(28, PLOT_WIDTH / periods.length);
  const columns = periods.map((key) => {
    const t = totals.get(key);
    const name = nameOf(key);
    const commits = t?.commits ?? 0;
    const all = l.t('count.commits', { count: commits });
    const features = t?.features ?? 0;
    return {
      segments: [
        {
          kind: 'features' as const,
          value: features,
          title: l.t('chart.featuresOf', { month: name, features: l.t('count.features', { count: features }), commits: all }),
        },
        {
          kind: 'other' as const,
          value: commits - features,
          title: l.t('chart.otherOf', { month: name, other: l.t('count.otherCommits', { count: commits - features }), commits: all }),
        },
      ],
    };
  });
  const layout = layoutColumns(columns, step, Math.max(1, tenth(step * 0.7)));
  if (!layout) return undefined;
  const labels = (perYear ? everyYearLabels(periods, step, layout.left, layout.width, l.year) : yearLabels(span, step, layout.left, layout.width, l.year)).map(
    (label) => ({ ...label, anchor: 'start' as const }),
  );
  const commits = sorted.reduce((s, m) => s + m.commits, 0);
  const features = sorted.reduce((s, m) => s + m.features, 0);
  const figures = { commits: l.t('count.commits', { count: commits }), features: l.t('count.features', { count: features }) };
  return {
    ...layout,
    labels,
    ...(perYear ? { perYear } : {}),
    summary: perYear
      ? l.t('chart.commitBarsYearSummary', { from: nameOf(periods[0]!), to: nameOf(periods.at(-1)!), ...figures })
      : l.t('chart.commitBarsSummary', { from: l.monthShort(span[0]!), to: l.monthShort(span.at(-1)!), ...figures }),
  };
}

/** The chart's SVG (styled by the page: .bars, .bar-features, .bar-bugs, .bar-other, .bars-grid, .bars-axis), its tick numbers formatted by `number`. */
export function monthBarsSvg(layout: MonthBarsLayout, number: (n: number) => string): string {
  const { left, width, height } = layout;
  const baseline = TOP + PLOT;
  let body = '';
  for (const t of layout.ticks) {
    body += `<line class="bars-grid" x1="${left}" x2="${width}" y1="${t.y}" y2="${t.y}"/>`;
    body += `<text class="r" x="${left - TICK_GAP}" y="${tenth(t.y + 3.5)}">${number(t.value)}</text>`;
  }
  for (const s of layout.segments) {
    body += `<rect class="bar-${s.kind}" x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}"><title>${escapeXml(s.title)}</title></rect>`;
  }
  body += `<line class="bars-axis" x1="${left}" x2="${width}" y1="${baseline}" y2="${baseline}"/>`;
  for (const l of layout.labels) body += `<text${l.anchor === 'middle' ? ' class="m"' : ''} x="${l.x}" y="${baseline + 13}">${escapeXml(l.text)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="bars" direction="ltr" role="img" aria-label="${escapeXml(layout.summary)}">${body}</svg>`;
}
