// `astro dev` follows the content folder: a real Astro dev server of a test site on a temporary content folder,
// which the test edits the way a writer does, and reads back over HTTP (src/loaders/engfolio-loader.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestSite, removeTestSite, spawnedEnv } from '../support/test-site.ts';

/** Fetches `url` until `ok` accepts the response (or 30 s pass); returns the last body. */
async function poll(url: string, ok: (status: number, body: string) => boolean): Promise<{ status: number; body: string }> {
  let last = { status: 0, body: '' };
  for (const end = Date.now() + 30_000; Date.now() < end;) {
    try {
      const r = await fetch(url);
      last = { status: r.status, body: await r.text() };
      if (ok(last.status, last.body)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

describe('the dev server and content edits', () => {
  let tmp: string;
  let content: string;
  let site: string;
  let server: ChildProcess;
  let origin: string;
  let log = '';
  const month = (commits: number, narrative: string): string => `---\ncommits: ${commits}\nfeatures: 1\n---\n\n${narrative}\n`;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'engfolio-dev-'));
    // The content inside the site, as `engfolio init` makes it (and so inside what Vite may serve).
    site = makeTestSite({ content: 'content' });
    content = join(site, 'content');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    mkdirSync(join(content, 'git-import'), { recursive: true });
    writeFileSync(join(content, 'git-import', 'ana.json'), '{"repositoryNames":["acme/SECRETPROJ"]}\n');
    mkdirSync(join(site, '.engfolio', 'repos', 'abc.git'), { recursive: true });
    writeFileSync(join(site, '.engfolio', 'repos', 'abc.git', 'packed-refs'), 'SECRETPROJ subjects\n');
    mkdirSync(join(content, 'months', 'ana'), { recursive: true });
    writeFileSync(join(content, 'profiles', 'ana.md'), '---\nname: Ana Person\nheadline: Builds things\n---\n\nA summary.\n');
    writeFileSync(join(content, 'months', 'ana', '2024-01.md'), month(11, 'The first narrative.'));
    writeFileSync(join(content, 'months', 'ana', '2024-02.md'), month(12, 'The second narrative.'));
    // Astro's dev server on a port it picks.
    const root = site;
    const script = `const { dev } = await import('astro');
const server = await dev({ root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(join(tmp, 'cache'))}, server: { host: '127.0.0.1', port: 0 }, logLevel: 'info' });
console.log('LISTENING ' + server.address.port);`;
    server = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: spawnedEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        const m = /LISTENING (\d+)/.exec(log);
        if (m) resolve(m[1]!);
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.once('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${log}`)));
    });
    origin = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    server?.kill();
    removeTestSite(site);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  });

  it('serves the content as it is when it starts', async () => {
    const r = await poll(`${origin}/ana/2024-01/`, (status) => status === 200);
    expect(r.status, `${log}\n---\n${r.body.slice(0, 500)}`).toBe(200);
    expect(r.body).toContain('The first narrative.');
  });

  it('serves none of the content files or the cache of private sources (Vite would serve any file under the root)', async () => {
    await poll(`${origin}/ana/2024-01/`, (status) => status === 200);
    const served: Record<string, number> = {};
    for (const path of [
      `/@fs${join(site, '.engfolio', 'repos', 'abc.git', 'packed-refs')}`,
      '/.engfolio/repos/abc.git/packed-refs?raw',
      `/@fs${join(content, 'git-import', 'ana.json')}`,
      '/content/git-import/ana.json?raw',
      '/content/profiles/ana.md?raw',
    ]) {
      const r = await fetch(`${origin}${path}`);
      const body = await r.text();
      served[path] = body.includes('SECRETPROJ') || body.includes('Ana Person') ? r.status : 0;
    }
    expect(served).toEqual(Object.fromEntries(Object.keys(served).map((p) => [p, 0])));
  });

  it('shows an edited narrative on the next request, on the month page and the profile page', async () => {
    writeFileSync(join(content, 'months', 'ana', '2024-01.md'), month(11, 'An edited narrative, devmarker.'));
    const page = await poll(`${origin}/ana/2024-01/`, (_, body) => body.includes('devmarker'));
    expect(page.body, log).toContain('An edited narrative, devmarker.');
    expect((await poll(`${origin}/ana/`, (_, body) => body.includes('devmarker'))).body).toContain('devmarker');
  });

  it('shows edited figures and a new month', async () => {
    writeFileSync(join(content, 'months', 'ana', '2024-02.md'), month(4321, 'The second narrative.'));
    writeFileSync(join(content, 'months', 'ana', '2024-03.md'), month(5, 'A month added while the server runs.'));
    expect((await poll(`${origin}/ana/2024-02/`, (_, body) => body.includes('4,321') || body.includes('4321'))).body, log).toMatch(/4,?321/);
    const added = await poll(`${origin}/ana/2024-03/`, (status) => status === 200);
    expect(added.status, log).toBe(200);
    expect(added.body).toContain('A month added while the server runs.');
  });

  it('says what is wrong with a broken file and keeps serving the last good content', async () => {
    const before = log.length;
    writeFileSync(join(content, 'months', 'ana', '2024-02.md'), '---\ncommits: many\n---\n\nBroken.\n');
    for (const end = Date.now() + 30_000; Date.now() < end && !log.slice(before).includes('2024-02.md');) await new Promise((r) => setTimeout(r, 200));
    expect(log.slice(before)).toMatch(/2024-02\.md:2 — commits: expected/);
    const page = await poll(`${origin}/ana/2024-02/`, (status) => status === 200);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/4,?321/);
    // Fixed again, it is picked up again.
    writeFileSync(join(content, 'months', 'ana', '2024-02.md'), month(77, 'Fixed.'));
    expect((await poll(`${origin}/ana/2024-02/`, (_, body) => body.includes('Fixed.'))).body, log).toContain('Fixed.');
  });
});
