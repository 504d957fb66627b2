// Site-level display options, in one place. Defaults below; a build can override each with an
// environment variable (ENGFOLIO_HEATMAP_SCHEME, ENGFOLIO_METRIC, ENGFOLIO_WEEK_START), so a site
// owner can restyle without editing code.

/** The sequential colour schemes of d3-scale-chromatic a heatmap may use. */
export const HEATMAP_SCHEMES = ['greens', 'blues', 'purples', 'oranges', 'reds', 'greys'] as const;
export type HeatmapScheme = (typeof HEATMAP_SCHEMES)[number];
export type Metric = 'commits' | 'features';
export type WeekStart = 'monday' | 'sunday';

export interface SiteConfig {
  heatmap: {
    /** Colour scheme of the heatmap cells. */
    scheme: HeatmapScheme;
    /** The metric shown first (the other one is one click away). */
    metric: Metric;
    /** First row of the day calendars. */
    weekStart: WeekStart;
  };
}

export const DEFAULT_SITE_CONFIG: SiteConfig = {
  heatmap: { scheme: 'greens', metric: 'commits', weekStart: 'monday' },
};

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new Error(`${name}: expected one of ${allowed.join(', ')}, found "${value}"`);
}

/** Returns the site config: the defaults overridden by the ENGFOLIO_* variables of `env`; throws a clear message on a bad value. */
export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const d = DEFAULT_SITE_CONFIG.heatmap;
  return {
    heatmap: {
      scheme: pick('ENGFOLIO_HEATMAP_SCHEME', env.ENGFOLIO_HEATMAP_SCHEME, HEATMAP_SCHEMES, d.scheme),
      metric: pick('ENGFOLIO_METRIC', env.ENGFOLIO_METRIC, ['commits', 'features'] as const, d.metric),
      weekStart: pick('ENGFOLIO_WEEK_START', env.ENGFOLIO_WEEK_START, ['monday', 'sunday'] as const, d.weekStart),
    },
  };
}

let current: SiteConfig | undefined;

/** Returns the config of this build, read from the environment on first use (so importing this module never throws). */
export function siteConfig(): SiteConfig {
  current ??= readSiteConfig();
  return current;
}
