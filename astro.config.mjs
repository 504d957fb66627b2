// @ts-check
// Site URL and base path come from the environment (SITE, BASE_PATH), so the same project builds a
// root site, a GitHub Pages project site under /<repo>/, or a local preview.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// No command of this project sends usage data anywhere: Astro's telemetry (read after this file
// loads) would run git and post to the network on every build, dev server and sync.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// `_` is the shell's last command: it differs with how a build is started (npm, a script, a test).
// Astro inlines environment variables into modules that read the env object whole (its own among
// them), so with it a page's dependency hash, and so every incremental rebuild, hung on the caller
// (measured: every page rendered again after a build started another way).
delete process.env._;

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
  // The Content-Security-Policy is a fixed <meta> tag of our own (src/lib/csp.ts, src/layouts/Base.astro).
});
