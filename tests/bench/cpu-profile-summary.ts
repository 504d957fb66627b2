// Summarizes a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof` or `node --cpu-prof`): self time per
// package or project file and per function, and total (inclusive) time of chosen functions, so "where
// does the build spend its time" has a short answer. Usage: node tests/bench/cpu-profile-summary.ts <file> [top]
// [--functions name,name,…]: with --functions, also the inclusive time of each named function (every
// sample with it on the stack, once), e.g. the share images' split: shareImageResponse,drawCard,runOf,Resvg,render,encodePng.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Returns the bucket a script URL belongs to: an npm package name, a project file, or a node builtin. */
export function bucketOf(url: string): string {
  if (!url) return '(native/idle)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

/** Returns self milliseconds per bucket and per function, and inclusive milliseconds per bucket. */
export function summarize(profile: CpuProfile): {
  totalMs: number;
  byBucket: Map<string, number>;
  byFunction: Map<string, number>;
  inclusiveByBucket: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusiveByBucket = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const ms = us / 1000;
    total += ms;
    const bucket = bucketOf(n.callFrame.url);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${bucket}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    // Inclusive: charge each bucket on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const b = bucketOf(byId.get(cur)!.callFrame.url);
      if (seen.has(b)) continue;
      seen.add(b);
      inclusiveByBucket.set(b, (inclusiveByBucket.get(b) ?? 0) + ms);
    }
  }
  return { totalMs: total, byBucket, byFunction, inclusiveByBucket };
}

/** Inclusive milliseconds of each function named in `names`: every sample with it anywhere on its stack, counted once. */
export function inclusiveOf(profile: CpuProfile, names: readonly string[]): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const wanted = new Set(names);
  const out = new Map(names.map((name) => [name, 0]));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      if (wanted.has(name) && !seen.has(name)) {
        seen.add(name);
        out.set(name, out.get(name)! + ms);
      }
    }
  });
  return out;
}

function top(map: Map<string, number>, n: number, total: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(0).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--functions');
  const functions = at >= 0 ? (args.splice(at, 2)[1] ?? '').split(',').filter(Boolean) : [];
  const [file, n = '25'] = args;
  if (!file) {
    console.error('usage: node tests/bench/cpu-profile-summary.ts <file.cpuprofile> [top] [--functions name,name,…]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const s = summarize(profile);
  if (functions.length) {
    const lines = [...inclusiveOf(profile, functions)].map(
      ([name, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%  ${name}`,
    );
    console.log(`inclusive time of the named functions (of ${s.totalMs.toFixed(0)} ms sampled):\n${lines.join('\n')}\n`);
  }
  console.log(`total sampled: ${s.totalMs.toFixed(0)} ms\n\nself time by package / file:\n${top(s.byBucket, Number(n), s.totalMs)}`);
  console.log(`\ninclusive time by package / file (callees included):\n${top(s.inclusiveByBucket, Number(n), s.totalMs)}`);
  console.log(`\nself time by function:\n${top(s.byFunction, Number(n), s.totalMs)}`);
}
