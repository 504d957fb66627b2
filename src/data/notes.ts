// The methodology notes as HTML: the same on every page that shows one, so rendered once per thread.
import { renderMarkdown } from '../lib/markdown.ts';
import { GIT_METHODOLOGY, YEAR_METHODOLOGY } from '../lib/methodology.ts';

/** How a git-imported profile's figures were counted (profile pages). */
export const gitMethodologyHtml = renderMarkdown(GIT_METHODOLOGY);
/** How a year in review counts its figures (year pages). */
export const yearMethodologyHtml = renderMarkdown(YEAR_METHODOLOGY);
