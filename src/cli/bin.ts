#!/usr/bin/env node
// The executable of the `engfolio` command (package.json "bin").
import { main } from './engfolio.ts';

/** How long the process may take to end by itself once a command is done, before it is ended. */
const GRACE_MS = 3000;

/**
 * Ends the process with `code` once everything written to stdout and stderr has gone out. Not with
 * process.exit(): Node's exit joins V8's background threads while the isolate is still alive, and a
 * thread compiling in the background that waits for a garbage collection then waits forever (Node
 * issue 54918; 2 of 24 failed builds hung there, deaf to every signal but SIGKILL). Ending because
 * nothing is left to do tears the isolate down first, which stops those threads. Should something a
 * library left behind keep the process alive, it is ended after a grace period.
 */
function endWith(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) setTimeout(() => process.exit(code), GRACE_MS).unref();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // A JavaScript handler runs between two steps of the build, never inside a swap of folders, so the
    // previous site is whole; a build's staging folder is keyed on our pid, and the next build removes it.
    process.stderr.write('engfolio: interrupted; the previous site is unchanged\n', () => {
      // Ended by the signal itself, as the shell expects of an interrupted command (exit status 130 for
      // SIGINT, 143 for SIGTERM): the kernel ends every thread at once, so nothing is left running.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  });
}

/** An error no command caught, in one line: its stack only with ENGFOLIO_DEBUG (what a user can act on is the message). */
function uncaught(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return `engfolio: ${message}${process.env.ENGFOLIO_DEBUG ? `\n${(e as Error)?.stack ?? ''}` : ' (set ENGFOLIO_DEBUG=1 to see the stack trace)'}`;
}

// Thrown from a callback or a promise nobody awaits: Node would print the stack and exit 1. The same,
// in one line; ended at once as Node ends it, since what was running is in an unknown state.
process.on('uncaughtException', (e) => {
  process.stderr.write(`${uncaught(e)}\n`, () => process.exit(1));
});

main(process.argv.slice(2), { cwd: process.cwd(), out: (l) => console.log(l), err: (l) => console.error(l) }).then(endWith, (e: unknown) => {
  console.error(uncaught(e));
  endWith(1);
});
