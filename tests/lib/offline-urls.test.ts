import { describe, expect, it } from 'vitest';
import { mapSrcset, parseSrcset, relativizeUrl, siteTarget } from '../../src/lib/offline/urls.ts';
import { mapCssUrls } from '../../src/lib/offline/css.ts';

describe('relativizeUrl', () => {
  const base = '/engfolio-test/';
  it('turns base-absolute directory links into relative index.html links', () => {
    expect(relativizeUrl('/engfolio-test/', 'index.html', base)).toBe('index.html');
    expect(relativizeUrl('/engfolio-test/mira/', 'index.html', base)).toBe('mira/index.html');
    expect(relativizeUrl('/engfolio-test/', 'mira/2025-06/index.html', base)).toBe('../../index.html');
    expect(relativizeUrl('/engfolio-test/mira/2024-03/', 'mira/2025-06/index.html', base)).toBe('../2024-03/index.html');
  });
  it('keeps fragments and queries, and links to the same page by file name', () => {
    expect(relativizeUrl('/engfolio-test/mira/#2025-06', 'mira/2025-06/index.html', base)).toBe('../index.html#2025-06');
    expect(relativizeUrl('/engfolio-test/mira/#x', 'mira/index.html', base)).toBe('index.html#x');
    expect(relativizeUrl('/engfolio-test/a.css?v=1', 'mira/index.html', base)).toBe('../a.css?v=1');
  });
  it('leaves external URLs, other schemes and bare fragments alone', () => {
    for (const url of ['https://x.org/a/', 'http://x.org', '//cdn.example/x.js', 'mailto:a@b.c', 'data:image/png;base64,AA', '#main', '']) {
      expect(relativizeUrl(url, 'mira/index.html', base)).toBe(url);
    }
  });
  it('resolves already relative URLs and root URLs outside the base', () => {
    expect(relativizeUrl('../', 'mira/2025-06/index.html', base)).toBe('../index.html');
    expect(relativizeUrl('activity.svg', 'mira/index.html', base)).toBe('activity.svg');
    expect(relativizeUrl('/favicon.svg', 'mira/index.html', base)).toBe('../favicon.svg');
    expect(relativizeUrl('/engfolio-test', 'mira/index.html', base)).toBe('../index.html');
  });
  it('works for a root site', () => {
    expect(relativizeUrl('/mira/feed.xml', 'mira/2025-06/index.html', '/')).toBe('../feed.xml');
  });
  it('names the file and fragment a URL points to', () => {
    expect(siteTarget('/engfolio-test/m%C3%BC/#a%20b', 'index.html', base)).toEqual({ file: 'm%C3%BC/index.html', suffix: '#a%20b', fragment: 'a b' });
  });
});

describe('srcset', () => {
  it('parses candidates with descriptors and commas inside URLs', () => {
    expect(parseSrcset('/a.png 1x, /b,c.png 2x,/d.png')).toEqual([
      { url: '/a.png', descriptor: '1x' },
      { url: '/b,c.png', descriptor: '2x' },
      { url: '/d.png', descriptor: '' },
    ]);
  });
  it('maps every candidate URL', () => {
    expect(mapSrcset('/x/a.png 300w, /x/b.png 600w', (u) => relativizeUrl(u, 'p/index.html', '/x/'))).toBe('../a.png 300w, ../b.png 600w');
  });
});

describe('mapCssUrls', () => {
  const rel = (u: string): string => relativizeUrl(u, 'p/index.html', '/x/');
  it('rewrites url() in every spelling and @import, and nothing else', () => {
    const css = `/* url(/x/no.png) */ a{background:url(/x/a.png)} b{background:url( "/x/b c.png" )} @import '/x/i.css'; c{mask:url(#m);color:red}`;
    expect(mapCssUrls(css, rel)).toBe(
      `/* url(/x/no.png) */ a{background:url("../a.png")} b{background:url("../b%20c.png")} @import "../i.css"; c{mask:url(#m);color:red}`,
    );
  });
  it('returns the same text when there is nothing to change', () => {
    const css = ':root{--a:1}body{color:red}';
    expect(mapCssUrls(css, rel)).toBe(css);
  });
  it('handles declaration lists (style attributes)', () => {
    expect(mapCssUrls('background-image: url(/x/a.png); color: red', rel, 'declarationList')).toBe('background-image: url("../a.png"); color: red');
  });
});
