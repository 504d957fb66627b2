// A worker thread that does one job and reports once: the build's content check and its page worker.
import type { Worker } from 'node:worker_threads';

/**
 * Resolves to the first message `worker` posts (its report); rejects when it throws, or when it exits
 * before reporting, with an error saying that `what` stopped before it finished. What the worker does
 * after reporting (writing a cache, say) is its own business.
 */
export function workerReport<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    // After the report this settles nothing: a promise settles once.
    worker.once('exit', (code) => reject(new Error(`${what} stopped before it finished (exit code ${code})`)));
  });
}
