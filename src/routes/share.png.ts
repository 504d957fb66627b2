// /<slug>/share.png: the profile's share image (Open Graph, 1200 × 630), named by its pages' og:image.
import type { APIRoute } from 'astro';
import { profiles } from '../data/profiles.ts';
import { shareImageLocale, shareImageResponse } from '../data/share-images.ts';
import { localeFor, siteTitle } from '../data/site.ts';
import { profileCard } from '../lib/share-image/cards.ts';
import { profilePaths, type SiteProfile } from '../lib/site-data.ts';

export const getStaticPaths = async () => profilePaths('share-image', await profiles());

export const GET: APIRoute<{ view: SiteProfile }> = ({ props }) =>
  shareImageResponse(profileCard(props.view, siteTitle, shareImageLocale(localeFor(props.view.profile.locale))));
