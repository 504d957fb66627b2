// A site with no profile yet (what a user has between `engfolio init` and their first import): it builds,
// and both `engfolio build` and Astro's own `astro build` say so in one friendly line, not Astro's
// "collection … does not exist or is empty" warning once per page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestSite, removeTestSite, runAstroBuild, runEngfolio } from '../support/test-site.ts';

describe('a site with no profiles yet', () => {
  let tmp: string;
  let site: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-empty-'));
    site = makeTestSite({ content: 'content' });
    mkdirSync(join(site, 'content', 'profiles'), { recursive: true });
  });
  afterAll(() => {
    removeTestSite(site);
    rmSync(tmp, { recursive: true, force: true });
  });
  const line =
    'no profiles yet: add content/profiles/<slug>.md, or import one with `npx engfolio import-git <repo> --author <email>`; until then the site is its index page';

  it('builds with `engfolio build`, which says so once', () => {
    const r = runEngfolio(site, ['build']);
    expect(r.code, r.err).toBe(0);
    const lines = (r.out + r.err).trim().split('\n');
    expect(lines[0]).toBe(`check: ${line}`);
    expect(lines.slice(1).map((l) => l.replace(/ in [\d.]+s /, ' in #s '))).toEqual(['build: 2 page(s) in #s → dist/']);
    expect(readFileSync(join(site, 'dist', 'index.html'), 'utf8')).toContain('<h1');
  });

  it('builds with Astro’s own `astro build`, which says so once and warns of nothing', async () => {
    const r = await runAstroBuild(site, ['--outDir', join(tmp, 'astro')]);
    expect(r.code, r.err).toBe(0);
    // Astro colours its log where it thinks a terminal or CI is (CI=true): the text without colours.
    // eslint-disable-next-line no-control-regex
    const all = (r.out + r.err).replace(/\x1b\[[0-9;]*m/g, '');
    expect(all.split('\n').filter((l) => l.includes('no profiles yet'))).toEqual([
      expect.stringMatching(new RegExp(`\\[engfolio\\] ${line.replace(/[.*+?^${}()|[\]\\<>`]/g, '\\$&')}$`)),
    ]);
    expect(all).not.toMatch(/WARN|does not exist or is empty/);
    expect(existsSync(join(tmp, 'astro', 'index.html'))).toBe(true);
  });
});
