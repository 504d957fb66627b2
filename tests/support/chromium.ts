// Finds a real Chromium on this machine (no browser download step) and starts it with playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/**
 * Flags for every launch. Deliberately NOT @sparticuz/chromium's `args`: its `--single-process`
 * crashes the second browser context and its `--disable-web-security` would hide the CSP and
 * cross-origin failures the browser tests exist to catch. The machine has no network, so every
 * background fetch Chromium would make on its own is switched off.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let found: Promise<string> | undefined;

/** Returns the path of a Chromium binary: `CHROME_PATH`, then /usr/bin/chromium, then @sparticuz/chromium. */
function findChromium(): Promise<string> {
  found ??= locate();
  return found;
}

async function locate(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file exists there`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    // The npm package ships a brotli-packed Chromium and unpacks it into the temp folder once.
    const { default: packaged } = await import('@sparticuz/chromium');
    return await packaged.executablePath();
  } catch (error) {
    throw new Error(
      `No Chromium found: CHROME_PATH is unset, /usr/bin/chromium does not exist and @sparticuz/chromium ` +
        `could not unpack its browser (${(error as Error).message}). Set CHROME_PATH to a Chromium binary.`,
      { cause: error },
    );
  }
}

/** Returns a freshly launched headless Chromium; `debugPort` also opens a DevTools port (for Lighthouse). */
export async function launchChromium(options: { debugPort?: number } = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS];
  if (options.debugPort !== undefined) args.push(`--remote-debugging-port=${options.debugPort}`);
  return chromium.launch({ executablePath: await findChromium(), args });
}

/** Returns a Chromium running as a server that other processes attach to with `connectChromium`. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: await findChromium(), args: [...CHROMIUM_ARGS], host: '127.0.0.1' });
}

/** Returns a connection to a Chromium started by `launchChromiumServer` (possibly in another process). */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
