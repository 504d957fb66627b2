// Share images as PNG files, for the routes that serve them: the fonts are read once per thread.
import { readFileSync } from 'node:fs';
import { shareFonts } from 'virtual:engfolio/config';
import type { CardContent } from '../lib/share-image/cards.ts';
import { drawCard, type ShareFonts } from '../lib/share-image/draw.ts';
import { svgToPng } from '../lib/share-image/render.ts';
import { shareFont } from '../lib/share-image/text.ts';

let fonts: ShareFonts | undefined;

/** The PNG file of a card. */
export function sharePng(card: CardContent): Buffer {
  fonts ??= { regular: shareFont(readFileSync(shareFonts.files.regular)), bold: shareFont(readFileSync(shareFonts.files.bold)) };
  return svgToPng(drawCard(fonts, card).svg);
}

/** The response of a share image route. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
