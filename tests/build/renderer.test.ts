// A profile's pages and files are rendered outside Astro's page loop, by the main thread and worker
// threads, through Astro's public App (src/integration/renderer.ts). Real builds: the files are the ones
// Astro's own loop renders, byte for byte, and incremental builds reuse them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestSite, removeTestSite, runEngfolio } from '../support/test-site.ts';
import { hashTree } from '../support/tree.ts';

describe('profile pages and files rendered outside Astro’s loop', () => {
  let tmp: string;
  let site: string;
  let out: string;
  const months = Array.from({ length: 30 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const build = (...args: string[]): { code: number | null; out: string } => {
    const r = runEngfolio(site, ['build', '--verbose', ...args]);
    return { code: r.code, out: r.out + r.err };
  };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-renderer-'));
    const content = join(tmp, 'content');
    out = join(tmp, 'site');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    for (const slug of ['ana', 'bo', 'cy', 'di']) {
      mkdirSync(join(content, 'months', slug), { recursive: true });
      writeFileSync(
        join(content, 'profiles', `${slug}.md`),
        `---\nname: ${slug.toUpperCase()} Person\nheadline: Builds things\n---\n\nA summary with [a link](https://example.org).\n`,
      );
      for (const [i, m] of months.entries()) {
        writeFileSync(
          join(content, 'months', slug, `${m}.md`),
          `---\ncommits: ${i + 3}\nfeatures: ${i % 4}\n---\n\nWork of ${m}: *emphasis*, \`code\` and [a page](../other/).\n`,
        );
      }
    }
    // A base path written without slashes, as a user may.
    site = makeTestSite({ content, site: 'https://example.test', base: 'team-site' });
  });
  afterAll(() => {
    removeTestSite(site);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  });

  it('renders every profile page and file on three threads', () => {
    const r = build('--threads', '3', '--out', out);
    expect(r.code, r.out).toBe(0);
    // Per profile: its page, 30 month pages, 3 years in review, its feed, three data files and four share images.
    const done = /build: 168 profile file\(s\) rendered outside Astro's loop, (\d+) of them by 2 worker thread\(s\); 0 kept/.exec(r.out);
    expect(done, r.out).not.toBeNull();
    expect(Number(done![1])).toBeGreaterThan(0);
  });

  it("on a one-month edit, renders that month and its profile's files again and reuses the other pages in place", () => {
    const untouched = join(out, 'bo', months[9]!, 'index.html');
    const before = statSync(untouched);
    const file = join(tmp, 'content', 'months', 'ana', `${months[4]}.md`);
    writeFileSync(file, '---\ncommits: 7\nfeatures: 1\n---\n\nEdited by the renderer test renderermarker.\n');
    const r = build('--threads', '3', '--out', out);
    expect(r.code, r.out).toBe(0);
    // The month, the profile's page, feed, data files and share image (each shows every month), and the
    // years in review of 2022 (its year) and 2023 (compared with 2022) with their share images.
    expect(r.out).toMatch(/build: 11 profile file\(s\) rendered outside Astro's loop, \d+ of them by 2 worker thread\(s\); 157 kept from the previous site/);
    expect(readFileSync(join(out, 'ana', months[4]!, 'index.html'), 'utf8')).toContain('renderermarker');
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('after the update, is file for file the site the main thread alone builds from scratch, and the site Astro’s own loop builds', () => {
    const fresh = join(tmp, 'fresh');
    const r = build('--threads', '1', '--out', fresh);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("build: 168 profile file(s) rendered outside Astro's loop; 0 kept from the previous site\n");
    expect(hashTree(out)).toEqual(hashTree(fresh));
    const astro = join(tmp, 'astro');
    const a = build('--astro-renders-all', '--out', astro);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toContain('engfolio: Astro renders the profile pages itself (slower): asked to (--astro-renders-all)');
    expect(hashTree(out)).toEqual(hashTree(astro));
    for (const dir of [fresh, astro]) rmSync(dir, { recursive: true, force: true });
  });

  it('on an Astro whose internals the adapter was not verified with, leaves the pages to Astro’s loop: the same site', () => {
    const other = makeTestSite({ content: join(tmp, 'content'), site: 'https://example.test', base: 'team-site', testing: { astroVersion: '8.0.0' } });
    try {
      const fallback = join(tmp, 'fallback');
      const r = runEngfolio(other, ['build', '--out', fallback]);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.err).toContain(
        "engfolio: Astro renders the profile pages itself (slower): Astro 8.0.0 is not a version engfolio's renderer was verified with (7.x)",
      );
      expect(hashTree(fallback)).toEqual(hashTree(out));
      rmSync(fallback, { recursive: true, force: true });
    } finally {
      removeTestSite(other);
    }
  });
});
