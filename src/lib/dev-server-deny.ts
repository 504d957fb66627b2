// What `astro dev` must never serve: the site's content folder (profiles list their private sources
// there, and the import state names their repositories) and engfolio's cache (.engfolio/repos holds the
// clones of private repositories: their authors and subjects). Pages never load those files in a
// browser: the loader reads them in Node.
import { join } from 'node:path';

/** Vite's own `server.fs.deny`, which a value given for it replaces. */
const VITE_DENY = ['.env', '.env.*', '*.{crt,pem}', '**/.git/**'];

/** A path as a literal glob (picomatch), with forward slashes. */
function literalGlob(path: string): string {
  return path.replaceAll('\\', '/').replace(/[[\]{}()*?!+@|^$]/g, (c) => `\\${c}`);
}

/** `server.fs.deny` for the dev server of the site in `root` whose content is in `contentDir`. */
export function devServerDeny(root: string, contentDir: string): string[] {
  return [...VITE_DENY, `${literalGlob(join(root, '.engfolio'))}/**`, `${literalGlob(contentDir)}/**`];
}
