// The worker side of parallel-pages.ts: loads the site Astro just built (its prerender entry) and
// renders pages from the shared queue the way Astro's default prerenderer does on the main thread.
// It reaches into two Astro modules that are not exported entries (render for prerendering, and
// request creation) and gives the built app the two pieces of build state that rendering reads (each
// page's stylesheets and the site's inline scripts), which live in Astro's build internals.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { keepBodies } from '../lib/content-bodies.ts';
import { collectGarbage, importPageModulesOnce, renderFromQueue, type WorkerJob, type WorkerReport, type WorkerStart } from './parallel-pages.ts';

interface RouteData {
  route: string;
  component: string;
}
interface App {
  manifest: { routes: { routeData: RouteData }[]; pageMap?: unknown };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

const start = workerData as WorkerStart;
keepBodies(new Map(start.bodies));
start.bodies = [];

const astro = import.meta.resolve('astro');
const internal = <T>(path: string): Promise<T> => import(new URL(path, astro).href) as Promise<T>;

async function run(): Promise<WorkerReport> {
  // The site loads while the main thread lists the paths; then the job arrives.
  const [{ renderForPrerender }, { createRequest }, { app }, [job]] = await Promise.all([
    internal<{ renderForPrerender(app: App, request: Request, options: { routeData: RouteData; collectMetadata: boolean }): Promise<{ response: Response }> }>('./core/app/prerender.js'),
    internal<{ createRequest(options: { url: URL; headers: Headers; logger: unknown; isPrerendered: boolean; routePattern: string }): Request }>('./core/request.js'),
    import(start.entry) as Promise<{ app: App }>,
    once(parentPort!, 'message') as Promise<[WorkerJob]>,
  ]);
  // Warnings and errors reach the terminal as on the main thread; Astro's info lines stay quiet.
  const destination = { write: (m: { level: string; message: string }) => void (m.level === 'warn' || m.level === 'error' ? process.stderr.write(`${m.message}\n`) : undefined) };
  importPageModulesOnce(app);
  app.setInternals({ pagesByKeys: new Map(job.pageStyles), entrySpecifierToBundleMap: new Map() });
  app.setOptions({ settings: { scripts: job.scripts }, logger: { options: { destination } } });
  const requestLogger = { warn: (_label: unknown, message: string) => destination.write({ level: 'warn', message }) };
  const routeData = job.routes.map((pattern) => {
    const found = app.manifest.routes.map((r) => r.routeData).find((r) => r.route === pattern);
    if (!found) throw new Error(`the built site has no route ${pattern}`);
    return found;
  });
  const rendered = await renderFromQueue(
    job.queue,
    async (url, route) => {
      const data = routeData[route]!;
      const request = createRequest({ url, headers: new Headers(), logger: requestLogger, isPrerendered: true, routePattern: data.component });
      return (await renderForPrerender(app, request, { routeData: data, collectMetadata: false })).response;
    },
    collectGarbage,
  );
  return { rendered };
}

run().then(
  (report) => parentPort!.postMessage(report),
  (e: unknown) => {
    const err = e as { name?: string; message?: string; stack?: string; hint?: string; loc?: unknown; pathname?: string };
    const report: WorkerReport = { failure: { pathname: err.pathname ?? '', error: { name: err.name ?? 'Error', message: err.message ?? String(e), stack: err.stack, hint: err.hint, loc: err.loc } } };
    parentPort!.postMessage(report);
  },
);
