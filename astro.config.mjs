// @ts-check
// The repository's own example site: the first user of the engfolio integration, from its source.
// Site URL and base path come from the environment (SITE, BASE_PATH) that the Pages workflow sets, so the
// same project builds a root site, a GitHub Pages project site under /<repo>/, or a local preview.
import { defineConfig } from 'astro/config';
import engfolio from './src/index.ts';

// No command of this project sends usage data anywhere: Astro's telemetry (read after this file loads)
// would run git and post to the network on every build, dev server and sync.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE_PATH || undefined,
  integrations: [engfolio({ title: 'Engineering profiles', favicon: '/favicon.svg' })],
});
