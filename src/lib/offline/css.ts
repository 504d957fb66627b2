// Rewrites the URLs inside CSS (`url(...)`, `@import "..."`) by editing only those spans of the text,
// so everything else in a stylesheet stays byte-for-byte as the build wrote it.
import { parse, walk, type CssNode } from 'css-tree';

export type CssContext = 'stylesheet' | 'declarationList';

interface Edit {
  start: number;
  end: number;
  text: string;
}

function cssString(value: string): string {
  return `"${value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}"`;
}

/** Returns `css` with every `url()` and `@import` string passed through `map` (unchanged text when nothing changes). */
export function mapCssUrls(css: string, map: (url: string) => string, context: CssContext = 'stylesheet'): string {
  if (!/url\(|@import/i.test(css)) return css;
  const ast = parse(css, { positions: true, context });
  const edits: Edit[] = [];
  walk(ast, function (this: { atrule: { name: string } | null }, node: CssNode) {
    const inImport = this.atrule?.name.toLowerCase() === 'import';
    if (node.type === 'Url' || (node.type === 'String' && inImport)) {
      if (!node.loc) return;
      const next = map(node.value);
      if (next === node.value) return;
      const text = node.type === 'Url' ? `url(${cssString(next)})` : cssString(next);
      edits.push({ start: node.loc.start.offset, end: node.loc.end.offset, text });
    }
  });
  edits.sort((a, b) => b.start - a.start);
  let out = css;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
