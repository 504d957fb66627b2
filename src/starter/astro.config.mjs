// @ts-check
// The site's configuration: engfolio's options are the object given to engfolio(). The site URL and
// base path come from the environment, which the GitHub Pages workflow (.github/workflows/deploy.yml)
// sets, so the same site builds for Pages, for another host or for a local preview.
import { defineConfig } from 'astro/config';
import engfolio from 'engfolio';

// Astro's usage data stays on this machine (Astro reads this after the config loads).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE_PATH || undefined,
  integrations: [
    engfolio({
      title: '{{title}}',
      // The site's icon: a file of public/.
      favicon: '/favicon.svg',
      // Other options: description, logo, nav, heatmap, sections, content, routes, components
      // (see https://www.npmjs.com/package/engfolio).
    }),
  ],
});
