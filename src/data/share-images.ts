// Share images as PNG files, for the routes that serve them: the fonts are read once per thread.
import { readFileSync } from 'node:fs';
import { shareImageAssets } from 'virtual:engfolio/config';
import type { CardContent } from '../lib/share-image/cards.ts';
import { drawCard, type ShareFonts } from '../lib/share-image/draw.ts';
import { svgToPng } from '../lib/share-image/render.ts';
import { shareFont } from '../lib/share-image/text.ts';

let fonts: ShareFonts | undefined;

/** The response of a share image route: the card drawn as a PNG file. */
export async function shareImageResponse(card: CardContent): Promise<Response> {
  const { files } = shareImageAssets;
  fonts ??= { regular: shareFont(readFileSync(files.regular)), bold: shareFont(readFileSync(files.bold)) };
  const png = await svgToPng(drawCard(fonts, card).svg, files.wasm);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
