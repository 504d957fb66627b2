import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/export/parse-export.ts';
import { exportToContent } from '../../src/lib/export/export-to-content.ts';
import { parseFrontmatter, isFrontmatterFailure } from '../../src/lib/frontmatter.ts';
import { profileSchema } from '../../src/lib/content-schema.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';

const SEED = 'seeds/000_44ad1382dda3814e.txt';
const parsed = parseExport(readFileSync(SEED, 'utf8'), SEED);
if (!parsed.ok) throw new Error('seed does not parse');

/** Visible text of HTML: tags dropped, entities decoded, whitespace collapsed. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('exportToContent', () => {
  it('maps the seed to a valid profile with labelled quality, declared totals and the network organization', () => {
    const c = exportToContent(parsed.profile, parsed.qualityLabels, SEED);
    expect(c.problems).toEqual([]);
    expect(c.slug).toBe('tejun-heo');
    expect(c.files.map((f) => f.path)).toEqual(['profiles/tejun-heo.md', ...parsed.profile.months!.map((m) => `months/tejun-heo/${m.month}.md`).reverse()]);
    const fm = parseFrontmatter(c.files[0]!.text);
    if (isFrontmatterFailure(fm)) throw new Error(fm.message);
    const data = profileSchema.parse(fm.data);
    expect(data.totals).toEqual({ commits: 270, features: 75, bugs: 32, linesOfCode: 2731346 });
    expect(data.quality).toEqual({ Correctness: 91.6, Maintainability: 89.4, Architecture: 89.2, Performance: 86.4, 'AI Usage': 24.2 });
    expect(data.organization).toBe('@kernel.org');
    expect(data.headline).toBeUndefined();
    expect(data.source).toBe('export');
    expect(data.network?.members).toHaveLength(9);
    expect(fm.body.trim()).toBe(parsed.profile.summary);
  });

  it('is deterministic', () => {
    const a = exportToContent(parsed.profile, parsed.qualityLabels, SEED).files;
    const b = exportToContent(structuredClone(parsed.profile), { ...parsed.qualityLabels }, SEED).files;
    expect(b).toEqual(a);
  });

  it('keeps Markdown-significant characters in a narrative literal', () => {
    const narrative = '# not a heading *not emphasis* [not](a link) <b>not bold</b> _x_ `y`\n\n* not a list\n\n1. not a list either\n\n> not a quote';
    const profile = { name: 'Ada', months: [{ month: '2020-01', commits: 2, features: 1, summary: narrative }] };
    const c = exportToContent(profile, {}, 'x.txt');
    const fm = parseFrontmatter(c.files[1]!.text);
    if (isFrontmatterFailure(fm)) throw new Error(fm.message);
    const html = renderMarkdown(fm.body);
    expect(html).not.toMatch(/<(h1|em|strong|a|b|ul|ol|li|blockquote|code)\b/);
    expect(visible(html)).toBe(narrative.replace(/\s+/g, ' '));
  });

  it('reports data the content model rejects instead of producing it', () => {
    const c = exportToContent({ name: 'Ada', quality: { x: 140 } }, { x: 'X' }, 'x.txt');
    expect(c.problems[0]).toMatchObject({ severity: 'error', file: 'x.txt', field: 'profile.quality.X' });
  });
});
