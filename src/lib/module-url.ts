// Finds a module next to the calling one. In the repository the code runs as TypeScript (`.ts`); in the
// published package as compiled JavaScript (`.js`): a path given as a string (a worker's script, a file
// to hash) must follow the extension of the module that names it.

/** The URL of the module `name` (no extension) next to the module at `moduleUrl`, with that module's extension. */
export function siblingModule(moduleUrl: string, name: string): URL {
  const ext = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${name}${ext}`, moduleUrl);
}
