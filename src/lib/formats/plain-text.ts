// Markdown reduced to plain text, for formats whose fields are plain strings (JSON Resume, JSON-LD).
// Parsed with satteri's native CommonMark parser (GFM off, like remark-parse alone): same text as
// remark on every generated narrative, ~15× faster (resume.json reads every month of a profile).
import { markdownToMdast } from 'satteri';
import type { Nodes } from 'mdast';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'code', 'table', 'tableRow']);
const PARSE = { position: false, features: { gfm: false, frontmatter: false } } as const;

/** Returns the text of Markdown without its markup; blocks are separated by blank lines. */
export function markdownToPlainText(markdown: string): string {
  if (!markdown.trim()) return '';
  const tree = markdownToMdast(markdown, PARSE) as unknown as Nodes;
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

/**
 * Returns the plain text of the first block of Markdown: the same as the first block of
 * `markdownToPlainText`, parsing only the text before the first blank line when nothing later can
 * change it (measured: JSON Resume's month highlights, 24,000 narratives, 1.1 s → 0.2 s).
 */
export function firstBlockPlainText(markdown: string): string {
  const text = markdown.replace(/^(?:[ \t]*\n)+/, '');
  const blank = /\n[ \t]*\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  // A later definition can turn text in the head into a link; a fence, an HTML block or indented code
  // can run past a blank line.
  if (blank !== null && !markdown.includes(']:') && !/```|~~~|<|^(?: {4}|\t)/.test(head)) {
    const first = markdownToPlainText(head).split('\n\n')[0];
    // A head without text (a rule, an image without alt) leaves the first block to later text.
    if (first) return first;
  }
  return markdownToPlainText(markdown).split('\n\n')[0] ?? '';
}
