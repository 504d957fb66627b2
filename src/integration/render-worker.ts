// A worker thread of the renderer (renderer.ts): loads the built site as soon as it exists, then renders
// from the shared queue alongside the main thread, and reports how many files it wrote.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { loadApp, renderFromQueue, type RenderFailure, type RenderJob } from './render-queue.ts';

/** What a worker reports: how many files it wrote, or the path that failed. */
export type WorkerReport = { written: number } | { failure: RenderFailure };

async function run(): Promise<WorkerReport> {
  const app = await loadApp(workerData as Pick<RenderJob, 'entryFile'>);
  // Ready: the main thread sends the job once it knows the paths.
  parentPort!.postMessage('ready');
  const [job] = (await once(parentPort!, 'message')) as [RenderJob];
  return { written: await renderFromQueue(job, app, collectGarbage) };
}

run().then(
  (report) => parentPort!.postMessage(report),
  (e: unknown) => {
    const err = e as { message?: string; stack?: string; pathname?: string };
    parentPort!.postMessage({ failure: { pathname: err.pathname ?? '', message: err.message ?? String(e), stack: err.stack } } satisfies WorkerReport);
  },
);
