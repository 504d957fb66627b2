// Whether a process still runs: what a file or folder named by its pid belongs to (a build's staging
// folder, a write's temp file) is stale once it does not.

/** Whether the process `pid` is running (EPERM: it is, as another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
