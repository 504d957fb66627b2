// Narratives rendered ahead of the pages, in a worker thread. A full build renders each of its
// narratives once (src/data/profiles.ts narrativeHtml), on the main thread, which is the build's
// bottleneck on a 2-core machine; while that thread sets Astro up and bundles (seconds), the other
// core is idle. `npm run build` hands the checked narratives to a worker then, and pages take the
// HTML from here when it is ready and matches (same Markdown file digest and URL context), or render
// it themselves: the output is the same either way (tests/lib/narrative-prerender.test.ts).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { renderMarkdown, type RenderOptions } from './markdown.ts';

export interface NarrativeJob {
  /** Digest of the narrative's file: identifies its Markdown. */
  digest: string;
  markdown: string;
  /** What relative URLs resolve against (src/lib/url.ts profileUrlContext). */
  options: { base: string; pageDir: string };
}

const keyOf = (digest: string, options: RenderOptions): string => `${options.base ?? ''}\0${options.pageDir ?? ''}\0${digest}`;

// On globalThis: the build command and the bundled pages are separate module instances.
const KEY = Symbol.for('engfolio.prerendered-narratives');
const slot = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;

/** Renders every job to HTML (what the worker runs). */
export function renderJobs(jobs: readonly NarrativeJob[]): string[] {
  return jobs.map((j) => renderMarkdown(j.markdown, j.options));
}

/**
 * Renders `jobs` in a worker thread and keeps the HTML for prerenderedNarrative. Resolves to how many
 * were kept; never rejects (on a failure nothing is kept, and pages render narratives themselves).
 */
export function prerenderNarrativesInWorker(jobs: NarrativeJob[]): Promise<number> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: { renderNarratives: jobs } });
    } catch {
      return resolve(0);
    }
    worker.unref();
    worker.once('message', (html: string[]) => {
      const kept = new Map<string, string>();
      jobs.forEach((j, i) => kept.set(keyOf(j.digest, j.options), html[i]!));
      slot[KEY] = kept;
      resolve(kept.size);
    });
    worker.once('error', () => resolve(0));
    worker.once('exit', () => resolve(0));
  });
}

/** Takes the HTML rendered ahead for the narrative of file digest `digest` with `options`, if there is one. */
export function takePrerenderedNarrative(digest: string, options: RenderOptions): string | undefined {
  const kept = slot[KEY];
  if (!kept) return undefined;
  const key = keyOf(digest, options);
  const html = kept.get(key);
  // Taken once: the caller keeps it for the build's other uses, and the map shrinks as pages render.
  if (html !== undefined) kept.delete(key);
  return html;
}

/** Drops whatever was rendered ahead and not taken. */
export function forgetPrerenderedNarratives(): void {
  slot[KEY] = undefined;
}

if (!isMainThread && (workerData as { renderNarratives?: unknown } | null)?.renderNarratives) {
  parentPort!.postMessage(renderJobs((workerData as { renderNarratives: NarrativeJob[] }).renderNarratives));
}
