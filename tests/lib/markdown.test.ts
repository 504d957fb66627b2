// renderMarkdown on hostile input: nothing executable survives (checked with a real HTML parser),
// the text stays readable, and external links get rel="noopener noreferrer".
import { describe, expect, it } from 'vitest';
import { isSafeUrl, MARKDOWN_LIMITS, markdownOverLimit, renderMarkdown } from '../../src/lib/markdown.ts';
import { markdownToPlainText } from '../../src/lib/formats/plain-text.ts';
import { editHtml } from '../../src/lib/offline/html.ts';
import { MARKDOWN_ONLY, PAYLOADS } from '../fixtures/xss/payloads.ts';
import { hazardsIn } from '../fixtures/xss/hazards.ts';

describe('renderMarkdown with the XSS corpus', () => {
  it('has a corpus of at least 30 payloads', () => expect(PAYLOADS.length + MARKDOWN_ONLY.length).toBeGreaterThanOrEqual(30));

  for (const payload of [...PAYLOADS, ...MARKDOWN_ONLY]) {
    it(`neutralizes ${JSON.stringify(payload).slice(0, 70)}`, () => {
      for (const markdown of [payload, `Text before ${payload} text after`, `- ${payload}`, `> ${payload}`, `**${payload}**`]) {
        expect(hazardsIn(renderMarkdown(markdown)), markdown).toEqual([]);
      }
    });
  }

  it('neutralizes the whole corpus as one document', () => {
    expect(hazardsIn(renderMarkdown([...PAYLOADS, ...MARKDOWN_ONLY].join('\n\n')))).toEqual([]);
  });

  it('shows raw HTML as literal text instead of dropping it', () => {
    const html = renderMarkdown('Before <script>alert(1)</script> after');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps the text of a link whose URL is unsafe', () => {
    const html = renderMarkdown('[click me](javascript:alert(1))');
    expect(html).toContain('click me');
    expect(html).not.toContain('href');
  });

  it('keeps safe links and marks external ones noopener noreferrer', () => {
    const html = renderMarkdown('[a](https://example.org/x) [b](/local/) [c](mailto:a@example.org) [d](#top)');
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="/local/">b</a>');
    expect(html).toContain('<a href="mailto:a@example.org">c</a>');
    expect(hazardsIn(html)).toEqual([]);
  });
});

describe('protocol-relative links', () => {
  // `//host/x` leaves the site like an https link, so it gets the same rel.
  it('get rel="noopener noreferrer" like other external links', () => {
    expect(renderMarkdown('[x](//evil.example/48)')).toContain('rel="noopener noreferrer"');
  });
});

describe('isSafeUrl', () => {
  it.each(['https://a.example', 'http://a.example', 'mailto:x@y.z', '/p/', './x', '../x', 'x.html', '#f', '?q=1'])('accepts %s', (url) =>
    expect(isSafeUrl(url)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:x',
    'java\tscript:x',
    ' javascript:x',
    '\u0000javascript:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
  ])('refuses %j', (url) => expect(isSafeUrl(url)).toBe(false));
});

describe('site-relative URLs', () => {
  const urls = { base: '/repo/', pageDir: '/repo/tejun-heo/' };
  it('resolve against the profile folder and the base path, so one narrative works on every page', () => {
    const html = renderMarkdown('[a](./notes.html) [b](../mira/#2024-03) [c](/other/) [d](#top) [e](notes/x.md)\n', urls);
    expect(html).toContain('href="/repo/tejun-heo/notes.html"');
    expect(html).toContain('href="/repo/mira/#2024-03"');
    expect(html).toContain('href="/repo/other/"');
    expect(html).toContain('href="#top"');
    expect(html).toContain('href="/repo/tejun-heo/notes/x.md"');
  });
  it('turn images from other sites into links (the CSP admits only the site’s own images)', () => {
    const html = renderMarkdown('![Diagram](https://example.org/d.png) ![](https://example.org/e.png) ![local](./x.png)\n', urls);
    expect(html).toContain('<a href="https://example.org/d.png" rel="noopener noreferrer">Diagram (image)</a>');
    expect(html).toContain('<a href="https://example.org/e.png" rel="noopener noreferrer">https://example.org/e.png</a>');
    expect(html).toContain('<img src="/repo/tejun-heo/x.png" alt="local">');
    expect(html).not.toMatch(/<img[^>]+https:/);
  });
});

describe('reference-style links and images', () => {
  const urls = { base: '/repo/', pageDir: '/repo/tejun-heo/' };
  it('judge a reference by its definition, wherever the definition is', () => {
    const html = renderMarkdown(
      '[out][ext] [in][local] ![pic][ext] ![own][img]\n\n[ext]: https://example.org/p.png\n[local]: ../mira/\n[img]: ./x.png\n',
      urls,
    );
    expect(html).toContain('<a href="https://example.org/p.png" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/repo/mira/">in</a>');
    expect(html).toContain('<a href="https://example.org/p.png" rel="noopener noreferrer">pic (image)</a>');
    expect(html).toContain('<img src="/repo/tejun-heo/x.png" alt="own">');
    expect(html).not.toMatch(/<img[^>]+https:/);
  });
  it('show an image whose definition is unsafe as its alt text, and use the first of two definitions', () => {
    expect(renderMarkdown('![shot][x]\n\n[x]: javascript:alert(1)\n')).toBe('<p>shot</p>\n');
    expect(renderMarkdown('[a][d]\n\n[d]: /first/\n[d]: https://example.org/\n', urls)).toContain('<a href="/repo/first/">a</a>');
  });
});

describe('markdownOverLimit', () => {
  const quotes = (n: number) => `${'>'.repeat(n)} deep`;
  it('passes ordinary Markdown (and a thematic break of any length: no nesting)', () => {
    for (const md of ['', 'Plain *text* with [a link](x) and &amp;.', '- a\n  - b\n    - c\n', '-'.repeat(50_000), quotes(99)])
      expect(markdownOverLimit(md)).toBeUndefined();
  });
  it('measures depth (nodes with children below the root) and the line it passes the limit on', () => {
    expect(markdownOverLimit(`a\n\n${quotes(100)}`)).toEqual({ limit: 'depth', found: 101, line: 3, exact: true });
    expect(markdownOverLimit(`${'- '.repeat(5000)}x`)).toEqual({ limit: 'depth', found: 10_001, line: 1, exact: true });
    // 60 lists and their items, a paragraph in the last: the paragraph of item 50 is level 101.
    expect(markdownOverLimit(Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'))).toEqual({
      limit: 'depth',
      found: 121,
      line: 50,
      exact: true,
    });
    expect(markdownOverLimit(`${'*'.repeat(300)}a${'*'.repeat(300)}`)).toEqual({ limit: 'depth', found: 151, line: 1, exact: true });
  });
  it('refuses a line too deep to parse with an upper bound, unparsed', () => {
    expect(markdownOverLimit(`x\n${quotes(30_000)}`)).toEqual({ limit: 'depth', found: 30_001, line: 2, exact: false });
  });
  it('counts character references, named or numeric, and gives the line of the first one too many', () => {
    const refs = '&amp;'.repeat(5000) + '\n' + '&#x61;&#97;'.repeat(2500) + '\nlast &copy;';
    expect(markdownOverLimit(refs)).toEqual({ limit: 'characterReferences', found: 10_001, line: 3, exact: true });
    expect(markdownOverLimit('&amp;'.repeat(MARKDOWN_LIMITS.characterReferences))).toBeUndefined();
  });
  it('measures size in UTF-8 bytes', () => {
    const within = 'é'.repeat(MARKDOWN_LIMITS.bytes / 2);
    expect(markdownOverLimit(within)).toBeUndefined();
    // The byte past the limit is the line break that ends line 1.
    expect(markdownOverLimit(`${within}\né`)).toEqual({ limit: 'bytes', found: MARKDOWN_LIMITS.bytes + 3, line: 1, exact: true });
    expect(markdownOverLimit(`${within}é`)).toEqual({ limit: 'bytes', found: MARKDOWN_LIMITS.bytes + 2, line: 1, exact: true });
  });
  it('admits only what every walk of a narrative takes: the renderer, the plain text of resume.json and the offline copy', () => {
    const deepest = `${'> - '.repeat(33)}x`;
    expect(markdownOverLimit(deepest)).toBeUndefined();
    expect(markdownToPlainText(deepest)).toBe('x');
    const html = renderMarkdown(deepest);
    expect(html.match(/<blockquote>/g)?.length).toBe(33);
    expect(() => editHtml(`<html><head></head><body>${html}</body></html>`, () => {})).not.toThrow();
  });
});

describe('HTML comments', () => {
  it('are notes to whoever edits the file, on no page; other raw HTML stays text', () => {
    expect(renderMarkdown('Shipped it.\n\n<!-- A draft generated from git history: edit it freely. -->\n')).toBe('<p>Shipped it.</p>\n');
    expect(renderMarkdown('Before <!-- inline --> after.')).toBe('<p>Before  after.</p>\n');
    // A comment next to markup is not only a comment: the whole is shown as text, as raw HTML always is.
    expect(renderMarkdown('<!-- a --> <b>x</b> <!-- c -->')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
