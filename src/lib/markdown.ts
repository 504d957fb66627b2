// Renders narratives and summaries: Markdown → HTML with satteri (the fastest processor measured
// here), made safe on the tree: raw HTML is shown as literal text, and only http(s), mailto and
// relative URLs survive in links. Images from other sites become links (the CSP admits only the
// site's own images: no tracking pixels, nothing broken offline). Relative URLs are resolved
// against the profile's folder, since one narrative shows on several pages.
import { defineMdastPlugin, markdownToHtml, markdownToMdast } from 'satteri';

const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** True for a URL that may stay in a link or image: http(s), mailto or relative. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme: strip them before judging.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_URL.test(cleaned);
}

/** True for an absolute http(s) or protocol-relative URL (a link that leaves the site). */
function isExternalUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

export interface RenderOptions {
  /** Base path of the site (`/` or `/repo/`): root-relative URLs (`/x`) are placed under it. */
  base?: string;
  /** Site path that relative URLs (`x`, `./x`, `../x`) resolve against, e.g. `/repo/<slug>/`. */
  pageDir?: string;
}

/** Returns a safe, non-external URL resolved against the render options (external and `#`/`mailto:` URLs unchanged). */
function resolveSiteUrl(url: string, options: RenderOptions): string {
  if (isExternalUrl(url) || /^(mailto:|#)/i.test(url) || url === '') return url;
  const base = options.base ?? '/';
  const fromRoot = url.startsWith('/');
  if (!fromRoot && options.pageDir === undefined) return url;
  const origin = 'http://site.invalid';
  const resolved = fromRoot ? new URL(url.slice(1), origin + (base.endsWith('/') ? base : `${base}/`)) : new URL(url, origin + options.pageDir);
  return resolved.pathname + resolved.search + resolved.hash;
}

// The attributes an external link gets, set on the mdast node (satteri maps `data.hProperties` onto the
// element): one mdast pass does all the work. A hast plugin for `rel` cost as much again as the whole
// render (measured: plain render 11 µs, + hast plugin 67 µs, + mdast-only plugin with setProperty 48 µs).
const EXTERNAL = { hProperties: { rel: ['noopener', 'noreferrer'] } };

interface RenderData extends RenderOptions {
  /** Definitions seen by the first pass, by identifier: the second pass resolves references with them. */
  definitions?: Map<string, string>;
}

/** An image of another site shown as a link to it (the CSP admits only the site's own images). */
function imageLink(url: string, alt: string | null | undefined, title: string | null | undefined): never {
  const label = alt?.trim() ? `${alt} (image)` : url;
  return { type: 'link', url, title: title ?? null, data: EXTERNAL, children: [{ type: 'text', value: label }] } as never;
}

/** Raw HTML that is only comments (`<!-- … -->`, one or more). */
const HTML_COMMENT = /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/;

const neutralize = defineMdastPlugin({
  name: 'engfolio-neutralize',
  html(node, ctx) {
    // A comment is a note to whoever edits the file (the git importer's draft note is one): on no page.
    if (HTML_COMMENT.test(node.value)) return ctx.removeNode(node);
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  link(node, ctx) {
    if (!isSafeUrl(node.url)) return ctx.replaceNode(node, { type: 'emphasis', children: node.children } as never);
    if (isExternalUrl(node.url)) return ctx.setProperty(node, 'data', EXTERNAL);
    const url = resolveSiteUrl(node.url, ctx.data as RenderData);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  },
  image(node, ctx) {
    if (!isSafeUrl(node.url)) return ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
    if (isExternalUrl(node.url)) return ctx.replaceNode(node, imageLink(node.url, node.alt, node.title));
    const url = resolveSiteUrl(node.url, ctx.data as RenderData);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  },
  definition(node, ctx) {
    const data = ctx.data as RenderData;
    const url = isSafeUrl(node.url) ? resolveSiteUrl(node.url, data) : '#';
    // The first definition of an identifier wins (CommonMark).
    const definitions = (data.definitions ??= new Map());
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, url);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  },
});

// References take their URL from a definition anywhere in the document, so they are judged in a second
// pass, once every definition is known; documents without definitions skip it.
const neutralizeReferences = defineMdastPlugin({
  name: 'engfolio-neutralize-references',
  linkReference(node, ctx) {
    const url = (ctx.data as RenderData).definitions?.get(node.identifier);
    if (url !== undefined && isExternalUrl(url)) ctx.setProperty(node, 'data', EXTERNAL);
  },
  imageReference(node, ctx) {
    const url = (ctx.data as RenderData).definitions?.get(node.identifier);
    if (url === '#') ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
    else if (url !== undefined && isExternalUrl(url)) ctx.replaceNode(node, imageLink(url, node.alt, undefined));
  },
});

const FEATURES = { frontmatter: false } as const;
const ONE_PASS = { mdastPlugins: [neutralize], features: FEATURES } as const;
const TWO_PASSES = { mdastPlugins: [neutralize, neutralizeReferences], features: FEATURES } as const;

/** Renders Markdown to sanitized HTML, resolving site-relative URLs with `options`. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  if (!markdown.trim()) return '';
  // A definition (`[id]: url`) needs `]:`; without one there are no references to judge.
  const passes = markdown.includes(']:') ? TWO_PASSES : ONE_PASS;
  return markdownToHtml(markdown, { ...passes, data: { ...options } } as never).html;
}

/**
 * The most a narrative or summary may hold: beyond these the build is slow or fails. Measured on
 * satteri 0.10.5 (tests/lib/markdown.test.ts keeps the figures honest):
 * - bytes: twice the largest narrative tested (1 MB renders in well under a second);
 * - characterReferences (`&amp;`, `&#x61;`): satteri's time and memory grow with their square
 *   (10,000: 0.2 s to HTML, 0.6 s to mdast; 20,000: 2 s; 40,000 fail: "Cannot create a string longer
 *   than 0x1fffffe8");
 * - depth (nested quotes, lists, emphasis, links): the plain-text walk of resume.json and the
 *   offline copy's walk of the HTML recurse per level (about 5,000 levels overflow the stack).
 */
export const MARKDOWN_LIMITS = { bytes: 2 * 1024 * 1024, characterReferences: 10_000, depth: 100 } as const;

/**
 * Leading quote and list markers and indentation above this, on one line, are refused unmeasured:
 * satteri's time grows with the square of a line's nesting (100,000 quotes: 3 s; 400,000: 51 s).
 */
const UNMEASURED_DEPTH = 20_000;

/** A limit of MARKDOWN_LIMITS that a text passes: what it has (`found`) and the line (1-based, in the text) where it passes it. */
export interface OverLimit {
  limit: keyof typeof MARKDOWN_LIMITS;
  found: number;
  line: number;
  /** False when `found` is an upper bound (the text was too deep to parse): depth only. */
  exact: boolean;
}

/** A character reference as CommonMark reads one (named ones counted whether or not the name is known). */
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** Characters that can open an inline level (emphasis, strikethrough, link, footnote). */
const INLINE_OPENER = /[*_~[]/g;

/** The 1-based line of `text` that index `at` is on. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The end of a list marker at `i` (`-`, `+`, `*`, or up to nine digits and `.` or `)`), or `i` when there is none. */
function listMarkerEnd(text: string, i: number, end: number): number {
  const c = text[i];
  let j = i;
  if (c === '-' || c === '+' || c === '*') j++;
  else {
    while (j < end && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
    j = j > i && (text[j] === '.' || text[j] === ')') ? j + 1 : i;
  }
  // A marker is followed by a space, a tab or the line's end.
  return j === end || text[j] === ' ' || text[j] === '\t' || text[j] === '\r' ? j : i;
}

/**
 * The most block levels the line `text[start, end)` can open: a quote per `>`, a list and its item per
 * marker, and a level per column of indentation (a nested item is indented two columns past its parent).
 */
function lineDepthBound(text: string, start: number, end: number): number {
  let bound = 0;
  for (let i = start; i < end;) {
    const c = text[i];
    if (c === ' ' || c === '>' || c === '\t') {
      bound += c === '\t' ? 4 : 1;
      i++;
      continue;
    }
    const after = listMarkerEnd(text, i, end);
    if (after === i) break;
    bound += 2;
    i = after;
  }
  return bound;
}

/** The deepest nesting of the tree of `markdown` (levels of nodes with children below the root), and the line where it first passes `limit`. */
function measuredDepth(markdown: string, limit: number): { depth: number; line: number | undefined } {
  type Node = { children?: Node[]; position?: { start: { line: number } } };
  const root = markdownToMdast(markdown, { position: true, features: FEATURES }) as unknown as Node;
  // An explicit stack, not recursion: the depth is the user's.
  const stack: [Node, number][] = (root.children ?? []).map((n): [Node, number] => [n, 1]).reverse();
  let depth = 0;
  let line: number | undefined;
  while (stack.length) {
    const [node, level] = stack.pop()!;
    if (!node.children?.length) continue;
    if (level > depth) depth = level;
    if (level > limit && line === undefined) line = node.position?.start.line;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, level + 1]);
  }
  return { depth, line };
}

/**
 * The first limit of MARKDOWN_LIMITS that `markdown` passes (size, then character references, then
 * depth), or undefined. Parses the text only when a count of its markers cannot rule out deep nesting.
 */
export function markdownOverLimit(markdown: string): OverLimit | undefined {
  const bytes = Buffer.byteLength(markdown);
  if (bytes > MARKDOWN_LIMITS.bytes) {
    const within = Buffer.from(markdown).subarray(0, MARKDOWN_LIMITS.bytes).toString('utf8');
    return { limit: 'bytes', found: bytes, line: lineAt(within, within.length), exact: true };
  }
  let references = 0;
  let referenceLine = 0;
  for (const m of markdown.matchAll(CHARACTER_REFERENCE))
    if (++references === MARKDOWN_LIMITS.characterReferences + 1) referenceLine = lineAt(markdown, m.index);
  if (references > MARKDOWN_LIMITS.characterReferences) return { limit: 'characterReferences', found: references, line: referenceLine, exact: true };

  let deepest = 0;
  let deepestLine = 0;
  for (let start = 0, line = 1; start <= markdown.length; line++) {
    const nl = markdown.indexOf('\n', start);
    const end = nl === -1 ? markdown.length : nl;
    const bound = lineDepthBound(markdown, start, end);
    if (bound > deepest) [deepest, deepestLine] = [bound, line];
    start = end + 1;
  }
  if (deepest > UNMEASURED_DEPTH) return { limit: 'depth', found: deepest, line: deepestLine, exact: false };
  // A paragraph, or a table's three levels, below the blocks; then an inline level per opener, and one
  // for an autolink.
  const bound = deepest + 3 + (markdown.match(INLINE_OPENER)?.length ?? 0) + 1;
  if (bound <= MARKDOWN_LIMITS.depth) return undefined;
  const { depth, line } = measuredDepth(markdown, MARKDOWN_LIMITS.depth);
  return depth > MARKDOWN_LIMITS.depth ? { limit: 'depth', found: depth, line: line ?? 1, exact: true } : undefined;
}
