// Where things live in a project: one place, so the CLI, loader and tests agree.
import { join } from 'node:path';

/** The content folder of a project root (`ENGFOLIO_CONTENT` overrides it, for tests and benchmarks). */
export function contentDir(root: string): string {
  return process.env.ENGFOLIO_CONTENT || join(root, 'content');
}
