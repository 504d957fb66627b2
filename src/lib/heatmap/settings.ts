// The choices a heatmap offers: its colour scheme, the metric it shows first and the first day of the
// week. The integration's options (src/lib/options.ts) pick among them.

/** The sequential colour schemes of d3-scale-chromatic a heatmap may use. */
export const HEATMAP_SCHEMES = ['greens', 'blues', 'purples', 'oranges', 'reds', 'greys'] as const;
export type HeatmapScheme = (typeof HEATMAP_SCHEMES)[number];

/** What a heatmap counts: commits, or the features among them. */
export const METRICS = ['commits', 'features'] as const;
export type Metric = (typeof METRICS)[number];

/** The first row of a day calendar. */
export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];
