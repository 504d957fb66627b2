// What the engfolio integration offers other code through its own hooks (Astro's custom integration
// hooks): `engfolio build` hands it what only the command knows, and the content loader and the commands
// ask it for the site's options. Nothing travels through process.env or globalThis.
import type { AstroConfig, AstroIntegration } from 'astro';
import type { ContentModel } from '../lib/content-read.ts';
import type { EngfolioConfig } from '../lib/options.ts';
import type { Shard } from '../lib/shard.ts';

/** What `engfolio build` tells the integration about the build it runs. */
export interface BuildRun {
  /** The content its check read (the loader stores exactly that); rejects when the content may not be built. */
  checkedContent?: Promise<ContentModel>;
  /** Treat content warnings as errors. */
  strict: boolean;
  /** The content folder to build (the command's `--content`), instead of the options' one. */
  contentDir?: string;
  /** The folder of the previous build's site, when this build may reuse its files (see renderer.ts). */
  previousSite?: string;
  /** Where the renderer keeps its record of the pages of the last build. */
  cacheDir: string;
  /** How many threads render profile pages (the main thread counts); undefined: one per core on large sites. */
  threads?: number;
  /** Leave every page to Astro's own page loop (slower: for comparisons and measurements). */
  astroRendersAll?: boolean;
  /** Build only this part of the site (`--shard`): a share of the profiles, or the site-wide pages. */
  shard?: Shard;
  /** Says what happened, when `--verbose`. */
  verbose: boolean;
  /** Called when a phase of the build ends (`--timings`). */
  phaseEnded(phase: string): void;
  /** Receives the renderer's account of this build, once the pages are written. */
  rendered(report: RenderReport): void;
}

/** What the renderer did: the profile files of the site, which of them it wrote, and how. */
export interface RenderReport {
  /** Every profile page and file of this build's output, output-relative (written now or kept from the previous site). */
  files: string[];
  /** Every profile page and file of the whole site: `files`, unless the build is a shard. */
  siteFiles: string[];
  /** Digest of the site's profile paths, their cache keys and their code: the same in every shard of one build. */
  siteDigest: string;
  /** Those written by this build. */
  written: number;
  /** Those written by worker threads. */
  byWorkers: number;
  /** Why Astro rendered them itself instead, if it did. */
  fallback?: string;
}

/** Where the content loader finds the content, and the run's checked read of it if there is one. */
export interface ContentSource {
  /** The content folder (absolute). */
  dir: string;
  /** The project root (absolute): content paths are stored relative to it. */
  root: string;
  strict: boolean;
  checked?: Promise<ContentModel>;
}

/** The custom hooks of the engfolio integration, as other integrations and engfolio's own code call them. */
export interface EngfolioHooks {
  /** The parsed options. */
  'engfolio:options': () => EngfolioConfig;
  /** `engfolio build` describes its build (called from its own integration's `astro:config:setup`). */
  'engfolio:build-run': (run: BuildRun) => void;
  /** The content loader asks where the content is. */
  'engfolio:content': () => ContentSource;
}

/** The engfolio integration of an Astro config, or undefined when it has none. */
export function findEngfolio(config: Pick<AstroConfig, 'integrations'> | { integrations?: unknown }): { hooks: EngfolioHooks } | undefined {
  const list = ([config.integrations ?? []] as unknown[]).flat(Infinity) as (AstroIntegration | undefined | null | false)[];
  const found = list.find((i): i is AstroIntegration => !!i && typeof i === 'object' && i.name === 'engfolio');
  return found && typeof found.hooks['engfolio:options'] === 'function' ? (found as unknown as { hooks: EngfolioHooks }) : undefined;
}

/** The message when a site's Astro config does not use the integration. */
export const MISSING_INTEGRATION =
  'expected integrations: [engfolio({ … })] in the Astro config, found no engfolio integration (import engfolio from "engfolio")';
