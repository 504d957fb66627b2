// Share images as PNG files, for the routes that serve them: the fonts are read once per thread.
import { readFileSync } from 'node:fs';
import { shareImageAssets } from 'virtual:engfolio/config';
import type { Locale } from '../lib/i18n/locale.ts';
import type { CardContent } from '../lib/share-image/cards.ts';
import { drawCard, SHARE_COLOURS, type ShareColours, type ShareFonts } from '../lib/share-image/draw.ts';
import { accentColours, themeAccents } from '../lib/theme/palette.ts';
import { svgToPng } from '../lib/share-image/render.ts';
import { missingCharacters, shareFont } from '../lib/share-image/text.ts';
import { config, localeFor } from './site.ts';

let fonts: ShareFonts | undefined;

/** The pages' light colours, the theme's accent in them when the site has one. */
const accents = themeAccents(config.theme.accent);
const colours: ShareColours = accents ? { ...SHARE_COLOURS, ...accentColours(accents.light, 'light') } : SHARE_COLOURS;

function shareFonts(): ShareFonts {
  const { files } = shareImageAssets;
  return (fonts ??= { regular: shareFont(readFileSync(files.regular)), bold: shareFont(readFileSync(files.bold)) });
}

const drawable = new Map<string, Locale>();

/**
 * The locale a share image is drawn in: the profile's when the image's font (Inter: Latin, Greek,
 * Cyrillic) has every letter of its words, month names and digits; otherwise English, rather than
 * empty boxes (a font per script is not shipped yet).
 */
export function shareImageLocale(locale: Locale): Locale {
  let found = drawable.get(locale.tag);
  if (!found) {
    const sample = [
      locale.t('share.eyebrow'),
      locale.t('share.yearEyebrow', { year: 2026 }),
      locale.t('share.commits', { count: 2 }),
      locale.t('share.activeMonths', { count: 2 }),
      locale.t('years.firstYear'),
      locale.monthRange('2025-01', '2026-12'),
      locale.number(1234567890),
      ...Array.from({ length: 12 }, (_, i) => locale.monthName(i + 1, 'short')),
    ].join(' ');
    const f = shareFonts();
    found = missingCharacters(f.regular, sample).length || missingCharacters(f.bold, sample).length ? localeFor('en') : locale;
    drawable.set(locale.tag, found);
  }
  return found;
}

/** The response of a share image route: the card drawn as a PNG file. */
export async function shareImageResponse(card: CardContent): Promise<Response> {
  const png = await svgToPng(drawCard(shareFonts(), card, colours).svg, shareImageAssets.files.wasm);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
