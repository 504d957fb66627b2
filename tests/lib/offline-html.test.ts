import { describe, expect, it } from 'vitest';
import { cspHash, mapHtmlUrls, styleTexts } from '../../src/lib/offline/html.ts';
import { relativizeUrl } from '../../src/lib/offline/urls.ts';
import { singleFilePage } from '../../src/lib/offline/single-file.ts';

const base = '/x/';
const rel =
  (page: string) =>
  (u: string): string =>
    relativizeUrl(u, page, base);

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

describe('mapHtmlUrls', () => {
  it('rewrites links, assets, srcset and SVG hrefs, and leaves absolute meta and canonical alone', () => {
    const html = page(
      '<link rel="canonical" href="https://e.org/x/p/"><meta property="og:url" content="https://e.org/x/p/"><meta property="og:image" content="/x/og.png"><link rel="icon" href="/x/favicon.svg">',
      '<a href="/x/">Home</a><a href="/x/p/2025-01/#top" data-k>M</a><a href="https://e.org/">E</a><a href="#main">S</a>' +
        '<img src="/x/p/a.svg" srcset="/x/p/a.svg 1x, /x/p/b.svg 2x" alt="">' +
        '<svg><a href="/x/p/2025-01/"><use xlink:href="/x/sprite.svg#i"/></a><image href="/x/p/a.svg"/></svg>' +
        '<div style="background:url(/x/bg.png)"></div>',
    );
    const out = mapHtmlUrls(html, rel('p/index.html'));
    expect(out).toContain('<link rel="canonical" href="https://e.org/x/p/">');
    expect(out).toContain('<meta property="og:url" content="https://e.org/x/p/">');
    expect(out).toContain('<meta property="og:image" content="/x/og.png">');
    expect(out).toContain('<link rel="icon" href="../favicon.svg">');
    expect(out).toContain('<a href="../index.html">Home</a><a href="2025-01/index.html#top" data-k>M</a><a href="https://e.org/">E</a><a href="#main">S</a>');
    expect(out).toContain('<img src="a.svg" srcset="a.svg 1x, b.svg 2x" alt="">');
    expect(out).toContain('<svg><a href="2025-01/index.html"><use xlink:href="../sprite.svg#i"/></a><image href="a.svg"/></svg>');
    expect(out).toContain('<div style="background:url(&quot;../bg.png&quot;)"></div>');
  });

  it('escapes rewritten attribute values and keeps entity-encoded input meaning the same', () => {
    const out = mapHtmlUrls(page('', '<a href="/x/a/?q=1&amp;r=&quot;2&quot;">A</a>'), rel('index.html'));
    expect(out).toContain('<a href="a/index.html?q=1&amp;r=&quot;2&quot;">A</a>');
  });

  it('keeps the Content-Security-Policy hashes in step with a rewritten <style>', () => {
    const untouched = 'body{color:red}';
    const before = '.h{background:url(/x/h.png)}';
    const after = '.h{background:url("h.png")}';
    const csp = `script-src 'self'; style-src 'self' ${cspHash(untouched)} ${cspHash(before)};`;
    const html = page(`<meta http-equiv="content-security-policy" content="${csp}"><style>${untouched}</style><style>${before}</style>`, '');
    const out = mapHtmlUrls(html, rel('index.html'));
    expect(styleTexts(out)).toEqual([untouched, after]);
    expect(out).toContain(`content="script-src 'self'; style-src 'self' ${cspHash(untouched)} ${cspHash(after)};"`);
    expect(out).not.toContain(cspHash(before));
  });

  it('changes nothing but URLs: a page without site URLs comes back byte-for-byte', () => {
    const html = page(
      `<style>a{color:red}</style><script type="application/ld+json">{"a":"<\\u002fscript>"}</script>`,
      '<p class=x data-y>T &amp; U</p><a href="https://e.org">E</a>',
    );
    expect(mapHtmlUrls(html, rel('index.html'))).toBe(html);
  });

  it('rewrites the URLs of a standalone SVG document without touching its XML', () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="/x/p/2025-01/"><rect width="1" height="1"/></a></svg>';
    expect(mapHtmlUrls(svg, rel('p/activity.svg'))).toBe(svg.replace('/x/p/2025-01/', '2025-01/index.html'));
  });
});

describe('singleFilePage', () => {
  const files: Record<string, string> = {
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'p/activity.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    'site.css': 'body{background:url(/x/bg.png)}',
    'bg.png': 'PNG',
  };
  const readFile = (f: string): Uint8Array | undefined => (f in files ? Buffer.from(files[f]!) : undefined);
  const style = 'main{color:red}';
  const html = page(
    `<meta http-equiv="content-security-policy" content="style-src 'self' ${cspHash(style)};"><link rel="icon" href="/x/favicon.svg"><link rel="stylesheet" href="/x/site.css"><link rel="alternate" type="application/atom+xml" href="/x/p/feed.xml"><style>${style}</style>`,
    '<a href="/x/">Home</a><a href="/x/p/#skills">Skills</a><a href="/x/p/2025-01/">Jan</a><a href="/x/p/2024-01/">Old</a><a href="https://e.org/">E</a><a href="/x/p/profile.json">JSON</a>' +
      '<li id="2025-01"></li><img src="/x/p/activity.svg" alt="Activity">',
  );

  it('inlines stylesheets and images, anchors shown months, and drops links it cannot resolve without a site URL', () => {
    const out = singleFilePage(html, { pageFile: 'p/index.html', base, readFile });
    expect(out).not.toMatch(/(?:href|src)="\/x\//);
    expect(out).toContain(`<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(files['favicon.svg']!).toString('base64')}">`);
    const inlined = `body{background:url("data:image/png;base64,${Buffer.from('PNG').toString('base64')}")}`;
    expect(styleTexts(out)).toEqual([inlined, style]);
    expect(out).toContain(`style-src 'self' ${cspHash(style)} ${cspHash(inlined)};`);
    expect(out).not.toContain('application/atom+xml');
    expect(out).toContain('<a>Home</a><a href="#skills">Skills</a><a href="#2025-01">Jan</a><a>Old</a><a href="https://e.org/">E</a><li');
    expect(out).not.toContain('JSON');
    expect(out).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from(files['p/activity.svg']!).toString('base64')}" alt="Activity">`);
  });

  it('links to the published site when its URL is known from the canonical link', () => {
    const withCanonical = html.replace('<meta charset="utf-8">', '<meta charset="utf-8"><link rel="canonical" href="https://e.org/x/p/">');
    const out = singleFilePage(withCanonical, { pageFile: 'p/index.html', base, readFile });
    expect(out).toContain('<a href="https://e.org/x/">Home</a>');
    expect(out).toContain('<a href="https://e.org/x/p/2024-01/">Old</a>');
    expect(out).toContain('href="https://e.org/x/p/feed.xml"');
  });

  it('refuses pages with external scripts', () => {
    expect(() => singleFilePage(page('<script type="module" src="/x/a.js"></script>', ''), { pageFile: 'p/index.html', base, readFile })).toThrow(/script src/);
  });
});
