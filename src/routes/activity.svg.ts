// The embeddable activity chart, /<slug>/activity.svg: the month heatmap of the site's default
// metric as a standalone SVG with its own light/dark styles and no external references, for a
// README. Cells do not link anywhere: outside the site a `#YYYY-MM` link has no page to go to.
import type { APIRoute } from 'astro';
import { profiles } from '../data/profiles.ts';
import { config, localeFor } from '../data/site.ts';
import { layoutMonths } from '../lib/heatmap/month-layout.ts';
import { heatmapCss, heatmapSvg } from '../lib/heatmap/svg.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('activity-svg', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props }) => {
  const months = props.view.months.map((m) => ({ month: m.month, commits: m.commits, features: m.features }));
  const l = localeFor(props.view.profile.locale);
  const legend = { empty: l.t('heatmap.noEntry'), less: l.t('heatmap.less'), more: l.t('heatmap.more'), range: l.numberRange };
  const svg = heatmapSvg(layoutMonths(months, config.heatmap.metric, { locale: l }), { id: 'h0', css: heatmapCss(config.theme.heatmap), legend });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
