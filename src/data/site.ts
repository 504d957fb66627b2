// The site's options and links, for pages and components: the options come from astro.config.mjs (the
// integration serves them as a module), the base path from Astro.
import { config } from 'virtual:engfolio/config';
import { siteUrls } from '../lib/routes.ts';

export { config };

/** Every link of the site: under the base path and the routes base. */
export const urls = siteUrls(import.meta.env.BASE_URL, config.routes.base);
