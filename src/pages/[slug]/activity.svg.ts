// The embeddable activity chart, /<slug>/activity.svg: the month heatmap of the site's default
// metric as a standalone SVG with its own light/dark styles and no external references, for a
// README. Cells do not link anywhere: outside the site a `#YYYY-MM` link has no page to go to.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { layoutMonths } from '../../lib/heatmap/month-layout.ts';
import { heatmapCss, heatmapSvg } from '../../lib/heatmap/svg.ts';
import { siteConfig } from '../../lib/site-config.ts';

export const getStaticPaths = (async () => {
  const profiles = await getCollection('profiles');
  return profiles.map((p) => ({ params: { slug: p.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const months = (await getCollection('months', (m) => m.data.profile.id === params.slug)).map((m) => ({
    month: m.data.month,
    commits: m.data.commits,
    features: m.data.features,
  }));
  const { scheme, metric } = siteConfig.heatmap;
  const svg = heatmapSvg(layoutMonths(months, metric), { id: 'h0', css: heatmapCss(scheme), legend: true });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
