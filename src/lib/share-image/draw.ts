// Draws a share image's content (cards.ts) as a 1200 × 630 SVG of shapes and glyph outlines, in the
// pages' light colours, and says where each text went, so tests can hold the image to the rule the
// pages' charts keep: no two texts within 2 px of each other, nothing outside the image.
import type { BarSegment, MonthBarsLayout } from '../charts/month-bars.ts';
import { BARS_PLOT } from '../charts/month-bars.ts';
import { tenth } from '../charts/geometry.ts';
import type { CardContent } from './cards.ts';
import { fitText, textSvg, textWidth, type ShareFont, type TextBox, type TextOptions } from './text.ts';

/** The size Open Graph and X (Twitter) show large images at. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The pages' light colours (src/styles/global.css `:root`; tests/lib/share-image.test.ts checks they agree). */
export const SHARE_COLOURS = {
  bg: '#fbfbf9',
  text: '#1b1f23',
  muted: '#525a66',
  border: '#dde1dc',
  accent: '#17654f',
  'accent-text': '#0f5040',
  bar: '#2a8a6d',
  'bar-bugs': '#b9502f',
  'bar-other': '#9ccbb9',
} as const;

/** The colours a card is drawn in: the pages' light ones, with the theme's accent where the site has one. */
export type ShareColours = { [K in keyof typeof SHARE_COLOURS]: string };

type SegmentFill = Record<BarSegment['kind'], string>;
const segmentFill = (c: ShareColours): SegmentFill => ({ features: c.bar, bugs: c['bar-bugs'], other: c['bar-other'] });

export interface ShareFonts {
  regular: ShareFont;
  bold: ShareFont;
}

const PAD = 72;
const INNER = SHARE_IMAGE.width - 2 * PAD;
/** Baselines, top to bottom. */
const Y = { eyebrow: 100, title: 184, subtitle: 236, value: 322, label: 360, change: 392, chartLabels: 566, footer: 608 } as const;
/** The chart's plot, top to baseline. */
const CHART = { top: 420, bottom: 540 } as const;
/** Chart labels further apart than this, or the later one is left out. */
const LABEL_GAP = 10;
const CHART_LABEL_SIZE = 20;

/** The image's SVG, and the box of every text on it. */
export function drawCard(fonts: ShareFonts, card: CardContent, colours: ShareColours = SHARE_COLOURS): { svg: string; texts: TextBox[] } {
  const fill = segmentFill(colours);
  const { width, height } = SHARE_IMAGE;
  const texts: TextBox[] = [];
  // Rectangles on whole pixels, drawn without anti-aliasing (crisp edges, and less rendering time); then the texts and swatches.
  let shapes = `<rect width="${width}" height="${height}" fill="${colours.bg}"/><rect width="${width}" height="12" fill="${colours.accent}"/>`;
  let body = '';
  /** Draws `text`; with `fit`, at the largest size from `size` down to `fit.min` that is at most `fit.room` wide (cut at the smallest). */
  const put = (font: ShareFont, text: string, at: TextOptions, fit?: { room: number; min: number }): void => {
    const fitted = fit ? fitText(font, text, fit.room, at.size, fit.min) : { text, size: at.size };
    const drawn = textSvg(font, fitted.text, { ...at, size: fitted.size });
    body += drawn.svg;
    texts.push(drawn.box);
  };

  put(fonts.bold, card.eyebrow, { x: PAD, y: Y.eyebrow, size: 26, fill: colours['accent-text'] }, { room: INNER, min: 20 });
  put(fonts.bold, card.title, { x: PAD, y: Y.title, size: 68, fill: colours.text }, { room: INNER, min: 40 });
  if (card.subtitle) put(fonts.regular, card.subtitle, { x: PAD, y: Y.subtitle, size: 30, fill: colours.muted }, { room: INNER, min: 24 });

  const column = INNER / Math.max(1, card.figures.length);
  card.figures.forEach((f, i) => {
    const x = PAD + i * column;
    const room = column - 28;
    put(fonts.bold, f.value, { x, y: Y.value, size: 56, fill: colours.text }, { room, min: 30 });
    let labelX = x;
    if (f.swatch) {
      body += `<rect x="${x}" y="${Y.label - 17}" width="16" height="16" rx="3" fill="${fill[f.swatch]}"/>`;
      labelX += 24;
    }
    put(fonts.regular, f.label, { x: labelX, y: Y.label, size: 24, fill: colours.muted }, { room: room - (labelX - x), min: 18 });
    if (f.change) put(fonts.regular, f.change, { x, y: Y.change, size: 20, fill: colours.muted }, { room, min: 16 });
  });

  if (card.chart) {
    const chart = chartSvg(card.chart, fonts.regular, colours);
    shapes += chart.svg;
    for (const l of chart.labels) put(fonts.regular, l.text, { x: l.x, y: Y.chartLabels, size: CHART_LABEL_SIZE, fill: colours.muted, anchor: l.anchor });
  }

  const [site, period] = card.footer;
  const periodWidth = period ? textWidth(fonts.regular, period, 22) : 0;
  if (period) put(fonts.regular, period, { x: SHARE_IMAGE.width - PAD, y: Y.footer, size: 22, fill: colours.muted, anchor: 'end' });
  put(fonts.regular, site, { x: PAD, y: Y.footer, size: 22, fill: colours.muted }, { room: INNER - periodWidth - 32, min: 18 });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><g shape-rendering="crispEdges">${shapes}</g>${body}</svg>`;
  return { svg, texts };
}

/** A bar chart's layout redrawn across the image's width: its bars, its baseline, and as many of its labels as fit apart. */
function chartSvg(layout: MonthBarsLayout, font: ShareFont, colours: ShareColours): { svg: string; labels: MonthBarsLayout['labels'] } {
  const fill = segmentFill(colours);
  const sx = INNER / (layout.width - layout.left);
  const sy = (CHART.bottom - CHART.top) / (BARS_PLOT.bottom - BARS_PLOT.top);
  const x = (v: number): number => tenth(PAD + (v - layout.left) * sx);
  const y = (v: number): number => tenth(CHART.top + (v - BARS_PLOT.top) * sy);
  let svg = '';
  // Bars on whole pixels (the image draws them without anti-aliasing).
  for (const s of layout.segments) {
    const left = Math.round(x(s.x));
    const top = Math.round(y(s.y));
    const width = Math.max(1, Math.round(x(s.x + s.width)) - left);
    const height = Math.round(y(s.y + s.height)) - top;
    if (height > 0) svg += `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${fill[s.kind]}"/>`;
  }
  svg += `<rect x="${PAD}" y="${CHART.bottom}" width="${INNER}" height="2" fill="${colours.border}"/>`;
  const labels: MonthBarsLayout['labels'] = [];
  let lastEnd = -Infinity;
  for (const l of layout.labels) {
    const at = x(l.x);
    const w = textWidth(font, l.text, CHART_LABEL_SIZE);
    const start = l.anchor === 'middle' ? at - w / 2 : at;
    if (start < lastEnd + LABEL_GAP || start + w > PAD + INNER) continue;
    labels.push({ ...l, x: at });
    lastEnd = start + w;
  }
  return { svg, labels };
}
