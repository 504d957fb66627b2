// @ts-check
// Site URL and base path come from the environment (SITE, BASE_PATH), so the same project builds a
// root site, a GitHub Pages project site under /<repo>/, or a local preview.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

const site = process.env.SITE || undefined;
const rawBase = process.env.BASE_PATH || '/';
const base = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.ENGFOLIO_OUT_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  integrations: site ? [sitemap()] : [],
  devToolbar: { enabled: false },
  // Pages and endpoints return a cacheKey (the digests of every entry they read, src/data/profiles.ts):
  // a rebuild re-renders only what changed.
  experimental: { incrementalBuild: true },
  // Narratives are rendered by src/lib/markdown.ts; Astro's own Markdown pipeline is unused.
  markdown: { syntaxHighlight: false },
  // A strict policy in a <meta> tag (GitHub Pages cannot send headers): Astro adds hashed
  // script-src/style-src; nothing else may load from elsewhere, and no plugin content runs.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        // 'self' only: pages fetch nothing, but crawlers (and Lighthouse) read /robots.txt from the page.
        "connect-src 'self'",
        "frame-src 'none'",
        "worker-src 'none'",
      ],
    },
  },
});
