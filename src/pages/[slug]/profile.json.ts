// /<slug>/profile.json: the whole profile as versioned data (format: /profile.schema.json).
import type { APIRoute } from 'astro';
import { siteProfiles, type SiteProfile } from '../../data/profiles.ts';
import { exportLinks } from '../../lib/formats/links.ts';
import { buildProfileJson } from '../../lib/formats/profile-json.ts';

export async function getStaticPaths() {
  const profiles = await siteProfiles();
  return profiles.map((view) => ({ params: { slug: view.slug }, props: { view }, cacheKey: view.cacheKey }));
}

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const links = exportLinks(props.view.slug, site);
  const body = JSON.stringify(buildProfileJson(props.view, links), null, 2);
  return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
