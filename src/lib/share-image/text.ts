// Text of the share images, drawn as glyph outlines (fontkit lays out and shapes the text, with kerning):
// the rasterizer then needs no fonts at all. Handing it the fonts instead costs it 65 ms of font parsing
// per image, more than the rest of the image; a font is parsed here once per thread, each glyph's
// outline kept once, and each text laid out once (labels and figures repeat across a site's images).
import { create, type Font } from 'fontkit';
import { tenth } from '../charts/geometry.ts';

/** A text laid out, in font units: its glyphs with where each goes, its advance, and its ink's box. */
interface Run {
  glyphs: { outline: string; x: number; y: number }[];
  advance: number;
  ink: { minX: number; minY: number; maxX: number; maxY: number } | undefined;
}

/** A font with the outlines of the glyphs drawn so far and the texts laid out so far. */
export interface ShareFont {
  font: Font;
  outlines: Map<number, string>;
  runs: Map<string, Run>;
}

/** Texts laid out at most, per font and thread: names are many and each is drawn once or twice. */
const RUNS_KEPT = 5000;

/** Where a text's ink is: the box around its glyphs' outlines. */
export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Parses a TrueType or OpenType font (one font, not a collection). */
export function shareFont(bytes: Uint8Array): ShareFont {
  const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('layout' in font)) throw new Error('expected one font, found a font collection');
  return { font, outlines: new Map(), runs: new Map() };
}

/** Characters that are never drawn by themselves: format and control characters, variation selectors, line breaks and tabs. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}]/gu;
/** The invisible characters that separate words: tabs and line breaks. */
const LINE_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/;

/**
 * `text` as the font can draw it: each invisible character the font has no glyph for (a joiner, a
 * variation selector, a bidi or other format control) left out, as Unicode asks of a renderer that
 * cannot shape it, and a tab or line break the font lacks drawn as a space. fontkit draws every
 * such character as the font's .notdef box; one the font has stays, for its own shaping.
 */
export function drawableText(f: ShareFont, text: string): string {
  return text.replace(INVISIBLE, (c) => (f.font.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : LINE_SPACE.test(c) ? ' ' : ''));
}

function runOf(f: ShareFont, text: string): Run {
  let run = f.runs.get(text);
  if (run) return run;
  const laid = f.font.layout(drawableText(f, text));
  const glyphs: Run['glyphs'] = [];
  let pen = 0;
  laid.glyphs.forEach((glyph, i) => {
    const position = laid.positions[i]!;
    let outline = f.outlines.get(glyph.id);
    if (outline === undefined) f.outlines.set(glyph.id, (outline = glyph.path.toSVG()));
    if (outline) glyphs.push({ outline, x: pen + position.xOffset, y: position.yOffset });
    pen += position.xAdvance;
  });
  const bbox = laid.glyphs.length ? laid.bbox : undefined;
  run = { glyphs, advance: laid.advanceWidth, ink: bbox && Number.isFinite(bbox.minX) ? bbox : undefined };
  if (f.runs.size >= RUNS_KEPT) f.runs.clear();
  f.runs.set(text, run);
  return run;
}

/** The advance width of `text` at `size` px. */
export function textWidth(f: ShareFont, text: string, size: number): number {
  return (runOf(f, text).advance * size) / f.font.unitsPerEm;
}

/** The characters of `text` the font has no glyph for (they would be drawn as empty boxes). */
export function missingCharacters(f: ShareFont, text: string): string[] {
  return [...new Set([...drawableText(f, text)].filter((c) => !/\s/.test(c) && !f.font.hasGlyphForCodePoint(c.codePointAt(0)!)))];
}

/** No glyph a name or a label uses is narrower than this (in em): a longer text cannot fit. */
const NARROWEST_EM = 0.15;

/**
 * `text` at the largest size from `size` down to `minSize` (in whole pixels) at which it is at most
 * `width` wide; at `minSize`, cut to fit with an ellipsis. Laid out a few times at most, whatever its
 * length (a name can be any length).
 */
export function fitText(f: ShareFont, text: string, width: number, size: number, minSize: number): { text: string; size: number } {
  const chars = [...text];
  const most = Math.ceil(width / (minSize * NARROWEST_EM));
  if (chars.length <= most) {
    // Width grows in proportion to size: the largest size that fits follows from one layout.
    const perPixel = textWidth(f, text, 1);
    const fits = perPixel > 0 ? Math.floor(width / perPixel + 1e-9) : size;
    if (fits >= minSize) return { text, size: Math.min(size, fits) };
  }
  const cut = (n: number): string => `${chars.slice(0, n).join('').trimEnd()}…`;
  // The longest cut that fits, by bisection.
  let lo = 0;
  let hi = Math.min(chars.length - 1, most);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(f, cut(mid), minSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return { text: lo > 0 ? cut(lo) : '…', size: minSize };
}

export interface TextOptions {
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** `text` as SVG outlines, with the box it takes. */
export function textSvg(f: ShareFont, text: string, { x, y, size, fill, anchor = 'start' }: TextOptions): { svg: string; box: TextBox } {
  const run = runOf(f, text);
  const scale = size / f.font.unitsPerEm;
  const width = run.advance * scale;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  let glyphs = '';
  for (const g of run.glyphs) glyphs += `<path transform="translate(${g.x} ${g.y})" d="${g.outline}"/>`;
  const k = Number(scale.toFixed(6));
  const svg = `<g fill="${fill}" transform="matrix(${k} 0 0 ${-k} ${tenth(left)} ${tenth(y)})">${glyphs}</g>`;
  const { ink } = run;
  const box = ink
    ? { text, x0: left + ink.minX * scale, x1: left + ink.maxX * scale, y0: y - ink.maxY * scale, y1: y - ink.minY * scale }
    : { text, x0: left, x1: left, y0: y, y1: y };
  return { svg, box };
}
