// A profile's repositories over time, drawn as SVG at build time: a row per repository (its name, then
// a faint track from its first month to its last, with the months it was active filled in), on a
// shared time axis. Each row links to the repository's card on the page.
import type { Locale } from '../i18n/locale.ts';
import { escapeXml } from '../heatmap/svg.ts';
import { tenth } from './geometry.ts';
import { monthSpan, yearLabels } from './month-axis.ts';

export interface TimelineRepository {
  name: string;
  from: string;
  to: string;
}

interface TimelineRow {
  name: string;
  /** The track, from the first month to the last. */
  track: { x: number; width: number };
  /** Runs of active months: x, width and the months they cover. */
  active: { x: number; width: number; from: string; to: string }[];
  y: number;
  title: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  rows: TimelineRow[];
  labels: { x: number; text: string }[];
  /** Where the axis labels sit. */
  axisY: number;
  summary: string;
}

const PLOT = 560;
const ROW = 30;
const NAME_BASELINE = 11;
const BAR_TOP = 15;
const TIMELINE_BAR = 10;
/** Names longer than this are cut (the row's title has the whole name). */
const NAME_MAX = 70;

/**
 * Lays out the timeline of `repositories` (in their order). A repository's active months are the
 * months that list it; when no month lists it (most exports), the whole span from `from` to `to`.
 */
export function layoutRepoTimeline(
  repositories: readonly TimelineRepository[],
  months: readonly { month: string; repositories: readonly string[] }[],
  l: Locale,
): TimelineLayout | undefined {
  if (!repositories.length) return undefined;
  const from = repositories.reduce((a, r) => (r.from < a ? r.from : a), repositories[0]!.from);
  const to = repositories.reduce((a, r) => (r.to > a ? r.to : a), repositories[0]!.to);
  const span = monthSpan(from, to);
  const index = new Map(span.map((m, i) => [m, i]));
  const step = PLOT / span.length;
  const x = (month: string): number => tenth((index.get(month) ?? 0) * step);
  const width = (a: string, b: string): number => tenth((index.get(b)! - index.get(a)! + 1) * step);
  const rows = repositories.map((r, i): TimelineRow => {
    const listed = months
      .filter((m) => m.repositories.includes(r.name) && index.has(m.month))
      .map((m) => m.month)
      .sort();
    const activeMonths = listed.length ? listed : monthSpan(r.from, r.to);
    // Consecutive months make one run.
    const runs: { from: string; to: string }[] = [];
    for (const m of activeMonths) {
      const last = runs.at(-1);
      if (last && index.get(m)! === index.get(last.to)! + 1) last.to = m;
      else runs.push({ from: m, to: m });
    }
    const active = runs.map((run) => ({ x: x(run.from), width: width(run.from, run.to), ...run }));
    const period = l.monthRange(r.from, r.to);
    return {
      name: r.name.length > NAME_MAX ? `${r.name.slice(0, NAME_MAX - 1)}…` : r.name,
      track: { x: x(r.from), width: width(r.from, r.to) },
      active,
      y: i * ROW,
      title: listed.length
        ? l.t('chart.timelineRowWork', { name: r.name, period, months: l.t('count.months', { count: listed.length }) })
        : l.t('chart.timelineRow', { name: r.name, period }),
    };
  });
  const axisY = repositories.length * ROW + 10;
  return {
    width: PLOT,
    height: axisY + 4,
    rows,
    labels: yearLabels(span, step, 0, PLOT, l.year),
    axisY,
    summary: l.t('chart.timelineSummary', { repositories: l.t('count.repositories', { count: repositories.length }), period: l.monthRange(from, to) }),
  };
}

/** The timeline's SVG; row `i` links to `href(i)` (styled by the page: .timeline, .tl-track, .tl-active). */
export function repoTimelineSvg(layout: TimelineLayout, href: (index: number) => string): string {
  let body = '';
  layout.rows.forEach((row, i) => {
    let bars = `<rect class="tl-track" x="${row.track.x}" y="${row.y + BAR_TOP}" width="${row.track.width}" height="${TIMELINE_BAR}" rx="2"/>`;
    for (const a of row.active) bars += `<rect class="tl-active" x="${a.x}" y="${row.y + BAR_TOP}" width="${a.width}" height="${TIMELINE_BAR}" rx="2"/>`;
    body += `<a href="${escapeXml(href(i))}"><title>${escapeXml(row.title)}</title><text x="0" y="${row.y + NAME_BASELINE}">${escapeXml(row.name)}</text>${bars}</a>`;
  });
  for (const l of layout.labels) body += `<text class="tl-year" x="${l.x}" y="${layout.axisY}">${l.text}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" class="timeline" direction="ltr" role="group" aria-label="${escapeXml(layout.summary)}">${body}</svg>`;
}
