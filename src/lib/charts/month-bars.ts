// The features-and-bugs chart of a year: one column per month, features stacked under bugs, a value
// axis with a few round ticks (d3-scale), drawn as SVG at build time. Its numbers are the year
// review's; the page shows the same numbers as a table.
import { scaleLinear } from 'd3-scale';
import { MONTHS_SHORT, countLabel, formatNumber, monthShort } from '../format.ts';
import { escapeXml } from '../heatmap/svg.ts';

export interface MonthBarValue {
  month: string;
  features: number;
  bugs: number;
}

interface BarSegment {
  kind: 'features' | 'bugs';
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
}

export interface MonthBarsLayout {
  width: number;
  height: number;
  segments: BarSegment[];
  /** Value axis: the tick's value and its y. */
  ticks: { value: number; y: number }[];
  /** Month names under the columns, centred. */
  labels: { x: number; text: string }[];
  summary: string;
}

const LEFT = 30;
const TOP = 8;
const PLOT = 120;
const STEP = 28;
const BAR = 18;
const BOTTOM = 18;

/** Positions to a tenth of a pixel: what is drawn, without floating-point tails. */
const round = (n: number): number => Math.round(n * 10) / 10;

/** Lays out the chart of twelve (or fewer) months; undefined when no month has a feature or a bug. */
export function layoutMonthBars(months: readonly MonthBarValue[], year: number): MonthBarsLayout | undefined {
  const max = Math.max(0, ...months.map((m) => m.features + m.bugs));
  if (max === 0) return undefined;
  const scale = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([TOP + PLOT, TOP]);
  const y = (v: number): number => round(scale(v));
  const ticks = scale
    .ticks(4)
    .filter((t) => Number.isInteger(t))
    .map((value) => ({ value, y: y(value) }));
  const segments: BarSegment[] = [];
  months.forEach((m, i) => {
    const x = LEFT + i * STEP + (STEP - BAR) / 2;
    const name = monthShort(m.month);
    if (m.features > 0) {
      segments.push({
        kind: 'features',
        x,
        y: y(m.features),
        width: BAR,
        height: round(y(0) - y(m.features)),
        title: `${name}: ${countLabel(m.features, 'feature')}`,
      });
    }
    if (m.bugs > 0) {
      const top = y(m.features + m.bugs);
      segments.push({
        kind: 'bugs',
        x,
        y: top,
        width: BAR,
        height: round(y(m.features) - top),
        title: `${name}: ${countLabel(m.bugs, 'bug fix', 'bug fixes')}`,
      });
    }
  });
  const features = months.reduce((s, m) => s + m.features, 0);
  const bugs = months.reduce((s, m) => s + m.bugs, 0);
  return {
    width: LEFT + months.length * STEP,
    height: TOP + PLOT + BOTTOM,
    segments,
    ticks,
    labels: months.map((m, i) => ({ x: LEFT + i * STEP + STEP / 2, text: MONTHS_SHORT[Number(m.month.slice(5, 7)) - 1]! })),
    summary:
      bugs > 0
        ? `Features and bug fixes per month in ${year}: ${countLabel(features, 'feature')}, ${countLabel(bugs, 'bug fix', 'bug fixes')}.`
        : `Features per month in ${year}: ${countLabel(features, 'feature')}.`,
  };
}

/** The chart's SVG (styled by the page: .bars, .bar-features, .bar-bugs, .bars-axis). */
export function monthBarsSvg(layout: MonthBarsLayout): string {
  const { width, height } = layout;
  const baseline = TOP + PLOT;
  let body = '';
  for (const t of layout.ticks) {
    body += `<line class="bars-grid" x1="${LEFT}" x2="${width}" y1="${t.y}" y2="${t.y}"/>`;
    body += `<text class="r" x="${LEFT - 4}" y="${round(t.y + 3.5)}">${formatNumber(t.value)}</text>`;
  }
  for (const s of layout.segments) {
    body += `<rect class="bar-${s.kind}" x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}"><title>${escapeXml(s.title)}</title></rect>`;
  }
  body += `<line class="bars-axis" x1="${LEFT}" x2="${width}" y1="${baseline}" y2="${baseline}"/>`;
  for (const l of layout.labels) body += `<text class="m" x="${l.x}" y="${baseline + 13}">${l.text}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="bars" role="img" aria-label="${escapeXml(layout.summary)}">${body}</svg>`;
}
