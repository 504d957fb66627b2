// The shapes Astro's public prerenderer types allow, read in one place. Astro 7.0–7.3 type
// `getStaticPaths()` as a bare list of paths; 7.4.1 added `{ paths, metadata }` (the list is now
// deprecated) and lets `render()` return a `PrerenderResult` instead of a `Response`. The renderer reads
// the paths from whichever shape Astro gave and hands back the same shape, so Astro's metadata (images
// resolved while listing paths, and anything else a later minor adds beside `paths`) reaches Astro
// untouched. A shape neither version declares is `undefined`: the renderer then leaves the build to
// Astro's own loop instead of guessing.
import type { AstroPrerenderer } from 'astro';

/** What Astro's default prerenderer's `getStaticPaths()` resolves to, in any Astro 7.x. */
type StaticPathsAnswer = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>;
/** One path to prerender, with its route (`PathWithRoute` of Astro's types). */
export type PathWithRoute = PathOf<StaticPathsAnswer>;
/** The path type of each member of the answer's union (distributes over it). */
type PathOf<A> = A extends readonly (infer P)[] ? P : A extends { paths: readonly (infer P)[] } ? P : never;

/** The paths of an answer and a function that gives Astro back the answer of the same shape with other paths. */
export interface ReadPaths {
  paths: readonly PathWithRoute[];
  withPaths(paths: PathWithRoute[]): StaticPathsAnswer;
}

const isPath = (p: unknown): p is PathWithRoute =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as { pathname?: unknown }).pathname === 'string' &&
  typeof (p as { route?: { route?: unknown } }).route?.route === 'string' &&
  typeof (p as { route: { component?: unknown } }).route.component === 'string';

/** Reads the paths of `answer`, or returns undefined when it is not a shape of Astro's declared types. */
export function readStaticPaths(answer: unknown): ReadPaths | undefined {
  if (Array.isArray(answer)) return answer.every(isPath) ? { paths: answer, withPaths: (paths) => paths } : undefined;
  if (typeof answer !== 'object' || answer === null) return undefined;
  const paths = (answer as { paths?: unknown }).paths;
  if (!Array.isArray(paths) || !paths.every(isPath)) return undefined;
  // Everything beside the paths (the metadata) goes back as Astro gave it.
  return { paths, withPaths: (next) => ({ ...(answer as object), paths: next }) as StaticPathsAnswer };
}

/** What an answer looks like, for the line that says why the renderer left it to Astro. */
export function describeShape(answer: unknown): string {
  if (Array.isArray(answer)) return 'a list whose items are not paths with routes';
  if (typeof answer !== 'object' || answer === null) return `${answer === null ? 'null' : typeof answer}`;
  const keys = Object.keys(answer).slice(0, 5);
  return keys.length ? `an object with ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty object';
}
