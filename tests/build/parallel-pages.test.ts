// A profile's pages and files are rendered outside Astro's page loop, by the main thread and (on large
// sites) a worker thread (src/cli/parallel-pages.ts). Real builds: the files are the ones Astro itself
// renders, byte for byte, and incremental builds reuse them as before. ENGFOLIO_PAGE_WORKER=all hands
// every one to the worker, which on a small site would otherwise not start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnedEnv } from '../support/build-site.ts';
import { hashTree } from '../support/tree.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = `${root}node_modules/.bin/node`;

// A base path written without slashes, as a user may.
const env = spawnedEnv({ ENGFOLIO_STRICT: '', SITE: 'https://example.test', BASE_PATH: 'team-site' });

function build(worker: 'all' | 'off', ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(node, ['--expose-gc', 'src/cli/build.ts', '--verbose', ...args], { cwd: root, encoding: 'utf8', env: { ...env, ENGFOLIO_CONTENT: '', ENGFOLIO_PAGE_WORKER: worker } });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** A bare Astro build of `content` (Astro's own page loop renders every page), with its own cache folder. */
function astroBuild(content: string, outDir: string, cacheDir: string): { code: number | null; out: string } {
  const script = `const { build } = await import('astro'); await build({ root: ${JSON.stringify(root)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'error' });`;
  const r = spawnSync(node, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...env, ENGFOLIO_CONTENT: content } });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('profile pages and files rendered by a worker thread', () => {
  let tmp: string;
  let content: string;
  let out: string;
  const months = Array.from({ length: 30 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-parallel-'));
    content = join(tmp, 'content');
    out = join(tmp, 'site');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    for (const slug of ['ana', 'bo']) {
      mkdirSync(join(content, 'months', slug), { recursive: true });
      writeFileSync(join(content, 'profiles', `${slug}.md`), `---\nname: ${slug.toUpperCase()} Person\nheadline: Builds things\n---\n\nA summary with [a link](https://example.org).\n`);
      for (const [i, m] of months.entries()) {
        writeFileSync(join(content, 'months', slug, `${m}.md`), `---\ncommits: ${i + 3}\nfeatures: ${i % 4}\n---\n\nWork of ${m}: *emphasis*, \`code\` and [a page](../other/).\n`);
      }
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

  it('renders every profile page and file in the worker, byte for byte as Astro renders them', () => {
    const r = build('all', '--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    // Per profile: its page, 30 month pages, its feed and three data files.
    expect(r.out).toContain("build: 70 file(s) of 6 route(s) rendered outside Astro's loop, 70 of them by a worker thread\n");
    const bare = join(tmp, 'bare');
    const a = astroBuild(content, bare, join(tmp, 'astro-cache'));
    expect(a.code, a.out).toBe(0);
    expect(hashTree(out)).toEqual(hashTree(bare));
    rmSync(bare, { recursive: true, force: true });
  });

  it('on a one-month edit, renders that month and its profile\'s files again and reuses the other month pages in place', () => {
    const untouched = join(out, 'bo', months[9]!, 'index.html');
    const before = statSync(untouched);
    writeFileSync(join(content, 'months', 'ana', `${months[4]}.md`), '---\ncommits: 7\nfeatures: 1\n---\n\nEdited by the worker test workermarker.\n');
    const r = build('all', '--out', out, '--content', content);
    expect(r.code, r.out).toBe(0);
    // The month, and the profile's page, feed and data files (each shows every month).
    expect(r.out).toContain("build: 6 file(s) of 6 route(s) rendered outside Astro's loop, 6 of them by a worker thread\n");
    expect(readFileSync(join(out, 'ana', months[4]!, 'index.html'), 'utf8')).toContain('workermarker');
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('after the update, is file for file the site the main thread alone builds from scratch', () => {
    const fresh = join(tmp, 'fresh');
    const r = build('off', '--out', fresh, '--content', content);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("build: 70 file(s) of 6 route(s) rendered outside Astro's loop\n");
    expect(hashTree(out)).toEqual(hashTree(fresh));
    rmSync(fresh, { recursive: true, force: true });
  });
});
