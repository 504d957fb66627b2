// A share image's SVG to PNG, by resvg (a maintained Rust renderer) compiled to WebAssembly. The SVG
// draws its text as outlines (text.ts), so resvg loads no fonts: none from the system, which would make
// the image depend on the machine that builds it.
//
// Not resvg's native Node module: it keeps the memory of every image it renders (3 MB each, and as much
// again for its pixels), which a garbage collection does not return — 19.5 GB at 3,000 images. Here each
// image's memory is freed as soon as its pixels are out, and a thread stays near 270 MB.
import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { encodePng } from './png.ts';

/** resvg's module, compiled once per thread (resvg allows one per thread). */
let ready: Promise<void> | undefined;

/** Renders `svg` at its own size to a PNG file; `wasmFile` is resvg's WebAssembly module (assets.ts). */
export async function svgToPng(svg: string, wasmFile: string): Promise<Buffer> {
  await (ready ??= initWasm(readFileSync(wasmFile)));
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
  try {
    const image = resvg.render();
    try {
      return encodePng(image.pixels, image.width, image.height);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
