// Renders narratives and summaries: Markdown → HTML with satteri (the fastest processor measured
// here), made safe on the tree: raw HTML is shown as literal text, and only http(s), mailto and
// relative URLs survive in links and images. Everything else Markdown can produce is harmless.
import { defineHastPlugin, defineMdastPlugin, markdownToHtml } from 'satteri';

const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** True for a URL that may stay in a link or image: http(s), mailto or relative. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme: strip them before judging.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_URL.test(cleaned);
}

/** True for an absolute http(s) or protocol-relative URL (a link that leaves the site). */
export function isExternalUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

const neutralize = defineMdastPlugin({
  name: 'engfolio-neutralize',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  link(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, { type: 'emphasis', children: node.children } as never);
  },
  image(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
  },
  definition(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, { ...node, url: '#' });
  },
});

const externalLinks = defineHastPlugin({
  name: 'engfolio-external-links',
  element: {
    filter: ['a'],
    visit(node) {
      const href = node.properties?.href;
      if (typeof href === 'string' && isExternalUrl(href)) {
        return { ...node, properties: { ...node.properties, rel: ['noopener', 'noreferrer'] } };
      }
    },
  },
});

const OPTIONS = { mdastPlugins: [neutralize], hastPlugins: [externalLinks], features: { frontmatter: false } } as const;

/** Renders Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  // Not memoized, though a build shows each narrative three times (profile page, month page, feed):
  // measured on L, a memo raised peak RSS by ~360 MiB for no measurable CPU saving.
  return markdownToHtml(markdown, OPTIONS as never).html;
}
