// /<slug>/resume.json: the profile in JSON Resume format (https://jsonresume.org/schema).
import type { APIRoute } from 'astro';
import { profiles, profileText } from '../data/profiles.ts';
import { localeFor, urls } from '../data/site.ts';
import { exportLinks } from '../lib/formats/links.ts';
import { buildJsonResume } from '../lib/formats/resume.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('resume-json', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const body = JSON.stringify(
    buildJsonResume(props.view, profileText(props.view), exportLinks(urls, props.view.slug, site), localeFor(props.view.profile.locale)),
    null,
    2,
  );
  return new Response(`${body}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
