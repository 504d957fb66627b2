// A local https server for tests of what a client sends (a token must reach only the host it is for):
// its certificate is made here with openssl, for 127.0.0.1 and localhost, and trusted by git through
// GIT_SSL_CAINFO. Every request's headers are kept.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TestServer {
  port: number;
  /** What every request sent: its path and headers. */
  seen: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A certificate and key for 127.0.0.1 and localhost, made in `dir`; returns the files (the certificate is its own CA). */
export function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl could not make a test certificate: ${r.error?.message ?? r.stderr}`);
  return { cert, key };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Listens on 127.0.0.1 over https (given a certificate) or http; each request is kept, then handled. */
export async function testServer(handler: Handler, tls?: { cert: string; key: string }): Promise<TestServer> {
  const seen: TestServer['seen'] = [];
  const handle: Handler = (req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    // One request per connection: a kept-alive connection closed as idle would fail the client's next one.
    res.setHeader('connection', 'close');
    handler(req, res);
  };
  const server = tls ? createHttpsServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Asks for credentials (401, Basic) until they come, then answers 404. */
export const askForCredentials: Handler = (req, res) => {
  res.statusCode = req.headers.authorization ? 404 : 401;
  if (!req.headers.authorization) res.setHeader('www-authenticate', 'Basic realm="git"');
  res.end();
};
