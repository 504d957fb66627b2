// The text a reader sees in built HTML: of a whole page, or of the element with an id.
import { parse } from 'parse5';

type Node = { nodeName: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };

/** The visible text of an HTML document (script and style contents left out), whitespace folded. */
export function visibleText(html: string): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === 'script' || n.nodeName === 'style' || n.nodeName === 'head') return;
    if (n.nodeName === '#text') out.push(n.value ?? '');
    for (const c of n.childNodes ?? []) walk(c);
    if (/^(p|li|h\d|dt|dd|div|section|td|th|tr)$/.test(n.nodeName)) out.push(' ');
  };
  walk(parse(html) as unknown as Node);
  return out.join('').replace(/\s+/g, ' ');
}

/** The text of the element with `id`, or undefined. */
export function sectionText(html: string, id: string): string | undefined {
  let found: Node | undefined;
  const walk = (n: Node): void => {
    if (found) return;
    if (n.attrs?.some((a) => a.name === 'id' && a.value === id)) found = n;
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse(html) as unknown as Node);
  if (!found) return undefined;
  const out: string[] = [];
  const collect = (n: Node): void => {
    if (n.nodeName === '#text') out.push(n.value ?? '');
    for (const c of n.childNodes ?? []) collect(c);
    if (/^(p|li|h\d|dt|dd|div)$/.test(n.nodeName)) out.push(' ');
  };
  collect(found);
  return out.join('').replace(/\s+/g, ' ');
}
