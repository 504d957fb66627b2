// Sites made for a test, the way a user's site is made: an Astro config with engfolio({ … }), a
// src/content.config.ts, and the test's own content and files. They use the repository's engfolio (its
// source) and live inside the repository, so Node finds astro and the other packages from them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The content of the generator's own example (Mira and Tejun), a fixture: not the shipped content/. */
const EXAMPLE_CONTENT = join(PROJECT_ROOT, 'tests', 'fixtures', 'example-content');
/** Where test sites are made: inside the repository (Node resolves packages from there), never under node_modules (Vite watches nothing there). */
const SITES_DIR = join(PROJECT_ROOT, '.engfolio', 'test-sites');
/** The engfolio command, as the repository runs it. */
export const ENGFOLIO_BIN = join(PROJECT_ROOT, 'src', 'cli', 'bin.ts');

export interface TestSite {
  /** The content folder (default: the example's). */
  content?: string;
  /** engfolio's options besides `content`. */
  options?: Record<string, unknown>;
  /** Astro's `site` and `base`. */
  site?: string;
  base?: string;
  /** engfolio's second argument: facts a test sets in place of the real ones (EngfolioTesting). */
  testing?: Record<string, unknown>;
  /** More files of the site, by path from its root (`src/pages/about.astro`). */
  files?: Record<string, string>;
}

let counter = 0;

/** Writes a site for `spec` and returns its root folder (remove it with `removeTestSite`). */
export function makeTestSite(spec: TestSite = {}): string {
  const root = join(SITES_DIR, `${process.pid}-${Date.now()}-${counter++}`);
  const options = { content: spec.content ?? EXAMPLE_CONTENT, ...spec.options };
  const files: Record<string, string> = {
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      `import engfolio from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'index.ts'))};`,
      `export default defineConfig({ site: ${JSON.stringify(spec.site)}, base: ${JSON.stringify(spec.base)}, integrations: [engfolio(${JSON.stringify(options)}${spec.testing ? `, ${JSON.stringify(spec.testing)}` : ''})] });`,
      '',
    ].join('\n'),
    'src/content.config.ts': `import { engfolioCollections } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'content.ts'))};\nexport const collections = engfolioCollections();\n`,
    'package.json': '{ "name": "engfolio-test-site", "private": true, "type": "module" }\n',
    ...spec.files,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Removes a test site. */
export function removeTestSite(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Removes sites left by test runs that were killed before their teardown; returns how many. */
export function removeStaleTestSites(): number {
  if (!existsSync(SITES_DIR)) return 0;
  let removed = 0;
  for (const name of readdirSync(SITES_DIR)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(SITES_DIR, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * What the test runner adds to its environment: its own markers, and Vite's import.meta.env values.
 * A spawned Astro must not inherit them: Astro lets BASE_URL=/ override the configured base path, and
 * under VITEST its dev server serves no page at all.
 */
const TEST_RUNNER_VARIABLES = ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/**
 * This process's environment with `extra` on top, without the test runner's variables (unless `extra`
 * sets them), and with Astro's telemetry off (unless `extra` says otherwise): for a spawned build or dev server.
 */
export function spawnedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of TEST_RUNNER_VARIABLES) if (!(name in extra)) delete env[name];
  return env;
}

export interface CommandResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `engfolio <args>` in `cwd` and waits for it. */
export function runEngfolio(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): CommandResult {
  const r = spawnSync(process.execPath, [ENGFOLIO_BIN, ...args], { cwd, encoding: 'utf8', env: spawnedEnv(env) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs Astro's own `astro build` in a site (the way a user runs it without engfolio's command). */
export function runAstroBuild(cwd: string, args: string[] = []): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args], { cwd, env: spawnedEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
