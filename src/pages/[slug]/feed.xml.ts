// /<slug>/feed.xml: an Atom feed of the profile's monthly summaries.
import type { APIRoute } from 'astro';
import { narrativeHtml, siteProfiles, type SiteProfile } from '../../data/profiles.ts';
import { buildProfileFeed } from '../../lib/formats/feed.ts';
import { exportLinks } from '../../lib/formats/links.ts';

export async function getStaticPaths() {
  const profiles = await siteProfiles();
  return profiles.map((view) => ({ params: { slug: view.slug }, props: { view }, cacheKey: view.cacheKey }));
}

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const xml = buildProfileFeed(props.view, exportLinks(props.view.slug, site), { absolute: site !== undefined, narrativeHtml: (m) => narrativeHtml(props.view, m) });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
