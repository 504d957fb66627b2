// The methodology notes as HTML: the same on every page of a locale that shows one, so rendered once
// per thread and locale.
import type { Locale } from '../lib/i18n/locale.ts';
import { renderMarkdown } from '../lib/markdown.ts';

const rendered = new Map<string, string>();

/** A methodology note (Markdown in the catalogue) as HTML: how a git-imported profile's figures were counted, or a year's. */
export function methodologyHtml(locale: Locale, key: 'methodology.git' | 'methodology.year'): string {
  const id = `${locale.tag}|${key}`;
  let html = rendered.get(id);
  if (html === undefined) rendered.set(id, (html = renderMarkdown(locale.t(key))));
  return html;
}
