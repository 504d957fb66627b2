// /<slug>/feed.xml: an Atom feed of the profile's monthly summaries.
import type { APIRoute } from 'astro';
import { narrativeHtml, profiles } from '../data/profiles.ts';
import { localeFor, urls } from '../data/site.ts';
import { buildProfileFeed } from '../lib/formats/feed.ts';
import { exportLinks } from '../lib/formats/links.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('feed', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props, site }) => {
  const xml = buildProfileFeed(props.view, exportLinks(urls, props.view.slug, site), {
    absolute: site !== undefined,
    narrativeHtml: (m) => narrativeHtml(props.view, m),
    locale: localeFor(props.view.profile.locale),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
