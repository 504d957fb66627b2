// Sites in other languages, built for real: a German build has none of engfolio's English words on
// any page or in any feed, SVG or resume.json; an Arabic build's pages are right-to-left; a profile's
// own `locale` gives its pages that language on an English site; each page says its language.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { CATALOGUES } from '../../src/lib/i18n/messages/index.ts';
import { builtSite } from '../support/fixtures.ts';
import { PROJECT_ROOT } from '../support/test-site.ts';

/** Every file of a build under `dir`, by path. */
function files(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), root) : [relative(root, join(dir, e.name))]));
}

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** A page's text and attribute values, leaving out the content as written (narratives, summaries, names). */
function engfolioText(html: string): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.attrs?.some((a) => a.name === 'class' && /\bprose\b/.test(a.value))) return;
    if (n.nodeName === '#text') out.push(n.value ?? '');
    for (const a of n.attrs ?? []) if (['aria-label', 'title', 'alt', 'content'].includes(a.name)) out.push(a.value);
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse(html) as unknown as Node);
  return out.join('\n');
}

/** The literal pieces of English messages (around their placeholders) that German says otherwise and that could not be content. */
function englishPieces(): string[] {
  const de = CATALOGUES.de!;
  const germanText = Object.values(de)
    .flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)))
    .join('\n');
  const pieces = new Set<string>();
  for (const [key, message] of Object.entries(CATALOGUES.en!)) {
    if (key.startsWith('methodology.')) continue;
    for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
      for (const piece of text.split(/\{\w+\}/)) {
        const p = piece.trim().replace(/^[,.:;()·•—–-]+\s*|\s*[,.:;()·•—–-]+$/g, '');
        // Two words at least: single words ("Feed", "JSON") may be the same in German.
        if (/\p{L}{2,}\s+\p{L}{2,}/u.test(p) && !germanText.includes(p)) pieces.add(p);
      }
    }
  }
  return [...pieces];
}

describe('a German site', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await builtSite({ engfolio: { locale: 'de' } });
  });
  it('has no English words of engfolio’s on any page, feed, SVG or resume.json', () => {
    const pieces = englishPieces();
    expect(pieces.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files(dir).filter((f) => /\.(html|xml|svg|json)$/.test(f) && !f.endsWith('profile.schema.json') && !f.endsWith('profile.json'))) {
      const raw = readFileSync(join(dir, file), 'utf8');
      // The narratives (the feed's entry contents, the pages' prose) are content, written in English here.
      const text = file.endsWith('.html') ? engfolioText(raw) : raw.replace(/<content[^>]*>[\s\S]*?<\/content>/g, '');
      for (const p of pieces) if (text.includes(p)) found.push(`${file}: "${p}"`);
    }
    expect(found).toEqual([]);
  });
  it('says its language and formats its dates and numbers in German', () => {
    const html = readFileSync(join(dir, 'mira-kovac', 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="de" dir="ltr">/);
    expect(html).toContain('Juni 2025');
    expect(readFileSync(join(dir, 'mira-kovac', 'feed.xml'), 'utf8')).toContain('xml:lang="de"');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/<html lang="de"/);
  });
});

describe('an Arabic site', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await builtSite({ engfolio: { locale: 'ar' } });
  });
  it('is right-to-left on every page, with the charts’ time axis left to right', () => {
    const pages = files(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const f of pages) expect(readFileSync(join(dir, f), 'utf8'), f).toMatch(/<html lang="ar" dir="rtl">/);
    const html = readFileSync(join(dir, 'mira-kovac', 'index.html'), 'utf8');
    expect(html).toContain(CATALOGUES.ar!['section.activity'] as string);
  });
});

describe('a profile in its own language on an English site', () => {
  it('gets its locale on its pages only', async () => {
    const dir = await builtSite({ engfolio: { locale: 'en' }, content: join(PROJECT_ROOT, 'tests', 'fixtures', 'locale-content') });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/<html lang="en" dir="ltr">/);
    const page = readFileSync(join(dir, 'erika-muster', 'index.html'), 'utf8');
    expect(page).toMatch(/<html lang="de" dir="ltr">/);
    expect(page).toContain(CATALOGUES.de!['stats.title'] as string);
    expect(readFileSync(join(dir, 'erika-muster', '2025-03', 'index.html'), 'utf8')).toContain('März 2025');
  });
});
