// Markdown reduced to plain text, for formats whose fields are plain strings (JSON Resume, JSON-LD).
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, Root } from 'mdast';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'code', 'table', 'tableRow']);

/** Returns the text of Markdown without its markup; blocks are separated by blank lines. */
export function markdownToPlainText(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const blocks: string[] = [];
  let current = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') current += node.value;
    else if (node.type === 'break') current += ' ';
    else if (node.type === 'image') current += node.alt ?? '';
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
    if (BLOCKS.has(node.type) && current.trim()) {
      blocks.push(current.replace(/\s+/g, ' ').trim());
      current = '';
    }
  };
  visit(tree);
  if (current.trim()) blocks.push(current.replace(/\s+/g, ' ').trim());
  return blocks.join('\n\n');
}
