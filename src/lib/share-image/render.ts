// A share image's SVG to PNG, by resvg (a maintained Rust renderer). The SVG draws its text as outlines
// (text.ts), so resvg loads no fonts: none from the system, which would make the image depend on the
// machine that builds it.
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png.ts';

/** Renders `svg` at its own size to a PNG file. */
export function svgToPng(svg: string): Buffer {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  return encodePng(image.pixels, image.width, image.height);
}
