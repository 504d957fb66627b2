// Chart ids that are short (every cell repeats its chart's id) and unique within one page.

const counters = new WeakMap<object, number>();

/**
 * Returns the next chart id ("h0", "h1", …) for the page that `page` stands for: one object per
 * rendered page (components pass `Astro.locals`, which Astro creates afresh for each page), so ids
 * restart on every page and never repeat within one, however many charts it holds.
 */
export function nextChartId(page: object): string {
  const n = counters.get(page) ?? 0;
  counters.set(page, n + 1);
  return `h${n}`;
}
