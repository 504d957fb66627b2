// The pages' Content-Security-Policy blocks inline style="" attributes: the build names the pages that have one.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, pagesWithInlineStyles } from '../../src/lib/csp.ts';

describe('pagesWithInlineStyles', () => {
  it('finds a style attribute in any tag, and not a text that mentions one', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
    const pages: [string, string][] = [
      ['/a/', '<h1 style="color:red">A</h1>'],
      ['/b/', '<p>Write style="color:red" in a tag to be blocked.</p><code>&lt;p style="x"&gt;</code>'],
      ['/c/', '<svg><rect width="1" STYLE = "fill:red"/></svg>'],
      ['/d/', '<div data-style="x" class="style"><p>style</p></div>'],
      ['/e/', '<img alt="x" src="/y.png"\n  style=\'width:1px\'>'],
    ];
    expect(pagesWithInlineStyles(pages)).toEqual(['/a/', '/c/', '/e/']);
  });
});
