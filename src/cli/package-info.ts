// engfolio's own package.json: its version, and the Astro versions it works with.
import { readFileSync } from 'node:fs';

/** The name, version and Astro range of this engfolio. */
export function packageInfo(): { name: string; version: string; astro: string } {
  // Two folders up in the repository (src/cli/) and in the package (pkg/cli/) alike.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
    peerDependencies?: Record<string, string>;
  };
  return { name: pkg.name, version: pkg.version, astro: pkg.peerDependencies?.astro ?? '^7.0.0' };
}
