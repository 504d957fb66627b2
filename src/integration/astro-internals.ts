// What engfolio takes from Astro beyond its documented API, all in this one place. The bundle plugin
// works inside Astro's prerender build, for which Astro documents neither the Vite environment's name
// nor how it marks its content store and logger modules. These were verified with Astro 7 (the package
// tests build with 7.0.0 and the newest 7.x). On any other major the adapter gives nothing, and engfolio
// falls back: no bundle plugin, so Astro renders the profile pages itself — slower, the same site
// (tests/build/renderer.test.ts builds it both ways).
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface AstroInternals {
  /** The Vite environment Astro renders static pages from. */
  prerenderEnvironment: string;
  /** Whether a module is Astro's content store data (pages are keyed on the content they read instead). */
  isContentData(meta: Record<string, unknown> | undefined): boolean;
  /** Whether a module is Astro's logger (it carries the build's log level, not page code). */
  isLogger(id: string): boolean;
}

/** The Astro major these internals were verified with. */
const VERIFIED_MAJOR = 7;

/** The internals of Astro `version`, or undefined when they were not verified for it. */
export function astroInternals(version: string): AstroInternals | undefined {
  if (Number(version.split('.')[0]) !== VERIFIED_MAJOR) return undefined;
  return {
    prerenderEnvironment: 'prerender',
    isContentData: (meta) => (meta?.astroIncremental as { kind?: string } | undefined)?.kind === 'content-data',
    isLogger: (id) => id === '\0virtual:astro:logger',
  };
}

/** Why the adapter gives nothing for `version`, as the build says it. */
export function unverifiedAstro(version: string): string {
  return `Astro ${version} is not a version engfolio's renderer was verified with (${VERIFIED_MAJOR}.x)`;
}

/** The version of the Astro a site at `root` runs (its own dependency: Astro exports its package.json). */
export function astroVersionAt(root: string): string {
  return (createRequire(join(root, 'package.json'))('astro/package.json') as { version: string }).version;
}
