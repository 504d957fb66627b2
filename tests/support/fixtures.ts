// What test files use: the run's shared site builds, static servers and Chromium (see global-setup.ts).
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import type { SiteBuildOptions } from './build-site.ts';
import { connectChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './server.ts';

async function ask<T>(path: string): Promise<T> {
  const service = inject('engfolioFixtures');
  if (!service) throw new Error('The fixture service is not running: run tests with --config tests/vitest.config.ts');
  // Node's fetch gives up on headers after 5 minutes, more than any build here takes.
  const res = await fetch(service + path);
  if (!res.ok) throw new Error(await res.text());
  return (await res.json()) as T;
}

/** Returns the folder of this run's build of the example site for `options` (built once per run). */
export async function builtSite(options: SiteBuildOptions = {}): Promise<string> {
  const { dir } = await ask<{ dir: string }>(`/site?options=${encodeURIComponent(JSON.stringify(options))}`);
  return dir;
}

/** Returns a connection to this run's one Chromium; close it (not the browser) when the file is done. */
export async function sharedBrowser(): Promise<Browser> {
  const { wsEndpoint } = await ask<{ wsEndpoint: string }>('/browser');
  return connectChromium(wsEndpoint);
}

/** Returns a static server for this run's build for `options`, mounted at its base path. */
export async function servedSite(options: SiteBuildOptions = {}): Promise<StaticServer> {
  return serveStatic(await builtSite(options), options.base ?? '/');
}
