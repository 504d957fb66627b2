// /<slug>/profile.json: the whole profile as versioned data (format: /profile.schema.json).
import type { APIRoute } from 'astro';
import { profiles, profileText, yearReviewsOf } from '../data/profiles.ts';
import { urls } from '../data/site.ts';
import { exportLinks } from '../lib/formats/links.ts';
import { buildProfileJson } from '../lib/formats/profile-json.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('profile-json', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const { view } = props;
  const body = JSON.stringify(buildProfileJson(view, profileText(view), exportLinks(urls, view.slug, site), yearReviewsOf(view)), null, 2);
  return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
