// A static file server on 127.0.0.1 (random port) serving a built site under its base path, the way
// GitHub Pages serves a project site: only URLs under the base exist, everything else is a 404.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The site's home: origin + base path, always ending in `/`. */
  baseUrl: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Returns the base path with one leading and one trailing slash (`engfolio-test` → `/engfolio-test/`). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Returns a running server for the folder `dir` mounted at `base` (default `/`). */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const mount = normalizeBase(base);
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  // Like GitHub Pages: a site's own 404.html is the body of every 404 under the base.
  const notFoundPage = join(dir, '404.html');
  const notFound = (res: ServerResponse, underBase: boolean): void => {
    res.statusCode = 404;
    if (underBase && existsSync(notFoundPage)) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(readFileSync(notFoundPage));
    } else {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('404 Not Found');
    }
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (mount !== '/' && path === mount.slice(0, -1)) {
      res.writeHead(301, { location: mount + url.slice(path.length) });
      res.end();
      return;
    }
    if (!url.startsWith(mount)) return notFound(res, false);
    req.url = url.slice(mount.length - 1);
    files(req, res, () => notFound(res, true));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + mount,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
