// renderMarkdown on hostile input: nothing executable survives (checked with a real HTML parser),
// the text stays readable, and external links get rel="noopener noreferrer".
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../src/lib/markdown.ts';
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
  it.each(['javascript:alert(1)', 'JaVaScRiPt:x', 'java\tscript:x', ' javascript:x', '\u0000javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd'])(
    'refuses %j',
    (url) => expect(isSafeUrl(url)).toBe(false),
  );
});
