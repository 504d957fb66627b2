// Builds the shipped example site with a real Astro build into a throw-away folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBase } from './server.ts';

/** The project root (the folder holding astro.config.mjs). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Build output lives inside the project on purpose: Astro's prerender bundle imports packages from
 * node_modules, so it must sit below the project root, and an outDir outside the working directory
 * makes Astro fall back to the shared `.astro/.prerender/`, which races with anyone else's build.
 */
const BUILDS_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'engfolio-tests');

export interface SiteBuildOptions {
  /** Base path, e.g. `/engfolio-test/` (default `/`). */
  base?: string;
  /** Site URL (`SITE`), e.g. `https://example.github.io` (default: none). */
  site?: string;
  /** Extra environment for the build, e.g. `ENGFOLIO_CONTENT` to build another content folder. */
  env?: Record<string, string>;
}

let counter = 0;

/**
 * What the test runner adds to its environment: its own markers, and Vite's import.meta.env values.
 * A spawned Astro must not inherit them: Astro lets BASE_URL=/ override the configured base path, and
 * under VITEST its dev server serves no page at all.
 */
const TEST_RUNNER_VARIABLES = ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** This process's environment with `extra` on top, without the test runner's variables (unless `extra` sets them): for a spawned build or dev server. */
export function spawnedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of TEST_RUNNER_VARIABLES) if (!(name in extra)) delete env[name];
  return env;
}

/** Returns the folder of a fresh real `astro build` of the project (caller removes it with `removeSiteBuild`). */
export async function buildSite(options: SiteBuildOptions = {}): Promise<string> {
  const base = normalizeBase(options.base ?? '/');
  const name = `${process.pid}-${Date.now()}-${counter++}`;
  const outDir = join(BUILDS_DIR, name);
  const cacheDir = join(BUILDS_DIR, `${name}-cache`);
  mkdirSync(BUILDS_DIR, { recursive: true });
  // A child process: Astro's build brings its own Vite and global state, which must not mix with the
  // test runner's; cwd is the project so the prerender folder ends up inside outDir.
  // (`-e` resolves the bare 'astro' from cwd, the project.)
  const script = `const { build } = await import('astro');
await build({ root: ${JSON.stringify(PROJECT_ROOT)}, outDir: ${JSON.stringify(outDir)},
  cacheDir: ${JSON.stringify(cacheDir)}, base: ${JSON.stringify(base)}, logLevel: 'warn' });`;
  const env = spawnedEnv({ ...options.env, BASE_PATH: base, ENGFOLIO_OUT_DIR: outDir });
  if (options.site) env.SITE = options.site;
  else delete env.SITE;
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  rmSync(cacheDir, { recursive: true, force: true });
  if (code !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`astro build (base ${base}) failed with exit code ${code}:\n${output.join('')}`);
  }
  return outDir;
}

/** Removes a folder made by `buildSite`. */
export function removeSiteBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Removes builds left behind by test runs that were killed before their teardown; returns how many. */
export function removeStaleSiteBuilds(): number {
  if (!existsSync(BUILDS_DIR)) return 0;
  let removed = 0;
  for (const name of readdirSync(BUILDS_DIR)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      // No such process: its run is over, so is its build.
      rmSync(join(BUILDS_DIR, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
