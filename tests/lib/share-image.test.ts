// Share images: what each says (exact content from hand-made profiles), how text is fitted, that no two
// texts come within 2 px of each other nor leave the image, the PNG encoder (read back by an independent
// decoder, pngjs), and the colours against the pages' stylesheet.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { publishedProfileSchema } from '../../src/lib/content-schema.ts';
import { buildProfileView } from '../../src/lib/profile-view.ts';
import { profileCard, yearCard, type CardContent } from '../../src/lib/share-image/cards.ts';
import { drawCard, SHARE_COLOURS, SHARE_IMAGE, type ShareFonts } from '../../src/lib/share-image/draw.ts';
import { shareImageAssets } from '../../src/lib/share-image/assets.ts';
import { encodePng } from '../../src/lib/share-image/png.ts';
import { svgToPng } from '../../src/lib/share-image/render.ts';
import { drawableText, fitText, missingCharacters, shareFont, textSvg, textWidth, type TextBox } from '../../src/lib/share-image/text.ts';
import { yearReviews } from '../../src/lib/year-review.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const files = shareImageAssets();
const fonts: ShareFonts = { regular: shareFont(readFileSync(files.regular)), bold: shareFont(readFileSync(files.bold)) };

const month = (m: string, commits: number, features: number, bugs?: number) => ({
  month: m,
  commits,
  features,
  ...(bugs === undefined ? {} : { bugs }),
  repositories: ['engine'],
  areas: [],
  generated: false,
});
const ada = buildProfileView(
  'ada',
  publishedProfileSchema.parse({
    name: 'Ada Lovelace',
    headline: 'Engine analyst',
    repositories: [{ name: 'engine', from: '2023-11', to: '2024-03', languages: [] }],
  }),
  [month('2023-11', 1, 1, 0), month('2024-01', 1200, 40, 3), month('2024-03', 5, 0)],
  [{ date: '2024-01-05', count: 3 }],
);
const [ada2023, ada2024] = yearReviews(ada.months, ada.days, 'monday');

describe('what a share image says', () => {
  it('gives a profile its name, headline, totals, commits per month and period', () => {
    const card = profileCard(ada, 'Team Co', en);
    expect({ ...card, chart: undefined }).toEqual({
      eyebrow: 'Engineering profile',
      title: 'Ada Lovelace',
      subtitle: 'Engine analyst',
      figures: [
        { value: '1,206', label: 'commits' },
        { value: '41', label: 'features', swatch: 'features' },
        { value: '3', label: 'active months' },
        { value: '1', label: 'repository' },
      ],
      chart: undefined,
      footer: ['Team Co', 'Nov 2023 – Mar 2024'],
      alt: 'Ada Lovelace, engineering profile: 1,206 commits, 41 features, 3 active months, 1 repository.',
    });
    // The chart is the profile page's own layout: a column per month from the first to the last.
    expect(card.chart?.summary).toBe('Commits per month, Nov 2023 to Mar 2024: 1,206 commits, 41 features among them.');
  });

  it('gives a year its totals against the year before, or "first year", and its bars', () => {
    const first = yearCard(ada, ada2023!, 'Team Co', en);
    expect(first.figures).toEqual([
      { value: '1', label: 'commit', change: 'first year' },
      { value: '1', label: 'feature', change: 'first year', swatch: 'features' },
      { value: '0', label: 'bug fixes', change: 'first year', swatch: 'bugs' },
      { value: '1', label: 'active month', change: 'first year' },
    ]);
    const second = yearCard(ada, ada2024!, 'Team Co', en);
    expect(second.eyebrow).toBe('2024 in review');
    expect(second.footer).toEqual(['Team Co', '2024']);
    // Day data only from 2024 on: 2023's active days are unknown, and so is their change.
    expect(second.figures).toEqual([
      { value: '1,205', label: 'commits', change: '1,204 more than in 2023' },
      { value: '40', label: 'features', change: '39 more than in 2023', swatch: 'features' },
      { value: '3', label: 'bug fixes', change: '3 more than in 2023', swatch: 'bugs' },
      { value: '1', label: 'active day', change: 'none recorded in 2023' },
    ]);
    expect(second.alt).toBe(
      'Ada Lovelace, 2024 in review: 1,205 commits (1,204 more than in 2023), 40 features (39 more than in 2023), 3 bug fixes (3 more than in 2023), 1 active day (none recorded in 2023).',
    );
    expect(second.chart?.summary).toBe('Features and bug fixes per month in 2024: 40 features, 3 bug fixes.');
  });
});

describe('text on a share image', () => {
  it('keeps the size when the text fits, shrinks it when not, and cuts with an ellipsis at the smallest size', () => {
    const f = fonts.regular;
    expect(fitText(f, 'Ada', 400, 30, 20)).toEqual({ text: 'Ada', size: 30 });
    const shrunk = fitText(f, 'Ada Lovelace', textWidth(f, 'Ada Lovelace', 25), 30, 20);
    expect(shrunk).toEqual({ text: 'Ada Lovelace', size: 25 });
    const cut = fitText(f, 'Ada Lovelace, Countess of Lovelace', textWidth(f, 'Ada Lovelace', 20), 30, 20);
    expect(cut.size).toBe(20);
    expect(cut.text).toMatch(/^Ada Lovel?a?c?e?…$/);
    expect(textWidth(f, cut.text, 20)).toBeLessThanOrEqual(textWidth(f, 'Ada Lovelace', 20));
  });

  it('draws outlines, not text, anchored where it is asked', () => {
    const start = textSvg(fonts.bold, 'Hi', { x: 100, y: 50, size: 40, fill: '#000' });
    const end = textSvg(fonts.bold, 'Hi', { x: 100, y: 50, size: 40, fill: '#000', anchor: 'end' });
    const width = textWidth(fonts.bold, 'Hi', 40);
    expect(start.svg).toMatch(/^<g fill="#000" transform="matrix\(0\.019531 0 0 -0\.019531 100 50\)"><path /);
    expect(start.svg).not.toContain('<text');
    expect(end.box.x0 - start.box.x0).toBeCloseTo(-width, 6);
    // Ink above the baseline only, for letters without descenders.
    expect(start.box.y1).toBeLessThanOrEqual(50);
    expect(start.box.y0).toBeLessThan(50 - 20);
  });

  it('names the characters its font cannot draw', () => {
    expect(missingCharacters(fonts.regular, 'Mira Kovač, Дмитрий')).toEqual([]);
    expect(missingCharacters(fonts.regular, 'Li 李雷 李')).toEqual(['李', '雷']);
  });
});

/** Every pair of texts at least 2 px apart (their boxes grown by 1 px on each side do not meet), and every text inside the image. */
function layoutProblems(texts: readonly TextBox[]): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    if (t.x0 < 0 || t.y0 < 0 || t.x1 > SHARE_IMAGE.width || t.y1 > SHARE_IMAGE.height) problems.push(`"${t.text}" leaves the image`);
  }
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (a.x0 < b.x1 + 2 && b.x0 < a.x1 + 2 && a.y0 < b.y1 + 2 && b.y0 < a.y1 + 2) problems.push(`"${a.text}" and "${b.text}" overlap`);
    }
  });
  return problems;
}

describe('invisible characters on a share image', () => {
  const f = fonts.regular;
  it('are left out where Inter has no glyph for them (joiners, variation selectors, bidi and other controls), never drawn as boxes', () => {
    expect(drawableText(f, 'Mi\u200Dra Ko\u200Cvač\uFE0F\u00AD\u202E\u2066\u200E\u0007')).toBe('Mira Kovač');
    expect(drawableText(f, 'Ada\tLovelace\nKing\u2028Byron')).toBe('Ada Lovelace King Byron');
    // A zero-width space Inter has (an empty glyph) stays: the font shapes it.
    expect(drawableText(f, 'a\u200Bb')).toBe('a\u200Bb');
  });
  it('draw and measure as the text without them', () => {
    const at = { x: 10, y: 50, size: 40, fill: '#000' };
    expect(textSvg(f, 'Mi\u200Dra\u202E\uFE0F', at).svg).toBe(textSvg(f, 'Mira', at).svg);
    expect(textWidth(f, 'Ko\u200Cvač\u2069', 40)).toBe(textWidth(f, 'Kovač', 40));
    expect(missingCharacters(f, 'Mi\u200Dra\u202E\u0001')).toEqual([]);
  });
});

describe('a share image’s layout', () => {
  const long = buildProfileView(
    'long',
    publishedProfileSchema.parse({
      name: 'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh',
      headline: 'Principal engineer for distributed storage, consensus protocols, observability and the developer experience of all of it',
      repositories: Array.from({ length: 1234 }, (_, i) => ({ name: `r${i}`, from: '2020-01', to: '2020-02', languages: [] })),
    }),
    Array.from({ length: 60 }, (_, i) => month(`${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 987_654 + i, 123_456, 98_765)),
  );
  const cards: [string, CardContent][] = [
    ['a profile', profileCard(ada, 'Team Co', en)],
    ['a first year', yearCard(ada, ada2023!, 'Team Co', en)],
    ['a year', yearCard(ada, ada2024!, 'Team Co', en)],
    ['a long profile', profileCard(long, 'The engineering profiles of a very large organization with a long name', en)],
    ['a long year', yearCard(long, yearReviews(long.months, undefined, 'monday')[3]!, 'Team Co', en)],
    ['a profile without commits', profileCard(buildProfileView('x', publishedProfileSchema.parse({ name: 'X' }), []), 'Team Co', en)],
  ];

  it.each(cards)('keeps the texts of %s apart and inside the image', (_, card) => {
    const { svg, texts } = drawCard(fonts, card);
    expect(layoutProblems(texts)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">')).toBe(true);
    expect(svg).not.toContain('<text');
    // Nothing is drawn that the card does not say, and the name and figures are all there.
    const drawn = texts.map((t) => t.text);
    expect(drawn).toContain(card.eyebrow);
    for (const f of card.figures) expect(drawn.some((t) => t === f.value || t.endsWith('…'))).toBe(true);
  });

  it('fits a long name and headline by shrinking and then cutting them', () => {
    const drawn = drawCard(fonts, cards[3]![1]).texts.map((t) => t.text);
    expect(drawn[1]).toMatch(/^Maximiliana Wolfeschlegelsteinhausenbergerdorff.*…$/);
    expect(drawn[2]).toMatch(/^Principal engineer for distributed storage, .*…$/);
    expect(drawn).toContain('59,261,010');
  });

  it('labels the years of a long record only as far apart as they fit', () => {
    const labels = drawCard(fonts, cards[3]![1]).texts.filter((t) => /^20\d\d$/.test(t.text));
    expect(labels.map((t) => t.text)).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('has the pages’ light colours', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const root = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
    // Each colour is `light-dark(light, dark)`: the image is drawn in the light one.
    for (const [name, value] of Object.entries(SHARE_COLOURS)) expect(root, name).toContain(`--${name}: light-dark(${value}, `);
  });
});

describe('a share image as PNG', () => {
  /** The PNG's colour type (IHDR byte 9): 3 indexed, 2 RGB, 6 RGBA. */
  const colourType = (png: Buffer): number => png[25]!;
  const roundTrip = (pixels: Uint8Array, width: number, height: number): { type: number; exact: boolean } => {
    const png = encodePng(pixels, width, height);
    const decoded = PNG.sync.read(png);
    return { type: colourType(png), exact: decoded.width === width && decoded.height === height && Buffer.from(decoded.data).equals(Buffer.from(pixels)) };
  };
  it('encodes pixels that an independent decoder reads back exactly, in the smallest form that holds them', () => {
    const width = 7;
    const height = 5;
    // Not opaque: RGBA.
    const translucent = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + (i >> 2)) % 256);
    expect(roundTrip(translucent, width, height)).toEqual({ type: 6, exact: true });
    // Opaque, three colours: indexed.
    const few = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : [0x17, 0xfb, 0x52][Math.floor(i / 4) % 3]!));
    expect(roundTrip(few, width, height)).toEqual({ type: 3, exact: true });
    // Opaque, 300 colours (more than a palette holds): RGB.
    const many = new Uint8Array(300 * 4).map((_, i) => (i % 4 === 3 ? 255 : i % 4 === 0 ? Math.floor(i / 4) % 256 : Math.floor(i / 1024)));
    expect(roundTrip(many, 30, 10)).toEqual({ type: 2, exact: true });
    // Exactly 256 colours still fit a palette; an unaligned view of the pixels encodes the same.
    const full = new Uint8Array(256 * 4).map((_, i) => (i % 4 === 3 ? 255 : i % 4 === 1 ? Math.floor(i / 4) : 7));
    expect(roundTrip(full, 16, 16)).toEqual({ type: 3, exact: true });
    const shifted = new Uint8Array(full.length + 1);
    shifted.set(full, 1);
    expect(encodePng(shifted.subarray(1), 16, 16).equals(encodePng(full, 16, 16))).toBe(true);
    // A Buffer view at an odd offset too (Buffer's slice() is a view, not a copy).
    const pooled = Buffer.alloc(full.length + 3);
    pooled.set(full, 3);
    expect(encodePng(pooled.subarray(3), 16, 16).equals(encodePng(full, 16, 16))).toBe(true);
    expect(() => encodePng(translucent.subarray(4), width, height)).toThrow('expected 140 bytes of pixels, found 136');
  });

  it('renders 1200 × 630, opaque, the same bytes every time', async () => {
    const svg = drawCard(fonts, profileCard(ada, 'Team Co', en)).svg;
    const png = await svgToPng(svg, files.wasm);
    expect((await svgToPng(svg, files.wasm)).equals(png)).toBe(true);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height, colourType(png)]).toEqual([1200, 630, 3]);
    let opaque = true;
    for (let i = 3; i < decoded.data.length; i += 4) if (decoded.data[i] !== 255) opaque = false;
    expect(opaque).toBe(true);
    // The accent stripe along the top, in the accent colour.
    expect([...decoded.data.subarray(0, 3)]).toEqual([0x17, 0x65, 0x4f]);
  });
});
