// The embeddable activity chart, /<slug>/activity.svg: the month heatmap of the site's default
// metric as a standalone SVG with its own light/dark styles and no external references, for a
// README. Cells do not link anywhere: outside the site a `#YYYY-MM` link has no page to go to.
import type { APIRoute } from 'astro';
import { profiles } from '../data/profiles.ts';
import { config } from '../data/site.ts';
import { layoutMonths } from '../lib/heatmap/month-layout.ts';
import { heatmapCss, heatmapSvg } from '../lib/heatmap/svg.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('activity-svg', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props }) => {
  const months = props.view.months.map((m) => ({ month: m.month, commits: m.commits, features: m.features }));
  const { scheme, metric } = config.heatmap;
  const svg = heatmapSvg(layoutMonths(months, metric), { id: 'h0', css: heatmapCss(scheme), legend: true });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
