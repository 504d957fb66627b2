// A 1 MB narrative is valid content: it loads, renders, and does not balloon memory.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContent } from '../../src/lib/content-read.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';

/** About 1 MB of varied Markdown: paragraphs, lists, emphasis, links, several scripts. */
function bigNarrative(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 3 === 0
        ? `## Week ${i}\n\nShipped **change ${i}** in [forge](https://example.org/${i}); 修复了缓存 — Исправлено <b>${i}</b>.\n\n`
        : `- item ${i} with \`code_${i}\` and _emphasis_\n- second line ${i}\n\n`;
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  return parts.join('');
}

describe('a 1 MB narrative', () => {
  it('loads without problems and renders to HTML in reasonable memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engfolio-large-'));
    try {
      mkdirSync(join(dir, 'profiles'));
      mkdirSync(join(dir, 'months', 'big'), { recursive: true });
      writeFileSync(join(dir, 'profiles', 'big.md'), '---\nname: Big\n---\n');
      const narrative = bigNarrative(1024 * 1024);
      writeFileSync(join(dir, 'months', 'big', '2024-01.md'), `---\ncommits: 1\nfeatures: 0\n---\n\n${narrative}`);
      const heapBefore = process.memoryUsage().heapUsed;
      const model = readContent(dir, dir);
      expect(model.problems).toEqual([]);
      expect(Buffer.byteLength(model.months[0]!.narrative)).toBeGreaterThanOrEqual(1024 * 1024);
      const html = renderMarkdown(model.months[0]!.narrative);
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      expect(html).toContain('<h2>Week 0</h2>');
      expect(html).toContain('修复了缓存 — Исправлено &lt;b&gt;');
      expect(html).not.toContain('<b>');
      // Input + output are a few MB; allow generous slack but catch anything quadratic-sized.
      expect(heapGrowth).toBeLessThan(200 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
