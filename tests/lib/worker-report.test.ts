// One report from a worker thread, or why none came (src/lib/worker-report.ts).
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { workerReport } from '../../src/lib/worker-report.ts';

const worker = (code: string): Worker => new Worker(code, { eval: true });

describe('workerReport', () => {
  it('resolves to the first message, whatever the worker does after it', async () => {
    const w = worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ ok: 1 }); parentPort.postMessage({ ok: 2 }); process.exit(3);",
    );
    await expect(workerReport(w, 'the job')).resolves.toEqual({ ok: 1 });
  });

  it('rejects with what the worker threw', async () => {
    await expect(workerReport(worker("throw new Error('broken input');"), 'the job')).rejects.toThrow('broken input');
  });

  it('rejects, naming the job, when the worker exits without reporting', async () => {
    await expect(workerReport(worker('process.exit(7);'), 'the job')).rejects.toThrow('the job stopped before it finished (exit code 7)');
  });
});
