// Edits built HTML (and SVG) through parse5's tree: visitors see elements and ask for attribute, style
// or element changes; only those source spans are rewritten, so the rest of the page (inline scripts
// and styles included) stays byte-for-byte. When a <style> changes, the page's Content-Security-Policy
// hashes are updated to match: a stale hash would make the browser drop the whole stylesheet.
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { mapCssUrls } from './css.ts';
import { mapSrcset } from './urls.ts';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What a visitor may do to the element it is given. */
export interface ElementEditor {
  /** Sets an attribute's value (only attributes present in the source), or removes it with null. */
  setAttribute(name: string, value: string | null): void;
  /** Replaces the text of a <style> element. */
  setStyleText(css: string): void;
  /** Replaces the whole element with `html`; a <style> in `html` must be passed as `addedStyles`. */
  replaceWith(html: string, addedStyles?: string[]): void;
  /** Removes the element. */
  remove(): void;
}

/** Returns the CSP source expression (`'sha256-…'`) of an inline style or script text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Returns the value of an attribute of a parse5 element (`xlink:href` written with its prefix). */
export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

/** Returns the raw source text inside an element (its children's span), or '' when empty. */
function innerSpan(html: string, el: Element): { start: number; end: number } | undefined {
  const loc = el.sourceCodeLocation;
  if (!loc?.startTag || !loc.endTag) return undefined;
  return { start: loc.startTag.endOffset, end: loc.endTag.startOffset };
}

/** Returns the text of every <style> element of a page, as written. */
export function styleTexts(html: string): string[] {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const out: string[] = [];
  for (const el of elements(doc)) {
    const span = el.tagName === 'style' ? innerSpan(html, el) : undefined;
    if (span) out.push(html.slice(span.start, span.end));
  }
  return out;
}

/** Returns `html` after `visit` has seen every element and its edits are applied (CSP hashes kept in step). */
export function editHtml(html: string, visit: (el: Element, editor: ElementEditor) => void): string {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const edits: Edit[] = [];
  const removedStyles: string[] = [];
  const addedStyles: string[] = [];
  let csp: { el: Element; value: string } | undefined;
  for (const el of elements(doc)) {
    if (el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy') {
      csp = { el, value: attr(el, 'content') ?? '' };
    }
    const loc = el.sourceCodeLocation;
    const editor: ElementEditor = {
      setAttribute(name, value) {
        const span = loc?.attrs?.[name];
        if (!span) throw new Error(`<${el.tagName}> has no ${name} attribute in its source`);
        const written = html.slice(span.startOffset, span.endOffset);
        const rawName = written.split('=')[0]!;
        if (value !== null) {
          edits.push({ start: span.startOffset, end: span.endOffset, text: `${rawName}="${escapeAttr(value)}"` });
          return;
        }
        // Removing: take the whitespace before the attribute along, so `<a href="x">` becomes `<a>`.
        let start = span.startOffset;
        while (start > 0 && /\s/.test(html[start - 1]!)) start--;
        edits.push({ start, end: span.endOffset, text: '' });
      },
      setStyleText(css) {
        const span = innerSpan(html, el);
        if (!span) throw new Error('setStyleText needs a <style> element with an end tag');
        const before = html.slice(span.start, span.end);
        if (before === css) return;
        removedStyles.push(before);
        addedStyles.push(css);
        edits.push({ start: span.start, end: span.end, text: css });
      },
      replaceWith(text, styles = []) {
        if (!loc) throw new Error(`<${el.tagName}> has no source location`);
        if (el.tagName === 'style') {
          const span = innerSpan(html, el);
          if (span) removedStyles.push(html.slice(span.start, span.end));
        }
        addedStyles.push(...styles);
        edits.push({ start: loc.startOffset, end: loc.endOffset, text });
      },
      remove() {
        editor.replaceWith('');
      },
    };
    visit(el, editor);
  }
  if (csp && (removedStyles.length || addedStyles.length)) {
    const span = csp.el.sourceCodeLocation?.attrs?.content;
    if (span)
      edits.push({ start: span.startOffset, end: span.endOffset, text: `content="${escapeAttr(updateStyleHashes(csp.value, removedStyles, addedStyles))}"` });
  }
  // Apply from the end so earlier offsets stay valid; edits never overlap (one per attribute or element).
  edits.sort((a, b) => b.start - a.start);
  let out = html;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Returns a CSP with the style-src hashes of `removed` texts dropped and those of `added` texts appended. */
function updateStyleHashes(policy: string, removed: readonly string[], added: readonly string[]): string {
  const drop = new Set(removed.map(cspHash));
  const keepAdded = added.map(cspHash);
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const out = directives.map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    if (name!.toLowerCase() !== 'style-src') return d;
    const kept = sources.filter((s) => !drop.has(s));
    for (const h of keepAdded) if (!kept.includes(h)) kept.push(h);
    return [name, ...kept].join(' ');
  });
  // Without a style-src directive styles are not restricted, and nothing needs adding.
  return `${out.join('; ')};`;
}

/** Elements and attributes whose value is one URL. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  form: ['action'],
  object: ['data'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};

/**
 * Returns `html` with every URL it references passed through `map`: URL attributes, `srcset`, SVG
 * `href`/`xlink:href`, CSS `url()` in <style> and style attributes, and a meta refresh target.
 * `<meta content>` other than refresh (og:url and the like) and `<link rel=canonical>` are left alone:
 * they name the published page, not a file next to this one.
 */
export function mapHtmlUrls(html: string, map: (url: string) => string): string {
  return editHtml(html, (el, editor) => {
    const set = (name: string, next: string, before: string): void => {
      if (next !== before) editor.setAttribute(name, next);
    };
    const rel = attr(el, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const names = [...(URL_ATTRIBUTES[el.tagName] ?? [])];
    // In SVG every element may link (<a>, <use>, <image>, <feImage>, ...), with or without xlink:.
    if (el.namespaceURI === 'http://www.w3.org/2000/svg') names.push('href', 'xlink:href');
    for (const name of new Set(names)) {
      const value = attr(el, name);
      if (value === undefined) continue;
      if (el.tagName === 'link' && (rel.includes('canonical') || rel.includes('alternate')) && /^https?:/i.test(value)) continue;
      set(name, map(value), value);
    }
    const srcset = attr(el, 'srcset');
    if (srcset !== undefined && (el.tagName === 'img' || el.tagName === 'source')) set('srcset', mapSrcset(srcset, map), srcset);
    const imagesrcset = attr(el, 'imagesrcset');
    if (imagesrcset !== undefined && el.tagName === 'link') set('imagesrcset', mapSrcset(imagesrcset, map), imagesrcset);
    const style = attr(el, 'style');
    if (style !== undefined) set('style', mapCssUrls(style, map, 'declarationList'), style);
    if (el.tagName === 'style') {
      const loc = el.sourceCodeLocation;
      if (loc?.startTag && loc.endTag) {
        const css = html.slice(loc.startTag.endOffset, loc.endTag.startOffset);
        const next = mapCssUrls(css, map);
        if (next !== css) editor.setStyleText(next);
      }
    }
    if (el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'refresh') {
      const content = attr(el, 'content') ?? '';
      const m = /^(\s*\d+\s*[;,]\s*url\s*=\s*)(['"]?)(.*?)\2\s*$/i.exec(content);
      if (m) set('content', `${m[1]}${map(m[3]!)}`, content);
    }
  });
}
