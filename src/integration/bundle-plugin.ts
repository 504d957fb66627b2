// A Vite plugin on Astro's prerender build (the environment Astro renders static pages from). It adds
// one entry of engfolio's own to that build, render-entry.ts (Astro's public `createApp` for custom
// prerenderers), which the renderer's threads load to render pages the way Astro does; and it hashes
// the code each profile route runs, so a rebuild reuses a page only while its code is unchanged.
//
// The hash follows each route module's imports through the bundle's module graph, as Astro's own
// incremental build does, leaving out the content data (it changes with every edit, and pages are keyed
// on the content they read) and the logger (it carries the log level of the build, not page code).
// Which environment and modules those are comes from the Astro adapter (astro-internals.ts); if Astro
// marks them otherwise, the hash only changes more often, and pages are rendered again more often.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { AstroInternals } from './astro-internals.ts';

/** The file name of the render entry in the prerender build's output folder. */
const ENTRY_FILE = 'engfolio-render.mjs';
const CSS = /\.(css|less|sass|scss|styl|stylus|pcss|postcss|sss)(?:$|\?)/;

/** What the plugin learns about the build, for the renderer. */
export interface BundleFacts {
  /** The render entry, once the prerender build is written. */
  entryFile?: string;
  /** The code hash of each route module (by the entrypoint path given to the plugin). */
  codeHashes: Map<string, string>;
  /** Called once the prerender build is written (the renderer starts its threads then). */
  onWritten?: () => void;
  /** How long hashing took (milliseconds), for --verbose. */
  hashMs?: number;
  /** Why there is no bundle plugin in this build (the Astro adapter has nothing for this Astro). */
  noPlugin?: string;
}

/**
 * The plugin. `entry` is render-entry's path; `routeModules` the entrypoint files of the routes to hash;
 * `configFacts` the configuration pages read at run time rather than import (site, base, …), mixed into
 * every hash; `astro` what the plugin needs to know of Astro's build.
 */
export function bundlePlugin(entry: string, routeModules: readonly string[], configFacts: () => string, facts: BundleFacts, astro: AstroInternals): Plugin {
  const css = new Map<string, string>();
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return {
    name: 'engfolio:bundle',
    enforce: 'post',
    applyToEnvironment: (environment) => environment.name === astro.prerenderEnvironment,
    buildStart() {
      css.clear();
      this.emitFile({ type: 'chunk', id: entry, fileName: ENTRY_FILE });
    },
    transform(code, id) {
      // Compiled CSS leaves no code in the server modules: it is hashed as it was compiled.
      if (CSS.test(id)) css.set(id, code);
    },
    generateBundle() {
      const started = performance.now();
      // Each module's code is hashed once, however many routes import it.
      const moduleHashes = new Map<string, string | null>();
      const moduleHash = (id: string): string | null => {
        let hash = moduleHashes.get(id);
        if (hash === undefined) {
          const info = this.getModuleInfo(id);
          hash =
            !info || astro.isContentData(info.meta) || astro.isLogger(id)
              ? null
              : createHash('sha256')
                  .update(css.get(id) ?? info.code ?? '')
                  .digest('hex');
          moduleHashes.set(id, hash);
        }
        return hash;
      };
      // Styles reach a page by the stylesheets Astro links, not by imports: any changed style counts.
      const styles = createHash('sha256');
      for (const id of [...css.keys()].sort()) styles.update(`${id}\n${moduleHash(id) ?? ''}\n`);
      const stylesHash = styles.digest('hex');
      for (const moduleFile of routeModules) {
        const seen = new Set<string>();
        const pending = [real(moduleFile)];
        while (pending.length) {
          const id = pending.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          if (moduleHash(id) === null) continue;
          const info = this.getModuleInfo(id)!;
          pending.push(...info.importedIds, ...info.dynamicallyImportedIds);
        }
        const hash = createHash('sha256').update(configFacts()).update(stylesHash);
        for (const id of [...seen].sort()) hash.update(`${id}\n${moduleHash(id) ?? ''}\n`);
        facts.codeHashes.set(moduleFile, hash.digest('hex').slice(0, 16));
      }
      facts.hashMs = performance.now() - started;
    },
    writeBundle(options) {
      facts.entryFile = join(options.dir!, ENTRY_FILE);
      facts.onWritten?.();
    },
  };
}
