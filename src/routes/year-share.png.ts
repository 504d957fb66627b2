// /<slug>/<YYYY>/share.png: a year in review's share image (Open Graph, 1200 × 630), offered for download on its page.
import type { APIRoute } from 'astro';
import { profiles, yearReviewsOf } from '../data/profiles.ts';
import { shareImageLocale, shareImageResponse } from '../data/share-images.ts';
import { localeFor, siteTitle } from '../data/site.ts';
import { yearCard } from '../lib/share-image/cards.ts';
import { yearPaths, type SiteProfile } from '../lib/site-data.ts';
import type { YearReview } from '../lib/year-review.ts';

export const getStaticPaths = async () => yearPaths('year-share-image', await profiles(), yearReviewsOf);

export const GET: APIRoute<{ view: SiteProfile; review: YearReview }> = ({ props }) =>
  shareImageResponse(yearCard(props.view, props.review, siteTitle, shareImageLocale(localeFor(props.view.profile.locale))));
