// The engfolio integration: `integrations: [engfolio({ title: … })]` in astro.config.mjs. It injects the
// profile routes, serves the options to pages (virtual-modules.ts), renders the profile pages on every core
// (integration/renderer.ts) and writes the sitemap. Content collections come from `engfolio/content`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { astroInternals, astroVersionAt, unverifiedAstro } from './integration/astro-internals.ts';
import { bundlePlugin, type BundleFacts } from './integration/bundle-plugin.ts';
import type { BuildRun, EngfolioHooks, RenderReport } from './integration/hooks.ts';
import { profileRenderer, type ProfileRoute, type SiteFacts } from './integration/renderer.ts';
import { siteComponents, virtualModules } from './integration/virtual-modules.ts';
import { pagesWithInlineStyles } from './lib/csp.ts';
import { devServerDeny } from './lib/dev-server-deny.ts';
import { sitemapFiles } from './lib/formats/sitemap.ts';
import { siblingModule } from './lib/module-url.ts';
import { OptionsError, parseOptions, type EngfolioOptions } from './lib/options.ts';
import { injectedPattern, joinBase, siteRoutes, type RouteSpec } from './lib/routes.ts';
import { shareImageAssets } from './lib/share-image/assets.ts';

export type { EngfolioOptions, EngfolioConfig, SectionId } from './lib/options.ts';
export type { SiteProfile } from './lib/site-data.ts';
export type { StoredMonth, StoredProfile } from './lib/content-schema.ts';

declare global {
  // Astro's own way to declare an integration's hooks: a global namespace it merges.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Astro {
    // engfolio's own hooks (see integration/hooks.ts), callable by other integrations.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntegrationHooks extends EngfolioHooks {}
  }
}

/** The Astro config file of the project in `dir`, for messages about the options written in it. */
function configFileName(dir: string): string {
  return (
    ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'].find((f) =>
      existsSync(join(dir, f)),
    ) ?? 'astro.config.mjs'
  );
}

/** The file a route is rendered by: an .astro file as it is, a TypeScript module as this code runs (.ts here, .js in the package). */
function routeModule(spec: RouteSpec): string {
  const file = spec.entrypoint.endsWith('.ts')
    ? siblingModule(import.meta.url, `./routes/${spec.entrypoint.slice(0, -3)}`)
    : new URL(`./routes/${spec.entrypoint}`, import.meta.url);
  return fileURLToPath(file);
}

/** Facts about the build that tests set in place of the real ones. */
export interface EngfolioTesting {
  /** The Astro version the adapter of Astro's internals is checked against (the installed one otherwise). */
  astroVersion?: string;
}

/** The engfolio integration; throws an OptionsError naming every bad option. */
export default function engfolio(options: EngfolioOptions = {}, testing: EngfolioTesting = {}): AstroIntegration {
  const file = configFileName(process.cwd());
  const config = parseOptions(options, file);
  const routesBase = config.routes.base;
  const routes = siteRoutes(routesBase, { ownFavicon: config.favicon !== undefined, shareImages: config.shareImages, repositories: config.teams.repositories });
  const profileRoutes: ProfileRoute[] = routes
    .filter((spec) => spec.scope !== 'site')
    .map((spec) => ({ spec, moduleFile: routeModule(spec), pattern: injectedPattern(spec, routesBase) }));
  const facts: BundleFacts = { codeHashes: new Map() };
  let root = process.cwd();
  let site: SiteFacts | undefined;
  let siteUrl: string | undefined;
  let run: BuildRun | undefined;
  let report: RenderReport | undefined;

  const hooks: AstroIntegration['hooks'] & EngfolioHooks = {
    'astro:config:setup': ({ config: astro, injectRoute, updateConfig }) => {
      root = fileURLToPath(astro.root);
      const components = siteComponents(config, root, file, fileURLToPath(astro.publicDir));
      if (components.problems.length) throw new OptionsError(components.problems);
      const astroVersion = testing.astroVersion ?? astroVersionAt(root);
      const internals = astroInternals(astroVersion);
      if (!internals) facts.noPlugin = unverifiedAstro(astroVersion);
      for (const spec of routes) injectRoute({ pattern: injectedPattern(spec, routesBase), entrypoint: routeModule(spec), prerender: true });
      const defaults = {
        header: fileURLToPath(new URL('./components/SiteHeader.astro', import.meta.url)),
        footer: fileURLToPath(new URL('./components/SiteFooter.astro', import.meta.url)),
      };
      // What pages read from the config at run time rather than by import: part of every page's code hash.
      const configFacts = () => JSON.stringify({ site: site?.origin, base: site?.base, trailingSlash: site?.trailingSlash, siteUrl });
      updateConfig({
        // Pages carry a Content-Security-Policy that admits only the site's own stylesheets, and run no
        // script: no inline styles, and no dev toolbar (a script).
        build: { inlineStylesheets: 'never' },
        devToolbar: { enabled: false },
        vite: {
          server: { fs: { deny: devServerDeny(root, resolve(root, config.content)) } },
          plugins: [
            virtualModules(config, components, defaults, shareImageAssets()),
            ...(internals
              ? [
                  bundlePlugin(
                    fileURLToPath(siblingModule(import.meta.url, './integration/render-entry')),
                    profileRoutes.map((r) => r.moduleFile),
                    configFacts,
                    facts,
                    internals,
                  ),
                ]
              : []),
          ],
        },
      });
    },
    'astro:config:done': ({ config: astro }) => {
      siteUrl = astro.site;
      site = {
        root: fileURLToPath(astro.root),
        outDir: fileURLToPath(astro.outDir),
        base: astro.base,
        origin: astro.site ? new URL(astro.site).origin : `http://localhost:${astro.server.port}`,
        trailingSlash: astro.trailingSlash,
        format: astro.build.format,
      };
    },
    'astro:build:start': ({ setPrerenderer }) => {
      report = undefined;
      const onReport = (r: RenderReport): void => {
        report = r;
        run?.rendered(r);
      };
      setPrerenderer((base) => profileRenderer(base, { routes: profileRoutes, facts, site: site!, run, routesBase, onReport }));
    },
    'astro:build:done': ({ pages, dir, logger }) => {
      // Astro's pages are the site's own and engfolio's site-wide ones (which have no inline styles).
      const out = fileURLToPath(dir);
      const htmlOf = (pathname: string): string | undefined => {
        const page = pathname.replace(/^\/|\/$/g, '');
        const file = [join(out, page, 'index.html'), join(out, `${page || 'index'}.html`)].find((f) => existsSync(f));
        return file && readFileSync(file, 'utf8');
      };
      const blocked = pagesWithInlineStyles(pages.map((p): [string, string] => [`/${p.pathname}`, htmlOf(p.pathname) ?? '']));
      if (blocked.length) {
        const shown = blocked.slice(0, 5).join(', ') + (blocked.length > 5 ? ` and ${blocked.length - 5} more` : '');
        logger.warn(
          `${blocked.length === 1 ? 'a page has' : `${blocked.length} pages have`} an inline style="" attribute, which the pages' Content-Security-Policy (style-src 'self') blocks, so it has no effect: ${shown}. Style it from a <style> block or a stylesheet instead`,
        );
      }
      // The sitemap is the site shard's: it lists the pages of every shard.
      if (!siteUrl || run?.shard?.kind === 'profiles') return;
      // Astro's own pages and the profile pages (which Astro's page list leaves out when engfolio renders
      // them, or a shard did), but not the 404 page; the sitemap sorts them and lists each once.
      const profilePages = report && (!report.fallback || run?.shard) ? report.siteFiles : [];
      const paths = [...pages.map((p) => p.pathname), ...profilePages.filter((f) => f.endsWith('index.html')).map((f) => f.slice(0, -'index.html'.length))];
      const urls = paths.filter((p) => !/^\/?404\/?$/.test(p)).map((p) => new URL(joinBase(site!.base, p), siteUrl).href);
      for (const [name, text] of sitemapFiles(urls, (n) => new URL(joinBase(site!.base, n), siteUrl).href)) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        writeFileSync(join(out, name), text);
      }
    },
    'engfolio:options': () => config,
    'engfolio:build-run': (r) => void (run = r),
    'engfolio:content': () => ({
      dir: run?.contentDir ?? resolve(root, config.content),
      root,
      strict: run?.strict ?? false,
      ...(run?.checkedContent ? { checked: run.checkedContent } : {}),
    }),
  };
  return { name: 'engfolio', hooks };
}
