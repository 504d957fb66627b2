// The site builds the test run shares (one per set of options): a test site (test-site.ts) built with
// Astro's own `astro build`, as a user without engfolio's command builds it.
import { join } from 'node:path';
import { normalizeBase } from './server.ts';
import { makeTestSite, removeStaleTestSites, removeTestSite, runAstroBuild } from './test-site.ts';

export interface SiteBuildOptions {
  /** Base path, e.g. `/engfolio-test/` (default `/`). */
  base?: string;
  /** Site URL, e.g. `https://example.github.io` (default: none). */
  site?: string;
  /** The content folder (default: the example's, tests/fixtures/example-content). */
  content?: string;
  /** engfolio's options besides `content` (default: none). */
  engfolio?: Record<string, unknown>;
}

/** Returns the output folder of a fresh real build of a test site for `options` (remove it with `removeSiteBuild`). */
export async function buildSite(options: SiteBuildOptions = {}): Promise<string> {
  const root = makeTestSite({ content: options.content, base: normalizeBase(options.base ?? '/'), site: options.site, options: options.engfolio });
  const r = await runAstroBuild(root);
  if (r.code !== 0) {
    removeTestSite(root);
    throw new Error(`astro build (base ${options.base ?? '/'}) failed with exit code ${r.code}:\n${r.out}${r.err}`);
  }
  return join(root, 'dist');
}

/** Removes a build made by `buildSite`, with its site. */
export function removeSiteBuild(dir: string): void {
  removeTestSite(join(dir, '..'));
}

/** Removes builds left behind by test runs that were killed before their teardown. */
export const removeStaleSiteBuilds = removeStaleTestSites;
