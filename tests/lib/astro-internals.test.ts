// The one adapter of Astro's internals: given for the Astro major it was verified with, nothing for
// any other (engfolio then leaves the profile pages to Astro: tests/build/renderer.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroInternals, astroVersionAt, unverifiedAstro } from '../../src/integration/astro-internals.ts';
import { PROJECT_ROOT } from '../support/test-site.ts';

describe('the Astro internals adapter', () => {
  it('knows Astro 7’s prerender environment, content data and logger', () => {
    for (const version of ['7.0.0', '7.3.5', '7.99.1']) {
      const internals = astroInternals(version)!;
      expect(internals.prerenderEnvironment).toBe('prerender');
      expect([
        internals.isContentData({ astroIncremental: { kind: 'content-data' } }),
        internals.isContentData({}),
        internals.isContentData(undefined),
      ]).toEqual([true, false, false]);
      expect([internals.isLogger('\0virtual:astro:logger'), internals.isLogger('/src/lib/markdown.ts')]).toEqual([true, false]);
    }
  });

  it('gives nothing for another major, and says why', () => {
    expect([astroInternals('6.4.0'), astroInternals('8.0.0'), astroInternals('8.0.0-beta.1')]).toEqual([undefined, undefined, undefined]);
    expect(unverifiedAstro('8.0.0')).toBe("Astro 8.0.0 is not a version engfolio's renderer was verified with (7.x)");
  });

  it('reads the Astro version a site runs', () => {
    const installed = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
    expect(astroVersionAt(PROJECT_ROOT)).toBe(installed);
  });
});
