// Vitest globalSetup: a small local service that builds each site variant and starts Chromium at most
// once per test run, lazily, so a run of only unit tests pays for neither. Test files reach it
// through `inject('engfolioFixtures')` (see fixtures.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildSite, removeSiteBuild, removeStaleSiteBuilds, type SiteBuildOptions } from './build-site.ts';
import { launchChromiumServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the fixture service started by tests/support/global-setup.ts. */
    engfolioFixtures: string;
  }
}

/** Starts the fixture service; returns the teardown that stops Chromium and removes the builds. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  removeStaleSiteBuilds();
  const builds = new Map<string, Promise<string>>();
  let browser: Promise<BrowserServer> | undefined;

  const server = createServer((req, res) => {
    // One request a connection: a kept-alive connection that the server closes as idle just as a test
    // file sends its next request on it fails that request ("other side closed").
    res.setHeader('connection', 'close');
    const url = new URL(req.url ?? '/', 'http://fixtures');
    const reply = (work: Promise<unknown>): void => {
      work.then(
        (value) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(value));
        },
        (error: Error) => {
          res.statusCode = 500;
          res.end(error.message);
        },
      );
    };
    if (url.pathname === '/site') {
      const options = JSON.parse(url.searchParams.get('options') ?? '{}') as SiteBuildOptions;
      const key = JSON.stringify(options);
      if (!builds.has(key)) builds.set(key, buildSite(options));
      reply(builds.get(key)!.then((dir) => ({ dir })));
    } else if (url.pathname === '/browser') {
      browser ??= launchChromiumServer();
      reply(browser.then((b) => ({ wsEndpoint: b.wsEndpoint() })));
    } else {
      res.statusCode = 404;
      res.end('unknown fixture');
    }
  });
  // Builds can take a while; the default request timeouts must not cut a waiting test file off.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('engfolioFixtures', `http://127.0.0.1:${port}`);

  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    if (browser) await (await browser.catch(() => undefined))?.close();
    for (const build of builds.values()) {
      const dir = await build.catch(() => undefined);
      if (dir) removeSiteBuild(dir);
    }
  };
}
