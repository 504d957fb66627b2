// Narratives rendered by one thread of a build, handed to the other. When a worker thread renders
// month pages (src/cli/parallel-pages.ts), the main thread has usually rendered the same narratives
// already, for the profile pages and feeds: it passes them on, and the worker renders only those it
// has not received (measured on L: satteri's share of the worker was 1.6 s of CPU).
// On globalThis: the pages (bundled by Vite) and the build's own modules are separate module instances.

export interface NarrativeExchange {
  /** Called with each narrative this thread rendered. */
  rendered?: (key: string, html: string) => void;
  /** A narrative another thread rendered, if it has arrived. */
  received?: (key: string) => string | undefined;
}

const KEY = Symbol.for('engfolio.narrative-exchange');
const slot = globalThis as unknown as Record<symbol, NarrativeExchange | undefined>;

/** This thread's exchange (empty unless a build set it up). */
export function narrativeExchange(): NarrativeExchange {
  return (slot[KEY] ??= {});
}

/** The key of a month's narrative: its page, and the digest of its file (the same in every thread of a build). */
export function narrativeKey(slug: string, month: string, digest: string | undefined): string {
  return `${slug}/${month}\0${digest ?? ''}`;
}
