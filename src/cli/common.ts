// What every command shares: its output, its errors (one clear line, never a stack), the site's options
// from its Astro config, and the site's own Astro.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { findEngfolio, MISSING_INTEGRATION } from '../integration/hooks.ts';
import { OptionsError, type EngfolioConfig } from '../lib/options.ts';

/** Where a command reads and writes. */
export interface Io {
  /** The folder it runs in: the site's root. */
  cwd: string;
  /** A line for standard output. */
  out(line: string): void;
  /** A line for standard error. */
  err(line: string): void;
}

/** A command that cannot go on: its message is printed as it is, and the process exits with `code`. */
export class CommandError extends Error {
  override name = 'CommandError';
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

/** Parses a command's arguments strictly; a bad one is a CommandError (exit 2) followed by the command's usage. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string, positionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new CommandError(`${(e as Error).message}\n${usage}`, 2);
  }
}

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

/** The Astro config file of the site in `root`, or undefined. */
export function configFileOf(root: string): string | undefined {
  return CONFIG_FILES.map((f) => join(root, f)).find((f) => existsSync(f));
}

/**
 * The engfolio options of the site in `root`, read from its Astro config. Throws an OptionsError for
 * bad options, a CommandError when there is no config or no engfolio integration in it.
 */
export async function loadSiteOptions(root: string): Promise<EngfolioConfig> {
  const file = configFileOf(root);
  if (!file) throw new CommandError(`expected an Astro config (astro.config.mjs) in ${root}, found none — make a site with \`npx engfolio init <folder>\``);
  let config: unknown;
  try {
    config = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (e) {
    if (e instanceof OptionsError || (e as Error)?.name === 'OptionsError') throw e;
    throw new CommandError(`${file}: could not be loaded: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`);
  }
  const engfolio = findEngfolio((config ?? {}) as { integrations?: unknown });
  if (!engfolio) throw new CommandError(`${file}: ${MISSING_INTEGRATION}`);
  return engfolio.hooks['engfolio:options']();
}

/** The site's own Astro (the one its package.json installs), for its `build`. */
export async function astroFor(root: string): Promise<typeof import('astro')> {
  let entry: string;
  try {
    entry = createRequire(join(root, 'package.json')).resolve('astro');
  } catch {
    throw new CommandError(`expected Astro installed in ${root} (npm install astro), found none`);
  }
  return (await import(pathToFileURL(entry).href)) as typeof import('astro');
}

// The commands may collect garbage when they know much has just been freed (src/lib/collect-garbage.ts):
// V8 exposes its collector to contexts made after this flag is set, worker threads' among them.
setFlagsFromString('--expose-gc');
