// A failed build always ends, and an interrupted one ends at once. Each kind of failure (the content
// check, an option, a missing component of the header or of a section, a page failing in a worker
// thread) is run 20 times: every run must exit 1 within seconds with its error and "build failed"
// (Node's process.exit could deadlock on V8's background compiler: 2 of 24 runs hung before). Then
// SIGTERM and SIGINT during a build, early and while pages render: the process ends by the signal
// (the shell's 143 and 130), dist/ is the previous site byte for byte, and nothing of it runs on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../bench/generate.ts';
import { ENGFOLIO_BIN, makeTestSite, removeTestSite, runEngfolio, spawnedEnv } from '../support/test-site.ts';
import { hashTree } from '../support/tree.ts';

/** Seconds a failed build may take, from start to exit, on a loaded 2-core machine (they take about 2). */
const DEADLINE_S = 30;
const RUNS = 20;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
  seconds: number;
}

/** Runs `engfolio build` in `site`; kills it (and fails the run) past the deadline. `onErr` sees stderr as it comes. */
function build(site: string, args: string[] = [], onErr?: (text: string, pid: number) => void): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [ENGFOLIO_BIN, 'build', ...args], { cwd: site, env: spawnedEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      onErr?.(err, child.pid!);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_S * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, err, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Runs `count` builds, two at a time (the machine's cores). */
async function repeated(site: string, count: number, args: string[] = []): Promise<Run[]> {
  const runs: Run[] = [];
  const lane = async (): Promise<void> => {
    while (runs.length < count) {
      const slot = runs.length;
      runs.push(undefined as unknown as Run);
      runs[slot] = await build(site, args);
    }
  };
  await Promise.all([lane(), lane()]);
  return runs;
}

/** Processes whose working folder is `dir` (what a build of that site left running). */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/cwd`).startsWith(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sites: string[] = [];
afterAll(() => sites.forEach(removeTestSite));

const site = (spec: Parameters<typeof makeTestSite>[0]): string => {
  const root = makeTestSite(spec);
  sites.push(root);
  return root;
};

describe('a failed build', () => {
  const BOOM = '---\nthrow new Error("the Boom section broke");\n---\n<p>never</p>\n';
  const kinds: [string, () => { root: string; args?: string[] }, RegExp][] = [
    [
      'the content check',
      () => {
        const root = site({ content: 'content' });
        mkdirSync(join(root, 'content', 'profiles'), { recursive: true });
        writeFileSync(join(root, 'content', 'profiles', 'ana.md'), '---\nname: Ana\ntotals:\n  commits: twelve\n---\n');
        return { root };
      },
      /^error content\/profiles\/ana\.md:4 — totals\.commits: expected a number, found "twelve"$/m,
    ],
    [
      'an option',
      () => ({ root: site({ options: { theme: { heatmap: 'teal' } } }) }),
      /^error astro\.config\.mjs — engfolio\.theme\.heatmap: expected one of/m,
    ],
    [
      'a missing header component',
      () => ({ root: site({ options: { components: { Header: './src/components/Missing.astro' } } }) }),
      /engfolio\.components\.Header: expected an \.astro file, found nothing at \.\/src\/components\/Missing\.astro$/m,
    ],
    [
      'a missing section component',
      () => ({ root: site({ options: { sections: ['summary', { id: 'talks', title: 'Talks', component: './src/components/Talks.astro' }] } }) }),
      /engfolio\.sections\.1\.component: expected an \.astro file, found nothing at \.\/src\/components\/Talks\.astro$/m,
    ],
    [
      'a page failing in a worker thread',
      () => ({
        root: site({
          options: { sections: ['summary', { id: 'boom', title: 'Boom', component: './src/components/Boom.astro' }] },
          files: { 'src/components/Boom.astro': BOOM },
        }),
        args: ['--threads', '2'],
      }),
      /the Boom section broke/,
    ],
  ];

  it.each(kinds)(
    `fails on %s and exits within ${DEADLINE_S} s, ${RUNS} runs of ${RUNS}`,
    async (kind, make, error) => {
      const { root, args } = make();
      const runs = await repeated(root, RUNS, args);
      for (const [i, r] of runs.entries()) {
        expect({ run: i, code: r.code, signal: r.signal, inTime: r.seconds < DEADLINE_S }, r.err).toEqual({ run: i, code: 1, signal: null, inTime: true });
        expect(r.err).toMatch(error);
        // A bad option stops the command before any build: its one line is the whole story.
        if (kind !== 'an option') expect(r.err).toMatch(/^build failed; the previous site in dist\/ is unchanged/m);
        else expect(r.err.trim().split('\n')).toHaveLength(1);
      }
      expect(existsSync(join(root, 'dist'))).toBe(false);
      expect(processesIn(root)).toEqual([]);
    },
    600_000,
  );
});

describe('an interrupted build', () => {
  let root: string;
  let before: Record<string, string>;
  beforeAll(() => {
    root = site({ content: 'content' });
    generate(join(root, 'content'), { name: 'T', profiles: 60, months: 24 });
    const first = runEngfolio(root, ['build']);
    expect(first.code, first.err).toBe(0);
    before = hashTree(join(root, 'dist'));
    // A change to every profile, so the next build renders pages for a while.
    for (const file of readdirSync(join(root, 'content', 'profiles')))
      writeFileSync(join(root, 'content', 'profiles', file), `${readFileSync(join(root, 'content', 'profiles', file), 'utf8')}\nEdited.\n`);
  }, 300_000);
  afterAll(() => rmSync(join(root, 'dist'), { recursive: true, force: true }));

  it.each([
    // The content check has said its line while Astro starts, or Vite has bundled and pages render.
    ['SIGTERM', 'while Astro starts', 'check: '],
    ['SIGINT', 'while Astro starts', 'check: '],
    ['SIGTERM', 'while pages render', 'build: bundled'],
    ['SIGINT', 'while pages render', 'build: bundled'],
  ] as const)(
    'by %s %s ends at once, by that signal, with the previous site in place',
    async (signal, _, trigger) => {
      let sentAt = 0;
      const r = await build(root, ['--timings'], (text, pid) => {
        if (!sentAt && text.includes(trigger)) {
          sentAt = performance.now();
          process.kill(pid, signal);
        }
      });
      expect(sentAt, r.err).toBeGreaterThan(0);
      const afterSignal = (performance.now() - sentAt) / 1000;
      expect({ code: r.code, signal: r.signal, prompt: afterSignal < 5 }, r.err).toEqual({ code: null, signal, prompt: true });
      expect(r.err).toContain('engfolio: interrupted; the previous site is unchanged');
      expect(hashTree(join(root, 'dist'))).toEqual(before);
      expect(processesIn(root)).toEqual([]);
    },
    120_000,
  );
});
