// A real build for GitHub Pages (SITE and BASE_PATH set): sitemap, canonical and Open Graph meta, the
// 404 page, and the machine-readable exports checked against their own schema and formats.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, editHtml, type Element } from '../../src/lib/offline/html.ts';
import { listFiles } from '../../src/lib/offline/site.ts';
import { builtSite } from '../support/fixtures.ts';
import { BASE_PATH_BUILD } from '../support/site-pages.ts';

const SITE = BASE_PATH_BUILD.site;
const BASE = BASE_PATH_BUILD.base;

function elements(html: string): Element[] {
  const out: Element[] = [];
  editHtml(html, (el) => out.push(el));
  return out;
}

let dir: string;
let pages: string[];
let slugs: string[];
beforeAll(async () => {
  dir = await builtSite(BASE_PATH_BUILD);
  pages = listFiles(dir).filter((f) => f.endsWith('.html'));
  slugs = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'profile.json')));
});

const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
const pageUrl = (file: string): string => SITE + BASE + file.replace(/(^|\/)index\.html$/, '$1');

describe('published site', () => {
  it('has profiles to check', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  it('gives every page a canonical URL, og:url and description, and lists them in the sitemap', () => {
    const parser = new XMLParser();
    const index = parser.parse(read('sitemap-index.xml'));
    const sitemaps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
    expect(sitemaps.every((loc: string) => loc.startsWith(SITE + BASE))).toBe(true);
    const listed = sitemaps.flatMap((loc: string) =>
      [parser.parse(read(loc.slice((SITE + BASE).length))).urlset.url].flat().map((u: { loc: string }) => u.loc),
    );
    for (const file of pages.filter((f) => f !== '404.html')) {
      const els = elements(read(file));
      const canonical = els.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical');
      const meta = (p: string): string | undefined =>
        attr(els.find((e) => e.tagName === 'meta' && (attr(e, 'property') === p || attr(e, 'name') === p)) ?? ({ attrs: [] } as unknown as Element), 'content');
      expect(attr(canonical!, 'href'), file).toBe(pageUrl(file));
      expect(meta('og:url'), file).toBe(pageUrl(file));
      expect(meta('description'), file).toBeTruthy();
      expect(meta('og:title'), file).toBeTruthy();
      expect(listed, file).toContain(pageUrl(file));
    }
  });

  it('has a 404 page that links home under the base path', () => {
    const els = elements(read('404.html'));
    expect(els.some((e) => e.tagName === 'h1')).toBe(true);
    expect(els.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toContain(BASE);
  });

  it('ships profile.json files that validate against the shipped JSON Schema', () => {
    const schema = JSON.parse(read('profile.schema.json'));
    expect(schema.$id).toBe(`${SITE}${BASE}profile.schema.json`);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const slug of slugs) {
      const doc = JSON.parse(read(`${slug}/profile.json`));
      expect(validate(doc), `${slug}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(doc.$schema).toBe(schema.$id);
      expect(doc.url).toBe(`${SITE}${BASE}${slug}/`);
      for (const m of doc.months) expect(existsSync(join(dir, slug, m.month, 'index.html')), m.url).toBe(true);
    }
  });

  it('ships an Atom feed per profile listing every month with absolute links', () => {
    for (const slug of slugs) {
      const doc = JSON.parse(read(`${slug}/profile.json`));
      const feed = new XMLParser({ ignoreAttributes: false }).parse(read(`${slug}/feed.xml`)).feed;
      const entries = [feed.entry ?? []].flat();
      expect(entries.map((e: { link: { '@_href': string } }) => e.link['@_href'])).toEqual(
        doc.months.map((m: { month: string }) => `${SITE}${BASE}${slug}/${m.month}/`),
      );
    }
  });

  it('ships a JSON Resume per profile', () => {
    for (const slug of slugs) {
      const doc = JSON.parse(read(`${slug}/profile.json`));
      const resume = JSON.parse(read(`${slug}/resume.json`));
      expect(resume.basics.name).toBe(doc.profile.name);
      expect(resume.basics.url).toBe(`${SITE}${BASE}${slug}/`);
      expect(Array.isArray(resume.work)).toBe(true);
      if (doc.months.length) expect(resume.work[0].startDate).toBe(doc.stats.firstMonth);
    }
  });

  it('puts schema.org Person JSON-LD in each profile page head', () => {
    for (const slug of slugs) {
      const els = elements(read(`${slug}/index.html`));
      const script = els.find((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
      expect(script, `${slug}/index.html has no JSON-LD`).toBeDefined();
      const text = (script!.childNodes[0] as { value?: string } | undefined)?.value ?? '';
      const ld = JSON.parse(text);
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Person', url: `${SITE}${BASE}${slug}/` });
      expect((script!.parentNode as Element).tagName).toBe('head');
    }
  });
});
