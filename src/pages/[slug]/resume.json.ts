// /<slug>/resume.json: the profile in JSON Resume format (https://jsonresume.org/schema).
import type { APIRoute } from 'astro';
import { siteProfiles, type SiteProfile } from '../../data/profiles.ts';
import { exportLinks } from '../../lib/formats/links.ts';
import { buildJsonResume } from '../../lib/formats/resume.ts';

export async function getStaticPaths() {
  const profiles = await siteProfiles();
  return profiles.map((view) => ({ params: { slug: view.slug }, props: { view }, cacheKey: view.cacheKey }));
}

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const body = JSON.stringify(buildJsonResume(props.view, exportLinks(props.view.slug, site)), null, 2);
  return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
