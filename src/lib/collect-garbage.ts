// A full garbage collection on demand, where V8 allows it: `engfolio build` sets V8's --expose-gc flag when
// it starts, so every context made after that (this thread's vm contexts, every worker thread) can reach
// the collector. Under a plain `astro build` there is none, and this does nothing.
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/** Runs a full garbage collection if V8 exposes its collector; else does nothing. */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      collector = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
    } catch {
      collector = null;
    }
  }
  collector?.();
}
