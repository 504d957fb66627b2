// Text of the share images, drawn as glyph outlines (fontkit lays out and shapes the text, with kerning):
// the rasterizer then needs no fonts at all. Handing it the fonts instead costs it 65 ms of font parsing
// per image, more than the rest of the image; a font is parsed here once per thread and each glyph's
// outline kept once.
import { create, type Font } from 'fontkit';
import { tenth } from '../charts/geometry.ts';

/** A font with the outlines of the glyphs drawn so far, in font units. */
export interface ShareFont {
  font: Font;
  outlines: Map<number, string>;
}

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
  return { font, outlines: new Map() };
}

/** The advance width of `text` at `size` px. */
export function textWidth(f: ShareFont, text: string, size: number): number {
  return (f.font.layout(text).advanceWidth * size) / f.font.unitsPerEm;
}

/** The characters of `text` the font has no glyph for (they would be drawn as empty boxes). */
export function missingCharacters(f: ShareFont, text: string): string[] {
  return [...new Set([...text].filter((c) => !/\s/.test(c) && !f.font.hasGlyphForCodePoint(c.codePointAt(0)!)))];
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
  const { font, outlines } = f;
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const width = run.advanceWidth * scale;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  let glyphs = '';
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    let outline = outlines.get(glyph.id);
    if (outline === undefined) outlines.set(glyph.id, (outline = glyph.path.toSVG()));
    if (outline) glyphs += `<path transform="translate(${pen + position.xOffset} ${position.yOffset})" d="${outline}"/>`;
    pen += position.xAdvance;
  });
  const k = Number(scale.toFixed(6));
  const svg = `<g fill="${fill}" transform="matrix(${k} 0 0 ${-k} ${tenth(left)} ${tenth(y)})">${glyphs}</g>`;
  const ink = run.glyphs.length ? run.bbox : undefined;
  const box =
    ink && Number.isFinite(ink.minX)
      ? { text, x0: left + ink.minX * scale, x1: left + ink.maxX * scale, y0: y - ink.maxY * scale, y1: y - ink.minY * scale }
      : { text, x0: left, x1: left, y0: y, y1: y };
  return { svg, box };
}
