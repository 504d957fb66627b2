#!/usr/bin/env node
// The executable of the `engfolio` command (package.json "bin").
import { main } from './engfolio.ts';

/** Exits once everything written to stdout and stderr has gone out: process.exit drops what a pipe has not taken yet. */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A build's staging folder is keyed on our pid; the next build removes it as stale.
    if (exiting) return;
    exiting = true;
    console.error('engfolio: interrupted; the previous site is unchanged');
    process.exit(130);
  });
}

main(process.argv.slice(2), { cwd: process.cwd(), out: (l) => console.log(l), err: (l) => console.error(l) }).then(exitAfterOutput, (e: unknown) => {
  console.error(`engfolio: ${(e as Error)?.message ?? String(e)}`);
  exitAfterOutput(1);
});
